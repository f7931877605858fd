// Touchpoints (接点): AVGTOUCHPOINTS, DISTINCTCUSTOMERS and TOUCHTREND.
#include "touchpoints.hpp"

#include "series.hpp"

namespace ca {
namespace {

// Touches and distinct customers of each group (index: its id; 0: no group), in one pass
// and without a per-row copy. The scalar functions are one group of every row (no
// `groups`); with a customer list only the listed customers count, and it is the divisor.
struct TouchCounts {
    std::vector<std::size_t> touches;
    std::vector<double> customers;
    std::optional<std::size_t> listed; // the customers a list names
};
Result<TouchCounts> count_touches(const Log& log, KeyIds* groups = nullptr) {
    // A table per customer (Customers given as Groups): each group is its one customer, so
    // no pair needs counting.
    const bool per_customer = groups && log.groups.same_cells(log.ids);
    KeyIds customers(per_customer ? ColumnView() : log.ids, log.customer_list);
    KeyIds& customer_of = per_customer ? *groups : customers;
    // One group: a bitmap of its customers (ids are at most one per row or listed key);
    // several: their (group, customer) pairs.
    const std::size_t rows = log.ids.size();
    DistinctPairs seen(groups ? 0 : 2, groups ? 0 : std::max(rows, log.customer_list.size()) + 1,
                       per_customer ? 0 : rows);
    TouchCounts n;
    const auto on_row = [&](std::size_t i, Day) {
        // A group is keyed only for a row with a customer: no group without a touch.
        const std::uint32_t c = customer_of(i);
        if (c == 0) return;
        const std::uint32_t g = !groups ? 1 : per_customer ? c : (*groups)(i);
        if (g == 0) return;
        if (g >= n.touches.size()) n.touches.resize(g + 1, 0);
        n.touches[g] += 1;
        if (!per_customer) seen.add(g, c);
    };
    CA_TRY(window, visit_rows(log, on_row));
    const std::size_t ids = (groups ? groups->count() : 1) + 1;
    n.touches.resize(ids, 0);
    if (per_customer) {
        n.customers.resize(ids);
        for (std::size_t g = 0; g < ids; ++g)
            n.customers[g] = n.touches[g] > 0 ? 1 : 0;
    } else {
        n.customers = seen.counts();
        n.customers.resize(ids, 0);
    }
    if (customers.has_list()) {
        if (customers.count() == 0) return not_available();
        n.listed = customers.count();
    }
    return n;
}

Result<TouchCounts> touches_per_group(const Log& log, KeyIds& groups) {
    if (!has_groups(log)) return invalid();
    return count_touches(log, &groups);
}

} // namespace

Result<double> avg_touchpoints(const Log& input) {
    CA_TRY(body, without_header(input));
    CA_TRY(n, count_touches(*body));
    const double customers = n->listed ? static_cast<double>(*n->listed) : n->customers[1];
    if (customers == 0) return not_available();
    return static_cast<double>(n->touches[1]) / customers;
}

Result<double> distinct_customers(const Log& input) {
    const auto body = without_header(input);
    auto counted = body ? count_touches(*body) : fail(body.error());
    if (!counted && counted.error() == Error::not_available) return 0.0; // a title, no rows
    CA_TRY(n, std::move(counted));
    return n->customers[1];
}

Result<Series> touch_trend(const Log& input, const Cell& period) {
    CA_TRY(body, without_header(input));
    const Log& log = *body;
    KeyIds ids(log.ids, log.customer_list); // with a list, only the listed customers count
    TouchTally tally{ids, log.ids.size(), {}, {}, {}};
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
    return below_title(input, {std::nullopt, 0.0, 0.0}, [](const Log& log) -> Result<GroupTable> {
        KeyIds groups(log.groups);
        CA_TRY(n, touches_per_group(log, groups));
        GroupTable t = group_table(groups, 3, {std::nullopt, 0.0, 0.0});
        for (std::size_t g = 0; g < t.size(); ++g) {
            const auto touches = static_cast<double>(n->touches[g + 1]);
            t.set(g, {ratio(touches, n->customers[g + 1]), touches, n->customers[g + 1]});
        }
        return t;
    });
}

Result<GroupTable> distinct_customers_by(const Log& input) {
    return below_title(input, {0.0}, [](const Log& log) -> Result<GroupTable> {
        KeyIds groups(log.groups);
        CA_TRY(n, touches_per_group(log, groups));
        GroupTable t = group_table(groups, 1, {0.0});
        for (std::size_t g = 0; g < t.size(); ++g)
            t.set(g, {n->customers[g + 1]});
        return t;
    });
}

Result<GroupTable> touch_trend_by(const Log& input, const Cell& period, ColumnView wanted) {
    CA_TRY(body, without_header(input));
    const Log& log = *body;
    KeyIds customers(log.ids);
    TouchTally tally{customers, log.ids.size(), {}, {}, {}};
    return matrix_by(
        log, period, wanted, [&](std::size_t i) { return customers(i) != 0; }, tally,
        [&](std::size_t c) { return ratio(tally.touches[c], tally.distinct[c]); }, std::nullopt);
}

} // namespace ca
