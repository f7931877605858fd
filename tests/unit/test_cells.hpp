// Helpers to write columns of cells in tests: col({"a", 2.0, {}}) is text, number, empty.
#pragma once

#include "cells.hpp"
#include "dates.hpp"

#include <variant>

namespace ca::test {

// A cell as a test writes it: a number, a text, or {} for an empty cell.
struct CellValue {
    Cell cell;
    CellValue() = default;
    CellValue(double v) : cell(Cell::of(v)) {}
    CellValue(int v) : cell(Cell::of(static_cast<double>(v))) {}
    CellValue(const char* s) : cell(Cell::of(std::string(s))) {}
};

inline Column col(std::initializer_list<CellValue> cells) {
    Column out;
    for (const CellValue& c : cells)
        out.push_back(c.cell);
    return out;
}

// "C42": GCC 12 warns falsely (-Wrestrict) on "C" + std::to_string(42) in optimised builds.
inline std::string id(std::string_view prefix, long n) {
    std::string s(prefix);
    s += std::to_string(n);
    return s;
}

inline Cell cell(CellValue c) {
    return c.cell;
}

// A date serial under Calc's default NullDate 1899-12-30.
inline double serial(int y, unsigned m, unsigned d) {
    return DateOrigin{}.serial(
        day_of(std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}));
}

} // namespace ca::test
