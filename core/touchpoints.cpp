#include "touchpoints.hpp"

#include "rows.hpp"

#include <algorithm>

namespace ca {
namespace {

struct Touches {
    std::vector<std::uint32_t> customer; // interned ids, 1..
    std::vector<Day> day;                // parallel to customer when dates were given
    DateWindow window;
    std::size_t ids = 0;    // ids interned so far (upper bound of customer)
    std::size_t listed = 0; // distinct ids in the customer list, 0 without one
};

Result<Touches> collect_touches(const TouchLog& log) {
    auto rows =
        select_rows(log.customers.size(), log.dates, log.start, log.end, log.filters, log.origin);
    if (!rows) return fail(rows.error());
    Touches t;
    t.window = rows->window;
    KeyInterner keys;
    const bool has_list = !log.customer_list.empty();
    if (has_list) {
        for (CellView c : log.customer_list)
            keys.intern(c);
        t.listed = keys.size();
        if (t.listed == 0) return not_available();
    }
    auto key = [&](CellView customer) {
        return has_list ? keys.find(customer) : keys.intern(customer);
    };
    const TextMemo<std::uint32_t> memo(log.customers, UINT32_MAX);
    for (std::size_t k = 0; k < rows->index.size(); ++k) {
        const std::uint32_t id = memo.get(rows->index[k], key);
        if (id == 0) continue;
        t.customer.push_back(id);
        if (!rows->day.empty()) t.day.push_back(rows->day[k]);
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
    const PeriodRange range = series_range(t->window, t->day, *spec);
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
