// The rows a function reads from a log: those that pass every filter and, when a date
// column is given, have a date within the window. Shared by every log function so that
// lengths, dates, windows and filters follow one set of rules.
#pragma once

#include "periods.hpp"

namespace ca {

struct SelectedRows {
    std::vector<std::uint32_t> index; // the rows kept, in order
    std::vector<Day> day;             // their dates, when a date column was given
    DateWindow window;
};

// Err:502 when `dates` (if given) or a filter column has another length than `rows`, a
// non-empty date cell is not a date, Start or End is not a date, Start is after End, or a
// window is given without dates.
Result<SelectedRows> select_rows(std::size_t rows, Cells dates, const Cell& start, const Cell& end,
                                 std::span<const Filter> filters, DateOrigin origin);

// The periods a series covers: from Start (or the first of `days`) to End (or the last).
PeriodRange series_range(const DateWindow& window, std::span<const Day> days, PeriodSpec spec);

} // namespace ca
