// The period engine every series function shares: months, calendar quarters, years,
// fiscal years and fiscal quarters with any first month.
#pragma once

#include "dates.hpp"

namespace ca {

struct PeriodSpec {
    int months = 1;      // 1, 3 or 12
    int first_month = 1; // the month a year or quarter starts in (fy: 4)
};

// month (default when empty), quarter, year, fy, fq, fy1..fy12, fq1..fq12, and the
// Japanese 月, 四半期, 年, 年度. Unknown code: Err:502.
Result<PeriodSpec> parse_period(const Cell& code);

// Periods are numbered consecutively so that "every period from first to last" is a range
// of integers.
using PeriodIndex = std::int64_t;
PeriodIndex period_of(Day day, PeriodSpec spec);
Day period_start(PeriodIndex index, PeriodSpec spec);

// A calendar month as a consecutive number (year * 12 + month - 1) and back.
inline PeriodIndex month_of(Day day) {
    return period_of(day, PeriodSpec{});
}
inline Day month_start(PeriodIndex month) {
    return period_start(month, PeriodSpec{});
}

// The periods a series covers: from the window's start, or else the first date, to the
// window's end, or else the last date. Empty when there is nothing to cover.
struct PeriodRange {
    PeriodIndex first = 0, last = -1;
    std::size_t count() const {
        return last < first ? 0 : static_cast<std::size_t>(last - first + 1);
    }
};
PeriodRange period_range(const DateWindow& window, std::optional<Day> first_date,
                         std::optional<Day> last_date, PeriodSpec spec);

} // namespace ca

namespace ca {

// What a series function returns: one row per period, oldest first, no gaps. Each row is
// the period's first day followed by its values; an empty optional is an empty cell.
struct Series {
    std::vector<Day> starts;
    std::vector<std::vector<std::optional<double>>> values;
};

} // namespace ca
