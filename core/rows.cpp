#include "rows.hpp"

#include <algorithm>

namespace ca {

Result<SelectedRows> select_rows(std::size_t rows, Cells dates, const Cell& start, const Cell& end,
                                 std::span<const Filter> filters, DateOrigin origin) {
    if (rows == 0 || rows > UINT32_MAX || !same_length(rows, {dates})) return invalid();
    auto window = read_window(start, end, origin);
    if (!window) return fail(window.error());
    const bool has_dates = !dates.empty();
    if (!has_dates && (window->start || window->end)) return invalid();
    auto keep = filter_mask(rows, filters);
    if (!keep) return fail(keep.error());

    SelectedRows selected;
    selected.window = *window;
    selected.index.reserve(rows); // untouched capacity costs address space, not memory
    if (has_dates) selected.day.reserve(rows);
    // Every date is read, also in rows the filters drop: a wrong date is always an error.
    // A text date is parsed once per distinct text.
    constexpr Day unknown = INT64_MIN, bad = INT64_MIN + 1, none = INT64_MIN + 2; // never days
    const TextMemo<Day> memo(dates, unknown);
    auto read = [&](CellView c) -> Day {
        auto d = read_date(c, origin);
        if (!d) return bad;
        return *d ? **d : none;
    };
    for (std::size_t i = 0; i < rows; ++i) {
        Day day = none;
        if (has_dates) {
            const CellView c = dates[i];
            if (c.kind == Cell::Kind::number) {
                const auto d = serial_day(c.number, origin); // the common case, inline
                day = d ? *d : bad;
            } else {
                day = memo.get(i, read);
            }
            if (day == bad) return invalid();
        }
        if (!(*keep)[i]) continue;
        if (has_dates) {
            if (day == none || !window->contains(day)) continue;
            selected.day.push_back(day);
        }
        selected.index.push_back(static_cast<std::uint32_t>(i));
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
