// Converting what Calc passes (any, sequence<sequence<any>>) into core cells, and core
// results into what Calc shows. The only place where UNO values meet the core.
#pragma once

#include "cells.hpp"
#include "periods.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <rtl/ustring.hxx>

#include <string_view>

namespace ca::uno {

namespace css = com::sun::star;
using rtl::OString;
using rtl::OStringToOUString;
using rtl::OUString;
using rtl::OUStringToOString;
using Range = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;
using CellRange = css::uno::Reference<css::table::XCellRange>;

// Thrown by the converters for invalid input; the adapters turn it into Err:502.
struct InvalidArgument {};

// A row or column of cells, each converted once. A block wider than one column and
// taller than one row is invalid.
Column column(const Range& range);
// An optional range argument: void means not given (an empty column); a single value is
// a column of one cell.
Column column(const css::uno::Any& arg);
// A single value; a 1 x 1 range is its one cell; a larger range is invalid.
Cell scalar(const css::uno::Any& arg);
// A value or a range of them, row by row: a single value (void: an empty cell) is a 1 x 1
// grid. A range whose rows differ in length is invalid.
Grid grid(const css::uno::Any& arg);
// A single value that may be left out (void): none then.
std::optional<Cell> scalar_if_given(const css::uno::Any& arg);
// A row-aligned column argument of a call: its place among the function's arguments (1 is
// the first, as the Function Wizard numbers them), what Calc passed (a cell reference for
// a required column; for an optional one an array, or void when left out) and the table
// it belongs to: the core struct it fills (functions.toml, [tables]).
struct ColumnArgument {
    std::size_t argument = 0;
    const CellRange* reference = nullptr;
    const css::uno::Any* given = nullptr;
    std::string_view table = "Log";
    // What makes the column's first row a title (the header rule, core/rows.hpp): in a date
    // column a text that is no date, in a number column any text.
    enum class Title { none, date, number } title = Title::none;
    // A column of numbers (amounts, touches, values): read as shown when the document
    // computes with precision as shown.
    bool shown = false;
};
// The calling document's sheets (the caller Calc passes as the options is the document).
using Sheets = css::uno::Reference<css::container::XIndexAccess>;
Sheets sheets_of(const css::uno::Reference<css::beans::XPropertySet>& options);

// Precision as shown (Tools ▸ Options ▸ Calc ▸ Calculate): whether the document computes
// with the values as their number formats show them, and the rounding that makes a number
// so, as ScDocument::RoundValueAsShown does: to the format's decimals (a percentage's
// two more, a scientific number's as many significant digits), General to the document's
// standard decimals if they are limited; dates, times and fractions unrounded.
class AsShown {
  public:
    AsShown() = default;
    explicit AsShown(const css::uno::Reference<css::beans::XPropertySet>& document);
    bool on() const { return formats_.is(); }
    // Rounds the numbers of `out` from row `first` on, `rows` cells of `block`, each as its
    // number format shows it; the formats are asked once per range of equal formats.
    void apply(const CellRange& block, sal_Int32 rows, Column& out, std::size_t first) const;

  private:
    struct Rule {
        enum class Kind { none, decimals, significant } kind = Kind::none;
        int digits = 0;
    };
    Rule rule_of(sal_Int32 key) const;
    css::uno::Reference<css::util::XNumberFormats> formats_; // null: off
    int standard_decimals_ = -1;                             // General: -1 unlimited
};
// The columns of one call: the column arguments, and the filter columns with the filters.
// The columns of one table have one length (else invalid); the filters belong to the log.
// A reference over several sheets ($Jan.A2:$Feb.A6, a log kept one sheet per month) is
// read sheet after sheet as one longer column; the columns of its table must span as many
// sheets with as many rows on each (else invalid), and the first row of each later sheet
// is dropped when it is a title by the header rule (every monthly sheet repeats its
// titles; the first sheet's is the core's to find).
// Only the rows up to the last used one of each table are read: a whole column is cut
// before any cell is copied, and every column of its table to the same length, so that
// A:A beside B:B stays aligned. An error cell in a reference is invalid. A null reference
// (an argument left empty) gives an empty column; a reference given twice (Customers as
// Groups) is read once.
struct CallColumns {
    std::vector<Column> columns;
    std::vector<std::size_t> of_argument; // the column of argument a at a (SIZE_MAX: none)
    const Column& column(std::size_t argument) const;
    std::vector<Column> filter_columns;
    std::vector<Filter> filters; // views of filter_columns: moved, never copied
};
CallColumns read_columns(const std::vector<ColumnArgument>& arguments,
                         const css::uno::Sequence<css::uno::Any>& filter_args = {},
                         const Sheets& sheets = {}, DateOrigin origin = {},
                         const AsShown& as_shown = AsShown());

// `count` cells from the `first` of a one-column or one-row reference, as Calc stores
// them: an empty cell is an empty string, an error cell a void value.
Range fetch(const CellRange& range, sal_Int32 first, sal_Int32 count);
// References are fetched in blocks of this many cells, so that Calc's copy of them (about
// 100 bytes a cell) never holds more than one block.
inline constexpr sal_Int32 fetch_block = 1 << 16;
// How many leading cells of the reference lie inside its sheet's used area (at least 1),
// and its full length. A block of several columns and rows is invalid.
struct Extent {
    sal_Int32 used = 0, length = 0;
};
Extent extent(const CellRange& range);

// The calling document's NullDate.
DateOrigin origin(const css::uno::Reference<css::beans::XPropertySet>& options);

// Core results as Calc results: a number, a text, an array; #N/A (void) or Err:502.
css::uno::Any result(const Result<double>& r);
css::uno::Any result(const Result<std::string>& r);
css::uno::Any result(const Result<Series>& r, DateOrigin origin);

} // namespace ca::uno
