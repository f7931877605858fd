// Touches against the win rate: TOUCHWINDIAG; the touch-to-win curve, each decided deal's
// touches against its outcome in buckets, with how sure each win rate is (Wilson), its
// monotone shape and a logistic fit; TOUCHWINBY and TOUCHTARGET on the same deals.
#include "touch_win.hpp"

#include "win_rate.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace ca {
namespace {

// The values of an ordered map, in the order of their keys.
template <class Key, class Value> std::vector<Value> values_of(const std::map<Key, Value>& map) {
    std::vector<Value> values;
    values.reserve(map.size());
    for (const auto& [key, value] : map)
        values.push_back(value);
    return values;
}

} // namespace

Interval wilson(double won, double decided, double z) {
    const double p = won / decided, z2 = z * z / decided;
    const double centre = (p + z2 / 2) / (1 + z2);
    const double half = z / (1 + z2) * std::sqrt(p * (1 - p) / decided + z2 / (4 * decided));
    return {centre - half, centre + half};
}

std::vector<double> pool_adjacent_violators(std::span<const double> values,
                                            std::span<const double> weights) {
    struct Block {
        double mean, weight;
        std::size_t count;
    };
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < values.size(); ++i) {
        blocks.push_back({values[i], weights[i], 1});
        // Pool while the last two blocks decrease.
        while (blocks.size() > 1 && blocks[blocks.size() - 2].mean > blocks.back().mean) {
            const Block last = blocks.back();
            blocks.pop_back();
            Block& prev = blocks.back();
            const double weight = prev.weight + last.weight;
            prev.mean = (prev.mean * prev.weight + last.mean * last.weight) / weight;
            prev.weight = weight;
            prev.count += last.count;
        }
    }
    std::vector<double> fitted;
    for (const Block& b : blocks)
        fitted.insert(fitted.end(), b.count, b.mean);
    return fitted;
}

double Logistic::at(double x) const {
    return 1 / (1 + std::exp(-(b0 + b1 * x)));
}

std::optional<Logistic> fit_logistic(std::span<const Trials> trials) {
    // A finite estimate exists exactly when wins and losses overlap: some loss lies above
    // the lowest win and some win above the lowest loss.
    double won_min = INFINITY, won_max = -INFINITY, lost_min = INFINITY, lost_max = -INFINITY;
    for (const Trials& t : trials) {
        if (t.won > 0) won_min = std::min(won_min, t.x), won_max = std::max(won_max, t.x);
        if (t.decided > t.won)
            lost_min = std::min(lost_min, t.x), lost_max = std::max(lost_max, t.x);
    }
    if (!(lost_max > won_min && won_max > lost_min)) return std::nullopt;
    Logistic fit;
    for (int iteration = 0; iteration < 200; ++iteration) {
        double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0; // gradient, information matrix
        for (const Trials& t : trials) {
            const double p = fit.at(t.x), w = t.decided * p * (1 - p), r = t.won - t.decided * p;
            g0 += r, g1 += r * t.x;
            h00 += w, h01 += w * t.x, h11 += w * t.x * t.x;
        }
        const double det = h00 * h11 - h01 * h01;
        if (!(det > 0) || !std::isfinite(det)) return std::nullopt;
        const double d0 = (h11 * g0 - h01 * g1) / det, d1 = (h00 * g1 - h01 * g0) / det;
        fit.b0 += d0, fit.b1 += d1;
        if (!std::isfinite(fit.b0) || !std::isfinite(fit.b1)) return std::nullopt;
        if (std::abs(d0) <= 1e-13 * (1 + std::abs(fit.b0)) &&
            std::abs(d1) <= 1e-13 * (1 + std::abs(fit.b1)))
            return fit;
    }
    return std::nullopt;
}

std::vector<Bucket> default_buckets(std::span<const std::pair<double, bool>> deals, double least) {
    std::map<double, Bucket> by_whole;
    for (const auto& [touches, won] : deals) {
        Bucket& b = by_whole[std::floor(touches)];
        b.lower = std::floor(touches);
        b.add(won);
    }
    std::vector<Bucket> buckets = values_of(by_whole);
    auto merge = [](Bucket& into, const Bucket& from) {
        into.lower = std::min(into.lower, from.lower);
        into.decided += from.decided;
        into.won += from.won;
    };
    // From the highest down, a small bucket joins the next lower one.
    for (std::size_t i = buckets.size(); i-- > 1;)
        if (buckets[i].decided < least) {
            merge(buckets[i - 1], buckets[i]);
            buckets.erase(buckets.begin() + static_cast<std::ptrdiff_t>(i));
        }
    // Then a small lowest bucket joins the next higher one.
    while (buckets.size() > 1 && buckets[0].decided < least) {
        merge(buckets[1], buckets[0]);
        buckets.erase(buckets.begin());
    }
    return buckets;
}

namespace {

bool read_number(CellView c, double& out) {
    if (c.kind != Cell::Kind::number || !std::isfinite(c.number)) return false;
    out = c.number;
    return true;
}

// The lower edges a user gave: numbers, the first >= 0, strictly increasing; none when
// every cell is empty (the default buckets).
Result<std::vector<double>> read_edges(ColumnView edges) {
    std::vector<double> out;
    for (CellView c : edges) {
        if (c.is_empty()) continue;
        if (c.kind != Cell::Kind::number || !std::isfinite(c.number)) return invalid();
        if (out.empty() ? c.number < 0 : c.number <= out.back()) return invalid();
        out.push_back(c.number);
    }
    return out;
}

// Every touch count is read, whatever its deal: a bad one is never silently left out.
bool valid_touches(ColumnView touches) {
    for (CellView t : touches)
        if (!t.is_empty() &&
            (t.kind != Cell::Kind::number || !(t.number >= 0) || !std::isfinite(t.number)))
            return false;
    return true;
}

// A decided deal with its touches and group (0: none).
struct Deal {
    double touches;
    bool won;
    std::uint32_t group;
};

// The deals that count, read once: decided, with a touch count, through the filters.
Result<std::vector<Deal>> decided_deals(const Log& log, KeyIds* groups) {
    if (log.touches.size() != log.outcomes.size() || !valid_touches(log.touches)) return invalid();
    const Outcomes outcome(log.outcomes);
    std::vector<Deal> deals;
    const auto on_row = [&](std::size_t i, Day) {
        const Outcome o = outcome(i);
        if (!is_decided(o) || log.touches[i].is_empty()) return;
        const std::uint32_t g = groups ? (*groups)(i) : 0; // 0: in no group, but on the curve
        deals.push_back({log.touches[i].number, o == Outcome::won, g});
    };
    CA_TRY(window, visit_rows(log, on_row));
    return deals;
}

// (touches, won) of each deal: what the curve and the targets read.
using TouchesWon = std::vector<std::pair<double, bool>>;
TouchesWon touches_won(const std::vector<Deal>& deals) {
    TouchesWon pairs;
    pairs.reserve(deals.size());
    for (const Deal& d : deals)
        pairs.emplace_back(d.touches, d.won);
    return pairs;
}

// The logistic fit of won ~ b0 + b1 ln(1 + touches) on (touches, won) deals, aggregated
// per touch count.
std::optional<Logistic> fit_on_touches(std::span<const std::pair<double, bool>> deals) {
    std::map<double, Trials> per_count;
    for (const auto& [touches, won] : deals) {
        Trials& t = per_count[touches];
        t.x = std::log1p(touches);
        t.decided += 1;
        t.won += won ? 1 : 0;
    }
    return fit_logistic(values_of(per_count));
}

Cell figure(std::optional<double> v) {
    return v && std::isfinite(*v) ? Cell::of(*v) : Cell{};
}

} // namespace

Result<Grid> touch_win_curve(const Log& input, ColumnView edges) {
    CA_TRY(body, without_header(input));
    CA_TRY(decided, decided_deals(*body, nullptr));
    const TouchesWon deals = touches_won(*decided);

    CA_TRY(lower, read_edges(edges));
    std::vector<Bucket> buckets;
    if (lower->empty()) {
        buckets = default_buckets(deals);
    } else {
        for (double e : *lower)
            buckets.push_back({e, 0, 0});
        for (const auto& [touches, won] : deals) {
            const auto above = std::upper_bound(lower->begin(), lower->end(), touches);
            if (above == lower->begin()) continue; // below the first edge
            buckets[static_cast<std::size_t>(above - lower->begin() - 1)].add(won);
        }
    }
    if (deals.empty() || buckets.empty()) return not_available();

    // The monotone rates of the buckets that hold a deal.
    std::vector<double> rates, weights;
    for (const Bucket& b : buckets)
        if (b.decided > 0) rates.push_back(b.won / b.decided), weights.push_back(b.decided);
    const std::vector<double> monotone = pool_adjacent_violators(rates, weights);
    const std::optional<Logistic> logistic = fit_on_touches(deals);

    Grid grid;
    std::size_t held = 0;
    for (const Bucket& b : buckets) {
        std::optional<double> rate, low, high, shaped, fitted;
        if (b.decided > 0) {
            const Interval ci = wilson(b.won, b.decided);
            rate = b.won / b.decided, low = ci.low, high = ci.high;
            shaped = monotone[held++];
        }
        if (logistic) fitted = logistic->at(std::log1p(b.lower));
        grid.push_back({Cell::of(b.lower), Cell::of(b.decided), Cell::of(b.won), figure(rate),
                        figure(low), figure(high), figure(shaped), figure(fitted)});
    }
    return grid;
}

Result<GroupTable> touch_win_by(const Log& input) {
    const Values missing{0.0, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    return below_title(input, missing, [&](const Log& log) -> Result<GroupTable> {
        if (!has_groups(log) || log.touches.size() != log.outcomes.size()) return invalid();
        if (!valid_touches(log.touches)) return invalid();
        const Outcomes outcome(log.outcomes);
        KeyIds groups(log.groups);
        struct Tally {
            double won = 0, lost = 0, won_touches = 0, lost_touches = 0;
        };
        std::vector<Tally> per_group(1);
        const auto on_row = [&](std::size_t i, Day) {
            const Outcome o = outcome(i);
            if (o == Outcome::none) return;
            const std::uint32_t g = groups(i); // an open deal's group is listed too
            if (g == 0) return;
            if (g >= per_group.size()) per_group.resize(g + 1);
            if (!is_decided(o) || log.touches[i].is_empty()) return;
            Tally& t = per_group[g];
            (o == Outcome::won ? t.won : t.lost) += 1;
            (o == Outcome::won ? t.won_touches : t.lost_touches) += log.touches[i].number;
        };
        CA_TRY(window, visit_rows(log, on_row));
        per_group.resize(groups.count() + 1);
        GroupTable table = group_table(groups, 5, missing);
        for (std::size_t g = 0; g < table.size(); ++g) {
            const Tally& t = per_group[g + 1];
            const double decided = t.won + t.lost;
            std::optional<double> rate, low;
            if (decided > 0) rate = t.won / decided, low = wilson(t.won, decided).low;
            table.set(g, {decided, rate, low, ratio(t.won_touches, t.won),
                          ratio(t.lost_touches, t.lost)});
        }
        return table;
    });
}

namespace {

// The best quarter of the groups that have a decided deal, ⌈n/4⌉ of them, ranked by the
// Wilson lower bound of their win rate, ties in the BY functions' key order.
std::vector<bool> best_quarter(const std::vector<Deal>& deals, const KeyIds& groups) {
    const std::size_t count = groups.count();
    std::vector<double> won(count + 1, 0), decided(count + 1, 0);
    for (const Deal& d : deals)
        won[d.group] += d.won ? 1 : 0, decided[d.group] += 1;
    std::vector<std::size_t> ranked; // group ids - 1, in key order, then by Wilson
    for (std::size_t g : calc_order(group_keys(groups), groups.key_texts()))
        if (decided[g + 1] > 0) ranked.push_back(g);
    std::stable_sort(ranked.begin(), ranked.end(), [&](std::size_t a, std::size_t b) {
        return wilson(won[a + 1], decided[a + 1]).low > wilson(won[b + 1], decided[b + 1]).low;
    });
    std::vector<bool> best(count + 1, false);
    for (std::size_t r = 0; r < (ranked.size() + 3) / 4; ++r)
        best[ranked[r] + 1] = true;
    return best;
}

std::optional<double> monotone_target(const TouchesWon& deals, double target) {
    const std::vector<Bucket> buckets = default_buckets(deals);
    std::vector<double> rates, weights;
    for (const Bucket& b : buckets)
        rates.push_back(b.won / b.decided), weights.push_back(b.decided);
    const std::vector<double> shaped = pool_adjacent_violators(rates, weights);
    for (std::size_t i = 0; i < buckets.size(); ++i)
        if (shaped[i] >= target) return buckets[i].lower;
    return std::nullopt;
}

// The smallest touch count t among the deals such that the deals with t or more touches
// win at least `target` with 95% confidence.
std::optional<double> safe_target(TouchesWon deals, double target) {
    std::sort(deals.begin(), deals.end());
    double won = 0;
    for (const auto& d : deals)
        won += d.second ? 1 : 0;
    for (std::size_t i = 0; i < deals.size(); ++i) {
        if (i == 0 || deals[i].first != deals[i - 1].first) {
            const double at_least = static_cast<double>(deals.size() - i);
            if (wilson(won, at_least).low >= target) return deals[i].first;
        }
        won -= deals[i].second ? 1 : 0;
    }
    return std::nullopt;
}

// The smallest whole t >= 0, up to the largest touch count seen, whose logistic win rate
// reaches `target`.
std::optional<double> logistic_target(const TouchesWon& deals, double target) {
    double most = 0;
    for (const auto& d : deals)
        most = std::max(most, d.first);
    const auto fit = fit_on_touches(deals);
    if (!fit || !(fit->b1 > 0)) return std::nullopt;
    if (target <= 0) return 0.0;
    if (target >= 1) return std::nullopt;
    // The rate rises with t: start from the exact crossing, then step to the whole t.
    const double crossing = std::expm1((std::log(target / (1 - target)) - fit->b0) / fit->b1);
    if (!std::isfinite(crossing) || crossing > most + 1) return std::nullopt;
    double t = std::max(0.0, std::ceil(crossing));
    while (t > 0 && fit->at(std::log1p(t - 1)) >= target)
        t -= 1;
    while (fit->at(std::log1p(t)) < target && t <= most)
        t += 1;
    if (t > most) return std::nullopt;
    return t;
}

} // namespace

Result<double> touch_target(const Log& input, const Cell& target_cell, const Cell& method_cell) {
    CA_TRY(method, parse_code(method_cell, target_methods, TargetMethod::monotone));
    CA_TRY(body, without_header(input));
    const Log& log = *body;
    const bool grouped = !log.groups.empty();
    if (grouped && !has_groups(log)) return invalid();
    std::optional<KeyIds> groups;
    if (grouped) groups.emplace(log.groups);
    CA_TRY(deals, decided_deals(log, grouped ? &*groups : nullptr));
    if (*method == TargetMethod::top && !grouped) return invalid();
    if (*method != TargetMethod::top && !target_cell.is_empty() &&
        (target_cell.kind != Cell::Kind::number || !(target_cell.number >= 0) ||
         !(target_cell.number <= 1)))
        return invalid();
    if (deals->empty()) return not_available();

    // The best quarter of the groups: their pooled win rate and touches per decided deal.
    double won = 0, decided = 0, touches = 0;
    const std::vector<bool> best = grouped ? best_quarter(*deals, *groups) : std::vector<bool>{};
    for (const Deal& d : *deals)
        if (!grouped || best[d.group]) won += d.won ? 1 : 0, decided += 1, touches += d.touches;
    if (*method == TargetMethod::top) return touches / decided;
    const double target = target_cell.is_empty() ? won / decided : target_cell.number;

    TouchesWon pairs = touches_won(*deals);
    std::optional<double> found;
    switch (*method) {
    case TargetMethod::monotone:
        found = monotone_target(pairs, target);
        break;
    case TargetMethod::safe:
        found = safe_target(std::move(pairs), target);
        break;
    case TargetMethod::logistic:
        found = logistic_target(pairs, target);
        break;
    case TargetMethod::top:
        break;
    }
    if (!found) return not_available();
    return *found;
}

Result<std::string> touch_win_diag(const Cell& avg_touches, const Cell& win_rate,
                                   const Cell& touch_target, const Cell& win_target,
                                   const Cell& win_rate_change, const Cell& language) {
    CA_TRY(lang, parse_language(language));
    for (const Cell* c : {&avg_touches, &win_rate, &touch_target, &win_target})
        if (c->is_empty()) return not_available();
    double touches, rate, touch_goal, rate_goal, change = 0;
    if (!read_number(avg_touches, touches) || !read_number(win_rate, rate) ||
        !read_number(touch_target, touch_goal) || !read_number(win_target, rate_goal))
        return invalid();
    if (touches < 0 || touch_goal < 0 || rate < 0 || rate > 1 || rate_goal < 0 || rate_goal > 1)
        return invalid();
    const bool has_change = !win_rate_change.is_empty();
    if (has_change && !read_number(win_rate_change, change)) return invalid();

    Diagnosis d = rate < rate_goal ? Diagnosis::increase_contact : Diagnosis::efficient;
    if (touches >= touch_goal) {
        const bool falling = has_change ? change < 0 : rate < rate_goal;
        d = falling ? Diagnosis::review_strategy : Diagnosis::keep;
    }
    return text_of(d, diagnoses, *lang);
}

} // namespace ca
