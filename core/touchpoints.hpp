// Touchpoints (接点): AVGTOUCHPOINTS, DISTINCTCUSTOMERS and TOUCHTREND over a touch log.
#pragma once

#include "groups.hpp"

#include <optional>
#include <vector>

namespace ca {

// log.ids are the customers.
// Touches in the window / customers (the listed ones when there is a customer list).
Result<double> avg_touchpoints(const Log& log);

// Distinct non-empty customer ids in the window.
Result<double> distinct_customers(const Log& log);

// Per period: start, average touchpoints (empty when no customer), touches.
Result<Series> touch_trend(const Log& log, const Cell& period);

// Touches and distinct customers per cell of a series or matrix (series.hpp
// tally_periods). `customers` places nobody with an empty id.
struct TouchTally {
    KeyIds& customers;
    std::size_t rows;
    std::vector<double> touches, distinct;
    std::optional<DistinctPairs> seen;
    void size(std::size_t cells) {
        touches.assign(cells, 0);
        seen.emplace(cells, customers.count() + 1, rows);
    }
    void add(std::size_t cell, std::size_t i) {
        touches[cell] += 1;
        seen->add(cell, customers(i));
    }
    void finish() { distinct = seen->counts(); }
};

// Per group (groups.hpp): average touchpoints, touches, customers.
Result<GroupTable> avg_touchpoints_by(const Log& log);
// Distinct customers of each group.
Result<GroupTable> distinct_customers_by(const Log& log);
// A matrix of average touchpoints: one column per wanted group (every group when `wanted`
// is empty, else the wanted keys in their order), one row per period.
Result<GroupTable> touch_trend_by(const Log& log, const Cell& period, ColumnView wanted);

} // namespace ca
