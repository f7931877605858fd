// The diagnosis, the touch-to-win curve and its statistics, against statsmodels 0.13.5
// (proportion_confint wilson, GLM Binomial) and worked examples of pool-adjacent-violators.
#include "test_cells.hpp"
#include "touch_win.hpp"

#include <gtest/gtest.h>

using namespace ca;
using namespace ca::test;

namespace {

void expect_near_rel(double got, double want, double rel = 1e-12) {
    EXPECT_NEAR(got, want, rel * std::max(1.0, std::abs(want)));
}

// Thirteen decided deals: (touches, won).
const std::vector<std::pair<double, bool>> deals{
    {0, false}, {0, false}, {1, false}, {1, true}, {2, false}, {2, true}, {3, true},
    {3, false}, {4, true},  {5, true},  {6, true}, {6, false}, {8, true}};

} // namespace

TEST(TouchWin, WilsonAsStatsmodels) {
    const Interval a = wilson(7, 10);
    expect_near_rel(a.low, 0.39677814746114537);
    expect_near_rel(a.high, 0.8922087325936989);
    const Interval none = wilson(0, 3), all = wilson(5, 5);
    expect_near_rel(none.low, 0.0);
    expect_near_rel(none.high, 0.5614970317550455);
    expect_near_rel(all.low, 0.5655175352168252);
    expect_near_rel(all.high, 1.0);
}

TEST(TouchWin, PoolAdjacentViolators) {
    const std::vector<double> v{0.5, 0.2, 0.8, 0.6, 0.9}, w{2, 2, 1, 3, 1};
    const auto fit = pool_adjacent_violators(v, w);
    ASSERT_EQ(fit.size(), 5u);
    expect_near_rel(fit[0], 0.35); // (0.5*2 + 0.2*2) / 4
    expect_near_rel(fit[1], 0.35);
    expect_near_rel(fit[2], (0.8 * 1 + 0.6 * 3) / 4);
    expect_near_rel(fit[3], (0.8 * 1 + 0.6 * 3) / 4);
    expect_near_rel(fit[4], 0.9);
    // Already increasing: unchanged.
    const std::vector<double> up{0.1, 0.2, 0.3}, ones{1, 1, 1};
    EXPECT_EQ(pool_adjacent_violators(up, ones), up);
}

TEST(TouchWin, LogisticAsStatsmodelsGlm) {
    std::vector<Trials> trials;
    for (const auto& [t, won] : deals) {
        if (trials.empty() || trials.back().x != std::log1p(t)) trials.push_back({std::log1p(t)});
        trials.back().decided += 1;
        trials.back().won += won ? 1 : 0;
    }
    const auto fit = fit_logistic(trials);
    ASSERT_TRUE(fit);
    expect_near_rel(fit->b0, -1.98867308, 1e-8);
    expect_near_rel(fit->b1, 1.75563149, 1e-8);
    expect_near_rel(fit->at(std::log1p(0.0)), 0.12039731525803146, 1e-7);
    expect_near_rel(fit->at(std::log1p(3.0)), 0.60948523659424, 1e-7);
}

TEST(TouchWin, NoLogisticFitWithoutOverlap) {
    // Separation: every loss below every win.
    EXPECT_FALSE(fit_logistic(std::vector<Trials>{{0, 2, 0}, {1, 3, 3}}));
    // Quasi-complete: they meet at one x only.
    EXPECT_FALSE(fit_logistic(std::vector<Trials>{{0, 2, 0}, {1, 2, 1}, {2, 3, 3}}));
    // All won, all lost, one x.
    EXPECT_FALSE(fit_logistic(std::vector<Trials>{{0, 2, 2}, {1, 3, 3}}));
    EXPECT_FALSE(fit_logistic(std::vector<Trials>{{0, 2, 0}, {1, 3, 0}}));
    EXPECT_FALSE(fit_logistic(std::vector<Trials>{{1, 4, 2}}));
}

TEST(TouchWin, DefaultBucketsMergeDownThenUp) {
    // Touch counts 0..8 hold 2,2,2,2,1,1,2,0,1 deals: from the top, 8 joins 6 (3), 6+8
    // joins 5 (4), then 4 (5: edge 4); 3 joins 2 joins 1 joins 0 (8: edge 0).
    const auto b = default_buckets(deals);
    ASSERT_EQ(b.size(), 2u);
    EXPECT_EQ(b[0].lower, 0);
    EXPECT_EQ(b[0].decided, 8);
    EXPECT_EQ(b[0].won, 3);
    EXPECT_EQ(b[1].lower, 4);
    EXPECT_EQ(b[1].decided, 5);
    EXPECT_EQ(b[1].won, 4);
    // A small lowest bucket that is alone stays.
    const std::vector<std::pair<double, bool>> few{{2, true}, {3, false}};
    const auto one = default_buckets(few);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].lower, 2);
    EXPECT_EQ(one[0].decided, 2);
}

TEST(TouchWin, CurveWithGivenEdges) {
    Column touches, outcomes;
    for (const auto& [t, won] : deals) {
        touches.push_back(Cell::of(t));
        outcomes.push_back(Cell::of(std::string(won ? "won" : "lost")));
    }
    touches.push_back(Cell::of(9.0)); // an open deal is left out
    outcomes.push_back(Cell::of(std::string("open")));
    const Column edges = col({1, 3, 7, 20});
    const auto grid = touch_win_curve(Log{.outcomes = outcomes, .touches = touches}, edges);
    ASSERT_TRUE(grid);
    ASSERT_EQ(grid->size(), 4u);
    // [1,3): 4 deals, 2 won; [3,7): 6 deals, 4 won; [7,20): 1 won; [20,): none.
    EXPECT_EQ((*grid)[0][1].number, 4);
    EXPECT_EQ((*grid)[0][2].number, 2);
    EXPECT_EQ((*grid)[1][1].number, 6);
    EXPECT_EQ((*grid)[2][1].number, 1);
    EXPECT_EQ((*grid)[3][1].number, 0);
    EXPECT_TRUE((*grid)[3][3].is_empty()); // no rate without a deal
    EXPECT_TRUE((*grid)[3][6].is_empty());
    EXPECT_FALSE((*grid)[3][7].is_empty()); // the fit still has a value at the edge
    const Interval first = wilson(2, 4);
    expect_near_rel((*grid)[0][4].number, first.low);
    expect_near_rel((*grid)[0][5].number, first.high);
}

TEST(TouchWin, BadTouchesAndEdges) {
    const Column outcomes = col({"won", "lost", "won"});
    auto curve = [&](Column touches, Column edges) {
        return touch_win_curve(Log{.outcomes = outcomes, .touches = touches}, edges);
    };
    EXPECT_EQ(curve(col({1, -1, 2}), {}).error(), Error::invalid_argument);
    EXPECT_EQ(curve(col({1, "many", 2}), {}).error(), Error::invalid_argument);
    EXPECT_EQ(curve(col({1, 2}), {}).error(), Error::invalid_argument); // lengths differ
    EXPECT_EQ(curve(col({1, 2, 3}), col({2, 1})).error(), Error::invalid_argument);
    EXPECT_EQ(curve(col({1, 2, 3}), col({-1, 1})).error(), Error::invalid_argument);
    EXPECT_TRUE(curve(col({1, 2, 3}), {}));
    // A title over the touches is skipped; nothing decided is #N/A.
    EXPECT_TRUE(touch_win_curve(
        Log{.outcomes = col({"Outcome", "won"}), .touches = col({"Touches", 3})}, {}));
    EXPECT_EQ(touch_win_curve(Log{.outcomes = col({"open"}), .touches = col({3})}, {}).error(),
              Error::not_available);
}

TEST(TouchWin, PerGroup) {
    // East: won 4 (touches 6, 8), lost 2 (touches 1, 3); an open deal and a decided deal
    // without touches do not count. West: only an open deal.
    const Column touches = col({6, 1, 8, 3, 9, {}, 2});
    const Column outcomes = col({"won", "lost", "受注", "失注", "open", "won", "open"});
    const Column groups = col({"East", "East", "East", "East", "East", "East", "West"});
    const auto t = touch_win_by(Log{.outcomes = outcomes, .touches = touches, .groups = groups});
    ASSERT_TRUE(t);
    ASSERT_EQ(t->keys.size(), 2u);
    const auto east = t->row(0);
    EXPECT_EQ(*east[0].number(), 4);
    EXPECT_EQ(*east[1].number(), 0.5);
    expect_near_rel(*east[2].number(), wilson(2, 4).low);
    EXPECT_EQ(*east[3].number(), 7);
    EXPECT_EQ(*east[4].number(), 2);
    const auto west = t->row(1);
    EXPECT_EQ(*west[0].number(), 0);
    EXPECT_FALSE(west[1].number());
    EXPECT_FALSE(west[3].number());
    // A negative touch count anywhere: Err:502.
    const Column bad = col({6, 1, 8, 3, 9, {}, -2});
    EXPECT_EQ(touch_win_by(Log{.outcomes = outcomes, .touches = bad, .groups = groups}).error(),
              Error::invalid_argument);
}

TEST(TouchWin, Target) {
    Column touches, outcomes, groups;
    for (std::size_t i = 0; i < deals.size(); ++i) {
        touches.push_back(Cell::of(deals[i].first));
        outcomes.push_back(Cell::of(std::string(deals[i].second ? "won" : "lost")));
        groups.push_back(Cell::of(std::string(i % 2 ? "East" : "West")));
    }
    const Log log{.outcomes = outcomes, .touches = touches};
    auto target = [&](const Log& l, Cell t, const char* method) {
        return touch_target(l, t, Cell::of(std::string(method)));
    };
    // Default buckets [0: 3 of 8 won, 0.375], [4: 4 of 5, 0.8], already increasing.
    EXPECT_EQ(*target(log, Cell::of(0.5), "monotone"), 4);
    EXPECT_EQ(*target(log, Cell::of(0.3), "monotone"), 0);
    EXPECT_EQ(target(log, Cell::of(0.9), "monotone").error(), Error::not_available);
    // Safe, the Wilson low of the deals with t+ touches (statsmodels): t = 0: 0.291,
    // 1: 0.3538, 2: 0.3542, 3: 0.3589, 4: 0.3755, 5: 0.301.
    EXPECT_EQ(*target(log, Cell::of(0.35), "safe"), 1);
    EXPECT_EQ(*target(log, Cell::of(0.37), "safe"), 4);
    EXPECT_EQ(target(log, Cell::of(0.38), "safe").error(), Error::not_available);
    // Logistic (b0 -1.98867308, b1 1.75563149): 0.5 is crossed at exp(1.1327) - 1 = 2.1.
    EXPECT_EQ(*target(log, Cell::of(0.5), "logistic"), 3);
    // Target omitted, no groups: the win rate of every deal, 7/13.
    EXPECT_EQ(*target(log, {}, "monotone"), 4);
    // top needs groups; with them, the best quarter is one group of two.
    EXPECT_EQ(target(log, {}, "top").error(), Error::invalid_argument);
    const Log grouped{.outcomes = outcomes, .touches = touches, .groups = groups};
    EXPECT_TRUE(target(grouped, {}, "top"));
    EXPECT_EQ(target(log, Cell::of(1.5), "safe").error(), Error::invalid_argument);
    EXPECT_EQ(target(log, Cell::of(0.5), "fastest").error(), Error::invalid_argument);
}

TEST(Diagnosis, FourAnswers) {
    auto diag = [](double t, double w, const Cell& change = {}, const char* lang = "") {
        return *touch_win_diag(cell(t), cell(w), cell(3), cell(0.3), change, cell(lang));
    };
    EXPECT_EQ(diag(4, 0.4), "keep");
    EXPECT_EQ(diag(4, 0.2), "review strategy");
    EXPECT_EQ(diag(4, 0.4, cell(-0.05)), "review strategy");
    EXPECT_EQ(diag(4, 0.2, cell(0.01)), "keep");
    EXPECT_EQ(diag(2, 0.2), "increase contact");
    EXPECT_EQ(diag(2, 0.4), "efficient");
    EXPECT_EQ(diag(2, 0.4, {}, "ja"), "効率良好");
    EXPECT_EQ(diag(3, 0.3, {}, "JA"), "継続");
}

TEST(Diagnosis, Errors) {
    EXPECT_EQ(touch_win_diag(cell(1), cell(1.5), cell(1), cell(0.3), {}, {}).error(),
              Error::invalid_argument);
    EXPECT_EQ(touch_win_diag(cell("x"), cell(0.5), cell(1), cell(0.3), {}, {}).error(),
              Error::invalid_argument);
    EXPECT_EQ(touch_win_diag(cell(1), cell(0.5), cell(1), cell(0.3), {}, cell("fr")).error(),
              Error::invalid_argument);
    EXPECT_EQ(touch_win_diag(Cell{}, cell(0.5), cell(1), cell(0.3), {}, {}).error(),
              Error::not_available);
}
