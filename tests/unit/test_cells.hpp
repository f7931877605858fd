// Helpers to write columns of cells in tests: col({"a", 2.0, {}}) is text, number, empty.
#pragma once

#include "cells.hpp"
#include "dates.hpp"

#include <variant>

namespace ca::test {

struct In {
    Cell cell;
    In() = default;
    In(double v) : cell(Cell::of(v)) {}
    In(int v) : cell(Cell::of(static_cast<double>(v))) {}
    In(const char* s) : cell(Cell::of(std::string(s))) {}
};

inline Column col(std::initializer_list<In> cells) {
    Column out;
    for (const In& c : cells)
        out.push_back(c.cell);
    return out;
}

// "C42": GCC 12 warns falsely (-Wrestrict) on "C" + std::to_string(42) in optimised builds.
inline std::string id(std::string_view prefix, long n) {
    std::string s(prefix);
    s += std::to_string(n);
    return s;
}

inline Cell cell(In c) {
    return c.cell;
}

// A date serial under Calc's default NullDate 1899-12-30.
inline double serial(int y, unsigned m, unsigned d) {
    return DateOrigin{}.serial(
        day_of(std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}));
}

} // namespace ca::test
