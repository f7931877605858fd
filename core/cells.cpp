// Cells and keys: columns, trimming, key text (NFKC and case folding by utf8proc), the flat
// string tables that intern keys, distinct (group, key) pair counts and filters.
#include "cells.hpp"

#include <algorithm>
#include <bit>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>
#include <utf8proc.h>

namespace ca {
namespace {

// Length in bytes of a blank at the start of `s`, 0 if none.
std::size_t blank_prefix(std::string_view s) {
    if (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')) return 1;
    if (s.starts_with("\xC2\xA0")) return 2;     // U+00A0 no-break space
    if (s.starts_with("\xE3\x80\x80")) return 3; // U+3000 ideographic space
    return 0;
}

std::size_t blank_suffix(std::string_view s) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        return 1;
    if (s.ends_with("\xC2\xA0")) return 2;
    if (s.ends_with("\xE3\x80\x80")) return 3;
    return 0;
}

std::string_view trim(std::string_view s) {
    while (std::size_t n = blank_prefix(s))
        s.remove_prefix(n);
    while (std::size_t n = blank_suffix(s))
        s.remove_suffix(n);
    return s;
}

} // namespace

Cell copy_of(CellView c) {
    if (c.kind == Cell::Kind::number) return Cell::of(c.number);
    if (c.kind == Cell::Kind::text) return Cell::of(std::string(c.text));
    return {};
}

void Column::push_back(CellView cell) {
    switch (cell.kind) {
    case Cell::Kind::number:
        return push_number(cell.number);
    case Cell::Kind::text:
        if (!cell.text.empty()) return push_text(text_id(cell.text));
        [[fallthrough]];
    case Cell::Kind::empty:
        return push_empty();
    }
}

void Column::append(const Column& other) {
    constexpr std::uint32_t unmapped = UINT32_MAX;
    std::vector<std::uint32_t> ids(other.text_count(), unmapped); // other's text id -> ours
    bits_.reserve(bits_.size() + other.size());
    for (std::uint64_t b : other.bits_) {
        if ((b & tag_mask) == text_bits) {
            const auto id = static_cast<std::uint32_t>(b & 0xFFFF'FFFFu);
            if (ids[id] == unmapped) ids[id] = texts_.insert(other.texts_[id]);
            b = text_bits | ids[id];
        }
        bits_.push_back(b);
    }
}

void Column::push_number(double value) {
    bits_.push_back(std::bit_cast<std::uint64_t>(
        std::isnan(value) ? std::numeric_limits<double>::quiet_NaN() : value));
}

void Column::set_number(std::size_t i, double value) {
    if (i < bits_.size() && (*this)[i].kind == Cell::Kind::number)
        bits_[i] = std::bit_cast<std::uint64_t>(
            std::isnan(value) ? std::numeric_limits<double>::quiet_NaN() : value);
}

std::size_t StringIds::slot_of(std::string_view s, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t tag = hash & 0xFFFF'FFFF'0000'0000u;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const std::uint64_t slot = slots_[i];
        if (slot == 0) return i;
        if ((slot & 0xFFFF'FFFF'0000'0000u) == tag &&
            (*this)[static_cast<std::uint32_t>(slot) - 1] == s)
            return i;
    }
}

namespace {
std::uint64_t tagged(std::uint32_t id, std::uint64_t hash) {
    return (hash & 0xFFFF'FFFF'0000'0000u) | (std::uint64_t{id} + 1);
}
} // namespace

void StringIds::rehash(std::size_t slots) const {
    slots_.assign(slots, 0);
    for (std::uint32_t id = 0; id < hashes_.size(); ++id)
        slots_[slot_of((*this)[id], hashes_[id])] = tagged(id, hashes_[id]);
}

void StringIds::index() const {
    if (2 * (size() + 1) > slots_.size()) { // at most half full: short probes
        hashes_.reserve(std::max(size(), reserved_));
        rehash(std::bit_ceil(std::max<std::size_t>(64, 2 * (std::max(size(), reserved_) + 1))));
    }
    for (auto id = static_cast<std::uint32_t>(hashes_.size()); id < size(); ++id) {
        hashes_.push_back(std::hash<std::string_view>{}((*this)[id]));
        slots_[slot_of((*this)[id], hashes_[id])] = tagged(id, hashes_[id]);
    }
}

void StringIds::reserve(std::size_t count, std::size_t bytes) {
    reserved_ = std::max(reserved_, count);
    if (!slots_.empty() && 2 * (count + 1) > slots_.size()) rehash(std::bit_ceil(2 * (count + 1)));
    starts_.reserve(count + 1);
    chars_.reserve(bytes);
}

std::optional<std::uint32_t> StringIds::find(std::string_view s) const {
    index();
    const std::uint64_t slot = slots_[slot_of(s, std::hash<std::string_view>{}(s))];
    if (slot == 0) return std::nullopt;
    return static_cast<std::uint32_t>(slot) - 1;
}

std::uint32_t StringIds::insert(std::string_view s) {
    index();
    const std::uint64_t hash = std::hash<std::string_view>{}(s);
    const std::size_t slot = slot_of(s, hash);
    if (slots_[slot] != 0) return static_cast<std::uint32_t>(slots_[slot]) - 1;
    const std::uint32_t id = push_back(s);
    hashes_.push_back(hash);
    slots_[slot] = tagged(id, hash);
    return id;
}

std::uint32_t StringIds::push_back(std::string_view s) {
    if (size() >= UINT32_MAX - 1) throw std::length_error("too many distinct texts");
    chars_.append(s);
    starts_.push_back(chars_.size());
    return static_cast<std::uint32_t>(size() - 1);
}

std::size_t StringIds::memory() const {
    return chars_.capacity() + starts_.capacity() * sizeof(std::size_t) +
           (hashes_.capacity() + slots_.capacity()) * sizeof(std::uint64_t);
}

std::size_t Column::memory() const {
    return bits_.capacity() * sizeof(std::uint64_t) + texts_.memory();
}

CellView Column::operator[](std::size_t i) const {
    const std::uint64_t b = bits_[i];
    if (b == empty_bits) return {};
    if ((b & tag_mask) == text_bits)
        return {Cell::Kind::text, 0, texts_[static_cast<std::uint32_t>(b & 0xFFFF'FFFFu)]};
    return {Cell::Kind::number, std::bit_cast<double>(b), {}};
}

void key_text(CellView cell, std::string& out) {
    out.clear();
    if (cell.kind == Cell::Kind::number) {
        char buf[32];
        // Shortest text that reads back as the same double: 1001 -> "1001", 0.1 -> "0.1".
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, cell.number);
        if (ec == std::errc()) out.assign(buf, end);
        return;
    }
    if (cell.kind != Cell::Kind::text) return;
    std::string_view t = trim(cell.text);
    if (std::all_of(t.begin(), t.end(), [](char c) { return (c & 0x80) == 0; })) {
        out.assign(t);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return;
    }
    // Unicode text: NFKC and case folding (ＡＢＣ商事 = abc商事, ｶﾌﾞｼｷ = カブシキ), default
    // ignorables dropped, as ICU's NFKC_Casefold; then the blanks NFKC made plain spaces
    // trimmed again. Invalid UTF-8 is kept as it is. What utf8proc_map does, in a buffer
    // kept by the thread: a column of 400,000 Japanese ids would otherwise cost as many
    // allocations.
    constexpr auto options = static_cast<utf8proc_option_t>(
        UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
    thread_local std::vector<utf8proc_int32_t> code_points(64);
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(t.data());
    const auto size = static_cast<utf8proc_ssize_t>(t.size());
    auto decomposed = [&] {
        return utf8proc_decompose(bytes, size, code_points.data(),
                                  static_cast<utf8proc_ssize_t>(code_points.size()), options);
    };
    utf8proc_ssize_t length = decomposed();
    if (length > static_cast<utf8proc_ssize_t>(code_points.size())) {
        code_points.resize(static_cast<std::size_t>(length));
        length = decomposed();
    }
    if (length >= 0) length = utf8proc_reencode(code_points.data(), length, options);
    if (length < 0) {
        out.assign(t);
        return;
    }
    out.assign(trim(std::string_view(reinterpret_cast<const char*>(code_points.data()),
                                     static_cast<std::size_t>(length))));
}

std::string key_text(CellView cell) {
    std::string out;
    key_text(cell, out);
    return out;
}

std::string normalize_key(std::string_view text) {
    return key_text(CellView(text.empty() ? Cell::Kind::empty : Cell::Kind::text, 0, text));
}

std::uint32_t KeyInterner::intern(CellView cell) {
    key_text(cell, scratch_);
    if (scratch_.empty()) return 0;
    return ids_.insert(scratch_) + 1;
}

std::uint32_t KeyInterner::find(CellView cell) const {
    key_text(cell, scratch_);
    if (scratch_.empty()) return 0;
    const auto id = ids_.find(scratch_);
    return id ? *id + 1 : 0;
}

KeyIds::KeyIds(ColumnView column, ColumnView list)
    : column_(column), list_(list), has_list_(!list.empty()), memo_(column, UINT32_MAX) {
    // Room for every distinct text (folded, a key is seldom longer): the index is never
    // rebuilt nor the texts copied while keys are added.
    const ColumnView& source = has_list_ ? list : column;
    keys_.reserve(source.text_count(), source.text_bytes());
    // Each distinct text of the list keyed once: a deal list repeats its customers.
    std::vector<bool> seen(list.text_count());
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (const auto text = list.text_id_at(i)) {
            if (seen[*text]) continue;
            seen[*text] = true;
        }
        if (keys_.intern(list[i]) > first_row_.size()) first_row_.push_back(i);
    }
}

std::uint32_t KeyIds::add(std::size_t row, CellView c) {
    const std::uint32_t id = keys_.intern(c);
    if (id > first_row_.size()) first_row_.push_back(row);
    return id;
}

DistinctPairs::DistinctPairs(std::size_t a_count, std::size_t b_count, std::size_t rows)
    : a_count_(a_count), b_count_(b_count), counts_(a_count, 0) {
    if (b_count != 0 && a_count <= (64 * rows + (1u << 20)) / b_count)
        seen_.resize(a_count * b_count);
}

void DistinctPairs::add_pair(std::size_t a, std::uint32_t b) {
    pairs_.emplace_back(a, b);
}

std::vector<double> DistinctPairs::counts() {
    std::sort(pairs_.begin(), pairs_.end());
    for (std::size_t i = 0; i < pairs_.size(); ++i)
        if (i == 0 || pairs_[i] != pairs_[i - 1]) {
            if (pairs_[i].first >= counts_.size()) counts_.resize(pairs_[i].first + 1, 0);
            counts_[pairs_[i].first] += 1;
        }
    if (counts_.size() < a_count_) counts_.resize(a_count_, 0);
    return std::move(counts_);
}

Result<std::vector<bool>> filter_mask(std::size_t rows, std::span<const Filter> filters) {
    std::vector<bool> keep(rows, true);
    std::string cell_key;
    for (const Filter& f : filters) {
        if (f.column.size() != rows) return invalid();
        const std::string wanted = key_text(f.value);
        auto matches = [&](CellView c) {
            key_text(c, cell_key);
            return cell_key == wanted;
        };
        const TextMemo<std::int8_t> memo(f.column, -1);
        for (std::size_t i = 0; i < rows; ++i)
            if (keep[i]) keep[i] = memo.get(i, matches);
    }
    return keep;
}

bool same_length(std::size_t rows, std::initializer_list<ColumnView> columns) {
    for (ColumnView c : columns)
        if (!c.empty() && c.size() != rows) return false;
    return true;
}

void Column::drop(std::span<const std::size_t> rows) {
    std::size_t kept = 0, next = 0;
    for (std::size_t i = 0; i < bits_.size(); ++i) {
        if (next < rows.size() && rows[next] == i) {
            ++next;
            continue;
        }
        bits_[kept++] = bits_[i];
    }
    bits_.resize(kept);
}

Result<long> read_whole(CellView cell, long lo, long hi, long fallback) {
    if (cell.is_empty()) return fallback;
    if (cell.kind != Cell::Kind::number || !std::isfinite(cell.number)) return invalid();
    if (cell.number != std::floor(cell.number) || cell.number < static_cast<double>(lo) ||
        cell.number > static_cast<double>(hi))
        return invalid();
    return static_cast<long>(cell.number);
}

} // namespace ca
