// TOUCHESBEFORE on worked examples: each deal's touches after its customer's previous close,
// same-day closes sharing, open dates, the window, titles, the single form and bad input.
#include "test_cells.hpp"
#include "touches_before.hpp"

#include <gtest/gtest.h>

using namespace ca;
using namespace ca::test;

namespace {

// Touches: A on Jan 1, 5, 10, 20 and Feb 1; B on Jan 3; "ａ" (full width) on Jan 7.
struct Example {
    Column touch_ids = col({"A", "A", "B", "A", "A", "ａ", "A"});
    Column touch_dates =
        col({serial(2024, 1, 1), serial(2024, 1, 5), serial(2024, 1, 3), serial(2024, 1, 10),
             serial(2024, 1, 20), serial(2024, 1, 7), "2024-02-01"});
    Log touches() const { return Log{.ids = touch_ids, .dates = touch_dates}; }
};

std::vector<double> counts(const Result<Grid>& grid) {
    std::vector<double> out;
    for (const auto& row : *grid)
        out.push_back(row.at(0).is_empty() ? -1 : row.at(0).number);
    return out;
}

const Cell none;

} // namespace

TEST(TouchesBefore, EachTouchCountsForOneClose) {
    const Example e;
    // A closes on Jan 7 and Jan 20 (twice: they share), B on Jan 2 and Jan 31, C never
    // touched; a deal without a close date and one without a customer are empty.
    const Column customers = col({"A", "a", "A", "B", "B", "C", "A", {}});
    const Column closes = col({serial(2024, 1, 7),
                               serial(2024, 1, 20),
                               serial(2024, 1, 20),
                               serial(2024, 1, 2),
                               serial(2024, 1, 31),
                               serial(2024, 1, 31),
                               {},
                               serial(2024, 1, 9)});
    const auto got = touches_before(e.touches(), Deals{customers, closes}, none, {}, none);
    ASSERT_TRUE(got);
    // A Jan 7: Jan 1, 5, 7 (ａ folds to a). A Jan 20: after Jan 7, up to Jan 20: 10, 20.
    EXPECT_EQ(counts(got), (std::vector<double>{3, 2, 2, 0, 1, 0, -1, -1}));
}

TEST(TouchesBefore, EndsWithTheLastDeal) {
    const Example e;
    // Whole columns on the log's sheet: the deal list read to the log's length.
    const Column customers = col({"A", {}, {}, {}}), closes = col({serial(2024, 1, 7), {}, {}, {}});
    EXPECT_EQ(counts(touches_before(e.touches(), Deals{customers, closes}, none, {}, none)),
              (std::vector<double>{3}));
    const Column some = col({"A", {}, "B", {}}), dates = col({serial(2024, 1, 7), {}, {}, {}});
    EXPECT_EQ(counts(touches_before(e.touches(), Deals{some, dates}, none, {}, none)),
              (std::vector<double>{3, -1, -1}));
}

TEST(TouchesBefore, OpenDatesAndWindow) {
    const Example e;
    const Column customers = col({"A", "A"});
    const Column closes = col({serial(2024, 1, 20), serial(2024, 2, 1)});
    const Column opens = col({serial(2024, 1, 5), {}});
    auto got = touches_before(e.touches(), Deals{customers, closes, opens}, none, {}, none);
    ASSERT_TRUE(got);
    EXPECT_EQ(counts(got), (std::vector<double>{4, 1})); // from Jan 5: 5, 7, 10, 20
    // A window of 10 days: after Jan 10 up to Jan 20; 0 is no window.
    got = touches_before(e.touches(), Deals{customers, closes}, cell(10), {}, none);
    EXPECT_EQ(counts(got), (std::vector<double>{1, 1}));
    got = touches_before(e.touches(), Deals{customers, closes}, cell(0), {}, none);
    EXPECT_EQ(counts(got), (std::vector<double>{5, 1}));
    // Half a day more reaches back one more day.
    got = touches_before(e.touches(), Deals{customers, closes}, cell(10.5), {}, none);
    EXPECT_EQ(counts(got), (std::vector<double>{2, 1}));
}

TEST(TouchesBefore, TitlesStayInPlace) {
    const Column ids = col({"Customer", "A", "A"});
    const Column dates = col({"Date", serial(2024, 1, 1), serial(2024, 1, 2)});
    const Column customers = col({"Customer", "A"});
    const Column closes = col({"Closed", serial(2024, 1, 2)});
    const auto got =
        touches_before(Log{.ids = ids, .dates = dates}, Deals{customers, closes}, none, {}, none);
    ASSERT_TRUE(got);
    EXPECT_EQ(counts(got), (std::vector<double>{-1, 2}));
    const Column title_only = col({"Closed"});
    EXPECT_EQ(touches_before(Log{.ids = ids, .dates = dates}, Deals{col({"Customer"}), title_only},
                             none, {}, none)
                  .error(),
              Error::not_available);
}

TEST(TouchesBefore, SingleFormEqualsTheArray) {
    const Example e;
    const Column customers = col({"A", "A", "A"});
    const Column closes = col({serial(2024, 1, 7), serial(2024, 1, 20), serial(2024, 1, 20)});
    const Column opens = col({{}, serial(2024, 1, 15), serial(2024, 1, 8)});
    const Deals deals{customers, closes, opens};
    const auto array = counts(touches_before(e.touches(), deals, none, {}, none));
    EXPECT_EQ(array, (std::vector<double>{3, 1, 2}));
    const auto one = [&](CellValue who, CellValue close) {
        return touches_before(e.touches(), deals, none, cell(who), cell(close));
    };
    // Two rows close on Jan 20: the earliest open date (Jan 8) decides.
    EXPECT_EQ(counts(one("a", serial(2024, 1, 20))), (std::vector<double>{2}));
    EXPECT_EQ(counts(one("A", "2024-01-07")), (std::vector<double>{3}));
    EXPECT_EQ(one("A", serial(2024, 1, 8)).error(), Error::not_available);
    EXPECT_EQ(one("Z", serial(2024, 1, 7)).error(), Error::not_available);
    // A blank close date (Calc hands a blank cell over as 0) or customer: an empty result.
    EXPECT_EQ(counts(one("A", 0)), (std::vector<double>{-1}));
    EXPECT_EQ(counts(one({}, serial(2024, 1, 7))), (std::vector<double>{-1}));
    EXPECT_EQ(counts(one(0, serial(2024, 1, 7))), (std::vector<double>{-1}));
}

TEST(TouchesBefore, BadInput) {
    const Example e;
    const Column customers = col({"A"}), closes = col({serial(2024, 1, 7)});
    const auto bad = [](const Result<Grid>& r) {
        return !r && r.error() == Error::invalid_argument;
    };
    EXPECT_TRUE(bad(touches_before(e.touches(), Deals{customers, closes}, cell(-1), {}, none)));
    EXPECT_TRUE(bad(touches_before(e.touches(), Deals{customers, closes}, cell("x"), {}, none)));
    const Column two = col({"A", "B"});
    EXPECT_TRUE(bad(touches_before(e.touches(), Deals{two, closes}, none, {}, none)));
    // A text that is no date below the first row (a first one would be a title).
    const Column two_a = col({"A", "A"}),
                 two_closes = col({serial(2024, 1, 7), serial(2024, 1, 9)});
    const Column not_a_date = col({{}, "soon"});
    EXPECT_TRUE(
        bad(touches_before(e.touches(), Deals{two_a, two_closes, not_a_date}, none, {}, none)));
    const Column short_dates = col({serial(2024, 1, 1)});
    EXPECT_TRUE(bad(touches_before(Log{.ids = e.touch_ids, .dates = short_dates},
                                   Deals{customers, closes}, none, {}, none)));
    const Column touch_bad = col({"A", "A"}), touch_bad_dates = col({serial(2024, 1, 1), "x"});
    EXPECT_TRUE(bad(touches_before(Log{.ids = touch_bad, .dates = touch_bad_dates},
                                   Deals{customers, closes}, none, {}, none)));
    EXPECT_TRUE(bad(
        touches_before(e.touches(), Deals{customers, closes}, none, cell("A"), cell("someday"))));
}
