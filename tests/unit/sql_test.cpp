// The DuckDB extension's functions without DuckDB (duckdb/sql.hpp): the table the
// declaration makes, a group's rows and their combining, answers and error messages.
#include "sql.hpp"

#include <gtest/gtest.h>

using namespace ca;
using namespace ca::sql;

namespace {

const Function& named(std::string_view name) {
    const Function* f = function_named(name);
    if (!f) throw std::runtime_error("no SQL function " + std::string(name));
    return *f;
}

// Rows of (customer, date text) for avg_touchpoints.
Rows touches(std::initializer_list<std::pair<const char*, const char*>> rows) {
    Rows r(named("avg_touchpoints"));
    for (const auto& [customer, date] : rows) {
        EXPECT_FALSE(r.add(0, Cell::of(customer)));
        EXPECT_FALSE(r.add(1, Cell::of(date)));
    }
    return r;
}

double number(const Evaluated& e) {
    EXPECT_EQ(e.error, "");
    return std::get<double>(e.answer);
}

} // namespace

TEST(SqlTable, OneEntryPerDeclaredFunctionWithItsSignature) {
    EXPECT_EQ(functions().size(), 13u);
    EXPECT_EQ(named("avg_touchpoints").signature(),
              "avg_touchpoints(customers, dates[, start, end])");
    EXPECT_EQ(named("latest_value").signature(), "latest_value(values, dates[, as_of])");
    EXPECT_TRUE(named("open_items").aggregate);
    EXPECT_FALSE(named("fan_score").aggregate);
    EXPECT_EQ(named("touch_win_curve").fields.size(), 8u);
    EXPECT_EQ(function_named("avg_touchpoints_by"), nullptr); // a BY form is GROUP BY
}

TEST(SqlRows, CombinedGroupsGiveWhatOneGroupGives) {
    // Texts are numbered per column: the second group's must be renumbered into the first's.
    Rows first = touches({{"A", "2024-04-01"}, {"b", "2024-04-02"}});
    const Rows second = touches({{"Ｂ", "2024/4/3"}, {"C", "令和6年4月4日"}, {"A", "2024-04-05"}});
    ASSERT_FALSE(first.append(second));
    EXPECT_EQ(first.rows(), 5u);
    Rows whole = touches({{"A", "2024-04-01"},
                          {"b", "2024-04-02"},
                          {"Ｂ", "2024/4/3"},
                          {"C", "令和6年4月4日"},
                          {"A", "2024-04-05"}});
    EXPECT_DOUBLE_EQ(number(evaluate(first)), 5.0 / 3);
    EXPECT_DOUBLE_EQ(number(evaluate(whole)), 5.0 / 3);
}

TEST(SqlRows, AFirstRowIsNeverATitle) {
    // In a sheet "Date" atop a date column is a title; in a query it is a row that is no date.
    Rows rows = touches({{"A", "Date"}, {"B", "2024-04-01"}});
    const Evaluated e = evaluate(rows);
    EXPECT_EQ(e.error, "avg_touchpoints: dates holds 'Date', which is no date (a DATE, a TIMESTAMP "
                       "or a text such as 2024-04-01 or 令和6年4月1日)");
}

TEST(SqlRows, OneValuePerGroupArgumentsMustNotChange) {
    Rows r(named("avg_touchpoints"));
    EXPECT_FALSE(r.add(2, Cell::of("2024-04-01")));
    EXPECT_FALSE(r.add(2, Cell::of("2024-04-01")));
    EXPECT_EQ(*r.add(2, Cell::of("2024-05-01")),
              "avg_touchpoints: start must be one value in each group, here '2024-04-01' and "
              "'2024-05-01'");
}

TEST(SqlRows, ErrorsNameTheArgumentAtFault) {
    Rows r = touches({{"A", "2024-04-01"}});
    ASSERT_FALSE(r.add(2, Cell::of(19844.0))); // DATE '2024-05-01': days from 1970
    ASSERT_FALSE(r.add(3, Cell::of("2024-01-01")));
    EXPECT_EQ(evaluate(r).error, "avg_touchpoints: start 2024-05-01 is after end '2024-01-01'");
    Rows trend(named("sales_trend"));
    ASSERT_FALSE(trend.add(0, Cell::of("2024-04-01")));
    ASSERT_FALSE(trend.add(1, Cell::of(10.0)));
    ASSERT_FALSE(trend.add(2, Cell::of(2.0)));
    ASSERT_FALSE(trend.add(3, Cell()));
    ASSERT_FALSE(trend.add(4, Cell::of("fastest")));
    EXPECT_EQ(
        evaluate(trend).error,
        "sales_trend: invalid method 'fastest' (method: linear (default), theilsen, yoy or cagr)");
    // A required argument at fault is found by its example, not by leaving it out (#N/A).
    EXPECT_EQ(evaluate(named("fan_gap"), std::vector{Cell::of(50.0), Cell::of("friends")})
                  .error.substr(0, 31),
              "fan_gap: invalid goal 'friends'");
}

TEST(SqlAnswers, NothingToComputeIsNull) {
    Rows deals(named("win_rate"));
    ASSERT_FALSE(deals.add(0, Cell::of("open")));
    const Evaluated e = evaluate(deals);
    EXPECT_EQ(e.error, "");
    EXPECT_TRUE(std::holds_alternative<std::monostate>(e.answer));
}

TEST(SqlAnswers, TheWholeFigureOfAGroupTable) {
    // open_items: every row one customer (GROUP BY stands in for Customers).
    Rows items(named("open_items"));
    for (const auto& [opened, closed] :
         {std::pair{"2024-01-01", ""}, {"2024-01-02", "2024-01-03"}, {"2024-01-04", ""}}) {
        ASSERT_FALSE(items.add(0, Cell::of(opened)));
        ASSERT_FALSE(items.add(1, Cell::of(closed)));
    }
    EXPECT_DOUBLE_EQ(number(evaluate(items)), 2);
    Rows ratings(named("latest_value"));
    for (const auto& [value, date] : {std::pair{"good", "2024-01-01"}, {"best", "2024-02-01"}}) {
        ASSERT_FALSE(ratings.add(0, Cell::of(value)));
        ASSERT_FALSE(ratings.add(1, Cell::of(date)));
    }
    EXPECT_EQ(std::get<std::string>(evaluate(ratings).answer), "best");
    EXPECT_EQ(std::get<std::string>(
                  evaluate(named("fan_level"), std::vector{Cell::of(85.0), Cell::of("ja")}).answer),
              "ファン");
}
