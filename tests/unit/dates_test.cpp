// Dates: serials and NullDate, text and era dates with their boundaries, windows.
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

TEST(Dates, FullWidthAndJapaneseEras) {
    const DateOrigin o;
    auto day = [&](const char* text) { return read_date(cell(text), o); };
    auto ymd = [](int y, unsigned m, unsigned d) {
        return day_of(std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d});
    };
    EXPECT_EQ(**day("２０２４／４／１"), ymd(2024, 4, 1));
    EXPECT_EQ(**day("２０２４年４月１日"), ymd(2024, 4, 1));
    EXPECT_EQ(**day("令和6年4月1日"), ymd(2024, 4, 1));
    EXPECT_EQ(**day("令和元年5月1日"), ymd(2019, 5, 1));
    EXPECT_EQ(**day("平成31年4月30日"), ymd(2019, 4, 30));
    EXPECT_EQ(**day("R6.4.1"), ymd(2024, 4, 1));
    EXPECT_EQ(**day("r6/4/1"), ymd(2024, 4, 1));
    EXPECT_EQ(**day("R06.04.01"), ymd(2024, 4, 1));
    EXPECT_EQ(**day("Ｒ６．４．１"), ymd(2024, 4, 1));
    EXPECT_EQ(**day("H31.4.30"), ymd(2019, 4, 30));
    EXPECT_EQ(**day("S64.1.7"), ymd(1989, 1, 7));
    EXPECT_EQ(**day("平成元年1月8日"), ymd(1989, 1, 8));
    EXPECT_EQ(**day("昭和元年12月25日"), ymd(1926, 12, 25));
    EXPECT_EQ(**day("T15.12.24"), ymd(1926, 12, 24));
    EXPECT_EQ(**day("大正元年7月30日"), ymd(1912, 7, 30));
    EXPECT_EQ(**day("明治45年7月29日"), ymd(1912, 7, 29));
    EXPECT_EQ(**day("M45.7.29"), ymd(1912, 7, 29));
    // Outside its era, or no such day: not a date.
    for (const char* bad :
         {"令和1年4月30日", "H31.5.1", "S64.1.8", "平成元年1月7日", "T15.12.25", "大正元年7月29日",
          "R6.2.30", "R6.13.1", "X6.4.1", "令和", "R6.4", "令和6年4月1", "R6.4/1"})
        EXPECT_EQ(day(bad).error(), Error::invalid_argument) << bad;
}

TEST(Dates, AnEraLearnedLater) {
    // As the add-in passes an era LibreOffice's calendar knows and the core does not: far
    // in the future, so that no other test's date moves into it.
    const DateOrigin o;
    auto day = [&](const char* text) { return read_date(cell(text), o); };
    const Day first = day_of(std::chrono::year{2500} / 3 / 1);
    EXPECT_FALSE(add_era({"", "", "", first}));                                         // no name
    EXPECT_FALSE(add_era({"平成", "h", "平", first}));                                  // known
    EXPECT_FALSE(add_era({"未来", "", "未", day_of(std::chrono::year{2000} / 1 / 1)})); // earlier
    EXPECT_EQ(day("未来元年3月1日").error(), Error::invalid_argument);
    ASSERT_TRUE(add_era({"未来", "", "未", first}));
    EXPECT_EQ(**day("未来元年3月1日"), first);
    EXPECT_EQ(**day("未来2年1月1日"), day_of(std::chrono::year{2501} / 1 / 1));
    EXPECT_EQ(**day("未2.1.1"), day_of(std::chrono::year{2501} / 1 / 1));
    EXPECT_EQ(day("未来元年2月28日").error(), Error::invalid_argument); // before its first day
    EXPECT_EQ(**day("令和482年2月28日"), day_of(std::chrono::year{2500} / 2 / 28));
    EXPECT_EQ(day("令和482年3月1日").error(), Error::invalid_argument); // now the new era's
    EXPECT_EQ(**day("R6.4.1"), day_of(std::chrono::year{2024} / 4 / 1));
}
