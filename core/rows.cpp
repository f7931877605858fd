// The header rule and the checks every log function makes before reading its rows.
#include "rows.hpp"

namespace ca {

Result<DateWindow> check_rows(const Log& source) {
    const std::size_t rows = source.values.size();
    if (rows == 0 || !same_length(rows, {source.dates, source.numbers})) return invalid();
    CA_TRY(window, read_window(source.start, source.end, source.origin));
    if (source.dates.empty() && (window->start || window->end)) return invalid();
    return window;
}

bool is_title_date(CellView cell, DateOrigin origin) {
    return cell.kind == Cell::Kind::text && !key_text(cell).empty() && !read_date(cell, origin);
}

Result<Log> without_header(const Log& log, bool amounts) {
    auto title = [](CellView c) { return c.kind == Cell::Kind::text && !key_text(c).empty(); };
    const bool date_title = !log.dates.empty() && is_title_date(log.dates[0], log.origin);
    const bool amount_title = (amounts && !log.values.empty() && title(log.values[0])) ||
                              (!log.numbers.empty() && title(log.numbers[0]));
    if (!date_title && !amount_title) return log;
    if (log.values.size() <= 1) return not_available();
    Log body = log;
    body.values = log.values.without_first();
    body.dates = log.dates.without_first();
    body.groups = log.groups.without_first();
    body.numbers = log.numbers.without_first();
    for (Filter& f : body.filters)
        f.column = f.column.without_first();
    return body;
}

} // namespace ca
