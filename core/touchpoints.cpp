#include "touchpoints.hpp"

#include <algorithm>

namespace ca {
namespace {

struct Touches {
    std::vector<std::uint32_t> customer; // interned ids, 1..
    std::vector<Day> day;                // parallel to customer when dates were given
    std::size_t ids = 0;                 // ids interned so far (upper bound of customer)
    std::size_t listed = 0;              // distinct ids in the customer list, 0 without one
};

Result<Touches> collect_touches(const TouchLog& log) {
    const std::size_t rows = log.customers.size();
    if (rows == 0 || !same_length(rows, {log.dates})) return invalid();
    auto window = read_window(log.start, log.end, log.origin);
    if (!window) return fail(window.error());
    const bool has_dates = !log.dates.empty();
    if (!has_dates && (window->start || window->end)) return invalid();
    auto dates = read_dates(log.dates, log.origin);
    if (!dates) return fail(dates.error());
    auto keep = filter_mask(rows, log.filters);
    if (!keep) return fail(keep.error());

    Touches t;
    KeyInterner keys;
    const bool has_list = !log.customer_list.empty();
    if (has_list) {
        for (const Cell& c : log.customer_list)
            keys.intern(c);
        t.listed = keys.size();
        if (t.listed == 0) return not_available();
    }
    for (std::size_t i = 0; i < rows; ++i) {
        if (!(*keep)[i]) continue;
        std::optional<Day> day;
        if (has_dates) {
            day = (*dates)[i];
            if (!day || !window->contains(*day)) continue;
        }
        const std::uint32_t id =
            has_list ? keys.find(log.customers[i]) : keys.intern(log.customers[i]);
        if (id == 0) continue;
        t.customer.push_back(id);
        if (day) t.day.push_back(*day);
    }
    t.ids = keys.size();
    return t;
}

std::size_t count_distinct(const std::vector<std::uint32_t>& ids, std::size_t upper) {
    std::vector<bool> seen(upper + 1, false);
    std::size_t n = 0;
    for (std::uint32_t id : ids)
        if (!seen[id]) seen[id] = true, ++n;
    return n;
}

} // namespace

Result<double> average_touchpoints(const TouchLog& log) {
    auto t = collect_touches(log);
    if (!t) return fail(t.error());
    const std::size_t customers = t->listed ? t->listed : count_distinct(t->customer, t->ids);
    if (customers == 0) return not_available();
    return static_cast<double>(t->customer.size()) / static_cast<double>(customers);
}

Result<double> distinct_customers(const TouchLog& log) {
    auto t = collect_touches(log);
    if (!t) return fail(t.error());
    return static_cast<double>(count_distinct(t->customer, t->ids));
}

Result<Series> touch_trend(const TouchLog& log, const Cell& period) {
    auto spec = parse_period(period);
    if (!spec) return fail(spec.error());
    if (log.dates.empty()) return invalid();
    auto t = collect_touches(log);
    if (!t) return fail(t.error());
    auto window = read_window(log.start, log.end, log.origin);
    std::optional<Day> first, last;
    if (!t->day.empty()) {
        auto [lo, hi] = std::minmax_element(t->day.begin(), t->day.end());
        first = *lo, last = *hi;
    }
    const PeriodRange range = period_range(*window, first, last, *spec);
    if (range.count() == 0) return not_available();

    // (period, customer) pairs, sorted, give both the touches and the distinct customers.
    std::vector<std::pair<std::size_t, std::uint32_t>> touches;
    touches.reserve(t->day.size());
    for (std::size_t i = 0; i < t->day.size(); ++i)
        touches.emplace_back(static_cast<std::size_t>(period_of(t->day[i], *spec) - range.first),
                             t->customer[i]);
    std::sort(touches.begin(), touches.end());
    std::vector<double> count(range.count(), 0), distinct(range.count(), 0);
    for (std::size_t i = 0; i < touches.size(); ++i) {
        count[touches[i].first] += 1;
        if (i == 0 || touches[i] != touches[i - 1]) distinct[touches[i].first] += 1;
    }

    Series s;
    for (std::size_t p = 0; p < range.count(); ++p) {
        s.starts.push_back(period_start(range.first + static_cast<PeriodIndex>(p), *spec));
        const double customers = t->listed ? static_cast<double>(t->listed) : distinct[p];
        std::optional<double> average;
        if (customers > 0) average = count[p] / customers;
        s.values.push_back({average, count[p]});
    }
    return s;
}

} // namespace ca
