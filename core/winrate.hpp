// Win rate (受注率): WINRATE, WINRATETREND over a deal list, and the TOUCHWINDIAG diagnosis.
#pragma once

#include "periods.hpp"

namespace ca {

enum class Outcome { none, won, lost, open };

// won, win, closed won, 受注, 成約, TRUE, 1 / lost, lose, closed lost, 失注, 不成約, FALSE, 0;
// any other non-empty value is open; an empty cell is none.
Outcome classify_outcome(CellView cell);

struct DealList {
    Cells outcomes;
    Cells dates; // close dates; empty span: not given
    Cell start, end;
    std::vector<Filter> filters;
    DateOrigin origin;
};

// won / (won + lost); #N/A when no deal was decided.
Result<double> win_rate(const DealList& deals);

// Per period: start, win rate (empty where nothing was decided), decided deals.
Result<Series> win_rate_trend(const DealList& deals, const Cell& period);

enum class Language { en, ja };
// en (default when empty), ja; anything else Err:502.
Result<Language> parse_language(const Cell& code);

// keep / review strategy / increase contact / efficient, or in Japanese.
Result<std::string> touch_win_diagnosis(const Cell& avg_touches, const Cell& win_rate,
                                        const Cell& touch_target, const Cell& win_target,
                                        const Cell& win_rate_change, const Cell& language);

} // namespace ca
