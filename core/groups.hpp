// Per-group tables (the BY functions): one pass over a log gives the figure of every group
// (a department, a rep, or each customer). Every value equals the scalar function's with a
// (Groups; key) filter. lay_out() then shapes a table for the Keys the user gave.
#pragma once

#include "rows.hpp"
#include "sales_trend.hpp"

namespace ca {

using Values = std::vector<std::optional<double>>; // an empty optional is an empty cell

// The figures of every group, in order of first appearance. A matrix (the trend functions)
// has one value per period for each group.
struct GroupTable {
    std::vector<Cell> keys;   // each group as first written
    std::vector<Values> rows; // per group: its figures, or its value in each period
    Values missing;           // what a key with no row gets
    std::vector<Day> starts;  // matrices: the first day of each period
    bool matrix = false;

    // The group of a key (as keys match everywhere), or none.
    std::optional<std::size_t> find(CellView key) const;
    void index(); // builds what find() reads; call once the keys are final

  private:
    StringIds index_; // group g has the key text of id g
};

// Average touchpoints, touches, customers of each group.
Result<GroupTable> avg_touchpoints_by(const Log& log);
// Distinct customers of each group.
Result<GroupTable> distinct_customers_by(const Log& log);
// Win rate (empty when nothing was decided), won, decided.
Result<GroupTable> win_rate_by(const Log& log);
// SALESTREND of each group over one window: AsOf defaults to the latest date of all rows.
// log.values are the amounts; Start and End are not used.
Result<GroupTable> sales_trend_by(const Log& log, const Cell& years, const Cell& as_of,
                                  const Cell& method);

// Matrices over the periods of the rows of the wanted groups (every group when `wanted` is
// empty; else the wanted keys in their order): AVGTOUCHPOINTS, win rate, total amount.
Result<GroupTable> touch_trend_by(const Log& log, const Cell& period, Cells wanted);
Result<GroupTable> win_rate_trend_by(const Log& log, const Cell& period, Cells wanted);
Result<GroupTable> sales_by_period_by(const Log& log, const Cell& period, Cells wanted);

// The Keys argument: omitted (every group, sorted, with its key), a list (a range or an
// array, values only, in its order), or one value (one figure for fill-down).
struct Keys {
    enum class Form { all, list, single };
    Form form = Form::all;
    Column asked;        // the list, or the one key; empty when every group is shown
    bool across = false; // the list is a row: one column per key

    static Keys one(CellView key) {
        Keys k;
        k.form = Form::single;
        k.asked.push_back(key);
        return k;
    }
    static Keys list(Column keys, bool across) {
        Keys k;
        k.form = Form::list;
        k.asked = std::move(keys);
        k.across = across;
        return k;
    }
};

// Keys omitted: one row per group sorted as Calc sorts (numbers ascending, then texts
// case-insensitively), the key first; a matrix gets a header row of keys and the period
// start in its first column. A list: the values of each key (a column per key in a
// matrix, or when the list is a row), with `missing` for a key with no row. One key: its
// first value as a 1 × 1 grid (empty: #N/A), or its column of a matrix.
Grid lay_out(const GroupTable& table, const Keys& keys, DateOrigin origin);

// A matrix wider than this needs Keys: no sheet has more columns.
inline constexpr std::size_t max_matrix_keys = 16384;

} // namespace ca
