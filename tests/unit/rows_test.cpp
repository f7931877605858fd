// The header rule: a title row over whole columns is skipped when a date or amount column
// shows it, in every function; a call of key columns only counts it.
#include "groups.hpp"
#include "sales_trend.hpp"
#include "test_cells.hpp"
#include "touchpoints.hpp"
#include "win_rate.hpp"

#include <gtest/gtest.h>

using namespace ca;
using namespace ca::test;

namespace {

// The same log with and without a title row.
struct Titled {
    Column customers = col({"Customer", "A", "b", "A", "C"});
    Column dates = col({"Date", "2024-04-01", "2024/5/2", "令和6年6月3日", "R6.7.4"});
    Column outcomes = col({"Outcome", "won", "lost", "受注済み", "見送り"});
    Column amounts = col({"Amount", 100, 200, 0, 50});
    Column groups = col({"Dept", "East", "West", "ｅａｓｔ", "West"});
    Column bare_customers = col({"A", "b", "A", "C"});
    Column bare_dates = col({"2024-04-01", "2024/5/2", "令和6年6月3日", "R6.7.4"});
    Column bare_outcomes = col({"won", "lost", "受注済み", "見送り"});
    Column bare_amounts = col({100, 200, 0, 50});
    Column bare_groups = col({"East", "West", "ｅａｓｔ", "West"});
};

double value(const Result<double>& r) {
    EXPECT_TRUE(r.has_value());
    return r ? *r : -1;
}

} // namespace

TEST(HeaderRule, SkippedWhenDatesOrAmountsShowIt) {
    Titled t;
    const Log touches{.ids = t.customers, .dates = t.dates},
        bare{.ids = t.bare_customers, .dates = t.bare_dates};
    EXPECT_EQ(value(avg_touchpoints(touches)), value(avg_touchpoints(bare)));
    EXPECT_EQ(value(distinct_customers(touches)), 3.0);
    const Log deals{.outcomes = t.outcomes, .dates = t.dates},
        bare_deals{.outcomes = t.bare_outcomes, .dates = t.bare_dates};
    EXPECT_EQ(value(win_rate(deals)), value(win_rate(bare_deals)));
    EXPECT_EQ(value(win_rate(deals)), 0.5);
    EXPECT_EQ(touch_trend(touches, {})->values, touch_trend(bare, {})->values);
    EXPECT_EQ(win_rate_trend(deals, {})->values, win_rate_trend(bare_deals, {})->values);
    // An amount column shows the title even without dates in row 1.
    const Log ledger{.amounts = t.amounts, .dates = t.dates},
        bare_ledger{.amounts = t.bare_amounts, .dates = t.bare_dates};
    EXPECT_EQ(sales_by_period(ledger, {})->values, sales_by_period(bare_ledger, {})->values);
    EXPECT_EQ(value(sales_trend_stat(ledger, cell("n"), {}, {})), 4.0);
    // Filters and groups lose the same row.
    Log filtered = touches;
    filtered.filters = {{t.groups, cell("EAST")}};
    EXPECT_EQ(value(avg_touchpoints(filtered)), 2.0);
    Log by = touches;
    by.groups = t.groups;
    Log bare_by = bare;
    bare_by.groups = t.bare_groups;
    EXPECT_EQ(avg_touchpoints_by(by)->figures, avg_touchpoints_by(bare_by)->figures);
    Log sales_by = ledger;
    sales_by.groups = t.groups;
    EXPECT_EQ(sales_by_period_by(sales_by, {}, {})->size(), 2u);
}

TEST(HeaderRule, KeyColumnsAloneCountTheFirstRow) {
    Titled t;
    // Without dates a title cannot be told from a key: "Customer" is one more customer.
    EXPECT_EQ(value(distinct_customers(Log{.ids = t.customers})), 4.0);
    // A real date in the first row is data.
    Column dated = col({"2024-03-01", "2024-04-01"});
    Column two = col({"X", "Y"});
    EXPECT_EQ(value(distinct_customers(Log{.ids = two, .dates = dated})), 2.0);
    // A title and nothing below: nothing to compute, 0 customers.
    Column title = col({"Date"});
    Column one = col({"Customer"});
    EXPECT_EQ(avg_touchpoints(Log{.ids = one, .dates = title}).error(), Error::not_available);
    EXPECT_EQ(value(distinct_customers(Log{.ids = one, .dates = title})), 0.0);
    Log by{.ids = one, .dates = title};
    by.groups = one;
    EXPECT_TRUE(distinct_customers_by(by)->keys.empty());
    // A title in the middle is still not a date.
    Column middle = col({"2024-03-01", "Date"});
    EXPECT_EQ(distinct_customers(Log{.ids = two, .dates = middle}).error(),
              Error::invalid_argument);
}
