// Per-group tables (the BY functions): one pass over a log gives the figure of every group
// (a department, a rep, or each customer). Every value equals the scalar function's with a
// (Groups; key) filter. Each domain declares its BY functions beside its scalar and series
// forms (touchpoints.hpp, winrate.hpp, sales_trend.hpp); this is what they share, and
// lay_out(), which shapes a table for the Keys the user gave.
#pragma once

#include "series.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

namespace ca {

// A figure of a group table: a number, a text, or empty. A text is viewed, not copied: a
// word of a code table (a signal) or a cell of the log (LATESTVALUE), valid as long as
// what it views. 16 bytes, as an optional<double>: a table per customer has hundreds of
// thousands of rows.
class Figure {
  public:
    Figure() = default;
    Figure(std::nullopt_t) {}                  // NOLINT: implicit, as optional's
    Figure(double number) : number_(number) {} // NOLINT: implicit
    Figure(std::optional<double> number)       // NOLINT: implicit
        : number_(number.value_or(empty_number)) {}
    static Figure text(std::string_view text) {
        Figure f;
        f.text_ = text.data();
        f.number_ = static_cast<double>(text.size()); // a text's length in place of a number
        return f;
    }
    bool is_empty() const { return !text_ && !std::isfinite(number_); }
    std::optional<double> number() const {
        if (text_ || !std::isfinite(number_)) return std::nullopt;
        return number_;
    }
    std::optional<std::string_view> text() const {
        if (!text_) return std::nullopt;
        return std::string_view(text_, static_cast<std::size_t>(number_));
    }
    bool operator==(const Figure& other) const {
        return text() == other.text() && number() == other.number();
    }
    // As a cell: a finite number, a text, else empty.
    Cell cell() const;

  private:
    static constexpr double empty_number = std::numeric_limits<double>::quiet_NaN();
    double number_ = empty_number;
    const char* text_ = nullptr;
};
using Values = std::vector<Figure>;

// The figures of every group, in order of first appearance. A matrix (the trend functions)
// has one value per period for each group.
struct GroupTable {
    Column keys;             // each group as first written
    StringIds key_texts;     // group g's key text at g: what find() looks up
    std::size_t width = 0;   // figures per group, or periods
    Values figures;          // group g's at [g * width, (g + 1) * width): one block, however
                             // many groups (a table per customer has hundreds of thousands)
    Values missing;          // what a key with no row gets
    std::vector<Day> starts; // matrices: the first day of each period
    bool matrix = false;
    // The figure of all rows together, which Keys omitted shows instead of the table
    // (OPENITEMS, LATESTVALUE); none for the BY functions.
    std::optional<Figure> whole;

    std::size_t size() const { return keys.size(); }
    std::span<Figure> row(std::size_t g) { return std::span(figures).subspan(g * width, width); }
    std::span<const Figure> row(std::size_t g) const {
        return std::span(figures).subspan(g * width, width);
    }
    void set(std::size_t g, std::initializer_list<Figure> values) {
        const auto r = row(g);
        std::copy_n(values.begin(), std::min(values.size(), r.size()), r.begin());
    }
    // The group of a key (as keys match everywhere), or none.
    std::optional<std::size_t> find(CellView key) const;
};

// A matrix wider than this needs Keys: no sheet has more columns.
inline constexpr std::size_t max_matrix_keys = 16384;

// The groups in Calc's sort order (numbers ascending, then texts case-insensitively; ties
// in order of appearance): the order of a BY table without Keys. `texts`: group g's key
// text at g.
std::vector<std::size_t> calc_order(ColumnView keys, const StringIds& texts);

// Each group's key as first written, group g (id g + 1) at g.
Column group_keys(const KeyIds& groups);

// The log has rows and a group for each (the BY functions' first check).
bool has_groups(const Log& log);
// A table of one row of `figures` per group of `groups`, every figure empty until set. The
// key texts move from `groups` to the table.
GroupTable group_table(KeyIds& groups, std::size_t figures, Values missing);

// `compute` on the log below its title row (the header rule). A title with nothing below
// leaves no group: every key then gets `missing`.
template <class Compute>
Result<GroupTable> below_title(const Log& input, Values missing, Compute&& compute) {
    const auto body = without_header(input);
    if (body) return compute(*body);
    if (body.error() != Error::not_available) return fail(body.error());
    GroupTable none;
    none.missing = std::move(missing);
    return none;
}

// A matrix of every group (no Keys: `wanted` empty) wider than a sheet is refused.
inline Result<GroupTable> within_sheet(Result<GroupTable> matrix, ColumnView wanted) {
    if (matrix && wanted.empty() && matrix->size() > max_matrix_keys) return invalid();
    return matrix;
}

// A matrix: the series skeleton with one column per group. `counts(i)`: the row counts
// for its function; `value(cell)`: what a cell shows.
template <class Counts, class Tally, class Value>
Result<GroupTable> matrix_by(const Log& log, const Cell& period, ColumnView wanted, Counts&& counts,
                             Tally& tally, Value&& value, Figure empty) {
    if (!has_groups(log)) return invalid();
    KeyIds groups(log.groups, wanted);
    CA_TRY(cells,
           tally_periods(
               log, period, [&](std::size_t i) -> std::size_t { return counts(i) ? groups(i) : 0; },
               [&] { return groups.count(); }, tally));
    GroupTable t = group_table(groups, cells->periods(), {empty});
    t.matrix = true;
    for (std::size_t p = 0; p < cells->periods(); ++p) {
        t.starts.push_back(cells->start(p));
        for (std::size_t g = 0; g < cells->width; ++g)
            t.row(g)[p] = value(p * cells->width + g);
    }
    return t;
}

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

// Keys omitted: the whole figure when the table has one; else one row per group sorted as Calc
// sorts (numbers ascending, then texts case-insensitively), the key first; a matrix gets a header
// row of keys and the period start in its first column. A list: the values of each key (a column
// per key in a matrix, or when the list is a row), with `missing` for a key with no row. One key:
// its first value as a 1 × 1 grid (empty: #N/A), or its column of a matrix.
Grid lay_out(const GroupTable& table, const Keys& keys, DateOrigin origin);

} // namespace ca
