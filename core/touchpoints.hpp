// Touchpoints (接点): AVGTOUCHPOINTS, DISTINCTCUSTOMERS and TOUCHTREND over a touch log.
#pragma once

#include "periods.hpp"

namespace ca {

struct TouchLog {
    Cells customers;
    Cells dates; // empty: not given
    Cell start, end;
    Cells customer_list; // empty: not given
    std::vector<Filter> filters;
    DateOrigin origin;
};

// Touches in the window / customers (the listed ones when there is a customer list).
Result<double> average_touchpoints(const TouchLog& log);

// Distinct non-empty customer ids in the window.
Result<double> distinct_customers(const TouchLog& log);

// Per period: start, average touchpoints (empty when no customer), touches.
Result<Series> touch_trend(const TouchLog& log, const Cell& period);

} // namespace ca
