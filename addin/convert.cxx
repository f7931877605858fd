// UNO values to core cells and back: references are cut to the rows their sheet fills and
// read in blocks, each distinct text converted once; results become numbers, texts, arrays
// or errors as Calc shows them.
#include "convert.hxx"

#include <algorithm>
#include <cmath>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/util/Date.hpp>
#include <rtl/ustring.hxx>
#include <stdexcept>

// Asks the processor for what a cell a few cells ahead will read: most of the time of a
// column of many distinct ids is waiting for memory. A macro, because GCC drops a call to a
// function that only prefetches (it takes it for one without effect).
#if defined(__GNUC__)
#define CA_PREFETCH(address) __builtin_prefetch(address)
#else
#define CA_PREFETCH(address) static_cast<void>(address)
#endif

namespace ca::uno {
namespace {

std::string utf8(const OUString& s) {
    const OString bytes = OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(bytes.getStr(), static_cast<std::size_t>(bytes.getLength()));
}

Cell cell_of(const css::uno::Any& a) {
    switch (a.getValueTypeClass()) {
    case css::uno::TypeClass_VOID:
        return {};
    case css::uno::TypeClass_STRING: {
        const OUString& s = *static_cast<const OUString*>(a.getValue());
        if (s.isEmpty()) return {};
        return Cell::of(utf8(s));
    }
    case css::uno::TypeClass_BOOLEAN:
        return Cell::of(*static_cast<const sal_Bool*>(a.getValue()) ? 1.0 : 0.0);
    default: {
        double d = 0;
        if (a >>= d) return Cell::of(d);
        throw InvalidArgument{};
    }
    }
}

// The column id of each string Calc handed over, by address, for a whole column read in
// several blocks: Calc hands equal texts over as one shared string, so a string's address
// identifies its text and each distinct text is converted once. The strings are held
// (acquired) until the column is read, so that no address is reused meanwhile. One flat
// table (open addressing): a column of 400,000 distinct ids costs no node per id.
class StringAddresses {
  public:
    StringAddresses() = default;
    StringAddresses(const StringAddresses&) = delete;
    StringAddresses& operator=(const StringAddresses&) = delete;
    ~StringAddresses() {
        for (const Slot& s : slots_)
            if (s.text) rtl_uString_release(s.text);
    }
    // A text that is empty: an empty cell.
    static constexpr std::uint32_t empty = UINT32_MAX;
    // The column's id for `s` (or `empty`), converting it only the first time: a string
    // seen before is found by its address, without reading it.
    std::uint32_t id(rtl_uString* s, Column& out) {
        if (2 * (count_ + 1) > slots_.size()) grow();
        Slot& slot = find(s);
        if (!slot.text) {
            rtl_uString_acquire(s);
            slot = {s, s->length == 0 ? empty : out.new_text(utf8(s))};
            ++count_;
        }
        return slot.id;
    }
    // Where id(s) will look first (null before the first string).
    const void* slot_of(const rtl_uString* s) const {
        return slots_.empty() ? nullptr : &slots_[index_of(s)];
    }
    // Whether the table has outgrown the processor's caches, so that asking for a slot
    // ahead pays (a few thousand ids stay cached: asking would only cost time).
    bool large() const { return slots_.size() > (std::size_t{1} << 16); }

  private:
    // UTF-8 of `s`; ASCII, the usual id, without an allocation.
    std::string_view utf8(rtl_uString* s) {
        buffer_.clear();
        for (sal_Int32 i = 0; i < s->length; ++i) {
            if (s->buffer[i] >= 0x80) return buffer_ = ca::uno::utf8(OUString(s));
            buffer_.push_back(static_cast<char>(s->buffer[i]));
        }
        return buffer_;
    }
    struct Slot {
        rtl_uString* text = nullptr;
        std::uint32_t id = 0;
    };
    std::size_t index_of(const rtl_uString* s) const {
        return ((reinterpret_cast<std::uintptr_t>(s) >> 4) * 0x9E3779B97F4A7C15u >> 20) &
               (slots_.size() - 1);
    }
    Slot& find(const rtl_uString* s) {
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = index_of(s);
        for (; slots_[i].text && slots_[i].text != s; i = (i + 1) & mask) {
        }
        return slots_[i];
    }
    void grow() {
        std::vector<Slot> old(std::max<std::size_t>(1024, 2 * slots_.size()));
        old.swap(slots_);
        for (const Slot& s : old)
            if (s.text) find(s.text) = s;
    }
    std::vector<Slot> slots_;
    std::size_t count_ = 0;
    std::string buffer_;
};

// Appends the cells of a one-row or one-column block to `out`, each converted once.
// `reference`: the block was fetched from the sheet, where a void value is an error cell.
void append(const Range& range, bool reference, Column& out, StringAddresses& texts) {
    const sal_Int32 rows = range.getLength();
    if (rows == 0) return;
    const sal_Int32 cols = range[0].getLength();
    for (const auto& row : range)
        if (row.getLength() != cols) throw InvalidArgument{};
    if (rows > 1 && cols > 1) throw InvalidArgument{};
    out.reserve(out.size() + static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols));
    // A string cell's string, else null.
    const auto string_in = [](const css::uno::Any& a) -> rtl_uString* {
        return a.getValueTypeClass() == css::uno::TypeClass_STRING
                   ? static_cast<const OUString*>(a.getValue())->pData
                   : nullptr;
    };
    constexpr sal_Int32 ahead = 16; // cells: far enough for memory to answer meanwhile
    const css::uno::Sequence<css::uno::Any>* row_of = range.getConstArray();
    for (sal_Int32 i = 0; i < rows * cols; ++i) {
        const sal_Int32 next = i + ahead;
        if (next < rows * cols && texts.large())
            if (const rtl_uString* s = string_in(cols == 1 ? row_of[next][0] : row_of[0][next])) {
                CA_PREFETCH(texts.slot_of(s));
                CA_PREFETCH(s);
            }
        const css::uno::Any& a = cols == 1 ? row_of[i][0] : row_of[0][i];
        if (rtl_uString* s = string_in(a)) {
            const std::uint32_t id = texts.id(s, out);
            if (id == StringAddresses::empty)
                out.push_empty();
            else
                out.push_text(id);
            continue;
        }
        if (a.getValueTypeClass() == css::uno::TypeClass_DOUBLE)
            out.push_number(*static_cast<const double*>(a.getValue()));
        else if (reference && !a.hasValue())
            throw InvalidArgument{};
        else
            out.push_back(cell_of(a));
    }
}

} // namespace

Column column(const Range& range) {
    Column out;
    StringAddresses texts;
    append(range, false, out, texts);
    return out;
}

Column column(const css::uno::Any& arg) {
    if (!arg.hasValue()) return {};
    Range range;
    if (arg >>= range) return column(range);
    Column out;
    out.push_back(cell_of(arg));
    return out;
}

Cell scalar(const css::uno::Any& arg) {
    Range range;
    if (!(arg >>= range)) return cell_of(arg);
    if (range.getLength() != 1 || range[0].getLength() != 1) throw InvalidArgument{};
    return cell_of(range[0][0]);
}

Grid grid(const css::uno::Any& arg) {
    Range range;
    if (!(arg >>= range)) return {{cell_of(arg)}};
    if (range.getLength() == 0 || range[0].getLength() == 0) throw InvalidArgument{};
    Grid out;
    out.reserve(static_cast<std::size_t>(range.getLength()));
    for (const auto& row : range) {
        if (row.getLength() != range[0].getLength()) throw InvalidArgument{};
        auto& cells = out.emplace_back();
        cells.reserve(static_cast<std::size_t>(row.getLength()));
        for (const auto& a : row)
            cells.push_back(cell_of(a));
    }
    return out;
}

std::optional<Cell> scalar_if_given(const css::uno::Any& arg) {
    if (!arg.hasValue()) return std::nullopt;
    return scalar(arg);
}

namespace {

// Where a reference is: its sheet, first and last row and column.
css::table::CellRangeAddress address(const CellRange& range) {
    const css::uno::Reference<css::sheet::XCellRangeAddressable> addressable(range,
                                                                             css::uno::UNO_QUERY);
    if (!addressable.is()) throw InvalidArgument{};
    return addressable->getRangeAddress();
}

} // namespace

Extent extent(const CellRange& range) {
    const auto a = address(range);
    const sal_Int32 rows = a.EndRow - a.StartRow + 1, cols = a.EndColumn - a.StartColumn + 1;
    if (rows < 1 || cols < 1 || (rows > 1 && cols > 1)) throw InvalidArgument{};
    const bool vertical = cols == 1;
    Extent e{1, vertical ? rows : cols};
    if (e.length == 1) return e;
    // The end of the sheet's used area (cheap: Calc keeps it), then whatever lies beyond
    // it in the reference: Calc updates that area only at the end of an operation, and
    // during a paste it already computes the pasted formulas, which would miss the pasted
    // rows. Cells beyond it are found from the cells themselves (usually there are none).
    const css::uno::Reference<css::sheet::XSheetCellRange> on_sheet(range, css::uno::UNO_QUERY);
    const auto sheet = on_sheet.is() ? on_sheet->getSpreadsheet() : nullptr;
    if (!sheet.is()) return {e.length, e.length};
    const css::uno::Reference<css::sheet::XUsedAreaCursor> cursor(sheet->createCursor(),
                                                                  css::uno::UNO_QUERY);
    const css::uno::Reference<css::sheet::XCellRangeAddressable> used(cursor, css::uno::UNO_QUERY);
    if (!cursor.is() || !used.is()) return {e.length, e.length};
    cursor->gotoEndOfUsedArea(false);
    const auto end = used->getRangeAddress();
    e.used = std::clamp(vertical ? end.EndRow - a.StartRow + 1 : end.EndColumn - a.StartColumn + 1,
                        sal_Int32{1}, e.length);
    if (e.used == e.length) return e;
    const css::uno::Reference<css::sheet::XCellRangesQuery> beyond(
        range
            ->getCellRangeByPosition(vertical ? 0 : e.used, vertical ? e.used : 0,
                                     vertical ? 0 : e.length - 1, vertical ? e.length - 1 : 0)
            .get(),
        css::uno::UNO_QUERY);
    if (!beyond.is()) return {e.length, e.length};
    using css::sheet::CellFlags::DATETIME, css::sheet::CellFlags::FORMULA,
        css::sheet::CellFlags::STRING, css::sheet::CellFlags::VALUE;
    const auto filled = beyond->queryContentCells(VALUE | DATETIME | STRING | FORMULA);
    if (!filled.is()) return {e.length, e.length};
    for (const auto& r : filled->getRangeAddresses())
        e.used = std::max(e.used,
                          vertical ? r.EndRow - a.StartRow + 1 : r.EndColumn - a.StartColumn + 1);
    return e;
}

Range fetch(const CellRange& range, sal_Int32 first, sal_Int32 count) {
    const auto a = address(range);
    const bool vertical = a.EndColumn == a.StartColumn;
    const sal_Int32 length = vertical ? a.EndRow - a.StartRow + 1 : a.EndColumn - a.StartColumn + 1;
    if (first < 0 || count < 1 || count > length || first > length - count) throw InvalidArgument{};
    const sal_Int32 last = first + count - 1;
    const css::uno::Reference<css::sheet::XCellRangeData> data(
        range->getCellRangeByPosition(vertical ? 0 : first, vertical ? first : 0,
                                      vertical ? 0 : last, vertical ? last : 0),
        css::uno::UNO_QUERY);
    if (!data.is()) throw InvalidArgument{};
    return data->getDataArray();
}

namespace {

// One past the last non-empty cell.
std::size_t used_length(const Column& cells) {
    std::size_t n = cells.size();
    while (n > 0 && cells[n - 1].is_empty())
        --n;
    return n;
}

// The first `rows` cells of a reference.
Column read_reference(const CellRange& range, sal_Int32 rows) {
    Column out;
    out.reserve(static_cast<std::size_t>(rows));
    // Room for a distinct text in every row, of 16 bytes (most ids are shorter): only what
    // is used is ever touched, and the texts are never copied while the column grows.
    out.reserve_texts(static_cast<std::size_t>(rows), 16 * static_cast<std::size_t>(rows));
    StringAddresses texts; // across blocks: each distinct text converted once
    for (sal_Int32 first = 0; first < rows; first += fetch_block)
        append(fetch(range, first, std::min(fetch_block, rows - first)), true, out, texts);
    return out;
}

// Where a reference is, on its sheet: equal for the same cells given twice in one call.
std::string address_of(const CellRange& range) {
    const auto r = address(range);
    return std::to_string(r.Sheet) + ':' + std::to_string(r.StartColumn) + ',' +
           std::to_string(r.StartRow) + ':' + std::to_string(r.EndColumn) + ',' +
           std::to_string(r.EndRow);
}

} // namespace

namespace {

// Each table's length and rows in use: every column of a table has one length.
class TableRows {
  public:
    void take(std::string_view table, std::size_t length, std::size_t used) {
        Rows& t = of(table);
        if (t.length != 0 && length != t.length) throw InvalidArgument{};
        t.length = length;
        t.used = std::max(t.used, used);
    }
    std::size_t used(std::string_view table) { return of(table).used; }

  private:
    struct Rows {
        std::string_view table;
        std::size_t length = 0, used = 1;
    };
    Rows& of(std::string_view table) {
        for (Rows& t : tables_)
            if (t.table == table) return t;
        return tables_.emplace_back(Rows{table});
    }
    std::vector<Rows> tables_;
};

// The distinct cell references of a call, each with its extent and the rows to read: the
// most any table it is given in uses.
struct Reference {
    CellRange range;
    std::string address;
    Extent extent;
    std::size_t rows = 0;
};
std::size_t reference_index(std::vector<Reference>& distinct, const CellRange& range) {
    const std::string where = range.is() ? address_of(range) : std::string();
    for (std::size_t d = 0; range.is() && d < distinct.size(); ++d)
        if (distinct[d].address == where) return d;
    // null: an argument left empty, an empty column
    distinct.push_back({range, where, range.is() ? extent(range) : Extent{}});
    return distinct.size() - 1;
}

} // namespace

const Column& CallColumns::column(std::size_t argument) const {
    if (argument >= of_argument.size() || of_argument[argument] >= columns.size())
        throw std::out_of_range("no column argument " + std::to_string(argument));
    return columns[of_argument[argument]];
}

CallColumns read_columns(const std::vector<ColumnArgument>& arguments,
                         const css::uno::Sequence<css::uno::Any>& filter_args) {
    CallColumns t;
    TableRows tables;
    // Each argument's source: a distinct reference (index d) or an optional column given
    // as an array (index g), read at once.
    std::vector<Reference> distinct;
    std::vector<Column> given;
    std::vector<std::size_t> source;
    for (const ColumnArgument& a : arguments) {
        if (a.reference) {
            source.push_back(reference_index(distinct, *a.reference));
            if (const Extent& e = distinct[source.back()].extent; e.length != 0)
                tables.take(a.table, static_cast<std::size_t>(e.length),
                            static_cast<std::size_t>(e.used));
        } else {
            source.push_back(given.size());
            given.push_back(a.given ? column(*a.given) : Column{});
            if (!given.back().empty())
                tables.take(a.table, given.back().size(), used_length(given.back()));
        }
    }
    const sal_Int32 n = filter_args.getLength();
    if (n % 2 != 0) throw InvalidArgument{};
    t.filter_columns.reserve(static_cast<std::size_t>(n / 2)); // the filters view these
    for (sal_Int32 i = 0; i < n; i += 2) {
        Column& c = t.filter_columns.emplace_back(column(filter_args[i]));
        if (c.empty()) throw InvalidArgument{};
        tables.take("Log", c.size(), used_length(c));
    }

    // Every column cut to its table's used rows: references before they are read.
    for (std::size_t k = 0; k < arguments.size(); ++k)
        if (arguments[k].reference)
            distinct[source[k]].rows =
                std::max(distinct[source[k]].rows, tables.used(arguments[k].table));
        else
            given[source[k]].truncate(tables.used(arguments[k].table)); // only empty cells
    for (const Reference& r : distinct)
        t.columns.push_back(r.range.is() ? read_reference(r.range, static_cast<sal_Int32>(r.rows))
                                         : Column{});
    for (auto& c : t.filter_columns)
        c.truncate(tables.used("Log"));
    for (std::size_t k = 0; k < arguments.size(); ++k) {
        const std::size_t a = arguments[k].argument;
        if (a >= t.of_argument.size()) t.of_argument.resize(a + 1, SIZE_MAX);
        t.of_argument[a] = arguments[k].reference ? source[k] : distinct.size() + source[k];
    }
    for (auto& c : given)
        t.columns.push_back(std::move(c));
    for (sal_Int32 i = 0; i < n; i += 2)
        t.filters.push_back(
            {t.filter_columns[static_cast<std::size_t>(i / 2)], scalar(filter_args[i + 1])});
    return t;
}

DateOrigin origin(const css::uno::Reference<css::beans::XPropertySet>& options) {
    DateOrigin o;
    css::util::Date d;
    if (options.is() && (options->getPropertyValue("NullDate") >>= d)) {
        std::chrono::year_month_day ymd{std::chrono::year{d.Year}, std::chrono::month{d.Month},
                                        std::chrono::day{d.Day}};
        if (ymd.ok()) o.null_date = day_of(ymd);
    }
    return o;
}

css::uno::Any result(const Result<double>& r) {
    if (!r) {
        if (r.error() == Error::invalid_argument) throw InvalidArgument{};
        return {};
    }
    if (!std::isfinite(*r)) return {}; // never hand Calc a NaN or an infinity
    return css::uno::Any(*r);
}

css::uno::Any result(const Result<std::string>& r) {
    if (!r) {
        if (r.error() == Error::invalid_argument) throw InvalidArgument{};
        return {};
    }
    return css::uno::Any(OStringToOUString(r->c_str(), RTL_TEXTENCODING_UTF8));
}

css::uno::Any result(const Result<Series>& r, DateOrigin origin) {
    if (!r) {
        if (r.error() == Error::invalid_argument) throw InvalidArgument{};
        return {};
    }
    const auto rows = static_cast<sal_Int32>(r->starts.size());
    Range out(rows);
    auto* row = out.getArray();
    for (sal_Int32 i = 0; i < rows; ++i) {
        const auto& values = r->values[static_cast<std::size_t>(i)];
        css::uno::Sequence<css::uno::Any> cells(static_cast<sal_Int32>(values.size() + 1));
        auto* c = cells.getArray();
        c[0] <<= origin.serial(r->starts[static_cast<std::size_t>(i)]);
        for (std::size_t v = 0; v < values.size(); ++v)
            if (values[v] && std::isfinite(*values[v]))
                c[v + 1] <<= *values[v];
            else
                c[v + 1] <<= OUString(); // an empty cell, which charts leave out
        row[i] = cells;
    }
    return css::uno::Any(out);
}

} // namespace ca::uno
