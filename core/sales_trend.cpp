// Sales over time: SALESBYPERIOD, SALESTREND, SALESTRENDSTAT and SEASONALINDEX on the
// monthly totals of a ledger.
#include "sales_trend.hpp"

#include "series.hpp"
#include "trend_stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ca {
namespace {

struct Sales {
    std::vector<Sale> sales;
    DateWindow window;
    std::optional<Day> first, last;
};

// The ledger below its title row. Err:502 without a date per amount, or for a text or a
// non-finite number anywhere in the amounts.
Result<Log> ledger_rows(const Log& input) {
    CA_TRY(body, without_header(input));
    if (body->amounts.size() != body->dates.size() || !valid_amounts(body->amounts))
        return invalid();
    return body;
}

bool has_amount(const Log& ledger, std::size_t i) {
    return ledger.amounts[i].kind == Cell::Kind::number;
}

// Rows with a date in the window and an amount that pass the filters, summed per day.
Result<Sales> read_sales(const Log& input) {
    CA_TRY(ledger, ledger_rows(input));
    CA_TRY(span, day_span(*ledger, [&](std::size_t i) { return has_amount(*ledger, i); }));
    Sales out{{}, span->window, span->first, span->last};
    if (!span->first) return out;
    // Summed per day: a ledger of a million rows spans a few thousand days.
    const auto days = static_cast<std::size_t>(*span->last - *span->first + 1);
    const bool per_day = days <= 2 * ledger->rows() + 4096;
    std::vector<double> total(per_day ? days : 0, 0);
    std::vector<bool> any(total.size()), nonzero(total.size());
    const auto on_row = [&](std::size_t i, Day day) {
        if (!has_amount(*ledger, i)) return;
        const double amount = ledger->amounts[i].number;
        if (!per_day) return out.sales.push_back({day, amount, amount != 0});
        const auto d = static_cast<std::size_t>(day - *span->first);
        total[d] += amount;
        any[d] = true;
        if (amount != 0) nonzero[d] = true;
    };
    CA_TRY(window, visit_rows(*ledger, on_row));
    for (std::size_t d = 0; d < total.size(); ++d)
        if (any[d]) out.sales.push_back({*span->first + static_cast<Day>(d), total[d], nonzero[d]});
    return out;
}

// Monthly totals of `sales` from month `from` to `to`, both inclusive.
std::vector<double> monthly_totals(std::span<const Sale> sales, PeriodIndex from, PeriodIndex to) {
    std::vector<double> totals(static_cast<std::size_t>(to - from + 1), 0);
    for (const Sale& s : sales) {
        const PeriodIndex m = month_of(s.day);
        if (m >= from && m <= to) totals[static_cast<std::size_t>(m - from)] += s.amount;
    }
    return totals;
}

// The month of the first non-zero sale up to `last`, if any.
std::optional<PeriodIndex> first_sale_month(std::span<const Sale> sales, PeriodIndex last) {
    std::optional<PeriodIndex> first;
    for (const Sale& s : sales) {
        const PeriodIndex m = month_of(s.day);
        if (s.nonzero && m <= last && (!first || m < *first)) first = m;
    }
    return first;
}

std::optional<Day> latest_day(const std::vector<Sale>& sales) {
    if (sales.empty()) return std::nullopt;
    return std::max_element(sales.begin(), sales.end(),
                            [](auto& a, auto& b) { return a.day < b.day; })
        ->day;
}

Result<double> finite_or_na(std::optional<double> v) {
    if (!v || !std::isfinite(*v)) return not_available();
    return *v;
}

} // namespace

bool valid_amounts(ColumnView amounts) {
    for (CellView a : amounts)
        if ((a.kind == Cell::Kind::text && !key_text(a).empty()) ||
            (a.kind == Cell::Kind::number && !std::isfinite(a.number)))
            return false;
    return true;
}

Result<Series> sales_by_period(const Log& input, const Cell& period) {
    CA_TRY(ledger, ledger_rows(input));
    SalesTally tally{ledger->amounts, {}};
    CA_TRY(cells, tally_periods(
                      *ledger, period,
                      [&](std::size_t i) -> std::size_t { return has_amount(*ledger, i); },
                      [] { return std::size_t{1}; }, tally));
    Series series;
    for (std::size_t p = 0; p < cells->periods(); ++p) {
        series.starts.push_back(cells->start(p));
        series.values.push_back({tally.total[p]});
    }
    return series;
}

Result<MonthlyTotals> window_totals(std::span<const Sale> sales, PeriodIndex last, long years) {
    const auto first_sale = first_sale_month(sales, last);
    if (!first_sale) return not_available();
    const PeriodIndex first = std::max(last - 12 * years + 1, *first_sale);
    return MonthlyTotals{first, monthly_totals(sales, first, last)};
}

Result<MonthlyTotals> sales_window(const Log& ledger, const Cell& years_cell,
                                   const Cell& as_of_cell) {
    CA_TRY(years, read_whole(years_cell, 1, max_years, 2));
    CA_TRY(as_of, read_bound(as_of_cell, ledger.origin));
    CA_TRY(sales, read_sales(ledger));
    const std::optional<Day> end_day = *as_of ? *as_of : latest_day(sales->sales);
    if (!end_day) return not_available();
    return window_totals(sales->sales, month_of(*end_day), *years);
}

Result<double> growth(const std::vector<double>& y, GrowthMethod method) {
    const std::size_t n = y.size();
    if (method == GrowthMethod::linear || method == GrowthMethod::theilsen) {
        if (n < 3) return not_available();
        const double mean = stats::mean(y);
        if (mean == 0) return not_available();
        const double slope =
            method == GrowthMethod::theilsen ? stats::sen_slope(y) : stats::least_squares(y).slope;
        return finite_or_na(12 * slope / mean);
    }
    if (n < 24) return not_available();
    auto sum12 = [&](std::size_t from) {
        double s = 0;
        for (std::size_t i = from; i < from + 12; ++i)
            s += y[i];
        return s;
    };
    const double last = sum12(n - 12);
    if (method == GrowthMethod::yoy) {
        const double before = sum12(n - 24);
        if (before == 0) return not_available();
        return finite_or_na((last - before) / std::fabs(before));
    }
    const double first = sum12(0);
    if (!(first > 0) || !(last > 0)) return not_available();
    return finite_or_na(std::pow(last / first, 12.0 / static_cast<double>(n - 12)) - 1);
}

Result<double> sales_trend(const Log& ledger, const Cell& years, const Cell& as_of,
                           const Cell& method_cell) {
    CA_TRY(method, parse_growth_method(method_cell));
    CA_TRY(window, sales_window(ledger, years, as_of));
    return growth(window->totals, *method);
}

Result<double> sales_trend_stat(const Log& ledger, const Cell& stat_cell, const Cell& years,
                                const Cell& as_of) {
    CA_TRY(stat, parse_code(stat_cell, trend_stats, std::nullopt));
    CA_TRY(window, sales_window(ledger, years, as_of));
    const std::vector<double>& y = window->totals;
    if (y.size() < 3) return not_available();
    const stats::LeastSquares fit = stats::least_squares(y);
    switch (*stat) {
    case TrendStat::n:
        return static_cast<double>(y.size());
    case TrendStat::sen:
        return finite_or_na(stats::sen_slope(y));
    case TrendStat::mk_s:
        return stats::mann_kendall(y).s;
    case TrendStat::mk_z:
        return finite_or_na(stats::mann_kendall(y).z);
    case TrendStat::mk_p:
        return finite_or_na(stats::mann_kendall(y).p);
    case TrendStat::tau:
        return finite_or_na(stats::mann_kendall(y).tau);
    case TrendStat::slope:
        return finite_or_na(fit.slope);
    case TrendStat::intercept:
        return finite_or_na(fit.intercept);
    case TrendStat::r2:
        return finite_or_na(fit.r2);
    case TrendStat::t:
        return finite_or_na(fit.t);
    case TrendStat::p:
        break;
    }
    return finite_or_na(fit.p);
}

std::optional<std::vector<double>> seasonal_indices_by_position(std::span<const double> y,
                                                                std::size_t period) {
    const std::size_t n = y.size(), half = period / 2;
    if (period < 2 || period % 2 != 0 || n < 2 * period) return std::nullopt;
    std::vector<double> sum(period, 0), count(period, 0);
    for (std::size_t t = half; t + half < n; ++t) {
        // Centred 2 x period moving average: the two ends weigh one half.
        double trend = (y[t - half] + y[t + half]) / 2;
        for (std::size_t k = t - half + 1; k < t + half; ++k)
            trend += y[k];
        trend /= static_cast<double>(period);
        if (!(trend > 0)) return std::nullopt;
        sum[t % period] += y[t] / trend;
        count[t % period] += 1;
    }
    std::vector<double> index(period);
    double total = 0;
    for (std::size_t k = 0; k < period; ++k)
        total += index[k] = sum[k] / count[k];
    if (!(total > 0)) return std::nullopt;
    for (double& v : index)
        v /= total / static_cast<double>(period);
    return index;
}

Result<std::array<double, 12>> seasonal_indices(const Log& ledger, const Cell& years_cell) {
    CA_TRY(years, read_whole(years_cell, 1, max_years, 0));
    CA_TRY(sales, read_sales(ledger));
    const auto latest = latest_day(sales->sales);
    if (!latest) return not_available();
    const PeriodIndex last = month_of(*latest);
    const auto first_sale = first_sale_month(sales->sales, last);
    if (!first_sale) return not_available();
    // Default: every whole year of data up to the latest month.
    const PeriodIndex span = *years ? 12 * *years : (last - *first_sale + 1) / 12 * 12;
    const PeriodIndex first = std::max(last - span + 1, *first_sale);
    if (last - first + 1 < 24) return not_available();
    const auto by_position =
        seasonal_indices_by_position(monthly_totals(sales->sales, first, last), 12);
    if (!by_position) return not_available();
    std::array<double, 12> by_month{};
    for (std::size_t k = 0; k < 12; ++k) {
        const auto calendar_month =
            static_cast<std::size_t>((first + static_cast<PeriodIndex>(k)) % 12);
        by_month[calendar_month] = (*by_position)[k];
    }
    for (double v : by_month)
        if (!std::isfinite(v)) return not_available();
    return by_month;
}

Result<Grid> seasonal_index(const Log& ledger, const Cell& month, const Cell& years) {
    CA_TRY(m, read_whole(month, 1, 12, 0));
    if (!month.is_empty() && *m == 0) return invalid();
    CA_TRY(all, seasonal_indices(ledger, years));
    if (*m != 0) return Grid{{Cell::of((*all)[static_cast<std::size_t>(*m - 1)])}};
    Grid table;
    for (std::size_t k = 0; k < all->size(); ++k)
        table.push_back({Cell::of(static_cast<double>(k + 1)), Cell::of((*all)[k])});
    return table;
}

Result<GroupTable> sales_trend_by(const Log& input, const Cell& years_cell, const Cell& as_of_cell,
                                  const Cell& method_cell) {
    return below_title(input, {std::nullopt}, [&](const Log& log) -> Result<GroupTable> {
        CA_TRY(method, parse_growth_method(method_cell));
        CA_TRY(years, read_whole(years_cell, 1, max_years, 2));
        CA_TRY(as_of, read_bound(as_of_cell, log.origin));
        if (log.dates.empty() || !has_groups(log) || !valid_amounts(log.amounts)) return invalid();

        // Each sale with its group, in row order; the latest day of all.
        std::vector<Sale> sales;
        std::vector<std::uint32_t> group_of;
        std::optional<Day> latest;
        KeyIds groups(log.groups);
        Log rows = log; // no window
        rows.start = rows.end = {};
        const auto on_row = [&](std::size_t i, Day day) {
            const CellView a = log.amounts[i];
            if (a.kind != Cell::Kind::number) return;
            const std::uint32_t g = groups(i);
            if (g == 0) return;
            sales.push_back({day, a.number, a.number != 0});
            group_of.push_back(g);
            if (!latest || day > *latest) latest = day;
        };
        CA_TRY(window, visit_rows(rows, on_row));
        GroupTable t = group_table(groups, 1, {std::nullopt});
        const std::optional<Day> end_day = *as_of ? *as_of : latest;
        if (!end_day) return t;

        // The sales of each group side by side, still in row order; then each group's window
        // as SALESTREND takes it.
        const std::size_t count = groups.count();
        std::vector<std::size_t> start(count + 2, 0);
        for (std::uint32_t g : group_of)
            start[g + 1] += 1;
        std::partial_sum(start.begin(), start.end(), start.begin());
        std::vector<Sale> by_group(sales.size());
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < sales.size(); ++i)
            by_group[next[group_of[i]]++] = sales[i];
        const PeriodIndex last = month_of(*end_day);
        for (std::uint32_t g = 1; g <= count; ++g) {
            const std::span<const Sale> own(by_group.data() + start[g], start[g + 1] - start[g]);
            const auto months = window_totals(own, last, *years);
            if (!months) continue;
            if (auto r = growth(months->totals, *method)) t.set(g - 1, {*r});
        }
        return t;
    });
}

Result<GroupTable> sales_by_period_by(const Log& input, const Cell& period, ColumnView wanted) {
    CA_TRY(ledger, ledger_rows(input));
    const Log& log = *ledger;
    SalesTally tally{log.amounts, {}};
    return within_sheet(
        matrix_by(
            log, period, wanted, [&](std::size_t i) { return has_amount(log, i); }, tally,
            [&](std::size_t c) -> std::optional<double> { return tally.total[c]; }, 0.0),
        wanted);
}

} // namespace ca
