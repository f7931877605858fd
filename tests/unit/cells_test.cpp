// Cells and keys: trimming, NFKC folding, full-width and Japanese keys, key interning.
#include "test_cells.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>

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

TEST(Column, EightBytesACellRoundTrip) {
    Column c;
    c.push_number(std::numeric_limits<double>::quiet_NaN());
    c.push_number(-std::numeric_limits<double>::infinity());
    c.push_number(-0.0);
    c.push_back(cell("C001"));
    c.push_back(cell("C001"));
    c.push_back(Cell::of(std::string()));
    c.push_empty();
    c.push_back(cell("c001"));
    ASSERT_EQ(c.size(), 8u);
    EXPECT_EQ(c[0].kind, Cell::Kind::number); // a NaN stays a number, never a text or empty
    EXPECT_TRUE(std::isnan(c[0].number));
    EXPECT_EQ(c[1].number, -std::numeric_limits<double>::infinity());
    EXPECT_TRUE(std::signbit(c[2].number));
    EXPECT_EQ(c[3].text, "C001");
    EXPECT_EQ(c.text_id_at(3), c.text_id_at(4)); // one distinct text
    EXPECT_TRUE(c[5].is_empty());
    EXPECT_TRUE(c[6].is_empty());
    EXPECT_EQ(c[7].text, "c001"); // texts are kept as they are; keys fold case later
    EXPECT_EQ(c.text_count(), 2u);
    EXPECT_FALSE(c.text_id_at(0));
    c.truncate(4);
    EXPECT_EQ(c.size(), 4u);
    Column moved = std::move(c);
    EXPECT_EQ(moved[3].text, "C001");
}

TEST(TextMemo, OncePerDistinctText) {
    auto column = col({"a", "b", "a", 1, {}, "a"});
    int calls = 0;
    const TextMemo<int> memo(column, -1);
    auto f = [&](CellView c) { return ++calls, c.kind == Cell::Kind::text ? int(c.text[0]) : 0; };
    std::vector<int> got;
    for (std::size_t i = 0; i < column.size(); ++i)
        got.push_back(memo.get(i, f));
    EXPECT_EQ(got, (std::vector<int>{'a', 'b', 'a', 0, 0, 'a'}));
    EXPECT_EQ(calls, 4); // "a", "b", the number, the empty cell
}

TEST(Keys, NfkcAndCaseFolding) {
    // Full-width, half-width and case: one customer, as a Japanese user reads them.
    EXPECT_EQ(key_text(cell("ＡＢＣ商事")), key_text(cell("ABC商事")));
    EXPECT_EQ(key_text(cell("abc商事　")), key_text(cell("ABC商事")));
    EXPECT_EQ(key_text(cell("ｶﾌﾞｼｷ")), key_text(cell("カブシキ")));
    EXPECT_EQ(key_text(cell("Ｃ００１")), "c001");
    EXPECT_EQ(key_text(cell("ＳＴＲＡßE")), key_text(cell("strasse")));
    EXPECT_NE(key_text(cell("カブシキ")), key_text(cell("かぶしき"))); // kana differ
    KeyInterner ids;
    EXPECT_EQ(ids.intern(cell("ＡＢＣ商事")), ids.intern(cell(" abc商事 ")));
    EXPECT_EQ(ids.size(), 1u);
    // Bytes that are not UTF-8 still give a key, never a crash.
    EXPECT_FALSE(key_text(cell("\xff\xfe\x80")).empty());
}

TEST(StringIds, AddedWithoutSearchThenSearched) {
    StringIds ids;
    EXPECT_EQ(ids.push_back("a"), 0u);
    EXPECT_EQ(ids.push_back("b"), 1u);
    EXPECT_EQ(ids.find("b"), 1u); // indexed when first searched
    EXPECT_EQ(ids.insert("a"), 0u);
    EXPECT_EQ(ids.insert("c"), 2u);
    for (int i = 0; i < 1000; ++i)
        ids.push_back(id("x", i));
    EXPECT_EQ(ids.insert("x999"), 1002u);
    EXPECT_EQ(ids.find("x0"), 3u);
    EXPECT_FALSE(ids.find("y").has_value());
    EXPECT_EQ(ids[2], "c");
}
