// FANSCORE, FANLEVEL and FANGAP against figures worked out by hand.
#include "fans.hpp"
#include "test_cells.hpp"

#include <gtest/gtest.h>

using namespace ca;
using namespace ca::test;

TEST(FanScore, EqualWeights) {
    // rating 5 -> 100, 1 trouble -> 70, growth 0.1 -> 75, 2 issues -> 50
    EXPECT_DOUBLE_EQ(*fan_score(cell(5), cell(1), cell(0.1), cell(2), {}),
                     (100 + 70 + 75 + 50) / 4.0);
}

TEST(FanScore, WeightsAndEmptyParts) {
    auto w = col({2, 1, 1, 0});
    EXPECT_DOUBLE_EQ(*fan_score(cell(3), cell(0), cell(-1), cell(9), w), (2 * 50 + 100 + 0) / 4.0);
    EXPECT_DOUBLE_EQ(*fan_score(cell(3), {}, {}, cell(9), w), 50);
    EXPECT_EQ(fan_score({}, {}, {}, cell(1), w).error(), Error::not_available);
    EXPECT_EQ(fan_score(Cell{}, {}, {}, {}, {}).error(), Error::not_available);
}

TEST(FanScore, Errors) {
    EXPECT_EQ(fan_score(cell(6), {}, {}, {}, {}).error(), Error::invalid_argument);
    EXPECT_EQ(fan_score(cell(3), cell(1.5), {}, {}, {}).error(), Error::invalid_argument);
    EXPECT_EQ(fan_score(cell(3), cell(-1), {}, {}, {}).error(), Error::invalid_argument);
    EXPECT_EQ(fan_score(cell("good"), {}, {}, {}, {}).error(), Error::invalid_argument);
    auto three = col({1, 1, 1});
    EXPECT_EQ(fan_score(cell(3), {}, {}, {}, three).error(), Error::invalid_argument);
    auto negative = col({1, -1, 1, 1});
    EXPECT_EQ(fan_score(cell(3), {}, {}, {}, negative).error(), Error::invalid_argument);
    auto zero = col({0, 0, 0, 0});
    EXPECT_EQ(fan_score(cell(3), {}, {}, {}, zero).error(), Error::invalid_argument);
}

TEST(FanLevel, Bands) {
    EXPECT_EQ(*fan_level(cell(80), {}), "fan");
    EXPECT_EQ(*fan_level(cell(79.9), {}), "supporter");
    EXPECT_EQ(*fan_level(cell(40), {}), "neutral");
    EXPECT_EQ(*fan_level(cell(0), cell("ja")), "要注意");
    EXPECT_EQ(fan_level(cell(101), {}).error(), Error::invalid_argument);
    EXPECT_EQ(fan_level(Cell{}, {}).error(), Error::not_available);
}

TEST(FanGap, Goals) {
    EXPECT_EQ(*fan_gap(cell(70), cell("partner")), 10);
    EXPECT_EQ(*fan_gap(cell(70), cell("拡大")), -10);
    EXPECT_EQ(*fan_gap(cell(70), cell("Distance")), -70);
    EXPECT_EQ(fan_gap(cell(70), cell("friend")).error(), Error::invalid_argument);
}

TEST(FanArrays, OneScorePerPositionAsTheScalar) {
    const Grid ratings{{cell(5)}, {cell(3)}, {Cell{}}, {Cell{}}};
    const Grid troubles{{cell(0)}, {cell(1)}, {cell(2)}, {Cell{}}};
    const Grid growth{{cell(0.1)}, {cell(-0.1)}, {cell(0)}, {Cell{}}};
    const Grid issues{{cell(1)}}; // one value for every position
    const auto s = fan_score(ratings, troubles, growth, issues, {});
    ASSERT_TRUE(s);
    ASSERT_EQ(s->size(), 4u);
    for (std::size_t r = 0; r < 3; ++r)
        EXPECT_EQ(s->at(r).at(0).number,
                  *fan_score(ratings[r][0], troubles[r][0], growth[r][0], cell(1), {}));
    // Nothing at a position but the shared issues: its score is the issues' part.
    EXPECT_EQ(s->at(3).at(0).number, 75);
    const Grid nothing{{Cell{}}};
    const auto gaps = fan_score(ratings, troubles, growth, nothing, {});
    EXPECT_TRUE(gaps->at(3).at(0).is_empty()); // all empty: an empty cell
    EXPECT_EQ(fan_score(nothing, nothing, nothing, nothing, {}).error(), Error::not_available);
}

TEST(FanArrays, ShapesAndErrors) {
    const Grid column{{cell(3)}, {cell(4)}}, row{{cell(3), cell(4)}}, bad{{cell(3)}, {cell(7)}};
    const Grid one{{cell(1)}};
    EXPECT_EQ(fan_score(column, row, one, one, {}).error(), Error::invalid_argument);
    EXPECT_EQ(fan_score(bad, one, one, one, {}).error(), Error::invalid_argument);
    EXPECT_EQ(fan_score(row, row, one, one, {})->at(0).size(), 2u);
    const auto levels = fan_level(Grid{{cell(85), cell(10), Cell{}}}, cell("ja"));
    ASSERT_TRUE(levels);
    EXPECT_EQ(levels->at(0).at(0).text, "ファン");
    EXPECT_EQ(levels->at(0).at(1).text, "要注意");
    EXPECT_TRUE(levels->at(0).at(2).is_empty());
    const auto gaps =
        fan_gap(Grid{{cell(70)}, {cell(50)}}, Grid{{cell("partner")}, {cell("拡大")}});
    EXPECT_EQ(gaps->at(0).at(0).number, 10);
    EXPECT_EQ(gaps->at(1).at(0).number, 10);
    EXPECT_EQ(fan_gap(Grid{{cell(70)}, {cell(50)}}, Grid{{cell("grow")}})->at(1).at(0).number, 10);
    EXPECT_EQ(fan_gap(column, Grid{{cell("friend")}}).error(), Error::invalid_argument);
}

namespace {
// Items of three customers (one spelled twice), one without an opened date, one without a
// customer.
struct Items {
    Column customers = col({"A", "a ", "B", "C", {}, "A"});
    Column opened = col({"2024-01-01", "2024-02-01", "2024-03-01", {}, "2024-01-15", "2024-04-01"});
    Column closed = col({"2024-03-01", {}, "2024/3/10", {}, {}, {}});
    Log log() const { return {.ids = customers, .dates = opened, .closed = closed}; }
};
} // namespace

TEST(OpenItems, OpenAtTheEndOfAsOf) {
    const Items items;
    // On 2024-03-01: A's first closed that day (not open), its second open; B opened that
    // day (open); C has no opened date, the last row no customer.
    const auto t = open_items(items.log(), cell("2024-03-01"));
    ASSERT_TRUE(t);
    EXPECT_EQ(t->whole, Figure(2.0));
    EXPECT_EQ(lay_out(*t, Keys::one(cell("A")), {})[0][0].number, 1);
    EXPECT_EQ(lay_out(*t, Keys::list(col({"b", "Z"}), false), {})[1][0].number, 0);
    // Default AsOf: the latest opened or closed date, 2024-04-01: A twice, B closed.
    const auto latest = open_items(items.log(), {});
    EXPECT_EQ(latest->whole, Figure(2.0));
    EXPECT_EQ(latest->row(*latest->find(cell("A")))[0], Figure(2.0));
}

TEST(OpenItems, Errors) {
    const Items items;
    Column before = col({"2023-12-31", {}, {}, {}, {}, {}});
    EXPECT_EQ(open_items(Log{.ids = items.customers, .dates = items.opened, .closed = before}, {})
                  .error(),
              Error::invalid_argument);
    Column text = col({{}, {}, {}, "soon", {}, {}});
    EXPECT_EQ(
        open_items(Log{.ids = items.customers, .dates = items.opened, .closed = text}, {}).error(),
        Error::invalid_argument);
    Column shorter = col({{}, {}});
    EXPECT_EQ(open_items(Log{.ids = items.customers, .dates = items.opened, .closed = shorter}, {})
                  .error(),
              Error::invalid_argument);
}

TEST(LatestValue, TheLatestRowOnOrBeforeAsOf) {
    Column customers = col({"A", "A", "A", "B", "B"});
    Column dates = col({"2024-01-01", "2024-03-01", "2024-03-01", "2024-02-01", "2024-05-01"});
    Column values = col({3, 4, 5, "good", {}});
    const Log log{.ids = customers, .dates = dates, .values = values};
    // Of one date the row highest in the sheet; an empty value is no value.
    const auto all = latest_value(log, {});
    ASSERT_TRUE(all);
    EXPECT_EQ(all->whole, Figure(4.0));
    EXPECT_EQ(all->row(*all->find(cell("B")))[0].text(), "good");
    const auto feb = latest_value(log, cell("2024-02-15"));
    EXPECT_EQ(feb->whole->text(), "good");
    EXPECT_EQ(feb->row(*feb->find(cell("a")))[0], Figure(3.0));
    const auto early = latest_value(log, cell("2023-12-31"));
    EXPECT_TRUE(early->whole->is_empty());
    EXPECT_TRUE(lay_out(*early, Keys::one(cell("A")), {})[0][0].is_empty());
    EXPECT_EQ(latest_value(log, cell("someday")).error(), Error::invalid_argument);
}
