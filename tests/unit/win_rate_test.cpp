// Win rates, outcome words (受注 / 失注) and the touch-to-win diagnosis.
#include "test_cells.hpp"
#include "win_rate.hpp"

#include <gtest/gtest.h>

using namespace ca;
using namespace ca::test;

TEST(Outcomes, Vocabulary) {
    for (const char* w : {"won", "Win", " Closed Won", "受注", "成約", "TRUE", "1"})
        EXPECT_EQ(classify_outcome(cell(w)), Outcome::won) << w;
    for (const char* l : {"lost", "LOSE", "closed lost", "失注", "不成約", "false", "0"})
        EXPECT_EQ(classify_outcome(cell(l)), Outcome::lost) << l;
    EXPECT_EQ(classify_outcome(cell(1)), Outcome::won);
    EXPECT_EQ(classify_outcome(cell(0)), Outcome::lost);
    EXPECT_EQ(classify_outcome(cell(2)), Outcome::open);
    EXPECT_EQ(classify_outcome(cell("Engaging")), Outcome::open);
    EXPECT_EQ(classify_outcome(Cell{}), Outcome::none);
}

TEST(WinRate, WonOverDecided) {
    auto outcomes = col({"won", "lost", "open", {}, "受注", "失注", "won"});
    EXPECT_DOUBLE_EQ(*win_rate(Log{.outcomes = outcomes}), 3.0 / 5);
    auto open = col({"open", "Prospecting"});
    EXPECT_EQ(win_rate(Log{.outcomes = open}).error(), Error::not_available);
}

TEST(WinRate, WindowAndFilters) {
    auto outcomes = col({"won", "lost", "won", "lost"});
    auto dates = col({"2024-01-05", "2024-02-05", "2024-02-06", {}});
    auto region = col({"East", "East", "West", "East"});
    Log d{.outcomes = outcomes, .dates = dates, .start = cell("2024-02-01")};
    EXPECT_DOUBLE_EQ(*win_rate(d), 0.5);
    d.filters = {{region, cell("east")}};
    EXPECT_DOUBLE_EQ(*win_rate(d), 0.0);
}

TEST(WinRateTrend, Series) {
    auto outcomes = col({"won", "lost", "won", "open"});
    auto dates = col({"2024-01-05", "2024-01-25", "2024-03-06", "2024-02-01"});
    auto s = win_rate_trend(Log{.outcomes = outcomes, .dates = dates}, Cell{});
    ASSERT_TRUE(s);
    ASSERT_EQ(s->starts.size(), 3u);
    EXPECT_DOUBLE_EQ(*s->values[0][0], 0.5);
    EXPECT_FALSE(s->values[1][0]);
    EXPECT_EQ(*s->values[1][1], 0.0);
    EXPECT_DOUBLE_EQ(*s->values[2][0], 1.0);
}

TEST(Outcomes, MoreJapaneseWordsAndWidths) {
    for (const char* w : {"受注済", "受注済み", "成約済", "成約済み", "ＷＯＮ", "Ｗｏｎ"})
        EXPECT_EQ(classify_outcome(cell(w)), Outcome::won) << w;
    for (const char* l : {"見送り", "辞退", "不採用", "失注済", "ＬＯＳＴ"})
        EXPECT_EQ(classify_outcome(cell(l)), Outcome::lost) << l;
}
