// The BY functions against their scalar functions with a (Groups; key) filter, on logs
// generated at random, plus the Keys layouts.
#include "groups.hpp"
#include "sales_trend.hpp"
#include "test_cells.hpp"
#include "touchpoints.hpp"
#include "win_rate.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace ca;
using namespace ca::test;

namespace {

// A log with ids, outcomes, amounts and dates over 30 months, groups in mixed spellings.
struct RandomLog {
    Column customers, outcomes, amounts, dates, groups;
    // The log of one column (ids, outcomes or amounts) grouped by `groups`, in a window.
    Log by_group(ColumnView Log::*counted, const Column& column, Cell start = {},
                 Cell end = {}) const {
        Log log{.dates = dates, .groups = groups, .start = start, .end = end};
        log.*counted = column;
        return log;
    }
    // A log of by_group filtered to the groups `by` keeps instead: what each group's
    // figure must equal.
    static Log filtered(Log log, std::vector<Filter> by) {
        log.groups = {};
        log.filters = std::move(by);
        return log;
    }
    explicit RandomLog(unsigned seed, std::size_t rows = 400) {
        std::mt19937 rng(seed);
        auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
        const char* group_names[] = {"East", "east ", "West", "North", ""};
        const char* words[] = {"won", "lost", "open", "受注", "失注", ""};
        for (std::size_t i = 0; i < rows; ++i) {
            customers.push_back(pick(9) == 0 ? Cell{} : Cell::of(id("c", pick(40))));
            outcomes.push_back(Cell::of(std::string(words[pick(6)])));
            amounts.push_back(pick(10) == 0 ? Cell{} : Cell::of(double(pick(1000) - 100)));
            dates.push_back(pick(15) == 0 ? Cell{} : Cell::of(serial(2023, 1, 1) + pick(900)));
            if (pick(7) == 0)
                groups.push_back(Cell::of(double(pick(3))));
            else
                groups.push_back(Cell::of(std::string(group_names[pick(5)])));
        }
    }
};

const std::vector<Cell> probe_keys{Cell::of(std::string("EAST")),
                                   Cell::of(std::string("West")),
                                   Cell::of(std::string("north")),
                                   Cell::of(0.0),
                                   Cell::of(2.0),
                                   Cell::of(std::string("nobody"))};

void expect_same(const Result<double>& scalar, const Grid& one, const std::string& what) {
    ASSERT_EQ(one.size(), 1u) << what;
    if (!scalar) {
        EXPECT_TRUE(one[0][0].is_empty()) << what;
        return;
    }
    ASSERT_FALSE(one[0][0].is_empty()) << what << " scalar " << *scalar;
    EXPECT_NEAR(one[0][0].number, *scalar, 1e-12 * std::max(1.0, std::fabs(*scalar))) << what;
}

} // namespace

TEST(GroupsBy, EqualTheScalarWithAFilter) {
    for (unsigned seed = 1; seed <= 20; ++seed) {
        RandomLog r(seed);
        const Cell start = Cell::of(serial(2023, 3, 1)), end = Cell::of(serial(2024, 12, 31));
        const Log touch = r.by_group(&Log::ids, r.customers, start, end),
                  deals = r.by_group(&Log::outcomes, r.outcomes, start, end),
                  sales = r.by_group(&Log::amounts, r.amounts);
        auto avg = avg_touchpoints_by(touch);
        auto distinct = distinct_customers_by(touch);
        auto win = win_rate_by(deals);
        const Cell asof = Cell::of(serial(2025, 6, 20));
        auto trend = sales_trend_by(sales, {}, asof, {});
        auto yoy = sales_trend_by(sales, Cell::of(2.0), asof, Cell::of(std::string("yoy")));
        ASSERT_TRUE(avg && distinct && win && trend && yoy);
        for (const Cell& key : probe_keys) {
            const std::vector<Filter> by{{r.groups, key}};
            const std::string what = id("seed ", seed) + " key " + key_text(key);
            expect_same(avg_touchpoints(RandomLog::filtered(touch, by)),
                        lay_out(*avg, Keys::one(key), {}), what + " avg");
            expect_same(distinct_customers(RandomLog::filtered(touch, by)),
                        lay_out(*distinct, Keys::one(key), {}), what + " distinct");
            expect_same(win_rate(RandomLog::filtered(deals, by)), lay_out(*win, Keys::one(key), {}),
                        what + " win");
            expect_same(sales_trend(RandomLog::filtered(sales, by), {}, asof, {}),
                        lay_out(*trend, Keys::one(key), {}), what + " trend");
            expect_same(sales_trend(RandomLog::filtered(sales, by), Cell::of(2.0), asof,
                                    Cell::of(std::string("yoy"))),
                        lay_out(*yoy, Keys::one(key), {}), what + " yoy");
        }
    }
}

TEST(GroupsBy, MatricesEqualTheScalarSeries) {
    for (unsigned seed = 1; seed <= 10; ++seed) {
        RandomLog r(seed);
        const Cell start = Cell::of(serial(2023, 2, 1)), end = Cell::of(serial(2025, 5, 31));
        const Cell quarter = Cell::of(std::string("fq"));
        const Log touch = r.by_group(&Log::ids, r.customers, start, end),
                  deals = r.by_group(&Log::outcomes, r.outcomes, start, end),
                  sales = r.by_group(&Log::amounts, r.amounts, start, end);
        auto tt = touch_trend_by(touch, quarter, {});
        auto wt = win_rate_trend_by(deals, quarter, {});
        auto st = sales_by_period_by(sales, quarter, {});
        ASSERT_TRUE(tt && wt && st);
        for (const Cell& key : probe_keys) {
            const std::vector<Filter> by{{r.groups, key}};
            auto check = [&](const Result<Series>& series, const GroupTable& m, std::size_t col,
                             const char* what) {
                const Grid g = lay_out(m, Keys::one(key), {});
                ASSERT_TRUE(series.has_value()) << what; // Start and End given: periods exist
                ASSERT_EQ(g.size(), series->starts.size()) << what;
                for (std::size_t p = 0; p < g.size(); ++p) {
                    const auto& want = series->values[p][col];
                    if (!want)
                        EXPECT_TRUE(g[p][0].is_empty()) << what << " p" << p;
                    else
                        EXPECT_NEAR(g[p][0].number, *want, 1e-9) << what << " p" << p;
                }
            };
            check(touch_trend(RandomLog::filtered(touch, by), quarter), *tt, 0, "touch");
            check(win_rate_trend(RandomLog::filtered(deals, by), quarter), *wt, 0, "win");
            check(sales_by_period(RandomLog::filtered(sales, by), quarter), *st, 0, "sales");
        }
    }
}

TEST(GroupsBy, PerCustomerTableAsAnyOtherGroups) {
    // Customers given as Groups (one column) take a short cut; a copy of the column is
    // counted the general way. Both tables must be equal.
    auto customers = col({"a", "B", "a", {}, " b", 7, "c", "A"});
    auto copy = col({"a", "B", "a", {}, " b", 7, "c", "A"});
    auto dates = col({1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, "x"});
    const auto one = avg_touchpoints_by(Log{.ids = customers, .groups = customers});
    const auto two = avg_touchpoints_by(Log{.ids = customers, .groups = copy});
    ASSERT_TRUE(one && two);
    EXPECT_EQ(lay_out(*one, {}, {}).size(), 4u);
    const Grid a = lay_out(*one, {}, {}), b = lay_out(*two, {}, {});
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t r = 0; r < a.size(); ++r)
        for (std::size_t c = 0; c < a[r].size(); ++c)
            EXPECT_EQ(key_text(a[r][c]), key_text(b[r][c])) << r << "," << c;
    EXPECT_FALSE(avg_touchpoints_by(Log{.ids = customers, .dates = dates, .groups = customers}));
}

TEST(GroupsBy, LayOutEveryForm) {
    auto customers = col({"a", "b", "a", "c", "b", {}});
    auto groups = col({"West", "east", "East", 10, "west", "x"});
    auto t = avg_touchpoints_by(Log{.ids = customers, .dates = {}, .groups = groups});
    ASSERT_TRUE(t);
    // Omitted: sorted, numbers first, texts case-insensitively; first spelling kept.
    const Grid all = lay_out(*t, {}, {});
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0][0].number, 10);
    EXPECT_EQ(all[1][0].text, "east");
    EXPECT_EQ(all[2][0].text, "West");
    EXPECT_EQ(all[2][1].number, 1.0); // West: a, b: 2 touches, 2 customers
    EXPECT_EQ(all[2][2].number, 2.0);
    EXPECT_EQ(all[2][3].number, 2.0);
    // A list, in its order, values only, a missing key empty / 0.
    Keys keys = Keys::list(col({"EAST", "nobody", 10}), false);
    const Grid some = lay_out(*t, keys, {});
    ASSERT_EQ(some.size(), 3u);
    EXPECT_EQ(some[0].size(), 3u);
    EXPECT_EQ(some[0][0].number, 1.0); // east: b, a: 2 touches, 2 customers
    EXPECT_EQ(some[0][1].number, 2.0);
    EXPECT_TRUE(some[1][0].is_empty());
    EXPECT_EQ(some[1][1].number, 0.0);
    // Across: one column per key.
    keys.across = true;
    const Grid across = lay_out(*t, keys, {});
    ASSERT_EQ(across.size(), 3u);
    EXPECT_EQ(across[0].size(), 3u);
    EXPECT_EQ(across[1][0].number, 2.0);
    // One key: its first figure; a missing one empty (#N/A).
    EXPECT_EQ(lay_out(*t, Keys::one(Cell::of(std::string(" WEST "))), {})[0][0].number, 1.0);
    EXPECT_TRUE(lay_out(*t, Keys::one(Cell::of(std::string("zz"))), {})[0][0].is_empty());
}

TEST(GroupsBy, MatrixHeaderAndErrors) {
    auto outcomes = col({"won", "lost", "won", "open"});
    auto dates = col({"2024-01-05", "2024-03-25", "2024-03-06", "2024-02-01"});
    auto groups = col({"B", "A", "A", "B"});
    Log log{.outcomes = outcomes, .dates = dates, .groups = groups};
    auto m = win_rate_trend_by(log, {}, {});
    ASSERT_TRUE(m);
    const Grid g = lay_out(*m, {}, {});
    ASSERT_EQ(g.size(), 4u); // header + Jan..Mar
    EXPECT_EQ(g[0][1].text, "A");
    EXPECT_EQ(g[0][2].text, "B");
    EXPECT_EQ(g[1][0].number, serial(2024, 1, 1));
    EXPECT_TRUE(g[1][1].is_empty());
    EXPECT_EQ(g[1][2].number, 1.0);
    EXPECT_EQ(g[3][1].number, 0.5);
    // Errors: another length, no dates for a matrix, a bad period, text dates that are not.
    auto shorter = col({"A", "B"});
    EXPECT_EQ(win_rate_by(Log{.outcomes = outcomes, .dates = {}, .groups = shorter}).error(),
              Error::invalid_argument);
    EXPECT_EQ(
        win_rate_trend_by(Log{.outcomes = outcomes, .dates = {}, .groups = groups}, {}, {}).error(),
        Error::invalid_argument);
    EXPECT_EQ(win_rate_trend_by(log, Cell::of(std::string("week")), {}).error(),
              Error::invalid_argument);
    auto names = col({"x", "y", "z", "w"});
    EXPECT_EQ(win_rate_by(Log{.outcomes = outcomes, .dates = names, .groups = groups}).error(),
              Error::invalid_argument);
    auto text_amounts = col({1, "n/a", 2, 3});
    EXPECT_EQ(
        sales_trend_by(Log{.amounts = text_amounts, .dates = dates, .groups = groups}, {}, {}, {})
            .error(),
        Error::invalid_argument);
    EXPECT_EQ(
        sales_by_period_by(Log{.amounts = text_amounts, .dates = dates, .groups = groups}, {}, {})
            .error(),
        Error::invalid_argument);
    // Nothing in any group: #N/A for a matrix, an empty table otherwise.
    auto blanks = col({{}, {}, {}, {}});
    EXPECT_EQ(win_rate_trend_by(Log{.outcomes = outcomes, .dates = dates, .groups = blanks}, {}, {})
                  .error(),
              Error::not_available);
    EXPECT_TRUE(
        win_rate_by(Log{.outcomes = outcomes, .dates = dates, .groups = blanks})->keys.empty());
}
