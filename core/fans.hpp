// Fans (ファン度): FANSCORE, FANLEVEL and FANGAP.
#pragma once

#include "codes.hpp"

namespace ca {

enum class FanLevel { fan, supporter, neutral, at_risk };
inline constexpr std::array<Code<FanLevel>, 4> fan_levels{{
    {FanLevel::fan, "fan", "ファン"},
    {FanLevel::supporter, "supporter", "支持者"},
    {FanLevel::neutral, "neutral", "中立"},
    {FanLevel::at_risk, "at risk", "要注意"},
}};

// The relationship you want with a customer, and the score it takes.
enum class Goal { partner, grow, maintain, distance };
inline constexpr std::array<Code<Goal>, 4> goals{{
    {Goal::partner, "partner", "長期"},
    {Goal::grow, "grow", "拡大"},
    {Goal::maintain, "maintain", "維持"},
    {Goal::distance, "distance", "距離"},
}};
constexpr double target(Goal g) {
    switch (g) {
    case Goal::partner:
        return 80;
    case Goal::grow:
        return 60;
    case Goal::maintain:
        return 40;
    case Goal::distance:
        break;
    }
    return 0;
}

// 0..100: the weighted mean of the part scores of the inputs that are not empty. Weights:
// none (equal) or four non-negative numbers, normalised over the parts present.
Result<double> fan_score(const Cell& competitor_rating, const Cell& unresolved_troubles,
                         const Cell& sales_growth, const Cell& open_issues, ColumnView weights);

// fan (80+), supporter (60+), neutral (40+), at risk.
Result<std::string> fan_level(const Cell& score, const Cell& language);

// The goal's target minus the score: partner 80, grow 60, maintain 40, distance 0.
Result<double> fan_gap(const Cell& score, const Cell& goal);

} // namespace ca
