// What the BY functions share, whatever they count: the table of groups, its lookup, and
// lay_out() shaping it for the three forms of Keys. Each domain computes its own figures.
#include "groups.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ca {
Cell Figure::cell() const {
    if (const auto t = text()) return Cell::of(std::string(*t));
    return number() ? Cell::of(*number()) : Cell{};
}

std::vector<std::size_t> calc_order(ColumnView keys, const StringIds& texts) {
    const auto text = [&](std::size_t g) { return texts[static_cast<std::uint32_t>(g)]; };
    std::vector<std::size_t> order(keys.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const bool an = keys[a].kind == Cell::Kind::number, bn = keys[b].kind == Cell::Kind::number;
        if (an != bn) return an;
        if (an) return keys[a].number < keys[b].number;
        return text(a) < text(b);
    });
    return order;
}

bool has_groups(const Log& log) {
    return log.rows() != 0 && log.groups.size() == log.rows();
}

Column group_keys(const KeyIds& groups) {
    Column keys;
    keys.reserve(groups.count());
    for (std::uint32_t id = 1; id <= groups.count(); ++id) {
        const CellView k = groups.key(id);
        if (k.kind == Cell::Kind::text)
            keys.push_text(keys.new_text(k.text)); // distinct keys: no text seen twice
        else
            keys.push_back(k);
    }
    return keys;
}

GroupTable group_table(KeyIds& groups, std::size_t figures, Values missing) {
    GroupTable t;
    t.keys = group_keys(groups);
    t.key_texts = groups.take_key_texts(); // the groups' ids are their keys' ids
    t.width = figures;
    t.figures.assign(t.keys.size() * figures, Figure());
    t.missing = std::move(missing);
    return t;
}

std::optional<std::size_t> GroupTable::find(CellView key) const {
    return key_texts.find(key_text(key));
}

Grid lay_out(const GroupTable& t, const Keys& keys, DateOrigin origin) {
    auto value = [&](std::optional<std::size_t> g, std::size_t k) {
        if (g) return t.row(*g)[k].cell();
        return t.missing[t.matrix ? 0 : k].cell();
    };
    const std::size_t figures = t.matrix ? t.starts.size() : t.missing.size();
    if (keys.form == Keys::Form::all && t.whole) return {{t.whole->cell()}};
    Grid grid;
    if (keys.form == Keys::Form::all) {
        const std::vector<std::size_t> order = calc_order(t.keys, t.key_texts);
        if (!t.matrix) {
            for (std::size_t g : order) {
                grid.push_back({copy_of(t.keys[g])});
                for (std::size_t k = 0; k < figures; ++k)
                    grid.back().push_back(value(g, k));
            }
            return grid;
        }
        grid.push_back({Cell{}});
        for (std::size_t g : order)
            grid.back().push_back(copy_of(t.keys[g]));
        for (std::size_t p = 0; p < figures; ++p) {
            grid.push_back({Cell::of(origin.serial(t.starts[p]))});
            for (std::size_t g : order)
                grid.back().push_back(value(g, p));
        }
        return grid;
    }

    std::vector<std::optional<std::size_t>> wanted;
    for (CellView k : ColumnView(keys.asked))
        wanted.push_back(t.find(k));
    if (keys.form == Keys::Form::single && !t.matrix) return {{value(wanted[0], 0)}};
    // A matrix, or a row of keys: one column per key.
    if (t.matrix || keys.across) {
        for (std::size_t k = 0; k < figures; ++k) {
            grid.emplace_back();
            for (const auto& g : wanted)
                grid.back().push_back(value(g, k));
        }
        return grid;
    }
    for (const auto& g : wanted) {
        grid.emplace_back();
        for (std::size_t k = 0; k < figures; ++k)
            grid.back().push_back(value(g, k));
    }
    return grid;
}

} // namespace ca
