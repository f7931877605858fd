// The rows a function reads from a log: those that pass every filter and, when a date
// column is given, have a date within the window. Shared by every log function so that
// lengths, dates, windows and filters follow one set of rules.
#pragma once

#include "periods.hpp"

namespace ca {

// A log as every function reads it: the column it counts (customers, outcomes or amounts)
// and one row per cell of it, the dates (empty: none), the window, the filters, the
// calling document's date origin, and for the functions that take them a customer list
// (AVGTOUCHPOINTS, TOUCHTREND) and the group of each row (the BY functions). Rows are
// visited, not stored: a million rows need no per-row memory here.
struct Log {
    Cells values = {};
    Cells dates = {};
    Cell start = {}, end = {};
    std::vector<Filter> filters = {};
    DateOrigin origin = {};
    Cells customer_list = {}; // empty: not given
    Cells groups = {};
    Cells numbers = {}; // a number per row beside the values (TOUCHWINCURVE's touches)
};

// The header rule ("Sheets as they are"): users write whole columns over sheets with
// titles. When the log has dates whose first cell is a text that is not a date, or its
// values are amounts (`amounts`) and the first is a text, that first row is a title and
// the log without it is returned (every row-aligned range: values, dates, groups,
// numbers, filters). A numbers column is numeric: a text first is a title too. #N/A when the title
// is all there is. A log of key columns only cannot tell a title from a key: it is returned as it
// is.
Result<Log> without_header(const Log& log, bool amounts);
// A first date cell that makes its row a title: a text that is no date.
bool is_title_date(CellView cell, DateOrigin origin);

// The window after checking everything that can be wrong before any row is read: Err:502
// when there is no row, `dates` (if given) or a filter column has another length than
// the values, Start or End is not a date, Start is after End, or a window is given
// without dates.
Result<DateWindow> check_rows(const Log& source);

// Calls on_row(i, day) for every row, in order, that passes the filters and, with dates,
// has a date within the window (day is 0 without dates). Every date is read, also in rows
// the filters drop: a non-empty date cell that is not a date is Err:502 however it is
// filtered, and then the calls made so far must be discarded.
template <class F> Result<DateWindow> visit_rows(const Log& source, F&& on_row) {
    auto window = check_rows(source);
    if (!window) return window;
    CA_TRY(keep, filter_mask(source.values.size(), source.filters));
    const bool has_dates = !source.dates.empty();
    // Text dates are parsed once per distinct text; serials inline.
    constexpr Day unknown = INT64_MIN, bad = INT64_MIN + 1, none = INT64_MIN + 2; // never days
    const TextMemo<Day> memo(source.dates, unknown);
    auto read = [&](CellView c) -> Day {
        auto d = read_date(c, source.origin);
        if (!d) return bad;
        return *d ? **d : none;
    };
    for (std::size_t i = 0; i < source.values.size(); ++i) {
        Day day = 0;
        if (has_dates) {
            const CellView c = source.dates[i];
            if (c.kind == Cell::Kind::number) {
                const auto d = serial_day(c.number, source.origin);
                day = d ? *d : bad;
            } else {
                day = memo.get(i, read);
            }
            if (day == bad) return invalid();
            if (day == none || !window->contains(day)) continue;
        }
        if ((*keep)[i]) on_row(i, day);
    }
    return window;
}

// The first and last day of the rows `accept(i)` takes (none if it takes none), and the
// window: the periods a series covers.
struct DaySpan {
    std::optional<Day> first, last;
    DateWindow window;
};
template <class Accept> Result<DaySpan> day_span(const Log& source, Accept&& accept) {
    DaySpan span;
    const auto on_row = [&](std::size_t i, Day day) {
        if (!accept(i)) return;
        if (!span.first || day < *span.first) span.first = day;
        if (!span.last || day > *span.last) span.last = day;
    };
    CA_TRY(window, visit_rows(source, on_row));
    span.window = *window;
    return span;
}

} // namespace ca
