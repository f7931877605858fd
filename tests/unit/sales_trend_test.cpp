// The sales functions against hand-computed series and statistics.
#include "sales_trend.hpp"
#include "test_cells.hpp"
#include "trend_stats.hpp"

#include <cmath>
#include <gtest/gtest.h>

using namespace ca;
using namespace ca::test;

// Reference values: scipy.stats.linregress / theilslopes and the pymannkendall formulas
// on y = 1, 3, 2, 5, 4 (see tests/reference/).
TEST(Stats, LeastSquaresAsLinest) {
    const std::vector<double> y{1, 3, 2, 5, 4};
    const auto fit = stats::least_squares(y);
    EXPECT_NEAR(fit.slope, 0.8, 1e-12);
    EXPECT_NEAR(fit.intercept, 0.6, 1e-12);
    EXPECT_NEAR(*fit.r2, 0.64, 1e-12);
    EXPECT_NEAR(*fit.t, 2.3094010767585034, 1e-12);
    EXPECT_NEAR(*fit.p, 0.10408803866182778, 1e-12);
    EXPECT_NEAR(stats::sen_slope(y), 0.875, 1e-12);
}

TEST(Stats, ExactFitAndConstant) {
    const std::vector<double> line{2, 4, 6, 8};
    EXPECT_FALSE(stats::least_squares(line).t);
    EXPECT_NEAR(*stats::least_squares(line).r2, 1, 1e-12);
    const std::vector<double> flat{5, 5, 5};
    EXPECT_FALSE(stats::least_squares(flat).r2);
    EXPECT_EQ(stats::mann_kendall(flat).z, 0);
}

TEST(Stats, MannKendall) {
    const std::vector<double> y{1, 3, 2, 5, 4};
    const auto mk = stats::mann_kendall(y);
    EXPECT_EQ(mk.s, 6);
    EXPECT_NEAR(mk.z, 1.224744871391589, 1e-12);
    EXPECT_NEAR(mk.p, 0.22067136191984693, 1e-12);
    EXPECT_NEAR(mk.tau, 0.6, 1e-12);
    const std::vector<double> ties{1, 1, 2, 2, 3};
    // var_s = (5*4*15 - 2*(2*1*9)) / 18
    EXPECT_NEAR(stats::mann_kendall(ties).var_s, 264.0 / 18, 1e-12);
}

TEST(SeasonalIndex, OfAPurePattern) {
    std::vector<double> y;
    for (int i = 0; i < 36; ++i)
        y.push_back(100 * (i % 12 == 11 ? 2.0 : 1.0));
    const auto idx = seasonal_indices_by_position(y, 12);
    ASSERT_TRUE(idx);
    double mean = 0;
    for (double v : *idx)
        mean += v / 12;
    EXPECT_NEAR(mean, 1, 1e-12);
    EXPECT_GT((*idx)[11], 1.8);
    EXPECT_FALSE(seasonal_indices_by_position(std::vector<double>(23, 1.0), 12));
}

namespace {
// A ledger with one sale per month from Jan 2022 for `months` months of amount f(i).
struct Ledger3 {
    Column dates, amounts;
    Ledger3(int months, double (*f)(int)) {
        for (int i = 0; i < months; ++i) {
            dates.push_back(cell(serial(2022 + i / 12, static_cast<unsigned>(i % 12 + 1), 15)));
            amounts.push_back(cell(f(i)));
        }
    }
    Log ledger() const { return {.amounts = amounts, .dates = dates}; }
};
double growing(int i) {
    return 100 * std::pow(1.01, i);
}
} // namespace

TEST(SalesTrend, Methods) {
    Ledger3 l(36, growing);
    // yoy of a 1 % monthly growth: 1.01^12 - 1.
    EXPECT_NEAR(*sales_trend(l.ledger(), cell(3), {}, cell("yoy")), std::pow(1.01, 12) - 1, 1e-12);
    EXPECT_NEAR(*sales_trend(l.ledger(), cell(3), {}, cell("cagr")), std::pow(1.01, 12) - 1, 1e-12);
    const double linear = *sales_trend(l.ledger(), {}, {}, {});
    EXPECT_GT(linear, 0.1);
    EXPECT_LT(linear, 0.14);
    EXPECT_GT(*sales_trend(l.ledger(), {}, {}, cell("TheilSen")), 0.1);
    EXPECT_EQ(sales_trend(l.ledger(), {}, {}, cell("arima")).error(), Error::invalid_argument);
}

TEST(SalesTrend, WindowRules) {
    Ledger3 l(36, growing);
    EXPECT_EQ(*sales_trend_stat(l.ledger(), cell("n"), {}, {}), 24);
    EXPECT_EQ(*sales_trend_stat(l.ledger(), cell("n"), cell(5), {}), 36); // before first sale
    EXPECT_EQ(*sales_trend_stat(l.ledger(), cell("n"), cell(1), cell("2022-06-30")), 6);
    EXPECT_EQ(sales_trend_stat(l.ledger(), cell("n"), cell(1), cell("2022-02-01")).error(),
              Error::not_available);
    EXPECT_EQ(sales_trend(l.ledger(), cell(1), {}, cell("yoy")).error(), Error::not_available);
    EXPECT_EQ(sales_trend(l.ledger(), cell(0), {}, {}).error(), Error::invalid_argument);
    EXPECT_EQ(sales_trend(l.ledger(), cell(1.5), {}, {}).error(), Error::invalid_argument);
    EXPECT_EQ(sales_trend_stat(l.ledger(), cell("median"), {}, {}).error(),
              Error::invalid_argument);
}

TEST(SalesTrend, AmountsMustBeNumbers) {
    auto dates = col({"2024-01-01", "2024-02-01", "2024-03-01"});
    auto amounts = col({1, "lots", 3});
    EXPECT_EQ(sales_trend(Log{.amounts = amounts, .dates = dates}, {}, {}, {}).error(),
              Error::invalid_argument);
    auto zeros = col({0, 0, 0});
    EXPECT_EQ(sales_trend(Log{.amounts = zeros, .dates = dates}, {}, {}, {}).error(),
              Error::not_available);
}

TEST(SalesByPeriod, FillsGapsWithZero) {
    auto dates = col({"2024-01-10", "2024-03-05", "2024-03-20", {}});
    auto amounts = col({10, 5, 7, 100});
    auto s = sales_by_period(Log{.amounts = amounts, .dates = dates}, {});
    ASSERT_TRUE(s);
    ASSERT_EQ(s->starts.size(), 3u);
    EXPECT_EQ(*s->values[1][0], 0);
    EXPECT_EQ(*s->values[2][0], 12);
    auto q = sales_by_period(Log{.amounts = amounts, .dates = dates}, cell("fy"));
    ASSERT_EQ(q->starts.size(), 1u);
    EXPECT_EQ(*q->values[0][0], 22);
}

TEST(SeasonalIndex, CalendarMonths) {
    Ledger3 l(36, [](int i) { return i % 12 == 11 ? 200.0 : 100.0; });
    auto all = seasonal_indices(l.ledger(), {});
    ASSERT_TRUE(all);
    EXPECT_GT((*all)[11], 1.8); // December
    EXPECT_NEAR(seasonal_index(l.ledger(), cell(12), {})->at(0).at(0).number, (*all)[11], 0);
    EXPECT_EQ(seasonal_index(l.ledger(), {}, {})->size(), 12u);
    EXPECT_EQ(seasonal_index(l.ledger(), cell(13), {}).error(), Error::invalid_argument);
    EXPECT_EQ(seasonal_indices(l.ledger(), cell(1)).error(), Error::not_available);
}
