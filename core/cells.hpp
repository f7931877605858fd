// Spreadsheet cells as plain C++ values, and the rules every function shares for reading
// them: empty cells, keys, the (range; value) filters and equal range lengths.
#pragma once

#include "result.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
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

using Cells = std::span<const Cell>;

// The text a key compares by: blanks trimmed (ASCII, no-break and ideographic spaces),
// ASCII letters lower-cased, a number as its shortest decimal text. Empty for an empty or
// blank cell.
std::string key_text(const Cell& cell);
void key_text(const Cell& cell, std::string& out);
std::string normalize_key(std::string_view text);

// Numbers distinct keys 1, 2, ... in order of first appearance; 0 is the empty key.
class KeyInterner {
  public:
    std::uint32_t intern(const Cell& cell);
    // 0 when the key is empty or was never interned.
    std::uint32_t find(const Cell& cell) const;
    std::size_t size() const { return ids_.size(); }

  private:
    mutable std::string scratch_;
    std::unordered_map<std::string, std::uint32_t> ids_;
};

// A trailing (range; value) pair: keeps the rows whose cell equals the value as a key.
struct Filter {
    Cells column;
    Cell value;
};

// Which rows pass every filter. Err:502 when a filter column's length differs from rows.
Result<std::vector<bool>> filter_mask(std::size_t rows, std::span<const Filter> filters);

// Err:502 unless every non-empty span in `columns` has `rows` elements.
bool same_length(std::size_t rows, std::initializer_list<Cells> columns);

// A whole number in [lo, hi] from a cell; `fallback` when the cell is empty.
Result<long> read_whole(const Cell& cell, long lo, long hi, long fallback);

// A code argument (period, method, language...): its key text, empty when not given. A
// blank cell passed as a single argument reaches an add-in as 0, so 0 means not given.
inline std::string read_code(const Cell& cell) {
    if (cell.kind == Cell::Kind::number && cell.number == 0) return {};
    return key_text(cell);
}

} // namespace ca
