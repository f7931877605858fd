// Sales trend (売上推移): SALESBYPERIOD, SALESTREND, SALESTRENDSTAT, SEASONALINDEX and their
// BY forms over a sales ledger. All but SALESBYPERIOD work on calendar-month totals in a window of
// whole years ending with the month of AsOf.
#pragma once

#include "codes.hpp"
#include "groups.hpp"

#include <array>
#include <span>

namespace ca {

// ledger.amounts are the amounts; Start and End are read by SALESBYPERIOD only.

// False when an amount is text (other than blanks) or not finite: Err:502, in any row.
bool valid_amounts(ColumnView amounts);

// Per period: start, total amount (0 where nothing sold).
Result<Series> sales_by_period(const Log& ledger, const Cell& period);

// The monthly totals a trend is computed on.
struct MonthlyTotals {
    PeriodIndex first_month = 0;
    std::vector<double> totals;
};
inline constexpr long max_years = 100;
// Years (default 2, whole, 1..100) × 12 months ending with the month of AsOf (default: the
// latest date), without the months before the first non-zero sale.
Result<MonthlyTotals> sales_window(const Log& ledger, const Cell& years, const Cell& as_of);

// The sales of one day (or, where a ledger spans far more days than it has rows, of one row).
struct Sale {
    Day day;
    double amount;
    bool nonzero; // a sale other than 0 (a day's sales may sum to 0 without being all 0)
};
// The window of sales_window for `sales` (of one ledger, or of one group of SALESTRENDBY):
// `years` × 12 months ending with month `last`, from the first non-zero sale on; #N/A
// without one.
Result<MonthlyTotals> window_totals(std::span<const Sale> sales, PeriodIndex last, long years);

enum class GrowthMethod { linear, theilsen, yoy, cagr };
inline constexpr std::array<Code<GrowthMethod>, 4> growth_methods{{
    {GrowthMethod::linear, "linear", ""},
    {GrowthMethod::theilsen, "theilsen", ""},
    {GrowthMethod::yoy, "yoy", ""},
    {GrowthMethod::cagr, "cagr", ""},
}};
// linear (default when empty), theilsen, yoy, cagr; anything else Err:502.
inline Result<GrowthMethod> parse_growth_method(const Cell& code) {
    return parse_code(code, growth_methods, GrowthMethod::linear);
}

// The statistics SALESTRENDSTAT gives.
enum class TrendStat { slope, intercept, r2, t, p, sen, mk_s, mk_z, mk_p, tau, n };
inline constexpr std::array<Code<TrendStat>, 11> trend_stats{{
    {TrendStat::slope, "slope", ""},
    {TrendStat::intercept, "intercept", ""},
    {TrendStat::r2, "r2", ""},
    {TrendStat::t, "t", ""},
    {TrendStat::p, "p", ""},
    {TrendStat::sen, "sen", ""},
    {TrendStat::mk_s, "mk_s", ""},
    {TrendStat::mk_z, "mk_z", ""},
    {TrendStat::mk_p, "mk_p", ""},
    {TrendStat::tau, "tau", ""},
    {TrendStat::n, "n", ""},
}};
// Growth per year as a fraction of monthly totals `y`; #N/A with too little history.
Result<double> growth(const std::vector<double>& y, GrowthMethod method);

// Growth per year as a fraction: linear (default), theilsen, yoy, cagr.
Result<double> sales_trend(const Log& ledger, const Cell& years, const Cell& as_of,
                           const Cell& method);

// slope, intercept, r2, t, p, sen, mk_s, mk_z, mk_p, tau, n.
Result<double> sales_trend_stat(const Log& ledger, const Cell& stat, const Cell& years,
                                const Cell& as_of);

// Seasonal index by position modulo `period` (position 0 is the first value), as
// seasonal_decompose(model="multiplicative") computes it: y over its centred 2 x period
// moving average, averaged per position, normalised to mean 1. Empty when a moving
// average is not positive or n < 2 * period.
std::optional<std::vector<double>> seasonal_indices_by_position(std::span<const double> y,
                                                                std::size_t period);
// Seasonal index of each calendar month, January first.
Result<std::array<double, 12>> seasonal_indices(const Log& ledger, const Cell& years);
// SEASONALINDEX: with Month (1..12), that month's index (a 1 x 1 grid); without, the 12 x 2
// table of month and index.
Result<Grid> seasonal_index(const Log& ledger, const Cell& month, const Cell& years);

// Total amount per cell of a series or matrix (series.hpp tally_periods).
struct SalesTally {
    ColumnView amounts;
    std::vector<double> total;
    void size(std::size_t cells) { total.assign(cells, 0); }
    void add(std::size_t cell, std::size_t i) { total[cell] += amounts[i].number; }
    void finish() {}
};

// Per group (groups.hpp): SALESTREND of each group over one window. AsOf defaults to the
// latest date of all rows; Start and End are not used.
Result<GroupTable> sales_trend_by(const Log& ledger, const Cell& years, const Cell& as_of,
                                  const Cell& method);
// A matrix of total amounts, one column per wanted group (as touch_trend_by).
Result<GroupTable> sales_by_period_by(const Log& ledger, const Cell& period, ColumnView wanted);

} // namespace ca
