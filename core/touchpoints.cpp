// Touchpoints (接点): AVGTOUCHPOINTS, DISTINCTCUSTOMERS and TOUCHTREND.
#include "touchpoints.hpp"

#include "series.hpp"

namespace ca {
namespace {

// Customer ids; with a customer list, only the listed customers count.
KeyIds customer_ids(const Log& log) {
    return KeyIds(log.values, log.customer_list);
}

struct TouchCount {
    std::size_t touches = 0, distinct = 0, customers = 0; // customers: the divisor
};

// Touches and distinct customers in one pass, without a per-row copy.
Result<TouchCount> count_touches(const Log& input) {
    CA_TRY(body, without_header(input, false));
    const Log& log = *body;
    KeyIds ids = customer_ids(log);
    TouchCount t;
    std::vector<bool> seen;
    const auto on_row = [&](std::size_t i, Day) {
        const std::uint32_t id = ids(i);
        if (id == 0) return;
        ++t.touches;
        if (id >= seen.size()) seen.resize(id + 1);
        if (!seen[id]) seen[id] = true, ++t.distinct;
    };
    CA_TRY(window, visit_rows(log, on_row));
    if (ids.has_list() && ids.count() == 0) return not_available();
    t.customers = ids.has_list() ? ids.count() : t.distinct;
    return t;
}

// Touches and distinct customers per group (index: group id) in one pass.
struct TouchCounts {
    std::vector<double> touches, customers;
};
Result<TouchCounts> touches_per_group(const Log& log, KeyIds& groups) {
    if (!has_groups(log)) return invalid();
    // A table per customer (Customers given as Groups): each group is its one customer, so
    // no pair needs counting.
    const bool per_customer = log.groups.same_cells(log.values);
    KeyIds customers(per_customer ? Cells() : log.values);
    TouchCounts n;
    DistinctPairs seen(0, 0, per_customer ? 0 : log.values.size());
    const auto on_row = [&](std::size_t i, Day) {
        // A group is keyed only for a row with a customer: no group without a touch.
        const std::uint32_t c = per_customer ? groups(i) : customers(i);
        if (c == 0) return;
        const std::uint32_t g = per_customer ? c : groups(i);
        if (g == 0) return;
        if (g >= n.touches.size()) n.touches.resize(g + 1, 0);
        n.touches[g] += 1;
        if (!per_customer) seen.add(g, c);
    };
    CA_TRY(window, visit_rows(log, on_row));
    n.touches.resize(groups.count() + 1, 0);
    if (per_customer) {
        n.customers.resize(n.touches.size());
        for (std::size_t g = 0; g < n.touches.size(); ++g)
            n.customers[g] = n.touches[g] > 0 ? 1 : 0;
    } else {
        n.customers = seen.counts();
        n.customers.resize(groups.count() + 1, 0);
    }
    return n;
}

} // namespace

Result<double> average_touchpoints(const Log& log) {
    CA_TRY(t, count_touches(log));
    if (t->customers == 0) return not_available();
    return static_cast<double>(t->touches) / static_cast<double>(t->customers);
}

Result<double> distinct_customers(const Log& log) {
    auto t = count_touches(log);
    if (!t && t.error() == Error::not_available) return 0.0; // a title and nothing below
    if (!t) return fail(t.error());
    return static_cast<double>(t->distinct);
}

Result<Series> touch_trend(const Log& input, const Cell& period) {
    CA_TRY(body, without_header(input, false));
    const Log& log = *body;
    KeyIds ids = customer_ids(log);
    TouchTally tally{ids, log.values.size(), {}, {}, {}};
    CA_TRY(cells, tally_periods(
                      log, period, [&](std::size_t i) -> std::size_t { return ids(i) != 0; },
                      [] { return std::size_t{1}; }, tally));
    if (ids.has_list() && ids.count() == 0) return not_available();
    Series s;
    for (std::size_t p = 0; p < cells->periods(); ++p) {
        const double customers =
            ids.has_list() ? static_cast<double>(ids.count()) : tally.distinct[p];
        s.starts.push_back(cells->start(p));
        s.values.push_back({ratio(tally.touches[p], customers), tally.touches[p]});
    }
    return s;
}

Result<GroupTable> avg_touchpoints_by(const Log& input) {
    return below_title(input, false, {std::nullopt, 0.0, 0.0},
                       [](const Log& log) -> Result<GroupTable> {
                           KeyIds groups(log.groups);
                           CA_TRY(n, touches_per_group(log, groups));
                           GroupTable t = table_of(groups, 3, {std::nullopt, 0.0, 0.0});
                           for (std::size_t g = 0; g < t.rows.size(); ++g)
                               t.rows[g] = {ratio(n->touches[g + 1], n->customers[g + 1]),
                                            n->touches[g + 1], n->customers[g + 1]};
                           return t;
                       });
}

Result<GroupTable> distinct_customers_by(const Log& input) {
    return below_title(input, false, {0.0}, [](const Log& log) -> Result<GroupTable> {
        KeyIds groups(log.groups);
        CA_TRY(n, touches_per_group(log, groups));
        GroupTable t = table_of(groups, 1, {0.0});
        for (std::size_t g = 0; g < t.rows.size(); ++g)
            t.rows[g] = {n->customers[g + 1]};
        return t;
    });
}

Result<GroupTable> touch_trend_by(const Log& input, const Cell& period, Cells wanted) {
    CA_TRY(body, without_header(input, false));
    const Log& log = *body;
    KeyIds customers(log.values);
    TouchTally tally{customers, log.values.size(), {}, {}, {}};
    return matrix_by(
        log, period, wanted, [&](std::size_t i) { return customers(i) != 0; }, tally,
        [&](std::size_t c) { return ratio(tally.touches[c], tally.distinct[c]); }, std::nullopt);
}

} // namespace ca
