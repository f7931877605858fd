#include "rows.hpp"

namespace ca {

Result<DateWindow> check_rows(const Log& source) {
    const std::size_t rows = source.values.size();
    if (rows == 0 || !same_length(rows, {source.dates})) return invalid();
    CA_TRY(window, read_window(source.start, source.end, source.origin));
    if (source.dates.empty() && (window->start || window->end)) return invalid();
    return window;
}

} // namespace ca
