// The BY functions: one pass over the log tallies every group; lay_out() shapes the table
// for the three forms of Keys.
#include "groups.hpp"

#include "sales_trend.hpp"
#include "series.hpp"
#include "touchpoints.hpp"
#include "winrate.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ca {
namespace {

bool aligned(const Log& log) {
    return !log.values.empty() && log.groups.size() == log.values.size();
}

// A table of one row of figures per group, every figure empty until set.
GroupTable table_of(const KeyIds& groups, std::size_t figures, Values missing) {
    GroupTable t;
    for (std::uint32_t id = 1; id <= groups.count(); ++id)
        t.keys.push_back(groups.key(id));
    t.rows.assign(t.keys.size(), Values(figures));
    t.missing = std::move(missing);
    t.index();
    return t;
}

// `compute` on the log below its title row (the header rule). A title with nothing below
// leaves no group: every key then gets `missing`.
template <class Compute>
Result<GroupTable> below_title(const Log& input, bool amounts, Values missing, Compute&& compute) {
    const auto body = without_header(input, amounts);
    if (body) return compute(*body);
    if (body.error() != Error::not_available) return fail(body.error());
    GroupTable none;
    none.missing = std::move(missing);
    return none;
}

// Touches and distinct customers per group (index: group id) in one pass.
struct TouchCounts {
    std::vector<double> touches, customers;
};
Result<TouchCounts> count_touches(const Log& log, KeyIds& groups) {
    if (!aligned(log)) return invalid();
    KeyIds customers(log.values);
    TouchCounts n;
    DistinctPairs seen(0, 0, log.values.size());
    const auto on_row = [&](std::size_t i, Day) {
        const std::uint32_t c = customers(i);
        if (c == 0) return;
        const std::uint32_t g = groups(i);
        if (g == 0) return;
        if (g >= n.touches.size()) n.touches.resize(g + 1, 0);
        n.touches[g] += 1;
        seen.add(g, c);
    };
    CA_TRY(window, visit_rows(log, on_row));
    n.touches.resize(groups.count() + 1, 0);
    n.customers = seen.counts();
    n.customers.resize(groups.count() + 1, 0);
    return n;
}

// A matrix: the series skeleton with one column per group. `counts(i)`: the row counts
// for its function; `value(cell)`: what a cell shows.
template <class Counts, class Tally, class Value>
Result<GroupTable> matrix_by(const Log& log, const Cell& period, Cells wanted, Counts&& counts,
                             Tally& tally, Value&& value, std::optional<double> empty) {
    if (!aligned(log)) return invalid();
    KeyIds groups(log.groups, wanted);
    CA_TRY(cells,
           tally_periods(
               log, period, [&](std::size_t i) -> std::size_t { return counts(i) ? groups(i) : 0; },
               [&] { return groups.count(); }, tally));
    if (!groups.has_list() && cells->width > max_matrix_keys) return invalid();
    GroupTable t = table_of(groups, cells->periods(), {empty});
    t.matrix = true;
    for (std::size_t p = 0; p < cells->periods(); ++p) {
        t.starts.push_back(cells->start(p));
        for (std::size_t g = 0; g < cells->width; ++g)
            t.rows[g][p] = value(p * cells->width + g);
    }
    return t;
}

// The groups in Calc's sort order: numbers ascending, then texts case-insensitively (by
// key text, each computed once); ties keep their order of appearance.
std::vector<std::size_t> sorted(const std::vector<Cell>& keys) {
    std::vector<std::string> text(keys.size());
    for (std::size_t g = 0; g < keys.size(); ++g)
        if (keys[g].kind != Cell::Kind::number) text[g] = key_text(keys[g]);
    std::vector<std::size_t> order(keys.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const bool an = keys[a].kind == Cell::Kind::number, bn = keys[b].kind == Cell::Kind::number;
        if (an != bn) return an;
        if (an) return keys[a].number < keys[b].number;
        return text[a] < text[b];
    });
    return order;
}

Cell cell_of(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? Cell::of(*v) : Cell{};
}

} // namespace

void GroupTable::index() {
    index_ = {};
    for (const Cell& k : keys)
        index_.insert(key_text(k)); // distinct key texts: the ids follow the groups
}

std::optional<std::size_t> GroupTable::find(CellView key) const {
    return index_.find(key_text(key));
}

Result<GroupTable> avg_touchpoints_by(const Log& input) {
    return below_title(input, false, {std::nullopt, 0.0, 0.0},
                       [](const Log& log) -> Result<GroupTable> {
                           KeyIds groups(log.groups);
                           CA_TRY(n, count_touches(log, groups));
                           GroupTable t = table_of(groups, 3, {std::nullopt, 0.0, 0.0});
                           for (std::size_t g = 0; g < t.rows.size(); ++g)
                               t.rows[g] = {ratio(n->touches[g + 1], n->customers[g + 1]),
                                            n->touches[g + 1], n->customers[g + 1]};
                           return t;
                       });
}

Result<GroupTable> distinct_customers_by(const Log& input) {
    return below_title(input, false, {0.0}, [](const Log& log) -> Result<GroupTable> {
        KeyIds groups(log.groups);
        CA_TRY(n, count_touches(log, groups));
        GroupTable t = table_of(groups, 1, {0.0});
        for (std::size_t g = 0; g < t.rows.size(); ++g)
            t.rows[g] = {n->customers[g + 1]};
        return t;
    });
}

Result<GroupTable> win_rate_by(const Log& input) {
    return below_title(
        input, false, {std::nullopt, 0.0, 0.0}, [](const Log& log) -> Result<GroupTable> {
            if (!aligned(log)) return invalid();
            const Outcomes outcome(log.values);
            KeyIds groups(log.groups);
            std::vector<double> won(1, 0), decided(1, 0);
            const auto on_row = [&](std::size_t i, Day) {
                const Outcome o = outcome(i);
                if (o == Outcome::none) return;
                const std::uint32_t g = groups(i);
                if (g == 0) return;
                if (g >= won.size()) won.resize(g + 1, 0), decided.resize(g + 1, 0);
                won[g] += o == Outcome::won ? 1 : 0;
                decided[g] += is_decided(o) ? 1 : 0;
            };
            CA_TRY(window, visit_rows(log, on_row));
            GroupTable t = table_of(groups, 3, {std::nullopt, 0.0, 0.0});
            for (std::size_t g = 0; g < t.rows.size(); ++g)
                t.rows[g] = {ratio(won[g + 1], decided[g + 1]), won[g + 1], decided[g + 1]};
            return t;
        });
}

Result<GroupTable> sales_trend_by(const Log& input, const Cell& years_cell, const Cell& as_of_cell,
                                  const Cell& method_cell) {
    return below_title(input, true, {std::nullopt}, [&](const Log& log) -> Result<GroupTable> {
        CA_TRY(method, parse_growth_method(method_cell));
        CA_TRY(years, read_whole(years_cell, 1, max_years, 2));
        CA_TRY(as_of, read_bound(as_of_cell, log.origin));
        if (log.dates.empty() || !aligned(log) || !valid_amounts(log.values)) return invalid();

        // Each sale with its group, in row order; the latest day of all.
        std::vector<Sale> sales;
        std::vector<std::uint32_t> group_of;
        std::optional<Day> latest;
        KeyIds groups(log.groups);
        Log rows = log; // no window
        rows.start = rows.end = {};
        const auto on_row = [&](std::size_t i, Day day) {
            const CellView a = log.values[i];
            if (a.kind != Cell::Kind::number) return;
            const std::uint32_t g = groups(i);
            if (g == 0) return;
            sales.push_back({day, a.number, a.number != 0});
            group_of.push_back(g);
            if (!latest || day > *latest) latest = day;
        };
        CA_TRY(window, visit_rows(rows, on_row));
        GroupTable t = table_of(groups, 1, {std::nullopt});
        const std::optional<Day> end_day = *as_of ? *as_of : latest;
        if (!end_day) return t;

        // The sales of each group side by side, still in row order; then each group's window
        // as SALESTREND takes it.
        const std::size_t count = groups.count();
        std::vector<std::size_t> start(count + 2, 0);
        for (std::uint32_t g : group_of)
            start[g + 1] += 1;
        std::partial_sum(start.begin(), start.end(), start.begin());
        std::vector<Sale> by_group(sales.size());
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < sales.size(); ++i)
            by_group[next[group_of[i]]++] = sales[i];
        const PeriodIndex last = month_of(*end_day);
        for (std::uint32_t g = 1; g <= count; ++g) {
            const std::span<const Sale> own(by_group.data() + start[g], start[g + 1] - start[g]);
            const auto months = window_totals(own, last, *years);
            if (!months) continue;
            if (auto r = growth(months->totals, *method)) t.rows[g - 1] = {*r};
        }
        return t;
    });
}

Result<GroupTable> touch_trend_by(const Log& input, const Cell& period, Cells wanted) {
    CA_TRY(body, without_header(input, false));
    const Log& log = *body;
    KeyIds customers(log.values);
    TouchTally tally{customers, log.values.size(), {}, {}, {}};
    return matrix_by(
        log, period, wanted, [&](std::size_t i) { return customers(i) != 0; }, tally,
        [&](std::size_t c) { return ratio(tally.touches[c], tally.distinct[c]); }, std::nullopt);
}

Result<GroupTable> win_rate_trend_by(const Log& input, const Cell& period, Cells wanted) {
    CA_TRY(body, without_header(input, false));
    const Log& log = *body;
    const Outcomes outcome(log.values);
    WinTally tally{outcome, {}, {}};
    return matrix_by(
        log, period, wanted, [&](std::size_t i) { return is_decided(outcome(i)); }, tally,
        [&](std::size_t c) { return ratio(tally.won[c], tally.decided[c]); }, std::nullopt);
}

Result<GroupTable> sales_by_period_by(const Log& input, const Cell& period, Cells wanted) {
    CA_TRY(body, without_header(input, true));
    const Log& log = *body;
    if (!valid_amounts(log.values)) return invalid();
    SalesTally tally{log.values, {}};
    return matrix_by(
        log, period, wanted,
        [&](std::size_t i) { return log.values[i].kind == Cell::Kind::number; }, tally,
        [&](std::size_t c) -> std::optional<double> { return tally.total[c]; }, 0.0);
}

Grid lay_out(const GroupTable& t, const Keys& keys, DateOrigin origin) {
    auto value = [&](std::optional<std::size_t> g, std::size_t k) {
        if (g) return cell_of(t.rows[*g][k]);
        return cell_of(t.missing[t.matrix ? 0 : k]);
    };
    const std::size_t figures = t.matrix ? t.starts.size() : t.missing.size();
    Grid grid;
    if (keys.form == Keys::Form::all) {
        const std::vector<std::size_t> order = sorted(t.keys);
        if (!t.matrix) {
            for (std::size_t g : order) {
                grid.push_back({t.keys[g]});
                for (std::size_t k = 0; k < figures; ++k)
                    grid.back().push_back(value(g, k));
            }
            return grid;
        }
        grid.push_back({Cell{}});
        for (std::size_t g : order)
            grid.back().push_back(t.keys[g]);
        for (std::size_t p = 0; p < figures; ++p) {
            grid.push_back({Cell::of(origin.serial(t.starts[p]))});
            for (std::size_t g : order)
                grid.back().push_back(value(g, p));
        }
        return grid;
    }

    std::vector<std::optional<std::size_t>> wanted;
    for (CellView k : Cells(keys.asked))
        wanted.push_back(t.find(k));
    if (keys.form == Keys::Form::single && !t.matrix) return {{value(wanted[0], 0)}};
    // A matrix, or a row of keys: one column per key.
    if (t.matrix || keys.across) {
        for (std::size_t k = 0; k < figures; ++k) {
            grid.emplace_back();
            for (const auto& g : wanted)
                grid.back().push_back(value(g, k));
        }
        return grid;
    }
    for (const auto& g : wanted) {
        grid.emplace_back();
        for (std::size_t k = 0; k < figures; ++k)
            grid.back().push_back(value(g, k));
    }
    return grid;
}

} // namespace ca
