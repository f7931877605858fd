// Touchpoints (接点): AVGTOUCHPOINTS, DISTINCTCUSTOMERS, TOUCHTREND and their BY forms over
// a touch log, and whether the number is stable (接点の安定): TOUCHCONTROL, TOUCHSTABILITYBY.
#pragma once

#include "codes.hpp"
#include "groups.hpp"

#include <optional>
#include <vector>

namespace ca {

// log.ids are the customers.
// Touches in the window / customers (the listed ones when there is a customer list).
Result<double> avg_touchpoints(const Log& log);

// Distinct non-empty customer ids in the window.
Result<double> distinct_customers(const Log& log);

// Per period: start, average touchpoints (empty when no customer), touches.
Result<Series> touch_trend(const Log& log, const Cell& period);

// Touches and distinct customers per cell of a series or matrix (series.hpp
// tally_periods). `customers` places nobody with an empty id.
struct TouchTally {
    KeyIds& customers;
    std::size_t rows;
    std::vector<double> touches, distinct;
    std::optional<DistinctPairs> seen;
    void size(std::size_t cells) {
        touches.assign(cells, 0);
        seen.emplace(cells, customers.count() + 1, rows);
    }
    void add(std::size_t cell, std::size_t i) {
        touches[cell] += 1;
        seen->add(cell, customers(i));
    }
    void finish() { distinct = seen->counts(); }
};

// Per group (groups.hpp): average touchpoints, touches, customers.
Result<GroupTable> avg_touchpoints_by(const Log& log);
// Distinct customers of each group.
Result<GroupTable> distinct_customers_by(const Log& log);
// A matrix of average touchpoints: one column per wanted group (every group when `wanted`
// is empty, else the wanted keys in their order), one row per period.
Result<GroupTable> touch_trend_by(const Log& log, const Cell& period, ColumnView wanted);

// Is the touch number stable? An individuals chart (XmR, as Wheeler teaches it): the
// centre line and natural process limits come from the series' own period-to-period
// variation, so a value outside them, or a long run on one side of the centre, is a
// signal, and anything else routine variation.
struct ProcessLimits {
    double centre = 0, lower = 0, upper = 0;
};
// From the values of the first `baseline` periods (an empty one: a period without a
// value): centre = their mean, mR = the mean moving range |x(t) - x(t-1)| over consecutive
// periods that both have a value, limits = centre ± 2.66 mR, the lower one not below 0.
// None with fewer than 6 values or fewer than 2 moving ranges.
std::optional<ProcessLimits> process_limits(std::span<const std::optional<double>> values,
                                            std::size_t baseline);

enum class Signal { none, above, below, run_above, run_below };
inline constexpr std::array<Code<Signal>, 4> signal_words{{
    {Signal::above, "above", "上振れ"},
    {Signal::below, "below", "下振れ"},
    {Signal::run_above, "run above", "上側連続"},
    {Signal::run_below, "run below", "下側連続"},
}};
// A run this long on one side of the centre is a signal from its last value on.
inline constexpr std::size_t run_length = 8;
// Each period's signal: above / below for a value outside the limits (on one is inside);
// else run above / run below for the 8th and every later value of a run of values on one
// side of the centre (a period without a value does not break it, a value on the centre
// does); else none, as for a period without a value.
std::vector<Signal> signals(std::span<const std::optional<double>> values,
                            const ProcessLimits& limits);

// TOUCHCONTROL: TOUCHTREND's periods, each with its touches per customer, the centre line,
// the lower and upper limits from the first `baseline` periods (empty: every period; more
// than there are: every period) and its signal. Err:502 for a Baseline that is not a whole
// number >= 1; #N/A with too few values for limits.
Result<Grid> touch_control(const Log& log, const Cell& period, const Cell& baseline,
                           const Cell& language);
// TOUCHSTABILITYBY, per group (groups.hpp), its series over the one window of every group
// as TOUCHCONTROL gives it with every period as baseline: periods with a value, their
// mean, coefficient of variation, lower and upper limits, periods with a signal, the last
// period's signal. Every group is computed, whatever the Keys: the window is every group's.
Result<GroupTable> touch_stability_by(const Log& log, const Cell& period, const Cell& language);

} // namespace ca
