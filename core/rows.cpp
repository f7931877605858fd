// The header rule and the checks every log function makes before reading its rows.
#include "rows.hpp"

namespace ca {

Result<DateWindow> check_rows(const Log& source) {
    const std::size_t rows = source.rows();
    if (rows == 0 ||
        !same_length(rows, {source.dates, source.touches, source.closed, source.values}))
        return invalid();
    CA_TRY(window, read_window(source.start, source.end, source.origin));
    if (source.dates.empty() && (window->start || window->end)) return invalid();
    return window;
}

bool is_title_date(CellView cell, DateOrigin origin) {
    return is_title_number(cell) && !read_date(cell, origin);
}

bool is_title_number(CellView cell) {
    return cell.kind == Cell::Kind::text && !key_text(cell).empty();
}

Result<Log> without_header(const Log& log) {
    if (!log.may_have_title) return log;
    auto title = [](ColumnView c) { return !c.empty() && is_title_number(c[0]); };
    const bool date_title = !log.dates.empty() && is_title_date(log.dates[0], log.origin);
    if (!date_title && !title(log.amounts) && !title(log.touches)) return log;
    if (log.rows() <= 1) return not_available();
    Log body = log;
    for (ColumnView Log::*column : {&Log::ids, &Log::outcomes, &Log::amounts, &Log::touches,
                                    &Log::dates, &Log::groups, &Log::closed, &Log::values})
        body.*column = (log.*column).without_first();
    for (Filter& f : body.filters)
        f.column = f.column.without_first();
    return body;
}

} // namespace ca
