// Win rate (受注率): WINRATE, WINRATETREND and their BY forms over a deal list.
#pragma once

#include "codes.hpp"
#include "groups.hpp"

namespace ca {

enum class Outcome { none, won, lost, open };

// The words of a decided deal, English beside Japanese (as key text).
inline constexpr std::array<Code<Outcome>, 12> outcome_words{{
    {Outcome::won, "won", "受注"},
    {Outcome::won, "win", "成約"},
    {Outcome::won, "closed won", "受注済"},
    {Outcome::won, "true", "受注済み"},
    {Outcome::won, "1", "成約済"},
    {Outcome::won, "", "成約済み"},
    {Outcome::lost, "lost", "失注"},
    {Outcome::lost, "lose", "不成約"},
    {Outcome::lost, "closed lost", "失注済"},
    {Outcome::lost, "false", "見送り"},
    {Outcome::lost, "0", "辞退"},
    {Outcome::lost, "", "不採用"},
}};
// Those words, TRUE/FALSE and 1/0 as numbers; any other non-empty value is open; an empty
// cell is none.
Outcome classify_outcome(CellView cell);
inline bool is_decided(Outcome o) {
    return o == Outcome::won || o == Outcome::lost;
}

// The outcome of each row of a column, each distinct text classified once.
class Outcomes {
  public:
    explicit Outcomes(ColumnView outcomes) : memo_(outcomes, -1) {}
    Outcome operator()(std::size_t row) const {
        return static_cast<Outcome>(
            memo_.get(row, [](CellView c) { return static_cast<int>(classify_outcome(c)); }));
    }

  private:
    TextMemo<int> memo_;
};

// deals.outcomes are the outcomes, deals.dates the close dates.
// won / (won + lost); #N/A when no deal was decided.
Result<double> win_rate(const Log& deals);

// Per period: start, win rate (empty where nothing was decided), decided deals.
Result<Series> win_rate_trend(const Log& deals, const Cell& period);

// Won and decided deals per cell of a series or matrix (series.hpp tally_periods).
struct WinTally {
    const Outcomes& outcome;
    std::vector<double> won, decided;
    void size(std::size_t cells) { won.assign(cells, 0), decided.assign(cells, 0); }
    void add(std::size_t cell, std::size_t i) {
        decided[cell] += 1;
        won[cell] += outcome(i) == Outcome::won ? 1 : 0;
    }
    void finish() {}
};

// Per group (groups.hpp): win rate (empty when nothing was decided), won, decided.
Result<GroupTable> win_rate_by(const Log& deals);
// A matrix of win rates, one column per wanted group (as touch_trend_by).
Result<GroupTable> win_rate_trend_by(const Log& deals, const Cell& period, ColumnView wanted);

} // namespace ca
