// The statistics of a monthly series: OLS, Sen's slope, Mann-Kendall.
#include "trend_stats.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <map>

namespace ca::stats {

double mean(std::span<const double> y) {
    double sum = 0;
    for (double v : y)
        sum += v;
    return y.empty() ? 0 : sum / static_cast<double>(y.size());
}

LeastSquares least_squares(std::span<const double> y) {
    const auto n = static_cast<double>(y.size());
    const double x_mean = (n + 1) / 2, y_mean = mean(y);
    double sxx = 0, sxy = 0, syy = 0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        const double dx = static_cast<double>(i + 1) - x_mean, dy = y[i] - y_mean;
        sxx += dx * dx, sxy += dx * dy, syy += dy * dy;
    }
    LeastSquares fit;
    fit.slope = sxy / sxx;
    fit.intercept = y_mean - fit.slope * x_mean;
    double sse = 0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        const double e = y[i] - (fit.intercept + fit.slope * static_cast<double>(i + 1));
        sse += e * e;
    }
    if (syy > 0) fit.r2 = 1 - sse / syy;
    const double se = std::sqrt(sse / (n - 2) / sxx);
    if (se > 0 && std::isfinite(fit.slope / se)) {
        fit.t = fit.slope / se;
        const boost::math::students_t dist(n - 2);
        fit.p = 2 * boost::math::cdf(boost::math::complement(dist, std::fabs(*fit.t)));
    }
    return fit;
}

double sen_slope(std::span<const double> y) {
    std::vector<double> slopes;
    slopes.reserve(y.size() * (y.size() - 1) / 2);
    for (std::size_t i = 0; i < y.size(); ++i)
        for (std::size_t j = i + 1; j < y.size(); ++j)
            slopes.push_back((y[j] - y[i]) / static_cast<double>(j - i));
    const std::size_t half = slopes.size() / 2;
    std::nth_element(slopes.begin(), slopes.begin() + static_cast<std::ptrdiff_t>(half),
                     slopes.end());
    const double upper = slopes[half];
    if (slopes.size() % 2 == 1) return upper;
    const double lower =
        *std::max_element(slopes.begin(), slopes.begin() + static_cast<std::ptrdiff_t>(half));
    return (lower + upper) / 2;
}

MannKendall mann_kendall(std::span<const double> y) {
    MannKendall mk;
    const auto n = static_cast<double>(y.size());
    for (std::size_t i = 0; i < y.size(); ++i)
        for (std::size_t j = i + 1; j < y.size(); ++j)
            mk.s += (y[j] > y[i]) - (y[j] < y[i]);
    std::map<double, double> ties;
    for (double v : y)
        ties[v] += 1;
    double tie_term = 0;
    for (const auto& [value, t] : ties)
        tie_term += t * (t - 1) * (2 * t + 5);
    mk.var_s = (n * (n - 1) * (2 * n + 5) - tie_term) / 18;
    if (mk.s > 0) mk.z = (mk.s - 1) / std::sqrt(mk.var_s);
    if (mk.s < 0) mk.z = (mk.s + 1) / std::sqrt(mk.var_s);
    mk.p = 2 * boost::math::cdf(boost::math::complement(boost::math::normal(), std::fabs(mk.z)));
    mk.tau = mk.s / (0.5 * n * (n - 1));
    return mk;
}

} // namespace ca::stats
