// The one skeleton of every series and matrix (TOUCHTREND, WINRATETREND, SALESBYPERIOD and
// their BY matrices): parse the period, find the periods the counted rows cover, size the
// cells, tally each counted row into its (period, column) cell. A function is its tally,
// which its domain's header declares (TouchTally, WinTally, SalesTally).
#pragma once

#include "rows.hpp"

namespace ca {

// Where the tallies landed: periods × width cells, cell = period * width + column.
struct PeriodCells {
    PeriodSpec spec;
    PeriodRange range;
    std::size_t width = 0;
    std::size_t periods() const { return range.count(); }
    Day start(std::size_t p) const {
        return period_start(range.first + static_cast<PeriodIndex>(p), spec);
    }
};

// Every series and matrix is refused beyond this many cells: Calc could not hold it.
inline constexpr std::size_t max_period_cells = std::size_t{1} << 24;

// `column(i)` places a row in column 1..width, or 0 when it does not count; `width()` is
// asked once every row has been placed. The tally sizes its cells (size), takes each
// counted row (add) and closes (finish). #N/A when no period is covered or width is 0.
template <class Column, class Width, class Tally>
Result<PeriodCells> tally_periods(const Log& rows, const Cell& period, Column&& column,
                                  Width&& width, Tally& tally) {
    CA_TRY(spec, parse_period(period));
    if (rows.dates.empty()) return invalid();
    CA_TRY(span, day_span(rows, [&](std::size_t i) { return column(i) != 0; }));
    PeriodCells cells{*spec, period_range(span->window, span->first, span->last, *spec), width()};
    if (cells.periods() == 0 || cells.width == 0) return not_available();
    if (cells.periods() > max_period_cells / cells.width) return invalid();
    tally.size(cells.periods() * cells.width);
    const auto on_row = [&](std::size_t i, Day day) {
        const std::size_t c = column(i);
        if (c == 0) return;
        const auto p = static_cast<std::size_t>(period_of(day, *spec) - cells.range.first);
        tally.add(p * cells.width + c - 1, i);
    };
    CA_TRY(window, visit_rows(rows, on_row));
    tally.finish();
    return cells;
}

inline std::optional<double> ratio(double num, double den) {
    if (den == 0) return std::nullopt;
    return num / den;
}

} // namespace ca
