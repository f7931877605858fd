// The function table, generated from idl/functions.toml (catalog_table.inc), and its
// lookups.
#include "catalog.hpp"

#include <algorithm>

namespace ca::catalog {

#include "catalog_table.inc"

std::span<const Function> functions() {
    static const std::vector<Function> table = declared_functions();
    return table;
}

const Function* by_method(std::string_view method) {
    for (const Function& f : functions())
        if (f.method == method) return &f;
    return nullptr;
}

const Function* by_display(std::string_view display) {
    auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
    for (const Function& f : functions())
        if (std::equal(f.display.begin(), f.display.end(), display.begin(), display.end(),
                       [&](char a, char b) { return a == upper(b); }))
            return &f;
    return nullptr;
}

} // namespace ca::catalog
