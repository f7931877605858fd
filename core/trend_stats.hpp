// Small statistical kernels on a series y(1..n), named as a statistician would: ordinary
// least squares as LINEST computes it, Sen's slope and the Mann-Kendall test as in
// pymannkendall's original_test: the kernels SALESTREND and SALESTRENDSTAT share. No
// spreadsheet rules here; callers check lengths first.
#pragma once

#include <optional>
#include <span>
#include <vector>

namespace ca::stats {

struct LeastSquares {
    double slope = 0, intercept = 0;
    std::optional<double> r2;   // empty when y is constant
    std::optional<double> t, p; // empty when the fit is exact (no residual)
};
// y regressed on x = 1..n; needs n >= 3.
LeastSquares least_squares(std::span<const double> y);

// Median of (y[j] - y[i]) / (j - i) over all pairs i < j; needs n >= 2.
double sen_slope(std::span<const double> y);

struct MannKendall {
    double s = 0, var_s = 0, z = 0, p = 1, tau = 0;
};
// With the tie correction and the continuity correction; needs n >= 2.
MannKendall mann_kendall(std::span<const double> y);

double mean(std::span<const double> y);

} // namespace ca::stats
