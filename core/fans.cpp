// The fan degree (ファン度): FANSCORE, FANLEVEL and FANGAP.
#include "fans.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace ca {
namespace {

// A part's score, nullopt for an empty input.
using Part = Result<std::optional<double>>;

Part number_part(CellView c, double lo, double hi, bool whole, double (*score)(double)) {
    if (c.is_empty() || (c.kind == Cell::Kind::text && key_text(c).empty())) return std::nullopt;
    if (c.kind != Cell::Kind::number || !std::isfinite(c.number)) return invalid();
    if (c.number < lo || c.number > hi || (whole && c.number != std::floor(c.number)))
        return invalid();
    return score(c.number);
}

Result<double> read_score(CellView c) {
    if (c.is_empty()) return not_available();
    if (c.kind != Cell::Kind::number || !std::isfinite(c.number) || c.number < 0 || c.number > 100)
        return invalid();
    return c.number;
}

} // namespace

Result<double> fan_score(const Cell& competitor_rating, const Cell& unresolved_troubles,
                         const Cell& sales_growth, const Cell& open_issues, ColumnView weights) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    const std::array<Part, 4> parts{
        number_part(competitor_rating, 1, 5, false, [](double r) { return (r - 1) / 4 * 100; }),
        number_part(unresolved_troubles, 0, inf, true,
                    [](double n) { return std::max(0.0, 100 - 30 * n); }),
        number_part(sales_growth, -inf, inf, false,
                    [](double g) { return std::clamp(50 + 250 * g, 0.0, 100.0); }),
        number_part(open_issues, 0, inf, true,
                    [](double n) { return std::max(0.0, 100 - 25 * n); }),
    };
    std::array<double, 4> weight{1, 1, 1, 1};
    if (!weights.empty()) {
        if (weights.size() != 4) return invalid();
        double total = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            const CellView w = weights[i];
            if (w.kind != Cell::Kind::number || !std::isfinite(w.number) || w.number < 0)
                return invalid();
            total += weight[i] = w.number;
        }
        if (!(total > 0)) return invalid();
    }
    double sum = 0, used = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        if (!parts[i]) return fail(parts[i].error());
        if (!*parts[i]) continue;
        sum += weight[i] * **parts[i];
        used += weight[i];
    }
    if (!(used > 0)) return not_available();
    return sum / used;
}

Result<std::string> fan_level(const Cell& score_cell, const Cell& language) {
    CA_TRY(lang, parse_language(language));
    CA_TRY(score, read_score(score_cell));
    const FanLevel level = *score >= 80   ? FanLevel::fan
                           : *score >= 60 ? FanLevel::supporter
                           : *score >= 40 ? FanLevel::neutral
                                          : FanLevel::at_risk;
    return text_of(level, fan_levels, *lang);
}

Result<double> fan_gap(const Cell& score_cell, const Cell& goal_cell) {
    CA_TRY(score, read_score(score_cell));
    CA_TRY(goal, parse_code(goal_cell, goals, std::nullopt));
    return target(*goal) - *score;
}

} // namespace ca
