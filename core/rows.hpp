// The rows a function reads from a log: those that pass every filter and, when a date
// column is given, have a date within the window. Shared by every log function so that
// lengths, dates, windows and filters follow one set of rules.
#pragma once

#include "periods.hpp"

namespace ca {

// A log as every function reads it. Its rows are those of the column it counts, which
// holds customer ids, outcomes or amounts (one of the three is given); beside it, a cell
// per row: the touches of each deal, the dates (empty: none) and the group of each row
// (the BY functions). Then the window, the filters, the calling document's date origin
// and, for AVGTOUCHPOINTS and TOUCHTREND, a customer list. Rows are visited, not stored: a
// million rows need no per-row memory here.
struct Log {
    ColumnView ids = {};      // a touch log's customers
    ColumnView outcomes = {}; // a deal list's outcomes
    ColumnView amounts = {};  // a sales ledger's amounts
    ColumnView touches = {};  // a number per deal beside its outcome (TOUCHWINCURVE)
    ColumnView dates = {};    // for OPENITEMS the opened dates
    ColumnView groups = {};
    ColumnView closed = {};        // OPENITEMS: each item's closed date (empty: still open)
    ColumnView values = {};        // LATESTVALUE: each row's value, a number or a text
    ColumnView customer_list = {}; // empty: not given
    Cell start = {}, end = {};
    std::vector<Filter> filters = {};
    DateOrigin origin = {};
    // Whether the first row may be a title (the header rule below): cells of a sheet may
    // have one, rows of a query (the DuckDB extension) never, so there a first date that is
    // no date is an error like any other.
    bool may_have_title = true;

    // The counted column: ids, outcomes or amounts, whichever is given.
    ColumnView counted() const {
        return !ids.empty() ? ids : !outcomes.empty() ? outcomes : amounts;
    }
    std::size_t rows() const { return counted().size(); }
};

// The header rule ("Sheets as they are"): users write whole columns over sheets with
// titles. When the first date is a text that is not a date, or the first amount or touch
// count (numeric columns) is a text, that first row is a title and the log without it is
// returned (every row-aligned column and the filters). #N/A when the title is all there
// is. A log of key columns only cannot tell a title from a key: it is returned as it is.
Result<Log> without_header(const Log& log);
// A first date cell that makes its row a title: a text that is no date.
bool is_title_date(CellView cell, DateOrigin origin);
// A first cell of a number column (amounts, touches) that makes its row a title: a text.
bool is_title_number(CellView cell);

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
    const std::size_t rows = source.rows();
    CA_TRY(keep, filter_mask(rows, source.filters));
    const bool has_dates = !source.dates.empty();
    const DayColumn days(source.dates, source.origin);
    for (std::size_t i = 0; i < rows; ++i) {
        Day day = 0;
        if (has_dates) {
            day = days[i];
            if (day == DayColumn::not_a_date) return invalid();
            if (day == DayColumn::no_date || !window->contains(day)) continue;
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
