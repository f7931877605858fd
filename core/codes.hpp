// Codes users type (languages, growth methods, statistics, fan goals) and answers the
// add-in gives (fan levels, diagnoses) as enums, each with one table of its English and
// Japanese text: the maths switch on values, never compare strings.
#pragma once

#include "cells.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <type_traits>

namespace ca {

template <class E> struct Code {
    E value;
    std::string_view en, ja; // ja empty: only the English code
};

// The value whose English or Japanese text equals the cell's key text; `fallback` for an
// empty cell (none: Err:502); anything else Err:502.
template <class E, std::size_t N>
Result<E> parse_code(const Cell& cell, const std::array<Code<E>, N>& table,
                     std::type_identity_t<std::optional<E>> fallback) {
    const std::string k = read_code(cell);
    if (k.empty() && fallback) return *fallback;
    for (const Code<E>& c : table)
        if (!k.empty() && (k == c.en || k == c.ja)) return c.value;
    return invalid();
}

enum class Language { en, ja };
inline constexpr std::array<Code<Language>, 2> languages{{
    {Language::en, "en", ""},
    {Language::ja, "ja", ""},
}};
// en (default when empty), ja; anything else Err:502.
inline Result<Language> parse_language(const Cell& code) {
    return parse_code(code, languages, Language::en);
}

// The word of an answer in a language, as the table holds it (a string literal); empty for
// a value without one.
template <class E, std::size_t N>
std::string_view word_of(E value, const std::array<Code<E>, N>& table, Language language) {
    for (const Code<E>& c : table)
        if (c.value == value) return language == Language::ja ? c.ja : c.en;
    return {};
}
template <class E, std::size_t N>
std::string text_of(E value, const std::array<Code<E>, N>& table, Language language) {
    return std::string(word_of(value, table, language));
}

} // namespace ca
