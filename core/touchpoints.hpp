// Touchpoints (接点): AVGTOUCHPOINTS, DISTINCTCUSTOMERS and TOUCHTREND over a touch log.
#pragma once

#include "rows.hpp"

namespace ca {

// log.values are the customers.
// Touches in the window / customers (the listed ones when there is a customer list).
Result<double> average_touchpoints(const Log& log);

// Distinct non-empty customer ids in the window.
Result<double> distinct_customers(const Log& log);

// Per period: start, average touchpoints (empty when no customer), touches.
Result<Series> touch_trend(const Log& log, const Cell& period);

} // namespace ca
