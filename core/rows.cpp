#include "rows.hpp"

#include <algorithm>

namespace ca {

Result<SelectedRows> select_rows(std::size_t rows, Cells dates, const Cell& start, const Cell& end,
                                 std::span<const Filter> filters, DateOrigin origin) {
    if (rows == 0 || !same_length(rows, {dates})) return invalid();
    auto window = read_window(start, end, origin);
    if (!window) return fail(window.error());
    const bool has_dates = !dates.empty();
    if (!has_dates && (window->start || window->end)) return invalid();
    auto days = read_dates(dates, origin);
    if (!days) return fail(days.error());
    auto keep = filter_mask(rows, filters);
    if (!keep) return fail(keep.error());

    SelectedRows selected;
    selected.window = *window;
    for (std::size_t i = 0; i < rows; ++i) {
        if (!(*keep)[i]) continue;
        if (has_dates) {
            const auto day = (*days)[i];
            if (!day || !window->contains(*day)) continue;
            selected.day.push_back(*day);
        }
        selected.index.push_back(i);
    }
    return selected;
}

PeriodRange series_range(const DateWindow& window, std::span<const Day> days, PeriodSpec spec) {
    std::optional<Day> first, last;
    if (!days.empty()) {
        auto [lo, hi] = std::minmax_element(days.begin(), days.end());
        first = *lo, last = *hi;
    }
    return period_range(window, first, last, spec);
}

} // namespace ca
