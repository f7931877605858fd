#include "test_cells.hpp"

#include <gtest/gtest.h>

using namespace ca;
using namespace ca::test;

TEST(Keys, TrimAndFoldCase) {
    EXPECT_EQ(key_text(cell("  ACME Corp\t")), "acme corp");
    EXPECT_EQ(key_text(cell("\xE3\x80\x80顧客A\xC2\xA0")), "顧客a");
    EXPECT_EQ(key_text(cell("   ")), "");
    EXPECT_EQ(key_text(Cell{}), "");
}

TEST(Keys, NumbersAsShortestDecimal) {
    EXPECT_EQ(key_text(cell(1001)), "1001");
    EXPECT_EQ(key_text(cell(0.1)), "0.1");
    EXPECT_EQ(key_text(cell(-2.5)), "-2.5");
    EXPECT_EQ(key_text(cell(1001)), key_text(cell(" 1001 ")));
}

TEST(Keys, InternerNumbersDistinctKeys) {
    KeyInterner k;
    EXPECT_EQ(k.intern(cell("A")), 1u);
    EXPECT_EQ(k.intern(cell("b")), 2u);
    EXPECT_EQ(k.intern(cell(" a ")), 1u);
    EXPECT_EQ(k.intern(cell("")), 0u);
    EXPECT_EQ(k.find(cell("B")), 2u);
    EXPECT_EQ(k.find(cell("c")), 0u);
    EXPECT_EQ(k.size(), 2u);
}

TEST(Filters, EqualityOnKeys) {
    auto dept = col({"Sales", "sales ", "HR", {}, 10});
    std::vector<Filter> f{{dept, cell("SALES")}};
    auto mask = filter_mask(5, f);
    ASSERT_TRUE(mask);
    EXPECT_EQ(*mask, (std::vector<bool>{true, true, false, false, false}));
    std::vector<Filter> num{{dept, cell("10")}};
    EXPECT_EQ(*filter_mask(5, num), (std::vector<bool>{false, false, false, false, true}));
    std::vector<Filter> blank{{dept, Cell{}}};
    EXPECT_EQ(*filter_mask(5, blank), (std::vector<bool>{false, false, false, true, false}));
}

TEST(Filters, LengthMismatchIsInvalid) {
    auto dept = col({"a", "b"});
    std::vector<Filter> f{{dept, cell("a")}};
    EXPECT_EQ(filter_mask(3, f).error(), Error::invalid_argument);
}

TEST(Whole, Bounds) {
    EXPECT_EQ(*read_whole(Cell{}, 1, 100, 2), 2);
    EXPECT_EQ(*read_whole(cell(3), 1, 100, 2), 3);
    EXPECT_FALSE(read_whole(cell(2.5), 1, 100, 2));
    EXPECT_FALSE(read_whole(cell(0), 1, 100, 2));
    EXPECT_FALSE(read_whole(cell("3"), 1, 100, 2));
    EXPECT_FALSE(read_whole(cell(1e300), 1, 100, 2));
}
