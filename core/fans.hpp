// Fans (ファン度): FANSCORE, FANLEVEL and FANGAP.
#pragma once

#include "winrate.hpp" // Language

namespace ca {

// 0..100: the weighted mean of the part scores of the inputs that are not empty. Weights:
// none (equal) or four non-negative numbers, normalised over the parts present.
Result<double> fan_score(const Cell& competitor_rating, const Cell& unresolved_troubles,
                         const Cell& sales_growth, const Cell& open_issues, Cells weights);

// fan (80+), supporter (60+), neutral (40+), at risk.
Result<std::string> fan_level(const Cell& score, const Cell& language);

// The goal's target minus the score: partner 80, grow 60, maintain 40, distance 0.
Result<double> fan_gap(const Cell& score, const Cell& goal);

} // namespace ca
