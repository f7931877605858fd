// The one skeleton of every series and matrix (TOUCHTREND, WINRATETREND, SALESBYPERIOD and
// their BY matrices): parse the period, find the periods the counted rows cover, size the
// cells, tally each counted row into its (period, column) cell. A function is its tally.
#pragma once

#include "rows.hpp"
#include "winrate.hpp"

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
    auto window = visit_rows(rows, [&](std::size_t i, Day day) {
        const std::size_t c = column(i);
        if (c == 0) return;
        const auto p = static_cast<std::size_t>(period_of(day, *spec) - cells.range.first);
        tally.add(p * cells.width + c - 1, i);
    });
    if (!window) return fail(window.error());
    tally.finish();
    return cells;
}

// Touches and distinct customers per cell. `customers` places nobody with an empty id.
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

// Won and decided deals per cell.
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

// Total amount per cell.
struct SalesTally {
    Cells amounts;
    std::vector<double> total;
    void size(std::size_t cells) { total.assign(cells, 0); }
    void add(std::size_t cell, std::size_t i) { total[cell] += amounts[i].number; }
    void finish() {}
};

inline std::optional<double> ratio(double num, double den) {
    if (den == 0) return std::nullopt;
    return num / den;
}

} // namespace ca
