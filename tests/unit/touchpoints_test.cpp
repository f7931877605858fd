// The touchpoint functions on small logs worked out by hand.
#include "test_cells.hpp"
#include "touchpoints.hpp"

#include <gtest/gtest.h>

using namespace ca;
using namespace ca::test;

namespace {
struct Sample {
    Column customers = col({"A", "a", "B", {}, "C", "A"});
    Column dates = col(
        {"2024-04-01", "2024-04-20", "2024-05-02", "2024-05-03", "2024-06-30", serial(2024, 6, 1)});
    Column dept = col({"east", "east", "west", "east", "east", "west"});
    ca::Log log() const { return {.ids = customers, .dates = dates}; }
};
} // namespace

TEST(AvgTouchpoints, TouchesPerDistinctCustomer) {
    Sample l;
    EXPECT_DOUBLE_EQ(*avg_touchpoints(l.log()), 5.0 / 3);
    Log no_dates{.ids = l.customers};
    EXPECT_DOUBLE_EQ(*avg_touchpoints(no_dates), 5.0 / 3);
}

TEST(AvgTouchpoints, Window) {
    Sample l;
    Log t = l.log();
    t.start = cell("2024/5/1");
    t.end = cell("2024年6月1日");
    EXPECT_DOUBLE_EQ(*avg_touchpoints(t), 1.0); // B 5/2, A 6/1
    t.start = cell("2024-07-01");
    t.end = {};
    EXPECT_EQ(avg_touchpoints(t).error(), Error::not_available);
}

TEST(AvgTouchpoints, CustomerListCountsZeroTouch) {
    Sample l;
    auto list = col({"A", "B", "Z", "a", {}});
    Log t = l.log();
    t.customer_list = list;
    EXPECT_DOUBLE_EQ(*avg_touchpoints(t), 4.0 / 3); // C is not listed
    auto empty_list = col({{}, " "});
    t.customer_list = empty_list;
    EXPECT_EQ(avg_touchpoints(t).error(), Error::not_available);
}

TEST(AvgTouchpoints, Filters) {
    Sample l;
    Log t = l.log();
    t.filters = {{l.dept, cell("EAST")}};
    EXPECT_DOUBLE_EQ(*avg_touchpoints(t), 3.0 / 2);
}

TEST(AvgTouchpoints, Errors) {
    Sample l;
    Log t = l.log();
    auto short_dates = col({"2024-04-01"});
    t.dates = short_dates;
    EXPECT_EQ(avg_touchpoints(t).error(), Error::invalid_argument);
    auto bad_dates = col({"2024-04-01", "soon", {}, {}, {}, {}});
    t.dates = bad_dates;
    EXPECT_EQ(avg_touchpoints(t).error(), Error::invalid_argument);
    Log w = l.log();
    w.start = cell("2024-06-01");
    w.end = cell("2024-05-01");
    EXPECT_EQ(avg_touchpoints(w).error(), Error::invalid_argument);
    Log no_dates{.ids = l.customers, .start = cell("2024-01-01")};
    EXPECT_EQ(avg_touchpoints(no_dates).error(), Error::invalid_argument);
    auto blanks = col({{}, {}});
    EXPECT_EQ(avg_touchpoints(Log{.ids = blanks}).error(), Error::not_available);
}

TEST(DistinctCustomers, CountsIds) {
    Sample l;
    EXPECT_EQ(*distinct_customers(l.log()), 3);
    auto blanks = col({{}, " "});
    EXPECT_EQ(*distinct_customers(Log{.ids = blanks}), 0);
}

TEST(TouchTrend, MonthlySeriesWithoutGaps) {
    Sample l;
    auto s = touch_trend(l.log(), Cell{});
    ASSERT_TRUE(s);
    ASSERT_EQ(s->starts.size(), 3u);
    EXPECT_EQ(DateOrigin{}.serial(s->starts[0]), serial(2024, 4, 1));
    EXPECT_EQ(*s->values[0][0], 2.0); // A twice
    EXPECT_EQ(*s->values[1][0], 1.0); // B
    EXPECT_EQ(*s->values[2][0], 1.0); // A, C
    EXPECT_EQ(*s->values[2][1], 2.0);
}

TEST(TouchTrend, EmptyPeriodAndList) {
    Sample l;
    Log t = l.log();
    t.end = cell("2024-08-31");
    auto s = touch_trend(t, cell("month"));
    ASSERT_EQ(s->starts.size(), 5u);
    EXPECT_FALSE(s->values[4][0]);
    EXPECT_EQ(*s->values[4][1], 0.0);
    auto list = col({"A", "B", "C", "D"});
    t.customer_list = list;
    s = touch_trend(t, cell("quarter"));
    ASSERT_EQ(s->starts.size(), 2u);
    EXPECT_DOUBLE_EQ(*s->values[0][0], 5.0 / 4);
    EXPECT_DOUBLE_EQ(*s->values[1][0], 0.0);
}

TEST(TouchTrend, Errors) {
    Sample l;
    EXPECT_EQ(touch_trend(l.log(), cell("weekly")).error(), Error::invalid_argument);
    Log no_dates{.ids = l.customers};
    EXPECT_EQ(touch_trend(no_dates, Cell{}).error(), Error::invalid_argument);
}

// Thousands of customers over thousands of months: too many (period, customer) cells for a
// bitmap, so the distinct customers come from sorted pairs; both ways must agree.
TEST(TouchTrend, ManyPeriodsAndCustomers) {
    Column customers, dates;
    const int n = 3000;
    for (int i = 0; i < n; ++i) {
        for (int twice = 0; twice < 2; ++twice) { // each customer twice in its own month
            customers.push_back(Cell::of(id("C", static_cast<long>(i))));
            dates.push_back(Cell::of(serial(1800 + i / 12, static_cast<unsigned>(i % 12 + 1),
                                            static_cast<unsigned>(1 + twice))));
        }
    }
    customers.push_back(Cell::of(std::string("C0"))); // and C0 once more, in the last month
    dates.push_back(
        Cell::of(serial(1800 + (n - 1) / 12, static_cast<unsigned>((n - 1) % 12 + 1), 9)));
    const Log log{.ids = customers, .dates = dates};
    auto s = touch_trend(log, Cell{});
    ASSERT_TRUE(s);
    ASSERT_EQ(s->values.size(), static_cast<std::size_t>(n));
    EXPECT_DOUBLE_EQ(*s->values[0][0], 2.0);
    EXPECT_DOUBLE_EQ(*s->values[1][1], 2.0);
    EXPECT_DOUBLE_EQ(*s->values[n - 1][0], 1.5); // 3 touches, C2999 and C0
}

namespace {
using Points = std::vector<std::optional<double>>;
constexpr auto none = std::nullopt;
} // namespace

TEST(ProcessLimits, CentreAndLimitsFromTheBaseline) {
    const auto l = process_limits(Points{1, 2, 3, 4, 5, 6}, SIZE_MAX);
    ASSERT_TRUE(l);
    EXPECT_DOUBLE_EQ(l->centre, 3.5);
    EXPECT_DOUBLE_EQ(l->upper, 3.5 + 2.66); // mR = 1
    EXPECT_DOUBLE_EQ(l->lower, 3.5 - 2.66);
    // The lower limit is never below 0.
    EXPECT_EQ(process_limits(Points{1, 5, 1, 5, 1, 5}, SIZE_MAX)->lower, 0.0);
    // A baseline shorter than the series: the limits of its first periods only.
    const Points step{1, 2, 1, 2, 1, 2, 5};
    EXPECT_DOUBLE_EQ(process_limits(step, 6)->centre, 1.5);
    EXPECT_EQ(signals(step, *process_limits(step, 6)).back(), Signal::above);
    EXPECT_DOUBLE_EQ(process_limits(step, SIZE_MAX)->centre, 2.0);
    EXPECT_EQ(signals(step, *process_limits(step, SIZE_MAX)).back(), Signal::none);
}

TEST(ProcessLimits, MovingRangesOnlyBetweenPeriodsWithValues) {
    // 6 values, 4 ranges across the gap (none spans it): mR = 1.
    const auto gap = process_limits(Points{1, none, 2, 3, 4, 5, 6}, SIZE_MAX);
    ASSERT_TRUE(gap);
    EXPECT_DOUBLE_EQ(gap->upper - gap->centre, 2.66);
    // Fewer than 6 values, or fewer than 2 moving ranges: no limits.
    EXPECT_FALSE(process_limits(Points{1, 2, 3, 4, 5}, SIZE_MAX));
    EXPECT_FALSE(process_limits(Points{1, 2, 3, 4, 5, 6, 7}, 5));
    EXPECT_FALSE(process_limits(Points{1, 2, none, 3, none, 4, none, 5, none, 6}, SIZE_MAX));
    EXPECT_TRUE(process_limits(Points{1, 2, 3, none, 4, none, 5, none, 6}, SIZE_MAX));
}

TEST(Signals, LimitsAndRuns) {
    const ProcessLimits l{5, 2, 8};
    // On a limit is inside; beyond it a signal, which also takes precedence over a run.
    EXPECT_EQ(signals(Points{8, 2, 8.000001, 1.999999}, l),
              (std::vector{Signal::none, Signal::none, Signal::above, Signal::below}));
    // The 8th value on one side and every later one; a period without a value has no
    // signal and does not break the run.
    const auto run = signals(Points{6, 6, 6, none, 6, 6, 6, 6, 6, 9}, l);
    EXPECT_EQ(run[3], Signal::none);
    EXPECT_EQ(run[7], Signal::none); // the 7th value
    EXPECT_EQ(run[8], Signal::run_above);
    EXPECT_EQ(run[9], Signal::above);
    // A value on the centre ends the run; below counts the same way.
    const auto broken = signals(Points{4, 4, 4, 4, 5, 4, 4, 4, 4, 4, 4, 4, 4}, l);
    EXPECT_EQ(std::count(broken.begin(), broken.end(), Signal::none), 12);
    EXPECT_EQ(broken.back(), Signal::run_below);
}

TEST(TouchControl, ASeriesWithItsLimitsAndSignals) {
    // One touch a month for a year from one customer, then three in the last month.
    Column customers, dates;
    for (unsigned m = 1; m <= 12; ++m)
        customers.push_back(cell("A")), dates.push_back(cell(serial(2024, m, 10)));
    for (int i = 0; i < 2; ++i)
        customers.push_back(cell("A")), dates.push_back(cell(serial(2024, 12, 20)));
    const Log log{.ids = customers, .dates = dates};
    const auto chart = touch_control(log, {}, cell(6), cell("ja"));
    ASSERT_TRUE(chart);
    ASSERT_EQ(chart->size(), 12u);
    EXPECT_EQ(chart->at(0).size(), 6u);
    EXPECT_EQ(chart->at(0)[0].number, serial(2024, 1, 1));
    EXPECT_EQ(chart->at(0)[2].number, 1.0); // centre of the first 6 months
    EXPECT_EQ(chart->at(0)[4].number, 1.0); // no moving range: the limits are the centre
    EXPECT_EQ(chart->at(11)[1].number, 3.0);
    EXPECT_EQ(chart->at(11)[5].text, "上振れ");
    EXPECT_TRUE(chart->at(10)[5].is_empty());
    EXPECT_EQ(touch_control(log, {}, cell(0), {}).error(), Error::invalid_argument);
    EXPECT_EQ(touch_control(log, {}, cell(1.5), {}).error(), Error::invalid_argument);
    EXPECT_EQ(touch_control(log, {}, cell("six"), {}).error(), Error::invalid_argument);
    EXPECT_TRUE(touch_control(log, {}, cell(1e300), {})); // longer than the series: all
    EXPECT_EQ(touch_control(log, {}, {}, cell("fr")).error(), Error::invalid_argument);
    EXPECT_EQ(touch_control(log, cell("year"), {}, {}).error(), Error::not_available);
}

TEST(TouchStabilityBy, EachGroupsSeriesSummed) {
    // East: 1 touch a month for 7 months, then 2; West: 2 months only.
    Column customers, dates, groups;
    for (unsigned m = 1; m <= 8; ++m) {
        customers.push_back(cell("A")), dates.push_back(cell(serial(2024, m, 5)));
        groups.push_back(cell("East"));
    }
    customers.push_back(cell("A")), dates.push_back(cell(serial(2024, 8, 6)));
    groups.push_back(cell("east"));
    for (unsigned m = 1; m <= 2; ++m) {
        customers.push_back(cell("B")), dates.push_back(cell(serial(2024, m, 5)));
        groups.push_back(cell("West"));
    }
    const Log log{.ids = customers, .dates = dates, .groups = groups};
    const auto t = touch_stability_by(log, {}, {});
    ASSERT_TRUE(t);
    const auto east = t->row(*t->find(cell("EAST")));
    EXPECT_EQ(east[0].number(), 8.0);
    EXPECT_DOUBLE_EQ(*east[1].number(), 9.0 / 8);
    EXPECT_NEAR(*east[2].number(), std::sqrt(0.125) / (9.0 / 8), 1e-15); // sd of 1 x7, 2
    EXPECT_DOUBLE_EQ(*east[4].number(), 9.0 / 8 + 2.66 / 7);
    EXPECT_EQ(east[5].number(), 1.0);
    EXPECT_EQ(east[6].text(), "above");
    const auto west = t->row(*t->find(cell("West")));
    EXPECT_EQ(west[0].number(), 2.0); // the window is every group's: months 3..8 are empty
    EXPECT_TRUE(west[3].is_empty() && west[5].is_empty() && west[6].is_empty());
}
