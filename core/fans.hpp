// Fans (ファン度): FANSCORE, FANLEVEL and FANGAP, one value or one per position of arrays;
// and their inputs as they stood on a date, from the logs teams keep (ファン度の定期確認):
// OPENITEMS and LATESTVALUE.
#pragma once

#include "codes.hpp"
#include "groups.hpp"

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

// The array forms, as users call them: the inputs that are not one value have one shape
// (else Err:502), one value applies to every position, and each position follows the
// rules above. Err:502 at any position is the answer's; a position with nothing to
// compute is an empty cell, except in an answer of one cell, which keeps its #N/A.
Result<Grid> fan_score(const Grid& competitor_rating, const Grid& unresolved_troubles,
                       const Grid& sales_growth, const Grid& open_issues, ColumnView weights);
Result<Grid> fan_level(const Grid& score, const Cell& language);
Result<Grid> fan_gap(const Grid& score, const Grid& goal);

// OPENITEMS: log.ids the customers, log.dates the opened and log.closed the closed dates.
// Per customer (groups.hpp), and all rows together (`whole`): the items open at the end of
// AsOf, opened on or before it and not closed or closed after it. AsOf (empty: the latest
// opened or closed date). A row without an opened date or a customer is skipped; a closed
// date before the opened one is Err:502.
Result<GroupTable> open_items(const Log& log, const Cell& as_of);
// LATESTVALUE: log.values the values. Per customer and for all rows, the value of the
// latest row dated on or before AsOf (empty: any date), the highest in the sheet among
// rows of one date; a row without a value, a date or a customer is skipped. A text is
// viewed in log.values: the table is valid as long as the log's columns.
Result<GroupTable> latest_value(const Log& log, const Cell& as_of);

} // namespace ca
