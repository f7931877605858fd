// TOUCHESBEFORE: each deal's touches, in one pass over each list. The touches are grouped
// by customer and sorted by day once; each deal then finds its customer's previous close
// and counts its touches by binary search, never by a scan of the log.
#include "touches_before.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace ca {
namespace {

constexpr Day no_day = DayColumn::no_date; // an empty date cell

// The day of each cell of a date column (no_day for an empty one). Err:502 for a cell
// that is no date.
Result<std::vector<Day>> days_of(ColumnView dates, DateOrigin origin) {
    const DayColumn column(dates, origin);
    std::vector<Day> days(dates.size());
    for (std::size_t i = 0; i < dates.size(); ++i)
        if ((days[i] = column[i]) == DayColumn::not_a_date) return invalid();
    return days;
}

// Window (days): empty or 0 is no window (a blank cell reaches the add-in as 0); a part
// of a day counts as a whole one, since dates are whole days.
Result<std::optional<Day>> read_window_days(const Cell& window) {
    if (window.is_empty()) return std::optional<Day>();
    if (window.kind != Cell::Kind::number || !(window.number >= 0)) return invalid();
    if (window.number == 0 || window.number > 1e7) return std::optional<Day>(); // 1e7 days: all
    return std::optional<Day>(static_cast<Day>(std::ceil(window.number)));
}

// Touch days per customer id (1..customers), each customer's days sorted.
class TouchDays {
  public:
    TouchDays(KeyIds& ids, std::span<const Day> days, std::size_t customers)
        : first_(customers + 2, 0) {
        std::vector<std::uint32_t> id_of(days.size());
        for (std::size_t i = 0; i < days.size(); ++i) {
            id_of[i] = days[i] == no_day ? 0 : ids(i);
            ++first_[id_of[i] + 1];
        }
        for (std::size_t k = 1; k < first_.size(); ++k)
            first_[k] += first_[k - 1];
        days_.resize(days.size());
        std::vector<std::size_t> next(first_.begin(), first_.end() - 1);
        for (std::size_t i = 0; i < days.size(); ++i)
            days_[next[id_of[i]]++] = days[i];
        for (std::size_t k = 1; k + 1 < first_.size(); ++k)
            std::sort(days_.begin() + static_cast<std::ptrdiff_t>(first_[k]),
                      days_.begin() + static_cast<std::ptrdiff_t>(first_[k + 1]));
    }
    // How many of customer `id`'s touches fall after `after` (none: all) and on or before
    // `last`.
    double count(std::uint32_t id, std::optional<Day> after, Day last) const {
        const auto begin = days_.begin() + static_cast<std::ptrdiff_t>(first_[id]);
        const auto end = days_.begin() + static_cast<std::ptrdiff_t>(first_[id + 1]);
        const auto from = after ? std::upper_bound(begin, end, *after) : begin;
        const auto to = std::upper_bound(from, end, last);
        return static_cast<double>(to - from);
    }

  private:
    std::vector<std::size_t> first_; // customer k's days are days_[first_[k], first_[k + 1])
    std::vector<Day> days_;
};

// Each deal row's customer id (0: none), close and open days, and every (customer, close
// day) pair, sorted and distinct: a customer's previous close is a binary search away.
struct DealRows {
    std::vector<std::uint32_t> ids;
    std::vector<Day> close, open; // open: empty without open dates
    std::vector<std::pair<std::uint32_t, Day>> closes;

    Day open_of(std::size_t j) const { return open.empty() ? no_day : open[j]; }
    // The day after which a deal's touches count: the customer's previous close, its open
    // date, its window, whichever is latest (none: every earlier touch counts).
    std::optional<Day> counted_after(std::uint32_t id, Day close_day, Day open_day,
                                     std::optional<Day> window) const {
        std::optional<Day> after;
        const auto at = std::lower_bound(closes.begin(), closes.end(), std::pair{id, close_day});
        if (at != closes.begin() && std::prev(at)->first == id) after = std::prev(at)->second;
        const auto later = [&](Day d) { after = after ? std::max(*after, d) : d; };
        if (open_day != no_day) later(open_day - 1);
        if (window) later(close_day - *window);
        return after;
    }
};

Result<DealRows> read_deals(const Deals& list, KeyIds& ids, DateOrigin origin) {
    DealRows rows;
    CA_TRY(close_days, days_of(list.close_dates, origin));
    rows.close = std::move(*close_days);
    if (!list.open_dates.empty()) {
        CA_TRY(open_days, days_of(list.open_dates, origin));
        rows.open = std::move(*open_days);
    }
    rows.ids.resize(list.customers.size());
    for (std::size_t j = 0; j < rows.ids.size(); ++j) {
        rows.ids[j] = ids(j);
        if (rows.ids[j] != 0 && rows.close[j] != no_day)
            rows.closes.emplace_back(rows.ids[j], rows.close[j]);
    }
    std::sort(rows.closes.begin(), rows.closes.end());
    rows.closes.erase(std::unique(rows.closes.begin(), rows.closes.end()), rows.closes.end());
    return rows;
}

// The two lists without their title rows, each by the header rule on its own.
struct Lists {
    ColumnView touch_ids, touch_dates;
    Deals deals;
    bool deal_title = false;
};
Result<Lists> without_titles(const Log& touches, const Deals& deals, DateOrigin origin) {
    Lists l{touches.ids, touches.dates, deals};
    if (!l.touch_dates.empty() && is_title_date(l.touch_dates[0], origin))
        l.touch_ids = l.touch_ids.without_first(), l.touch_dates = l.touch_dates.without_first();
    l.deal_title = is_title_date(deals.close_dates[0], origin) ||
                   (!deals.open_dates.empty() && is_title_date(deals.open_dates[0], origin));
    if (!l.deal_title) return l;
    if (deals.customers.size() == 1) return not_available(); // only a title
    l.deals = {deals.customers.without_first(), deals.close_dates.without_first(),
               deals.open_dates.without_first()};
    return l;
}

// One past the last row that holds anything of a deal: whole columns of a deal list that
// shares its sheet with a longer touch log are read to the log's length, and Calc takes an
// array's empty cells one by one, each splitting its block of numbers (quadratic: 2 s for
// 180,000 of them; docs/performance.md).
std::size_t deal_rows_used(const Deals& list) {
    const auto blank = [&](std::size_t j) {
        return list.customers[j].is_empty() && list.close_dates[j].is_empty() &&
               (list.open_dates.empty() || list.open_dates[j].is_empty());
    };
    std::size_t last = list.customers.size();
    while (last > 1 && blank(last - 1))
        --last;
    return last;
}

} // namespace

Result<Grid> touches_before(const Log& touches, const Deals& deals, const Cell& window,
                            const std::optional<Cell>& customer, const Cell& close_date) {
    const DateOrigin origin = touches.origin;
    if (touches.ids.size() != touches.dates.size() || deals.customers.empty() ||
        !same_length(deals.customers.size(), {deals.close_dates, deals.open_dates}) ||
        deals.close_dates.empty())
        return invalid();
    CA_TRY(window_days, read_window_days(window));
    CA_TRY(asked_close, read_bound(close_date, origin)); // blank (0): not given
    CA_TRY(lists, without_titles(touches, deals, origin));
    const Deals& list = lists->deals;

    // The single form asks for one customer: only its rows get an id (1).
    Column asked;
    if (customer) {
        if (key_text(*customer).empty() || !*asked_close) return Grid{{Cell{}}}; // not closed
        asked.push_back(*customer);
    }
    const ColumnView key_list = customer ? ColumnView(asked) : list.customers;
    KeyIds deal_ids(list.customers, key_list), touch_ids(lists->touch_ids, key_list);
    CA_TRY(rows, read_deals(list, deal_ids, origin));
    CA_TRY(touch_days, days_of(lists->touch_dates, origin));
    const TouchDays by_customer(touch_ids, *touch_days, deal_ids.count());

    if (customer) {
        // The asked deal's rows; with open dates, the earliest (an empty one: no bound).
        const Day close = **asked_close;
        std::optional<Day> open;
        for (std::size_t j = 0; j < rows->ids.size(); ++j)
            if (rows->ids[j] == 1 && rows->close[j] == close)
                open = open ? std::min(*open, rows->open_of(j)) : rows->open_of(j);
        // A blank Customer cell reaches the add-in as 0: unless a deal's customer is 0, it
        // is a deal row without a customer, as empty as in the array form.
        const bool blank = customer->kind == Cell::Kind::number && customer->number == 0;
        if (!open) return blank ? Result<Grid>(Grid{{Cell{}}}) : not_available();
        const auto after = rows->counted_after(1, close, *open, *window_days);
        return Grid{{Cell::of(by_customer.count(1, after, close))}};
    }

    const std::size_t used = deal_rows_used(list);
    Grid out;
    out.reserve(used + (lists->deal_title ? 1 : 0));
    if (lists->deal_title) out.push_back({Cell{}});
    for (std::size_t j = 0; j < used; ++j) {
        const std::uint32_t id = rows->ids[j];
        const Day close = rows->close[j];
        if (id == 0 || close == no_day) {
            out.push_back({Cell{}}); // no customer or not closed yet
            continue;
        }
        const auto after = rows->counted_after(id, close, rows->open_of(j), *window_days);
        out.push_back({Cell::of(by_customer.count(id, after, close))});
    }
    return out;
}

} // namespace ca
