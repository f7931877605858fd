// UNO values to core cells and back: references are cut to the rows their sheet fills and
// read in blocks, each distinct text converted once; results become numbers, texts, arrays
// or errors as Calc shows them.
#include "convert.hxx"

#include "rows.hpp"

#include <algorithm>
#include <cmath>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XUniqueCellFormatRangesSupplier.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/util/Date.hpp>
#include <com/sun/star/util/NumberFormat.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <map>
#include <rtl/math.hxx>
#include <rtl/ustrbuf.hxx>
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

// Appends the first `rows` cells of a reference to `out`. `texts` spans the column: each
// distinct text is converted once.
void read_reference(const CellRange& range, sal_Int32 rows, Column& out, StringAddresses& texts) {
    for (sal_Int32 first = 0; first < rows; first += fetch_block)
        append(fetch(range, first, std::min(fetch_block, rows - first)), true, out, texts);
}

// The AbsoluteName of a reference, `$Jan.$A$2:$Feb.$A$6`: equal for the same cells given
// twice in one call, and the only place that names the last sheet of a reference over
// several.
OUString absolute_name(const CellRange& range) {
    const css::uno::Reference<css::beans::XPropertySet> p(range, css::uno::UNO_QUERY);
    OUString name;
    if (!p.is() || !(p->getPropertyValue("AbsoluteName") >>= name)) throw InvalidArgument{};
    return name;
}

// The sheet named after the ':' of an absolute name, quotes removed; none when the
// reference stays on its first sheet ($Jan.$A$2:$A$6).
std::optional<OUString> last_sheet_name(const OUString& name) {
    sal_Int32 i = 0;
    for (bool quoted = false; i < name.getLength() && (quoted || name[i] != ':'); ++i)
        if (name[i] == '\'') quoted = !quoted;
    if (++i < name.getLength() && name[i] == '$') ++i;
    rtl::OUStringBuffer sheet;
    if (i < name.getLength() && name[i] == '\'') {
        for (++i; i < name.getLength(); ++i) {
            if (name[i] == '\'' && i + 1 < name.getLength() && name[i + 1] == '\'') {
                sheet.append(u'\''), ++i; // '' is a quote in a name
            } else if (name[i] == '\'') {
                return sheet.makeStringAndClear();
            } else {
                sheet.append(name[i]);
            }
        }
        throw InvalidArgument{};
    }
    const sal_Int32 dot = name.indexOf('.', i);
    if (dot < 0) return std::nullopt;
    return name.copy(i, dot - i);
}

// A reference as blocks of the same cells, one per sheet it spans, in sheet order. Calc
// hands a reference over several sheets over as one object whose address names only its
// first sheet, and whose cells are the first sheet's.
std::vector<CellRange> sheet_blocks(const CellRange& range, const OUString& name,
                                    const Sheets& sheets) {
    const auto last = last_sheet_name(name);
    if (!last) return {range};
    const auto a = address(range);
    sal_Int32 end = -1;
    for (sal_Int32 s = a.Sheet; sheets.is() && s < sheets->getCount() && end < 0; ++s) {
        const css::uno::Reference<css::container::XNamed> sheet(sheets->getByIndex(s),
                                                                css::uno::UNO_QUERY);
        if (sheet.is() && sheet->getName() == *last) end = s;
    }
    if (end < 0) throw InvalidArgument{};
    std::vector<CellRange> blocks;
    for (sal_Int32 s = a.Sheet; s <= end; ++s) {
        const css::uno::Reference<css::table::XCellRange> sheet(sheets->getByIndex(s),
                                                                css::uno::UNO_QUERY);
        if (!sheet.is()) throw InvalidArgument{};
        blocks.push_back(
            sheet->getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow));
    }
    return blocks;
}

// Whether a column's first cell on a sheet makes that row a title (core/rows.hpp).
bool is_title(CellView cell, ColumnArgument::Title kind, DateOrigin origin) {
    switch (kind) {
    case ColumnArgument::Title::date:
        return is_title_date(cell, origin);
    case ColumnArgument::Title::number:
        return is_title_number(cell);
    case ColumnArgument::Title::none:
        break;
    }
    return false;
}

// Each table's sheets, and on each its length and rows in use: every column of a table
// spans as many sheets, with one length on each.
class TableRows {
  public:
    void take(std::string_view table, std::span<const Extent> sheets) {
        Rows& t = of(table);
        if (t.used.empty()) {
            t.length.assign(sheets.size(), 0);
            t.used.assign(sheets.size(), 1);
        }
        if (sheets.size() != t.used.size()) throw InvalidArgument{};
        for (std::size_t k = 0; k < sheets.size(); ++k) {
            const auto length = static_cast<std::size_t>(sheets[k].length);
            if (t.length[k] != 0 && length != t.length[k]) throw InvalidArgument{};
            t.length[k] = length;
            t.used[k] = std::max(t.used[k], static_cast<std::size_t>(sheets[k].used));
        }
    }
    // The rows read on each sheet (one sheet, one row for a table without a column).
    const std::vector<std::size_t>& used(std::string_view table) {
        Rows& t = of(table);
        if (t.used.empty()) t.used.assign(1, 1);
        return t.used;
    }

  private:
    struct Rows {
        std::string_view table;
        std::vector<std::size_t> length, used;
    };
    Rows& of(std::string_view table) {
        for (Rows& t : tables_)
            if (t.table == table) return t;
        return tables_.emplace_back(Rows{table, {}, {}});
    }
    std::vector<Rows> tables_;
};

// A distinct cell reference of a call: its blocks (one per sheet) with their extents, the
// table it is read for.
struct Reference {
    CellRange range;
    OUString name;
    std::vector<CellRange> blocks;
    std::vector<Extent> extents;
    std::string_view table;
};
std::size_t reference_index(std::vector<Reference>& distinct, const CellRange& range,
                            std::string_view table, const Sheets& sheets) {
    const OUString name = range.is() ? absolute_name(range) : OUString();
    for (std::size_t d = 0; range.is() && d < distinct.size(); ++d)
        if (distinct[d].name == name) {
            // One reference in two tables (TOUCHESBEFORE's touches and deals): read on one
            // sheet only, as the longer of their used rows.
            if (distinct[d].table != table && distinct[d].blocks.size() > 1)
                throw InvalidArgument{};
            return d;
        }
    Reference r{range, name, {}, {}, table};
    if (range.is()) { // null: an argument left empty, an empty column
        r.blocks = sheet_blocks(range, name, sheets);
        for (const auto& b : r.blocks)
            r.extents.push_back(extent(b));
    }
    distinct.push_back(std::move(r));
    return distinct.size() - 1;
}

} // namespace

const Column& CallColumns::column(std::size_t argument) const {
    if (argument >= of_argument.size() || of_argument[argument] >= columns.size())
        throw std::out_of_range("no column argument " + std::to_string(argument));
    return columns[of_argument[argument]];
}

AsShown::AsShown(const css::uno::Reference<css::beans::XPropertySet>& document) {
    // A caller that is no document (never Calc's) has no such option.
    const auto info = document.is() ? document->getPropertySetInfo() : nullptr;
    bool shown = false;
    if (!info.is() || !info->hasPropertyByName("CalcAsShown") ||
        !(document->getPropertyValue("CalcAsShown") >>= shown) || !shown)
        return;
    sal_Int16 decimals = -1; // unlimited
    document->getPropertyValue("StandardDecimals") >>= decimals;
    standard_decimals_ = decimals >= 0 && decimals <= 20 ? decimals : -1;
    const css::uno::Reference<css::util::XNumberFormatsSupplier> supplier(document,
                                                                          css::uno::UNO_QUERY);
    if (!supplier.is()) throw InvalidArgument{}; // never a figure of the raw values
    formats_ = supplier->getNumberFormats();
}

AsShown::Rule AsShown::rule_of(sal_Int32 key) const {
    namespace Type = css::util::NumberFormat;
    const auto format = formats_->getByKey(key);
    sal_Int16 type = 0, decimals = 0;
    if (!format.is() || !(format->getPropertyValue("Type") >>= type) ||
        !(format->getPropertyValue("Decimals") >>= decimals))
        throw InvalidArgument{};
    if (type & (Type::DATE | Type::TIME | Type::FRACTION)) return {};
    if (key % 10000 == 0) // a locale's General (Calc's SV_COUNTRY_LANGUAGE_OFFSET)
        return standard_decimals_ < 0 ? Rule{} : Rule{Rule::Kind::decimals, standard_decimals_};
    if (type & Type::SCIENTIFIC) return {Rule::Kind::significant, decimals};
    return {Rule::Kind::decimals, decimals + ((type & Type::PERCENT) ? 2 : 0)};
}

void AsShown::apply(const CellRange& block, sal_Int32 rows, Column& out, std::size_t first) const {
    if (!on()) return;
    const css::uno::Reference<css::sheet::XUniqueCellFormatRangesSupplier> unique(
        block, css::uno::UNO_QUERY);
    if (!unique.is()) throw InvalidArgument{};
    const auto a = address(block);
    const bool vertical = a.EndColumn == a.StartColumn;
    const auto groups = unique->getUniqueCellFormatRanges();
    std::map<sal_Int32, Rule> rules; // a document has few formats
    for (sal_Int32 g = 0; groups.is() && g < groups->getCount(); ++g) {
        const css::uno::Reference<css::sheet::XSheetCellRanges> ranges(groups->getByIndex(g),
                                                                       css::uno::UNO_QUERY);
        const css::uno::Reference<css::beans::XPropertySet> props(ranges, css::uno::UNO_QUERY);
        sal_Int32 key = 0;
        if (!ranges.is() || !props.is() || !(props->getPropertyValue("NumberFormat") >>= key))
            throw InvalidArgument{};
        auto [rule, added] = rules.try_emplace(key);
        if (added) rule->second = rule_of(key);
        if (rule->second.kind == Rule::Kind::none) continue;
        for (const auto& r : ranges->getRangeAddresses()) {
            const sal_Int32 from =
                vertical ? r.StartRow - a.StartRow : r.StartColumn - a.StartColumn;
            const sal_Int32 to = std::min(
                rows, (vertical ? r.EndRow - a.StartRow : r.EndColumn - a.StartColumn) + 1);
            for (sal_Int32 i = std::max(sal_Int32{0}, from); i < to; ++i) {
                const std::size_t at = first + static_cast<std::size_t>(i);
                const CellView c = out[at];
                if (c.kind != Cell::Kind::number || !std::isfinite(c.number)) continue;
                int digits = rule->second.digits;
                if (rule->second.kind == Rule::Kind::significant && c.number != 0)
                    digits -= static_cast<int>(std::floor(std::log10(std::fabs(c.number))));
                const double shown = rtl::math::round(c.number, static_cast<sal_Int16>(digits));
                if (!rtl::math::approxEqual(c.number, shown)) out.set_number(at, shown);
            }
        }
    }
}

Sheets sheets_of(const css::uno::Reference<css::beans::XPropertySet>& options) {
    const css::uno::Reference<css::sheet::XSpreadsheetDocument> doc(options, css::uno::UNO_QUERY);
    return doc.is() ? Sheets(doc->getSheets(), css::uno::UNO_QUERY) : Sheets();
}

namespace {

// Reads every distinct reference into t.columns (in their order) to its table's used rows
// on each sheet, the longer where it serves two tables. Returns, for each argument that
// is a reference, where each of its sheets begins in its column.
std::vector<std::vector<std::size_t>> read_references(const std::vector<ColumnArgument>& arguments,
                                                      const std::vector<std::size_t>& source,
                                                      const std::vector<Reference>& distinct,
                                                      TableRows& tables, const AsShown& as_shown,
                                                      CallColumns& t) {
    std::vector<std::vector<std::size_t>> starts(arguments.size());
    for (std::size_t d = 0; d < distinct.size(); ++d) {
        Column& out = t.columns.emplace_back();
        const Reference& r = distinct[d];
        if (!r.range.is()) continue;
        std::vector<std::size_t> rows = tables.used(r.table);
        for (std::size_t k = 0; k < arguments.size(); ++k)
            if (arguments[k].reference && source[k] == d)
                for (std::size_t s = 0; s < rows.size(); ++s)
                    rows[s] = std::max(rows[s], tables.used(arguments[k].table).at(s));
        std::size_t total = 0;
        for (std::size_t rows_on_sheet : rows)
            total += rows_on_sheet;
        out.reserve(total);
        // Room for a distinct text in every row, of 16 bytes (most ids are shorter): only
        // what is used is ever touched, and the texts are never copied while it grows.
        out.reserve_texts(total, 16 * total);
        StringAddresses texts;
        std::vector<std::size_t> first_rows;
        bool shown = false;
        for (std::size_t k = 0; k < arguments.size(); ++k)
            shown = shown || (arguments[k].reference && source[k] == d && arguments[k].shown);
        for (std::size_t s = 0; s < r.blocks.size(); ++s) {
            first_rows.push_back(out.size());
            read_reference(r.blocks[s], static_cast<sal_Int32>(rows[s]), out, texts);
            if (shown)
                as_shown.apply(r.blocks[s], static_cast<sal_Int32>(rows[s]), out, first_rows[s]);
        }
        for (std::size_t k = 0; k < arguments.size(); ++k)
            if (arguments[k].reference && source[k] == d) starts[k] = first_rows;
    }
    return starts;
}

// Drops the first row of a later sheet that is a title in any column of its table from
// every column of that table.
void drop_later_titles(const std::vector<ColumnArgument>& arguments,
                       const std::vector<std::vector<std::size_t>>& starts, DateOrigin origin,
                       CallColumns& t) {
    std::vector<std::pair<std::string_view, std::size_t>> titles; // (table, sheet)
    for (std::size_t k = 0; k < arguments.size(); ++k)
        for (std::size_t s = 1; s < starts[k].size(); ++s) {
            const Column& c = t.columns[t.of_argument[arguments[k].argument]];
            if (starts[k][s] < c.size() && is_title(c[starts[k][s]], arguments[k].title, origin))
                titles.emplace_back(arguments[k].table, s);
        }
    std::vector<bool> dropped(t.columns.size(), false);
    for (std::size_t k = 0; k < arguments.size(); ++k) {
        const std::size_t c = t.of_argument[arguments[k].argument];
        if (starts[k].size() < 2 || dropped[c]) continue;
        std::vector<std::size_t> rows;
        for (const auto& [table, s] : titles)
            if (table == arguments[k].table) rows.push_back(starts[k][s]);
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        t.columns[c].drop(rows);
        dropped[c] = true;
    }
}

Extent extent_of(const Column& given) {
    return {static_cast<sal_Int32>(used_length(given)), static_cast<sal_Int32>(given.size())};
}

} // namespace

CallColumns read_columns(const std::vector<ColumnArgument>& arguments,
                         const css::uno::Sequence<css::uno::Any>& filter_args, const Sheets& sheets,
                         DateOrigin origin, const AsShown& as_shown) {
    CallColumns t;
    TableRows tables;
    // Each argument's source: a distinct reference (index d) or an optional column given
    // as an array (index g), read at once.
    std::vector<Reference> distinct;
    std::vector<Column> given;
    std::vector<std::size_t> source;
    for (const ColumnArgument& a : arguments) {
        if (a.reference) {
            source.push_back(reference_index(distinct, *a.reference, a.table, sheets));
            if (const auto& e = distinct[source.back()].extents; !e.empty() && e[0].length != 0)
                tables.take(a.table, e);
        } else {
            source.push_back(given.size());
            given.push_back(a.given ? column(*a.given) : Column{});
            if (const Column& g = given.back(); !g.empty()) {
                const Extent e = extent_of(g);
                tables.take(a.table, std::span(&e, 1));
            }
        }
    }
    const sal_Int32 n = filter_args.getLength();
    if (n % 2 != 0) throw InvalidArgument{};
    t.filter_columns.reserve(static_cast<std::size_t>(n / 2)); // the filters view these
    for (sal_Int32 i = 0; i < n; i += 2) {
        Column& c = t.filter_columns.emplace_back(column(filter_args[i]));
        if (c.empty()) throw InvalidArgument{};
        const Extent e = extent_of(c);
        tables.take("Log", std::span(&e, 1));
    }

    const auto starts = read_references(arguments, source, distinct, tables, as_shown, t);
    for (std::size_t k = 0; k < arguments.size(); ++k)
        if (!arguments[k].reference)
            given[source[k]].truncate(tables.used(arguments[k].table).at(0)); // only empty cells
    for (auto& c : t.filter_columns)
        c.truncate(tables.used("Log").at(0));
    for (std::size_t k = 0; k < arguments.size(); ++k) {
        const std::size_t a = arguments[k].argument;
        if (a >= t.of_argument.size()) t.of_argument.resize(a + 1, SIZE_MAX);
        t.of_argument[a] = arguments[k].reference ? source[k] : distinct.size() + source[k];
    }
    for (auto& c : given)
        t.columns.push_back(std::move(c));
    drop_later_titles(arguments, starts, origin, t);
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
