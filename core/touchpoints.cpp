#include "touchpoints.hpp"

#include "rows.hpp"

#include <algorithm>

namespace ca {
namespace {

RowSource rows_of(const TouchLog& log) {
    return {log.customers.size(), log.dates, log.start, log.end, log.filters, log.origin};
}

// Customer ids; with a customer list, only the listed customers count.
KeyIds customer_ids(const TouchLog& log) {
    return KeyIds(log.customers, log.customer_list);
}

struct Tally {
    std::size_t touches = 0, distinct = 0, customers = 0; // customers: the divisor
};

// Touches and distinct customers in one pass, without a per-row copy.
Result<Tally> tally(const TouchLog& log) {
    KeyIds ids = customer_ids(log);
    Tally t;
    std::vector<bool> seen;
    auto window = visit_rows(rows_of(log), [&](std::size_t i, Day) {
        const std::uint32_t id = ids(i);
        if (id == 0) return;
        ++t.touches;
        if (id >= seen.size()) seen.resize(id + 1);
        if (!seen[id]) seen[id] = true, ++t.distinct;
    });
    if (!window) return fail(window.error());
    if (ids.has_list() && ids.count() == 0) return not_available();
    t.customers = ids.has_list() ? ids.count() : t.distinct;
    return t;
}

} // namespace

Result<double> average_touchpoints(const TouchLog& log) {
    auto t = tally(log);
    if (!t) return fail(t.error());
    if (t->customers == 0) return not_available();
    return static_cast<double>(t->touches) / static_cast<double>(t->customers);
}

Result<double> distinct_customers(const TouchLog& log) {
    auto t = tally(log);
    if (!t) return fail(t.error());
    return static_cast<double>(t->distinct);
}

Result<Series> touch_trend(const TouchLog& log, const Cell& period) {
    auto spec = parse_period(period);
    if (!spec) return fail(spec.error());
    if (log.dates.empty()) return invalid();
    KeyIds ids = customer_ids(log);
    // Two passes over the rows: the periods covered, then the counts.
    auto span = day_span(rows_of(log), [&](std::size_t i) { return ids(i) != 0; });
    if (!span) return fail(span.error());
    if (ids.has_list() && ids.count() == 0) return not_available();
    const PeriodRange range = period_range(span->window, span->first, span->last, *spec);
    if (range.count() == 0) return not_available();

    const std::size_t periods = range.count();
    std::vector<double> count(periods, 0);
    DistinctPairs seen(periods, ids.count() + 1, log.customers.size());
    auto window = visit_rows(rows_of(log), [&](std::size_t i, Day day) {
        const std::uint32_t id = ids(i);
        if (id == 0) return;
        const auto p = static_cast<std::size_t>(period_of(day, *spec) - range.first);
        count[p] += 1;
        seen.add(p, id);
    });
    if (!window) return fail(window.error());
    const std::vector<double> distinct = seen.counts();

    Series s;
    for (std::size_t p = 0; p < periods; ++p) {
        s.starts.push_back(period_start(range.first + static_cast<PeriodIndex>(p), *spec));
        const double customers = ids.has_list() ? static_cast<double>(ids.count()) : distinct[p];
        std::optional<double> average;
        if (customers > 0) average = count[p] / customers;
        s.values.push_back({average, count[p]});
    }
    return s;
}

} // namespace ca
