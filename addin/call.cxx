// The call context of the generated adapters: reading by role, answering by result type.
#include "call.hxx"

#include <cmath>

namespace ca::uno {

using css::uno::Any;
using css::uno::Sequence;

Keys keys_argument(const Any& arg) {
    if (!arg.hasValue()) return {};
    Range range;
    if ((arg >>= range) && (range.getLength() != 1 || range[0].getLength() != 1))
        return Keys::list(column(range), range.getLength() == 1);
    return Keys::one(scalar(arg));
}

Call::Call(const Options& options, const std::vector<ColumnArgument>& columns,
           const Sequence<Any>& filters, const Any& keys)
    : origin(ca::uno::origin(options)), keys(keys_argument(keys)),
      columns_(read_columns(columns, filters, sheets_of(options), origin, AsShown(options))) {}

namespace {

Any value(const Cell& cell) {
    if (cell.kind == Cell::Kind::number && std::isfinite(cell.number)) return Any(cell.number);
    if (cell.kind == Cell::Kind::text)
        return Any(
            OStringToOUString(OString(cell.text.data(), static_cast<sal_Int32>(cell.text.size())),
                              RTL_TEXTENCODING_UTF8));
    return {}; // #N/A
}

Any array(const Grid& grid) {
    if (grid.empty() || grid[0].empty()) return {}; // nothing at all: #N/A
    Range out(static_cast<sal_Int32>(grid.size()));
    for (std::size_t r = 0; r < grid.size(); ++r) {
        Sequence<Any> row(static_cast<sal_Int32>(grid[r].size()));
        for (std::size_t c = 0; c < grid[r].size(); ++c) {
            const Any v = value(grid[r][c]);
            row.getArray()[c] = v.hasValue() ? v : Any(OUString()); // an empty cell
        }
        out.getArray()[r] = row;
    }
    return Any(out);
}

} // namespace

// One key of a table (not of a matrix) is one value, for filling down, and so is a table's
// whole figure (Keys omitted); everything else an array, even of one cell
// (=INDEX(TOUCHTRENDBY(...;"East");1;1) must work).
Any Call::answer(const Result<GroupTable>& r) const {
    if (!r) return result(Result<double>(fail(r.error())));
    const Grid grid = lay_out(*r, keys, origin);
    const bool whole = keys.form == Keys::Form::all && r->whole;
    if ((keys.form == Keys::Form::single || whole) && !r->matrix) return value(grid.at(0).at(0));
    return array(grid);
}

Any Call::answer(const Result<Grid>& r) const {
    return result(r);
}

Any result(const Result<Grid>& r) {
    if (!r) return result(Result<double>(fail(r.error())));
    if (r->size() == 1 && (*r)[0].size() == 1) {
        const Any v = value((*r)[0][0]);
        return v.hasValue() ? v : Any(OUString()); // an empty cell, as in an array
    }
    return array(*r);
}

} // namespace ca::uno
