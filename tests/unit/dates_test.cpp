#include "test_cells.hpp"

#include <gtest/gtest.h>

using namespace ca;
using namespace ca::test;
using namespace std::chrono;

namespace {
const Day apr1 = day_of(year{2024} / 4 / 1);
}

TEST(Dates, SerialsUseTheDocumentNullDate) {
    EXPECT_EQ(**read_date(cell(45383), DateOrigin{}), apr1);    // Calc: 2024-04-01
    EXPECT_EQ(**read_date(cell(45383.75), DateOrigin{}), apr1); // time of day ignored
    const DateOrigin origin1904{day_of(year{1904} / 1 / 1)};
    EXPECT_EQ(**read_date(cell(43921), origin1904), apr1);
    EXPECT_EQ(DateOrigin{}.serial(apr1), 45383);
}

TEST(Dates, AcceptedTextForms) {
    for (const char* text : {"2024-04-01", "2024/4/1", "2024/04/01", "2024年4月1日", " 2024-4-01 "})
        EXPECT_EQ(**read_date(cell(text), DateOrigin{}), apr1) << text;
}

TEST(Dates, RejectedText) {
    for (const char* text : {"2024-02-30", "2024.04.01", "April 1, 2024", "2024/4", "24/4/1",
                             "2024年4月1", "2024-04-01x", "yesterday", "2024/13/01"})
        EXPECT_EQ(read_date(cell(text), DateOrigin{}).error(), Error::invalid_argument) << text;
}

TEST(Dates, EmptyIsNoDate) {
    EXPECT_FALSE(*read_date(Cell{}, DateOrigin{}));
    EXPECT_FALSE(*read_date(cell("  "), DateOrigin{}));
}

TEST(Dates, OutOfRangeSerials) {
    EXPECT_FALSE(read_date(cell(1e18), DateOrigin{}));
    EXPECT_FALSE(read_date(cell(-1e9), DateOrigin{}));
    EXPECT_FALSE(read_date(cell(std::numeric_limits<double>::quiet_NaN()), DateOrigin{}));
    EXPECT_FALSE(read_date(cell(std::numeric_limits<double>::infinity()), DateOrigin{}));
}

TEST(Dates, Window) {
    auto w = read_window(cell("2024-01-01"), cell("2024-12-31"), DateOrigin{});
    ASSERT_TRUE(w);
    EXPECT_TRUE(w->contains(apr1));
    EXPECT_FALSE(w->contains(day_of(year{2025} / 1 / 1)));
    EXPECT_FALSE(read_window(cell("2024-12-31"), cell("2024-01-01"), DateOrigin{}));
    EXPECT_TRUE(read_window(Cell{}, Cell{}, DateOrigin{})->contains(0));
}

TEST(Dates, ZeroBoundIsNotGiven) {
    // A blank cell passed as Start or End reaches the add-in as 0.
    EXPECT_FALSE(*read_bound(cell(0), DateOrigin{}));
    EXPECT_FALSE(read_window(cell(0), cell(0), DateOrigin{})->end);
    EXPECT_EQ(**read_bound(cell(45383), DateOrigin{}), apr1);
}
