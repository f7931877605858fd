// Touchpoints (接点): AVGTOUCHPOINTS, DISTINCTCUSTOMERS and TOUCHTREND.
#include "touchpoints.hpp"

#include "series.hpp"

#include <cmath>

namespace ca {
namespace {

// Touches and distinct customers of each group (index: its id; 0: no group), in one pass
// and without a per-row copy. The scalar functions are one group of every row (no
// `groups`); with a customer list only the listed customers count, and it is the divisor.
struct TouchCounts {
    std::vector<std::size_t> touches;
    std::vector<double> customers;
    std::optional<std::size_t> listed; // the customers a list names
};
Result<TouchCounts> count_touches(const Log& log, KeyIds* groups = nullptr) {
    // A table per customer (Customers given as Groups): each group is its one customer, so
    // no pair needs counting.
    const bool per_customer = groups && log.groups.same_cells(log.ids);
    KeyIds customers(per_customer ? ColumnView() : log.ids, log.customer_list);
    KeyIds& customer_of = per_customer ? *groups : customers;
    // One group: a bitmap of its customers (ids are at most one per row or listed key);
    // several: their (group, customer) pairs.
    const std::size_t rows = log.ids.size();
    DistinctPairs seen(groups ? 0 : 2, groups ? 0 : std::max(rows, log.customer_list.size()) + 1,
                       per_customer ? 0 : rows);
    TouchCounts n;
    const auto on_row = [&](std::size_t i, Day) {
        // A group is keyed only for a row with a customer: no group without a touch.
        const std::uint32_t c = customer_of(i);
        if (c == 0) return;
        const std::uint32_t g = !groups ? 1 : per_customer ? c : (*groups)(i);
        if (g == 0) return;
        if (g >= n.touches.size()) n.touches.resize(g + 1, 0);
        n.touches[g] += 1;
        if (!per_customer) seen.add(g, c);
    };
    CA_TRY(window, visit_rows(log, on_row));
    const std::size_t ids = (groups ? groups->count() : 1) + 1;
    n.touches.resize(ids, 0);
    if (per_customer) {
        n.customers.resize(ids);
        for (std::size_t g = 0; g < ids; ++g)
            n.customers[g] = n.touches[g] > 0 ? 1 : 0;
    } else {
        n.customers = seen.counts();
        n.customers.resize(ids, 0);
    }
    if (customers.has_list()) {
        if (customers.count() == 0) return not_available();
        n.listed = customers.count();
    }
    return n;
}

Result<TouchCounts> touches_per_group(const Log& log, KeyIds& groups) {
    if (!has_groups(log)) return invalid();
    return count_touches(log, &groups);
}

} // namespace

Result<double> avg_touchpoints(const Log& input) {
    CA_TRY(body, without_header(input));
    CA_TRY(n, count_touches(*body));
    const double customers = n->listed ? static_cast<double>(*n->listed) : n->customers[1];
    if (customers == 0) return not_available();
    return static_cast<double>(n->touches[1]) / customers;
}

Result<double> distinct_customers(const Log& input) {
    const auto body = without_header(input);
    auto counted = body ? count_touches(*body) : fail(body.error());
    if (!counted && counted.error() == Error::not_available) return 0.0; // a title, no rows
    CA_TRY(n, std::move(counted));
    return n->customers[1];
}

Result<Series> touch_trend(const Log& input, const Cell& period) {
    CA_TRY(body, without_header(input));
    const Log& log = *body;
    KeyIds ids(log.ids, log.customer_list); // with a list, only the listed customers count
    TouchTally tally{ids, log.ids.size(), {}, {}, {}};
    CA_TRY(cells, tally_periods(
                      log, period, [&](std::size_t i) -> std::size_t { return ids(i) != 0; },
                      [] { return std::size_t{1}; }, tally));
    if (ids.has_list() && ids.count() == 0) return not_available();
    Series s;
    for (std::size_t p = 0; p < cells->periods(); ++p) {
        const double customers =
            ids.has_list() ? static_cast<double>(ids.count()) : tally.distinct[p];
        s.starts.push_back(cells->start(p));
        s.values.push_back({ratio(tally.touches[p], customers), tally.touches[p]});
    }
    return s;
}

Result<GroupTable> avg_touchpoints_by(const Log& input) {
    return below_title(input, {std::nullopt, 0.0, 0.0}, [](const Log& log) -> Result<GroupTable> {
        KeyIds groups(log.groups);
        CA_TRY(n, touches_per_group(log, groups));
        GroupTable t = group_table(groups, 3, {std::nullopt, 0.0, 0.0});
        for (std::size_t g = 0; g < t.size(); ++g) {
            const auto touches = static_cast<double>(n->touches[g + 1]);
            t.set(g, {ratio(touches, n->customers[g + 1]), touches, n->customers[g + 1]});
        }
        return t;
    });
}

Result<GroupTable> distinct_customers_by(const Log& input) {
    return below_title(input, {0.0}, [](const Log& log) -> Result<GroupTable> {
        KeyIds groups(log.groups);
        CA_TRY(n, touches_per_group(log, groups));
        GroupTable t = group_table(groups, 1, {0.0});
        for (std::size_t g = 0; g < t.size(); ++g)
            t.set(g, {n->customers[g + 1]});
        return t;
    });
}

namespace {

// Touches per customer of each group and period: TOUCHTRENDBY's matrix, however wide.
Result<GroupTable> touch_matrix(const Log& input, const Cell& period, ColumnView wanted) {
    CA_TRY(body, without_header(input));
    const Log& log = *body;
    KeyIds customers(log.ids);
    TouchTally tally{customers, log.ids.size(), {}, {}, {}};
    return matrix_by(
        log, period, wanted, [&](std::size_t i) { return customers(i) != 0; }, tally,
        [&](std::size_t c) { return ratio(tally.touches[c], tally.distinct[c]); }, std::nullopt);
}

} // namespace

Result<GroupTable> touch_trend_by(const Log& input, const Cell& period, ColumnView wanted) {
    return within_sheet(touch_matrix(input, period, wanted), wanted);
}

std::optional<ProcessLimits> process_limits(std::span<const std::optional<double>> values,
                                            std::size_t baseline) {
    const auto base = values.first(std::min(baseline, values.size()));
    double sum = 0, ranges = 0;
    std::size_t count = 0, pairs = 0;
    for (std::size_t t = 0; t < base.size(); ++t) {
        if (!base[t]) continue;
        sum += *base[t], ++count;
        if (t > 0 && base[t - 1]) ranges += std::fabs(*base[t] - *base[t - 1]), ++pairs;
    }
    if (count < 6 || pairs < 2) return std::nullopt;
    const double centre = sum / static_cast<double>(count);
    const double spread = 2.66 * ranges / static_cast<double>(pairs);
    return ProcessLimits{centre, std::max(0.0, centre - spread), centre + spread};
}

std::vector<Signal> signals(std::span<const std::optional<double>> values,
                            const ProcessLimits& limits) {
    std::vector<Signal> out(values.size(), Signal::none);
    int side = 0; // of the run so far: 1 above the centre, -1 below, 0 none
    std::size_t run = 0;
    for (std::size_t t = 0; t < values.size(); ++t) {
        if (!values[t]) continue; // no value: no signal, the run goes on
        const double x = *values[t];
        const int here = x > limits.centre ? 1 : x < limits.centre ? -1 : 0;
        run = here == 0 ? 0 : here == side ? run + 1 : 1;
        side = here;
        if (x > limits.upper)
            out[t] = Signal::above;
        else if (x < limits.lower)
            out[t] = Signal::below;
        else if (run >= run_length)
            out[t] = here > 0 ? Signal::run_above : Signal::run_below;
    }
    return out;
}

namespace {

// Baseline: a whole number >= 1, every period when empty or longer than the series.
Result<std::size_t> read_baseline(const Cell& baseline) {
    if (baseline.is_empty()) return SIZE_MAX;
    const double b = baseline.number;
    if (baseline.kind != Cell::Kind::number || !(b >= 1) || b != std::floor(b)) return invalid();
    return b >= 1e15 ? SIZE_MAX : static_cast<std::size_t>(b);
}

} // namespace

Result<Grid> touch_control(const Log& log, const Cell& period, const Cell& baseline_cell,
                           const Cell& language) {
    CA_TRY(lang, parse_language(language));
    CA_TRY(baseline, read_baseline(baseline_cell));
    CA_TRY(series, touch_trend(log, period));
    std::vector<std::optional<double>> values;
    for (const auto& v : series->values)
        values.push_back(v[0]);
    const auto limits = process_limits(values, *baseline);
    if (!limits) return not_available();
    const std::vector<Signal> signal = signals(values, *limits);
    Grid grid;
    for (std::size_t p = 0; p < values.size(); ++p)
        grid.push_back({Cell::of(log.origin.serial(series->starts[p])), Figure(values[p]).cell(),
                        Cell::of(limits->centre), Cell::of(limits->lower), Cell::of(limits->upper),
                        Cell::of(std::string(word_of(signal[p], signal_words, *lang)))});
    return grid;
}

Result<GroupTable> touch_stability_by(const Log& log, const Cell& period, const Cell& language) {
    CA_TRY(lang, parse_language(language));
    CA_TRY(series, touch_matrix(log, period, {})); // every group: one window for all
    GroupTable t;
    t.keys = std::move(series->keys);
    t.key_texts = std::move(series->key_texts);
    t.width = 7;
    t.missing = {0.0,          std::nullopt, std::nullopt, std::nullopt,
                 std::nullopt, std::nullopt, std::nullopt};
    t.figures.assign(t.size() * t.width, Figure());
    std::vector<std::optional<double>> values;
    for (std::size_t g = 0; g < t.size(); ++g) {
        values.clear();
        double sum = 0, count = 0;
        for (const Figure& f : series->row(g)) {
            values.push_back(f.number());
            if (f.number()) sum += *f.number(), count += 1;
        }
        const std::optional<double> mean = ratio(sum, count);
        std::optional<double> cv; // sample standard deviation (n - 1) over the mean
        if (count >= 2 && *mean != 0) {
            double squares = 0;
            for (const auto& v : values)
                if (v) squares += (*v - *mean) * (*v - *mean);
            cv = std::sqrt(squares / (count - 1)) / *mean;
        }
        t.set(g, {count, mean, cv});
        const auto limits = process_limits(values, SIZE_MAX);
        if (!limits) continue;
        const std::vector<Signal> signal = signals(values, *limits);
        const auto flagged =
            std::count_if(signal.begin(), signal.end(), [](Signal s) { return s != Signal::none; });
        const std::string_view last = word_of(signal.back(), signal_words, *lang);
        const auto row = t.row(g);
        row[3] = limits->lower, row[4] = limits->upper, row[5] = static_cast<double>(flagged);
        if (!last.empty()) row[6] = Figure::text(last);
    }
    return t;
}

} // namespace ca
