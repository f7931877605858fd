#include "touchpoints.hpp"

#include "rows.hpp"

#include <algorithm>

namespace ca {
namespace {

RowSource rows_of(const TouchLog& log) {
    return {log.customers.size(), log.dates, log.start, log.end, log.filters, log.origin};
}

// Customer ids 1, 2, ... in order of first appearance; 0 for an empty id, or one missing
// from the customer list when there is one. Each distinct text is keyed once.
class CustomerIds {
  public:
    explicit CustomerIds(const TouchLog& log)
        : has_list_(!log.customer_list.empty()), memo_(log.customers, UINT32_MAX) {
        for (CellView c : log.customer_list)
            keys_.intern(c);
        listed_ = keys_.size();
    }
    std::uint32_t operator()(std::size_t row) {
        return memo_.get(row,
                         [&](CellView c) { return has_list_ ? keys_.find(c) : keys_.intern(c); });
    }
    bool has_list() const { return has_list_; }
    std::size_t listed() const { return listed_; }     // distinct ids in the list
    std::size_t count() const { return keys_.size(); } // ids handed out so far

  private:
    bool has_list_;
    std::size_t listed_ = 0;
    KeyInterner keys_;
    TextMemo<std::uint32_t> memo_;
};

struct Tally {
    std::size_t touches = 0, distinct = 0, customers = 0; // customers: the divisor
};

// Touches and distinct customers in one pass, without a per-row copy.
Result<Tally> tally(const TouchLog& log) {
    CustomerIds ids(log);
    Tally t;
    std::vector<bool> seen;
    auto window = visit_rows(rows_of(log), [&](std::size_t i, Day) {
        const std::uint32_t id = ids(i);
        if (id == 0) return;
        ++t.touches;
        if (id >= seen.size()) seen.resize(id + 1);
        if (!seen[id]) seen[id] = true, ++t.distinct;
    });
    if (!window) return fail(window.error());
    if (ids.has_list() && ids.listed() == 0) return not_available();
    t.customers = ids.has_list() ? ids.listed() : t.distinct;
    return t;
}

} // namespace

Result<double> average_touchpoints(const TouchLog& log) {
    auto t = tally(log);
    if (!t) return fail(t.error());
    if (t->customers == 0) return not_available();
    return static_cast<double>(t->touches) / static_cast<double>(t->customers);
}

Result<double> distinct_customers(const TouchLog& log) {
    auto t = tally(log);
    if (!t) return fail(t.error());
    return static_cast<double>(t->distinct);
}

Result<Series> touch_trend(const TouchLog& log, const Cell& period) {
    auto spec = parse_period(period);
    if (!spec) return fail(spec.error());
    if (log.dates.empty()) return invalid();
    CustomerIds ids(log);
    // Two passes over the rows: the periods covered, then the counts.
    auto span = day_span(rows_of(log), [&](std::size_t i) { return ids(i) != 0; });
    if (!span) return fail(span.error());
    if (ids.has_list() && ids.listed() == 0) return not_available();
    const PeriodRange range = period_range(span->window, span->first, span->last, *spec);
    if (range.count() == 0) return not_available();

    const std::size_t periods = range.count(), width = ids.count() + 1;
    std::vector<double> count(periods, 0), distinct(periods, 0);
    // Who was seen in which period: a bitmap while it stays small beside the rows, else
    // (period, customer) pairs, sorted.
    const bool bitmap = periods * width <= 64 * log.customers.size() + (1u << 20);
    std::vector<bool> seen(bitmap ? periods * width : 0);
    std::vector<std::pair<std::size_t, std::uint32_t>> pairs;
    auto window = visit_rows(rows_of(log), [&](std::size_t i, Day day) {
        const std::uint32_t id = ids(i);
        if (id == 0) return;
        const auto p = static_cast<std::size_t>(period_of(day, *spec) - range.first);
        count[p] += 1;
        if (!bitmap)
            pairs.emplace_back(p, id);
        else if (!seen[p * width + id])
            seen[p * width + id] = true, distinct[p] += 1;
    });
    if (!window) return fail(window.error());
    std::sort(pairs.begin(), pairs.end());
    for (std::size_t i = 0; i < pairs.size(); ++i)
        if (i == 0 || pairs[i] != pairs[i - 1]) distinct[pairs[i].first] += 1;

    Series s;
    for (std::size_t p = 0; p < periods; ++p) {
        s.starts.push_back(period_start(range.first + static_cast<PeriodIndex>(p), *spec));
        const double customers = ids.has_list() ? static_cast<double>(ids.listed()) : distinct[p];
        std::optional<double> average;
        if (customers > 0) average = count[p] / customers;
        s.values.push_back({average, count[p]});
    }
    return s;
}

} // namespace ca
