// Google Benchmark of every core entry point at 10k, 100k and 1M rows (items = rows).
#include "fans.hpp"
#include "groups.hpp"
#include "sales_trend.hpp"
#include "touchpoints.hpp"
#include "win_rate.hpp"

#include <benchmark/benchmark.h>
#include <map>
#include <random>

using namespace ca;

namespace {

// "C42" (GCC 12 warns falsely on "C" + std::to_string(42) in optimised builds).
std::string id(std::string_view prefix, long n) {
    std::string s(prefix);
    s += std::to_string(n);
    return s;
}

// A log of `rows` rows over three years: customer ids of 2,000 customers, date serials,
// departments, outcomes and amounts, as cells the add-in would hand over.
struct Sheet {
    Column customers, dates, depts, outcomes, amounts, list;
    explicit Sheet(std::size_t rows) {
        std::mt19937 rng(42);
        std::uniform_int_distribution<int> customer(1, 2000), day(0, 3 * 365 - 1), dept(0, 3),
            outcome(0, 3);
        const char* dept_names[] = {"Sales", "Support", "East", "West"};
        const char* outcome_names[] = {"won", "lost", "open", "受注"};
        for (std::size_t i = 0; i < rows; ++i) {
            customers.push_back(Cell::of(id("C", customer(rng))));
            dates.push_back(Cell::of(44652.0 + day(rng))); // from 2022-04-01
            depts.push_back(Cell::of(std::string(dept_names[dept(rng)])));
            outcomes.push_back(Cell::of(std::string(outcome_names[outcome(rng)])));
            amounts.push_back(Cell::of(1000.0 + customer(rng)));
        }
        for (int c = 1; c <= 2500; ++c)
            list.push_back(Cell::of(id("C", c)));
    }
    Log log() const {
        return {.ids = customers,
                .dates = dates,
                .customer_list = list,
                .filters = {{depts, Cell::of(std::string("Sales"))}}};
    }
    Log deals() const { return {.outcomes = outcomes, .dates = dates}; }
    Log ledger() const { return {.amounts = amounts, .dates = dates}; }
};

const Sheet& sheet(std::int64_t rows) {
    static std::map<std::int64_t, Sheet> sheets;
    auto it = sheets.find(rows);
    if (it == sheets.end()) it = sheets.emplace(rows, Sheet(static_cast<std::size_t>(rows))).first;
    return it->second;
}

template <class F> void run(benchmark::State& state, F&& f) {
    const Sheet& s = sheet(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(f(s));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void AvgTouchpoints(benchmark::State& st) {
    run(st, [](const Sheet& s) { return avg_touchpoints(s.log()); });
}
void DistinctCustomers(benchmark::State& st) {
    run(st, [](const Sheet& s) {
        return distinct_customers({s.customers, s.dates, {}, {}, {}, {}, {}});
    });
}
void TouchTrend(benchmark::State& st) {
    run(st, [](const Sheet& s) { return touch_trend(s.log(), Cell{}); });
}
void WinRate(benchmark::State& st) {
    run(st, [](const Sheet& s) { return win_rate(s.deals()); });
}
void WinRateTrend(benchmark::State& st) {
    run(st, [](const Sheet& s) { return win_rate_trend(s.deals(), Cell::of(std::string("fq"))); });
}
void SalesByPeriod(benchmark::State& st) {
    run(st, [](const Sheet& s) { return sales_by_period(s.ledger(), Cell{}); });
}
void SalesTrend(benchmark::State& st) {
    run(st, [](const Sheet& s) { return sales_trend(s.ledger(), Cell::of(3.0), Cell{}, Cell{}); });
}
void SalesTrendStatMk(benchmark::State& st) {
    run(st, [](const Sheet& s) {
        return sales_trend_stat(s.ledger(), Cell::of(std::string("mk_p")), Cell::of(3.0), Cell{});
    });
}
void SeasonalIndex(benchmark::State& st) {
    run(st, [](const Sheet& s) { return seasonal_indices(s.ledger(), Cell{}); });
}

// A million-row key column of `ids` distinct customers, ASCII ("C123") or Japanese
// ("顧客１２３", full-width digits: every distinct text goes through ICU's NFKC folding).
const Column& id_column(std::int64_t ids, bool japanese) {
    static std::map<std::pair<std::int64_t, bool>, Column> columns;
    auto [it, fresh] = columns.try_emplace({ids, japanese});
    if (fresh) {
        std::mt19937 rng(7);
        std::uniform_int_distribution<std::int64_t> pick(1, ids);
        for (int i = 0; i < 1'000'000; ++i) {
            const std::string n = std::to_string(pick(rng));
            if (!japanese) {
                it->second.push_back(Cell::of(id("C", std::stol(n))));
                continue;
            }
            std::string wide = "顧客";
            for (char c : n)
                wide += "\xEF\xBC" + std::string(1, static_cast<char>('\x90' + (c - '0')));
            it->second.push_back(Cell::of(wide));
        }
    }
    return it->second;
}

// DISTINCTCUSTOMERS and AVGTOUCHPOINTSBY per customer over 1M rows, by distinct ids.
void DistinctIds(benchmark::State& st) {
    const Column& c = id_column(st.range(0), st.range(1) != 0);
    for (auto _ : st)
        benchmark::DoNotOptimize(distinct_customers({.ids = c}));
    st.SetItemsProcessed(st.iterations() * 1'000'000);
}
void PerCustomerTable(benchmark::State& st) {
    const Column& c = id_column(st.range(0), st.range(1) != 0);
    const Log log{.ids = c, .groups = c};
    for (auto _ : st)
        benchmark::DoNotOptimize(avg_touchpoints_by(log));
    st.SetItemsProcessed(st.iterations() * 1'000'000);
}

} // namespace

#define IDS                                                                                        \
    ->Args({2'000, 0})                                                                             \
        ->Args({80'000, 0})                                                                        \
        ->Args({432'000, 0})                                                                       \
        ->Args({2'000, 1})                                                                         \
        ->Args({80'000, 1})                                                                        \
        ->Args({432'000, 1})                                                                       \
        ->Unit(benchmark::kMillisecond)
BENCHMARK(DistinctIds) IDS;
BENCHMARK(PerCustomerTable) IDS;

#define ROWS ->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)
BENCHMARK(AvgTouchpoints) ROWS;
BENCHMARK(DistinctCustomers) ROWS;
BENCHMARK(TouchTrend) ROWS;
BENCHMARK(WinRate) ROWS;
BENCHMARK(WinRateTrend) ROWS;
BENCHMARK(SalesByPeriod) ROWS;
BENCHMARK(SalesTrend) ROWS;
BENCHMARK(SalesTrendStatMk) ROWS;
BENCHMARK(SeasonalIndex) ROWS;
BENCHMARK_MAIN();
