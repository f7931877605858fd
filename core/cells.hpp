// Spreadsheet cells as plain C++ values, and the rules every function shares for reading
// them: empty cells, keys, the (range; value) filters and equal range lengths.
#pragma once

#include "result.hpp"

#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ca {

// One cell as Calc hands it over. Text is UTF-8; an empty string is an empty cell.
struct Cell {
    enum class Kind : std::uint8_t { empty, number, text };
    Kind kind = Kind::empty;
    double number = 0;
    std::string text;

    static Cell of(double value) { return {Kind::number, value, {}}; }
    static Cell of(std::string value) {
        if (value.empty()) return {};
        return {Kind::text, 0, std::move(value)};
    }
    bool is_empty() const { return kind == Kind::empty; }
};

// A cell read in place: a single argument (from a Cell) or a cell of a Column. Valid as
// long as what it views.
// A table of cells as the add-in hands it to Calc; an empty cell stays empty.
using Grid = std::vector<std::vector<Cell>>;

struct CellView {
    Cell::Kind kind = Cell::Kind::empty;
    double number = 0;
    std::string_view text;

    CellView() = default;
    CellView(Cell::Kind k, double n, std::string_view t) : kind(k), number(n), text(t) {}
    CellView(const Cell& c) : kind(c.kind), number(c.number), text(c.text) {} // NOLINT: implicit
    bool is_empty() const { return kind == Cell::Kind::empty; }
};

// A cell of its own, from a view.
Cell copy_of(CellView cell);

// Distinct strings numbered 0, 1, ... in order of first appearance, in one flat table (open
// addressing, the strings end to end): a column of 400,000 distinct ids costs no node and
// no allocation per id.
class StringIds {
  public:
    // The id of `s`, added when new.
    std::uint32_t insert(std::string_view s);
    // Adds `s` without looking for it, for strings known to be new (no probe); it is indexed
    // only if the table is ever searched.
    std::uint32_t push_back(std::string_view s);
    std::optional<std::uint32_t> find(std::string_view s) const;
    // Room for `count` strings of `bytes` in all: no copy of them while they are added, and
    // an index (when one is needed) that is never rebuilt.
    void reserve(std::size_t count, std::size_t bytes);
    std::size_t bytes() const { return chars_.size(); }
    std::string_view operator[](std::uint32_t id) const {
        return std::string_view(chars_).substr(starts_[id], starts_[id + 1] - starts_[id]);
    }
    std::size_t size() const { return starts_.size() - 1; }
    std::size_t memory() const;

  private:
    std::size_t slot_of(std::string_view s, std::uint64_t hash) const;
    void index() const; // the strings added by push_back since, and room for one more
    void rehash(std::size_t slots) const; // the index in `slots` slots
    std::string chars_;
    std::vector<std::size_t> starts_{0}; // string i is chars_[starts_[i], starts_[i + 1])
    // The index, built as it is needed: the hash of each string indexed so far, and the
    // slots, id + 1 in the low half (0: a free slot) and the hash's high half above it, so
    // that most mismatches are told without reading the string; a power of two long.
    mutable std::vector<std::uint64_t> hashes_;
    mutable std::vector<std::uint64_t> slots_;
    std::size_t reserved_ = 0; // strings the index has room for from its first build
};

// A column of cells in 8 bytes a cell, so that a million rows cost 8 MB rather than the
// 48 MB of a vector of Cell: a number is stored as itself, an empty cell and a text as NaN
// payloads, a text by the index of its first appearance among the column's distinct texts.
class Column {
  public:
    Column() = default;
    Column(const Column&) = delete; // large: moved, never copied by accident
    Column& operator=(const Column&) = delete;
    Column(Column&&) = default;
    Column& operator=(Column&&) = default;
    Column(std::initializer_list<Cell> cells) {
        for (const Cell& c : cells)
            push_back(c);
    }
    void push_back(CellView cell);
    void push_empty() { bits_.push_back(empty_bits); }
    void push_number(double value);
    // Cell i, a number, becomes `value` (precision as shown).
    void set_number(std::size_t i, double value);
    // The id of a distinct text ("" is not a text); push it with push_text.
    std::uint32_t text_id(std::string_view text) { return texts_.insert(text); }
    // The id of a text the caller knows this column does not hold yet (a text Calc handed
    // over as a string of its own): no search.
    std::uint32_t new_text(std::string_view text) { return texts_.push_back(text); }
    void push_text(std::uint32_t id) { bits_.push_back(text_bits | id); }
    void reserve(std::size_t n) { bits_.reserve(n); }
    // Room for `count` distinct texts of `bytes` in all.
    void reserve_texts(std::size_t count, std::size_t bytes) { texts_.reserve(count, bytes); }
    void truncate(std::size_t n) {
        if (n < bits_.size()) bits_.resize(n);
    }
    // The cells of `other` after these, its texts numbered among this column's.
    void append(const Column& other);
    // Without the cells at `rows` (increasing); the others keep their order.
    void drop(std::span<const std::size_t> rows);

    std::size_t size() const { return bits_.size(); }
    bool empty() const { return bits_.empty(); }
    std::size_t memory() const; // bytes held, about
    CellView operator[](std::size_t i) const;
    // How many distinct texts, and which one cell i holds (none unless it is a text).
    std::size_t text_count() const { return texts_.size(); }
    std::size_t text_bytes() const { return texts_.bytes(); }
    std::optional<std::uint32_t> text_id_at(std::size_t i) const {
        if ((bits_[i] & tag_mask) != text_bits) return std::nullopt;
        return static_cast<std::uint32_t>(bits_[i] & 0xFFFF'FFFFu);
    }

  private:
    // Numbers are stored with every NaN made the canonical one, so these patterns are free.
    static constexpr std::uint64_t tag_mask = 0xFFFF'0000'0000'0000u;
    static constexpr std::uint64_t empty_bits = 0x7FF9'0000'0000'0000u;
    static constexpr std::uint64_t text_bits = 0x7FFA'0000'0000'0000u;
    std::vector<std::uint64_t> bits_;
    StringIds texts_;
};

// A read-only view of a column from its `first` cell on; empty when no column is given.
class ColumnView {
  public:
    ColumnView() = default;
    ColumnView(const Column& column) : column_(&column) {} // NOLINT: implicit, like std::span
    std::size_t size() const { return column_ ? column_->size() - first_ : 0; }
    bool empty() const { return size() == 0; }
    CellView operator[](std::size_t i) const { return (*column_)[first_ + i]; }
    // Whether both view the same cells (an argument given twice, Customers as Groups).
    bool same_cells(const ColumnView& other) const {
        return column_ == other.column_ && first_ == other.first_;
    }
    // The same cells without the first (a header row); empty stays empty.
    ColumnView without_first() const {
        ColumnView rest = *this;
        if (!empty()) ++rest.first_;
        return rest;
    }
    // Distinct texts of the whole column, and which one cell i holds (none: not a text).
    std::size_t text_count() const { return column_ ? column_->text_count() : 0; }
    std::size_t text_bytes() const { return column_ ? column_->text_bytes() : 0; }
    std::optional<std::uint32_t> text_id_at(std::size_t i) const {
        return column_->text_id_at(first_ + i);
    }

    class iterator {
      public:
        using value_type = CellView;
        using difference_type = std::ptrdiff_t;
        iterator(const ColumnView* c, std::size_t i) : c_(c), i_(i) {}
        CellView operator*() const { return (*c_)[i_]; }
        iterator& operator++() {
            ++i_;
            return *this;
        }
        bool operator==(const iterator& o) const { return i_ == o.i_; }

      private:
        const ColumnView* c_;
        std::size_t i_;
    };
    iterator begin() const { return {this, 0}; }
    iterator end() const { return {this, size()}; }

  private:
    const Column* column_ = nullptr;
    std::size_t first_ = 0;
};

// The text a key compares by: blanks trimmed (ASCII, no-break and ideographic spaces),
// ASCII letters lower-cased, a number as its shortest decimal text. Empty for an empty or
// blank cell.
std::string key_text(CellView cell);
void key_text(CellView cell, std::string& out);
std::string normalize_key(std::string_view text);

// Numbers distinct keys 1, 2, ... in order of first appearance; 0 is the empty key.
class KeyInterner {
  public:
    std::uint32_t intern(CellView cell);
    // 0 when the key is empty or was never interned.
    std::uint32_t find(CellView cell) const;
    std::size_t size() const { return ids_.size(); }
    void reserve(std::size_t count, std::size_t bytes) { ids_.reserve(count, bytes); }
    // The key text of id i + 1 at i.
    const StringIds& texts() const { return ids_; }
    StringIds take_texts() { return std::exchange(ids_, {}); }

  private:
    mutable std::string scratch_;
    StringIds ids_;
};

// What a function of a cell gives for each row of a column, computed once per distinct
// text: a column of a million rows usually holds a few thousand texts.
template <class T> class TextMemo {
  public:
    TextMemo(ColumnView column, T unknown)
        : column_(column), unknown_(unknown), memo_(column.text_count(), unknown) {}
    template <class F> T get(std::size_t row, F&& f) const {
        const auto id = column_.text_id_at(row);
        if (!id) return static_cast<T>(f(column_[row]));
        T& known = memo_[*id];
        if (known == unknown_) known = static_cast<T>(f(column_[row]));
        return known;
    }

  private:
    ColumnView column_;
    T unknown_;
    mutable std::vector<T> memo_;
};

// Ids 1, 2, ... of the distinct keys of a column in order of first appearance, each
// distinct text keyed once; 0 for an empty key or, when a list is given, for a key not in
// it (the listed keys then take the ids, in the list's order).
class KeyIds {
  public:
    explicit KeyIds(ColumnView column, ColumnView list = {});
    std::uint32_t operator()(std::size_t row) {
        return memo_.get(row, [&](CellView c) { return has_list_ ? keys_.find(c) : add(row, c); });
    }
    bool has_list() const { return has_list_; }
    std::size_t count() const { return first_row_.size(); } // ids handed out (or listed)
    // The key of an id (1..count()) as first written.
    CellView key(std::uint32_t id) const {
        return (has_list_ ? list_ : column_)[first_row_[id - 1]];
    }
    // The key text of id i + 1 at i.
    const StringIds& key_texts() const { return keys_.texts(); }
    // Moves them out (for a group table); ids and keys stay, nothing more can be keyed.
    StringIds take_key_texts() { return keys_.take_texts(); }

  private:
    std::uint32_t add(std::size_t row, CellView c);
    ColumnView column_, list_;
    bool has_list_;
    KeyInterner keys_;
    std::vector<std::size_t> first_row_; // where each key was first written (the list's rows
                                         // when there is a list), by id
    TextMemo<std::uint32_t> memo_;
};

// Counts the distinct (a, b) pairs for each a (customers per group, per period): a bitmap
// while a × b stays small beside the rows, else the pairs, sorted once.
class DistinctPairs {
  public:
    // a < a_count, b < b_count; `rows` bounds the pairs added. b_count unknown: pass 0.
    DistinctPairs(std::size_t a_count, std::size_t b_count, std::size_t rows);
    void add(std::size_t a, std::uint32_t b) { // small, to be inlined: called for every row
        if (seen_.empty()) return add_pair(a, b);
        const std::size_t bit = a * b_count_ + b;
        if (!seen_[bit]) seen_[bit] = true, counts_[a] += 1;
    }
    // Distinct pairs per a, for a < a_count.
    std::vector<double> counts();

  private:
    std::size_t a_count_, b_count_;
    std::vector<bool> seen_;
    std::vector<double> counts_;
    std::vector<std::pair<std::size_t, std::uint32_t>> pairs_;
    void add_pair(std::size_t a, std::uint32_t b);
};

// A trailing (range; value) pair: keeps the rows whose cell equals the value as a key.
struct Filter {
    ColumnView column;
    Cell value;
};

// Which rows pass every filter. Err:502 when a filter column's length differs from rows.
Result<std::vector<bool>> filter_mask(std::size_t rows, std::span<const Filter> filters);

// Err:502 unless every non-empty column in `columns` has `rows` elements.
bool same_length(std::size_t rows, std::initializer_list<ColumnView> columns);

// A whole number in [lo, hi] from a cell; `fallback` when the cell is empty.
Result<long> read_whole(CellView cell, long lo, long hi, long fallback);

// A code argument (period, method, language...): its key text, empty when not given. A
// blank cell passed as a single argument reaches an add-in as 0, so 0 means not given.
inline std::string read_code(CellView cell) {
    if (cell.kind == Cell::Kind::number && cell.number == 0) return {};
    return key_text(cell);
}

} // namespace ca
