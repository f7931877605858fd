// The fan degree (ファン度): FANSCORE, FANLEVEL and FANGAP, over arrays too; OPENITEMS and
// LATESTVALUE.
#include "fans.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace ca {
namespace {

// A part's score, nullopt for an empty input.
using Part = Result<std::optional<double>>;

Part number_part(CellView c, double lo, double hi, bool whole, double (*score)(double)) {
    if (c.is_empty() || (c.kind == Cell::Kind::text && key_text(c).empty())) return std::nullopt;
    if (c.kind != Cell::Kind::number || !std::isfinite(c.number)) return invalid();
    if (c.number < lo || c.number > hi || (whole && c.number != std::floor(c.number)))
        return invalid();
    return score(c.number);
}

Result<double> read_score(CellView c) {
    if (c.is_empty()) return not_available();
    if (c.kind != Cell::Kind::number || !std::isfinite(c.number) || c.number < 0 || c.number > 100)
        return invalid();
    return c.number;
}

} // namespace

Result<double> fan_score(const Cell& competitor_rating, const Cell& unresolved_troubles,
                         const Cell& sales_growth, const Cell& open_issues, ColumnView weights) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    const std::array<Part, 4> parts{
        number_part(competitor_rating, 1, 5, false, [](double r) { return (r - 1) / 4 * 100; }),
        number_part(unresolved_troubles, 0, inf, true,
                    [](double n) { return std::max(0.0, 100 - 30 * n); }),
        number_part(sales_growth, -inf, inf, false,
                    [](double g) { return std::clamp(50 + 250 * g, 0.0, 100.0); }),
        number_part(open_issues, 0, inf, true,
                    [](double n) { return std::max(0.0, 100 - 25 * n); }),
    };
    std::array<double, 4> weight{1, 1, 1, 1};
    if (!weights.empty()) {
        if (weights.size() != 4) return invalid();
        double total = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            const CellView w = weights[i];
            if (w.kind != Cell::Kind::number || !std::isfinite(w.number) || w.number < 0)
                return invalid();
            total += weight[i] = w.number;
        }
        if (!(total > 0)) return invalid();
    }
    double sum = 0, used = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        if (!parts[i]) return fail(parts[i].error());
        if (!*parts[i]) continue;
        sum += weight[i] * **parts[i];
        used += weight[i];
    }
    if (!(used > 0)) return not_available();
    return sum / used;
}

Result<std::string> fan_level(const Cell& score_cell, const Cell& language) {
    CA_TRY(lang, parse_language(language));
    CA_TRY(score, read_score(score_cell));
    const FanLevel level = *score >= 80   ? FanLevel::fan
                           : *score >= 60 ? FanLevel::supporter
                           : *score >= 40 ? FanLevel::neutral
                                          : FanLevel::at_risk;
    return text_of(level, fan_levels, *lang);
}

Result<double> fan_gap(const Cell& score_cell, const Cell& goal_cell) {
    CA_TRY(score, read_score(score_cell));
    CA_TRY(goal, parse_code(goal_cell, goals, std::nullopt));
    return target(*goal) - *score;
}

namespace {

bool one_cell(const Grid& g) {
    return g.size() == 1 && g[0].size() == 1;
}

// `scalar` at every position of `inputs`, a one-cell input at every one.
template <class Scalar, class... Inputs>
Result<Grid> per_position(Scalar&& scalar, const Inputs&... inputs) {
    std::size_t rows = 1, cols = 1;
    bool shaped = false;
    for (const Grid* g : {&inputs...}) {
        if (g->empty() || g->front().empty()) return invalid();
        if (one_cell(*g)) continue;
        if (shaped && (g->size() != rows || g->front().size() != cols)) return invalid();
        rows = g->size(), cols = g->front().size(), shaped = true;
        for (const auto& row : *g)
            if (row.size() != cols) return invalid();
    }
    const auto at = [](const Grid& g, std::size_t r, std::size_t c) -> const Cell& {
        return one_cell(g) ? g[0][0] : g[r][c];
    };
    Grid out(rows, std::vector<Cell>(cols));
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c) {
            const auto v = scalar(at(inputs, r, c)...);
            if (v)
                out[r][c] = Cell::of(*v);
            else if (v.error() == Error::invalid_argument || !shaped)
                return fail(v.error());
        }
    return out;
}

} // namespace

Result<Grid> fan_score(const Grid& competitor_rating, const Grid& unresolved_troubles,
                       const Grid& sales_growth, const Grid& open_issues, ColumnView weights) {
    return per_position([&](const Cell& r, const Cell& t, const Cell& g,
                            const Cell& i) { return fan_score(r, t, g, i, weights); },
                        competitor_rating, unresolved_troubles, sales_growth, open_issues);
}

Result<Grid> fan_level(const Grid& score, const Cell& language) {
    return per_position([&](const Cell& s) { return fan_level(s, language); }, score);
}

Result<Grid> fan_gap(const Grid& score, const Grid& goal) {
    return per_position([](const Cell& s, const Cell& g) { return fan_gap(s, g); }, score, goal);
}

Result<GroupTable> open_items(const Log& input, const Cell& as_of_cell) {
    return below_title(input, {0.0}, [&](const Log& log) -> Result<GroupTable> {
        if (log.dates.size() != log.rows() || log.closed.size() != log.rows()) return invalid();
        CA_TRY(as_of, read_bound(as_of_cell, log.origin));
        // Every closed date is read, in rows the filters drop too, as every date is.
        const DayColumn opened(log.dates, log.origin), closed(log.closed, log.origin);
        for (std::size_t i = 0; i < log.rows(); ++i) {
            const Day c = closed[i];
            if (c == DayColumn::not_a_date) return invalid();
            if (c == DayColumn::no_date) continue; // still open: no order to check
            const Day o = opened[i];
            if (o != DayColumn::no_date && o != DayColumn::not_a_date && c < o) return invalid();
        }
        struct Item {
            std::uint32_t customer;
            Day opened, closed;
        };
        std::vector<Item> items;
        std::optional<Day> latest;
        KeyIds customers(log.ids);
        const auto on_row = [&](std::size_t i, Day day) {
            const std::uint32_t id = customers(i);
            if (id == 0) return;
            const Day c = closed[i];
            items.push_back({id, day, c});
            const Day last = c == DayColumn::no_date ? day : c;
            latest = latest ? std::max(*latest, last) : last;
        };
        CA_TRY(window, visit_rows(log, on_row));
        const std::optional<Day> end = *as_of ? *as_of : latest;
        std::vector<double> open(customers.count() + 1, 0);
        for (const Item& it : items)
            if (end && it.opened <= *end && (it.closed == DayColumn::no_date || it.closed > *end))
                open[it.customer] += 1, open[0] += 1;
        GroupTable t = group_table(customers, 1, {0.0});
        for (std::size_t g = 0; g < t.size(); ++g)
            t.set(g, {open[g + 1]});
        t.whole = open[0];
        return t;
    });
}

Result<GroupTable> latest_value(const Log& input, const Cell& as_of_cell) {
    return below_title(input, {std::nullopt}, [&](const Log& log) -> Result<GroupTable> {
        if (log.dates.size() != log.rows() || log.values.size() != log.rows()) return invalid();
        CA_TRY(as_of, read_bound(as_of_cell, log.origin));
        struct Latest {
            Day day;
            std::size_t row;
        };
        // The latest row of each customer (index: its id), all customers' at 0. Rows come in
        // order: of one date, the first stays.
        std::vector<std::optional<Latest>> latest(1);
        const auto keep = [](std::optional<Latest>& l, Day day, std::size_t row) {
            if (!l || day > l->day) l = Latest{day, row};
        };
        KeyIds customers(log.ids);
        const auto on_row = [&](std::size_t i, Day day) {
            if (log.values[i].is_empty() || (*as_of && day > **as_of)) return;
            const std::uint32_t id = customers(i);
            if (id == 0) return;
            if (id >= latest.size()) latest.resize(id + 1);
            keep(latest[id], day, i);
            keep(latest[0], day, i);
        };
        CA_TRY(window, visit_rows(log, on_row));
        const auto figure = [&](const std::optional<Latest>& l) -> Figure {
            if (!l) return {};
            const CellView v = log.values[l->row];
            return v.kind == Cell::Kind::text ? Figure::text(v.text) : Figure(v.number);
        };
        latest.resize(customers.count() + 1);
        GroupTable t = group_table(customers, 1, {std::nullopt});
        for (std::size_t g = 0; g < t.size(); ++g)
            t.set(g, {figure(latest[g + 1])});
        t.whole = figure(latest[0]);
        return t;
    });
}

} // namespace ca
