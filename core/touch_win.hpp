// Touches against the win rate (接点と受注率): the TOUCHWINDIAG diagnosis, the touch-to-win
// curve of TOUCHWINCURVE, TOUCHWINBY and TOUCHTARGET, and the statistics under them (Wilson
// interval, pool-adjacent-violators, the logistic fit of won ~ b0 + b1 ln(1 + touches)).
#pragma once

#include "codes.hpp"
#include "groups.hpp"

#include <optional>
#include <span>
#include <vector>

namespace ca {

// The normal quantile of 0.975, to full double precision (statsmodels' 1.959963984540054).
inline constexpr double wilson_z = 1.959963984540054;

// The Wilson score interval of `won` out of `decided` (> 0), as statsmodels'
// proportion_confint(method="wilson") gives it.
struct Interval {
    double low = 0, high = 0;
};
Interval wilson(double won, double decided, double z = wilson_z);

// Isotonic (non-decreasing) regression of `values` weighted by `weights` (each > 0), by
// pool-adjacent-violators: what scikit-learn's IsotonicRegression gives.
std::vector<double> pool_adjacent_violators(std::span<const double> values,
                                            std::span<const double> weights);

// Decided deals and wins at one value of x.
struct Trials {
    double x = 0, decided = 0, won = 0;
};
// The maximum-likelihood logistic fit of won ~ b0 + b1 x by Newton's method (IRLS) on
// deals aggregated per x; none when no finite estimate exists (fewer than two x, all won,
// all lost, complete or quasi-complete separation) or Newton does not converge.
struct Logistic {
    double b0 = 0, b1 = 0;
    double at(double x) const;
};
std::optional<Logistic> fit_logistic(std::span<const Trials> trials);

// A bucket of touch counts from `lower` up to the next bucket's lower edge.
struct Bucket {
    double lower = 0, decided = 0, won = 0;
    void add(bool won_deal) { decided += 1, won += won_deal ? 1 : 0; }
};
// TOUCHWINCURVE's default buckets from (touches, won) of the decided deals: one per whole
// number of touches that occurs, then merged until each holds at least `least` deals.
std::vector<Bucket> default_buckets(std::span<const std::pair<double, bool>> deals,
                                    double least = 5);

// TOUCHWINCURVE: deals.outcomes are the outcomes, deals.touches the touches of each deal.
// One row per bucket: lower edge, decided, won, win rate, Wilson low, Wilson high,
// monotone win rate, logistic win rate (empty cells where there is no figure). `edges`:
// the buckets' lower edges, increasing (empty: the default buckets).
Result<Grid> touch_win_curve(const Log& deals, ColumnView edges);

// TOUCHTARGET's methods (default monotone).
enum class TargetMethod { monotone, safe, logistic, top };
inline constexpr std::array<Code<TargetMethod>, 4> target_methods{{
    {TargetMethod::monotone, "monotone", "単調"},
    {TargetMethod::safe, "safe", "安全"},
    {TargetMethod::logistic, "logistic", "ロジスティック"},
    {TargetMethod::top, "top", "上位"},
}};

// TOUCHTARGET: the fewest touches with which the win rate reaches `target` (0..1; empty:
// the pooled win rate of the best quarter of the groups, or of every deal without groups).
// deals.outcomes are the outcomes, deals.touches the touches, deals.groups (may be empty)
// the groups. #N/A when no touch count reaches the target.
Result<double> touch_target(const Log& deals, const Cell& target, const Cell& method);

// TOUCHWINDIAG's answers.
enum class Diagnosis { keep, review_strategy, increase_contact, efficient };
inline constexpr std::array<Code<Diagnosis>, 4> diagnoses{{
    {Diagnosis::keep, "keep", "継続"},
    {Diagnosis::review_strategy, "review strategy", "戦略見直し"},
    {Diagnosis::increase_contact, "increase contact", "接点強化"},
    {Diagnosis::efficient, "efficient", "効率良好"},
}};

// TOUCHWINDIAG: keep / review strategy / increase contact / efficient, or in Japanese.
Result<std::string> touch_win_diag(const Cell& avg_touches, const Cell& win_rate,
                                   const Cell& touch_target, const Cell& win_target,
                                   const Cell& win_rate_change, const Cell& language);

// TOUCHWINBY, per group (groups.hpp): decided deals, win rate, Wilson 95% lower bound,
// average touches per won deal, per lost deal (empty without such a deal). As in the
// curve, a deal counts when it is decided and has a touch count.
Result<GroupTable> touch_win_by(const Log& deals);

} // namespace ca
