// Dates in cells: serials relative to the document's NullDate, or text in the forms the
// spec accepts. Inside the core a date is a Day, counted from 1970-01-01.
#pragma once

#include "cells.hpp"

#include <chrono>
#include <cmath>
#include <optional>

namespace ca {

using Day = std::int64_t;

Day day_of(std::chrono::year_month_day ymd);
std::chrono::year_month_day date_of(Day day);

// The document's date origin: serial 0 is this day (Calc's default is 1899-12-30).
struct DateOrigin {
    Day null_date = day_of(std::chrono::year{1899} / 12 / 30);
    double serial(Day day) const { return static_cast<double>(day - null_date); }
};

// The day of a date serial, its time of day ignored; nullopt unless it is finite and in
// the years 1..9999 (checked before conversion, so that no huge serial can overflow).
inline std::optional<Day> serial_day(double serial, DateOrigin origin) {
    constexpr double lo = -719162; // 0001-01-01, in days since 1970-01-01
    constexpr double hi = 2932896; // 9999-12-31
    if (!(serial == serial) || serial > 1e12 || serial < -1e12) return std::nullopt;
    const double day = std::floor(serial) + static_cast<double>(origin.null_date);
    if (day < lo || day > hi) return std::nullopt;
    return static_cast<Day>(day);
}

// Empty cell: no date. A number: a serial, its time of day ignored. Text: 2024-04-01,
// 2024/4/1, 2024/04/01 or 2024年4月1日. Anything else, or a year outside 1..9999: Err:502.
Result<std::optional<Day>> read_date(CellView cell, DateOrigin origin);

// The day of each cell of a date column, each distinct text parsed once (a column of a
// million rows usually holds a few thousand texts); serials are read inline. The one
// reader of date columns: `no_date` for an empty cell, `not_a_date` (Err:502) for a cell
// that is no date.
class DayColumn {
  public:
    static constexpr Day no_date = INT64_MIN, not_a_date = INT64_MIN + 1; // never days
    DayColumn(ColumnView dates, DateOrigin origin)
        : dates_(dates), origin_(origin), memo_(dates, unparsed) {}
    Day operator[](std::size_t row) const {
        const CellView c = dates_[row];
        if (c.kind == Cell::Kind::number) return serial_day(c.number, origin_).value_or(not_a_date);
        return memo_.get(row, [&](CellView text) -> Day {
            const auto d = read_date(text, origin_);
            if (!d) return not_a_date;
            return d->value_or(no_date);
        });
    }

  private:
    static constexpr Day unparsed = INT64_MIN + 2;
    ColumnView dates_;
    DateOrigin origin_;
    TextMemo<Day> memo_;
};

// A Start, End or AsOf argument. Like read_date, but 0 means not given: Calc hands a blank
// cell passed as a single argument over as 0, and serial 0 is never a real date in a log.
Result<std::optional<Day>> read_bound(const Cell& cell, DateOrigin origin);

// An inclusive window [start, end]; either side may be open. Err:502 when start > end.
struct DateWindow {
    std::optional<Day> start, end;
    bool contains(Day d) const { return (!start || d >= *start) && (!end || d <= *end); }
};
Result<DateWindow> read_window(const Cell& start, const Cell& end, DateOrigin origin);

// A Japanese era as text dates name it: its name (令和), Latin initial (R) and, for an era
// that LibreOffice taught us, its one-kanji abbreviation; and its first day. Meiji to
// Reiwa are built in; add_era adds a later one (the add-in passes those LibreOffice's
// own calendar knows) and returns false for an era not later than the last known one or
// without a name.
struct EraName {
    std::string name, initial, short_name;
    Day first_day = 0;
};
bool add_era(EraName era);

} // namespace ca
