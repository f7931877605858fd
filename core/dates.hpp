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
