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
    EXPECT_EQ(fan_score({}, {}, {}, {}, {}).error(), Error::not_available);
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
    EXPECT_EQ(fan_level({}, {}).error(), Error::not_available);
}

TEST(FanGap, Goals) {
    EXPECT_EQ(*fan_gap(cell(70), cell("partner")), 10);
    EXPECT_EQ(*fan_gap(cell(70), cell("拡大")), -10);
    EXPECT_EQ(*fan_gap(cell(70), cell("Distance")), -70);
    EXPECT_EQ(fan_gap(cell(70), cell("friend")).error(), Error::invalid_argument);
}
