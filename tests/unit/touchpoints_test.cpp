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
