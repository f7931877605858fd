// Win rate (受注率): outcome words, WINRATE, WINRATETREND and their BY forms.
#include "win_rate.hpp"

#include "series.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace ca {
namespace {

// Won and decided deals of each group (index: its id; 0: no group), in one pass. WINRATE is
// one group of every deal.
struct WinCount {
    std::size_t won = 0, decided = 0;
};
template <class GroupOf>
Result<std::vector<WinCount>> count_wins(const Log& deals, const Outcomes& outcome,
                                         GroupOf&& group_of) {
    std::vector<WinCount> n(2);
    const auto on_row = [&](std::size_t i, Day) {
        const Outcome o = outcome(i);
        if (o == Outcome::none) return;
        const std::uint32_t g = group_of(i); // keyed only for a deal: no group without one
        if (g == 0) return;
        if (g >= n.size()) n.resize(g + 1);
        n[g].won += o == Outcome::won;
        n[g].decided += is_decided(o);
    };
    CA_TRY(window, visit_rows(deals, on_row));
    return n;
}

} // namespace

Outcome classify_outcome(CellView cell) {
    if (cell.kind == Cell::Kind::number) {
        if (cell.number == 1) return Outcome::won;
        if (cell.number == 0) return Outcome::lost;
        return Outcome::open;
    }
    const std::string k = key_text(cell);
    if (k.empty()) return Outcome::none;
    for (const Code<Outcome>& w : outcome_words)
        if (k == w.en || k == w.ja) return w.value;
    return Outcome::open;
}

Result<double> win_rate(const Log& input) {
    CA_TRY(body, without_header(input));
    const Outcomes outcome(body->outcomes);
    CA_TRY(n, count_wins(*body, outcome, [](std::size_t) { return std::uint32_t{1}; }));
    const WinCount all = (*n)[1];
    if (all.decided == 0) return not_available();
    return static_cast<double>(all.won) / static_cast<double>(all.decided);
}

Result<Series> win_rate_trend(const Log& input, const Cell& period) {
    CA_TRY(body, without_header(input));
    const Log& deals = *body;
    const Outcomes outcome(deals.outcomes);
    WinTally tally{outcome, {}, {}};
    CA_TRY(cells,
           tally_periods(
               deals, period, [&](std::size_t i) -> std::size_t { return is_decided(outcome(i)); },
               [] { return std::size_t{1}; }, tally));
    Series s;
    for (std::size_t p = 0; p < cells->periods(); ++p) {
        s.starts.push_back(cells->start(p));
        s.values.push_back({ratio(tally.won[p], tally.decided[p]), tally.decided[p]});
    }
    return s;
}

Result<GroupTable> win_rate_by(const Log& input) {
    return below_title(input, {std::nullopt, 0.0, 0.0}, [](const Log& log) -> Result<GroupTable> {
        if (!has_groups(log)) return invalid();
        const Outcomes outcome(log.outcomes);
        KeyIds groups(log.groups);
        CA_TRY(n, count_wins(log, outcome, groups));
        GroupTable t = group_table(groups, 3, {std::nullopt, 0.0, 0.0});
        n->resize(t.size() + 1);
        for (std::size_t g = 0; g < t.size(); ++g) {
            const auto won = static_cast<double>((*n)[g + 1].won);
            const auto decided = static_cast<double>((*n)[g + 1].decided);
            t.set(g, {ratio(won, decided), won, decided});
        }
        return t;
    });
}

Result<GroupTable> win_rate_trend_by(const Log& input, const Cell& period, ColumnView wanted) {
    CA_TRY(body, without_header(input));
    const Log& log = *body;
    const Outcomes outcome(log.outcomes);
    WinTally tally{outcome, {}, {}};
    return within_sheet(
        matrix_by(
            log, period, wanted, [&](std::size_t i) { return is_decided(outcome(i)); }, tally,
            [&](std::size_t c) { return ratio(tally.won[c], tally.decided[c]); }, std::nullopt),
        wanted);
}

} // namespace ca
