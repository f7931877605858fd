// libFuzzer target for every core entry point: the input bytes become columns of cells
// (empty, numbers including NaN, infinities and huge serials, texts including dates and
// codes) and argument cells, and every function runs on them. Any crash, sanitizer report
// or hang is a bug; results are not checked here (the unit and Calc tests do that).
#include "fans.hpp"
#include "groups.hpp"
#include "sales_trend.hpp"
#include "touch_win.hpp"
#include "touches_before.hpp"
#include "touchpoints.hpp"
#include "win_rate.hpp"

#include "bytes.hpp"

using namespace ca;
using ca::fuzz::Bytes;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes in(data, size);
    const std::size_t rows = in.byte() % 64 + 1;
    // Lengths that sometimes differ, as real mistakes do.
    const auto length = [&] { return in.byte() % 8 == 0 ? rows + 1 : rows; };
    const auto a = in.column(rows), b = in.column(length()), c = in.column(length()),
               list = in.column(in.byte() % 8);
    const Cell x = in.cell(), y = in.cell(), z = in.cell(), w = in.cell();
    std::vector<Filter> filters;
    if (in.byte() % 2) filters.push_back({c, in.cell()});
    const DateOrigin origin{static_cast<Day>(in.byte()) * 1000 - 100000};

    const Log log{.ids = a,
                  .dates = in.byte() % 2 ? ColumnView(b) : ColumnView{},
                  .customer_list = list,
                  .start = x,
                  .end = y,
                  .filters = filters,
                  .origin = origin};
    (void)avg_touchpoints(log);
    (void)distinct_customers(log);
    (void)touch_trend(log, z);
    (void)touch_control(log, z, w, x);
    const Log deals{.outcomes = a,
                    .dates = in.byte() % 2 ? ColumnView(b) : ColumnView{},
                    .start = x,
                    .end = y,
                    .filters = filters,
                    .origin = origin};
    (void)win_rate(deals);
    (void)win_rate_trend(deals, z);
    (void)touch_win_diag(x, y, z, w, in.cell(), in.cell());
    const Log ledger{.amounts = a, .dates = b, .filters = filters, .origin = origin};
    (void)sales_by_period(
        Log{.amounts = a, .dates = b, .start = x, .end = y, .filters = filters, .origin = origin},
        z);
    (void)sales_trend(ledger, x, y, z);
    (void)sales_trend_stat(ledger, z, x, y);
    (void)seasonal_indices(ledger, x);
    (void)seasonal_index(ledger, w, x);
    (void)fan_score(x, y, z, w, list);
    (void)fan_level(x, y);
    (void)fan_gap(x, z);
    // Their array forms: columns as grids of one column (lengths that differ: Err:502).
    const auto grid_of = [](ColumnView c) {
        Grid g;
        for (CellView v : c)
            g.push_back({copy_of(v)});
        if (g.empty()) g.push_back({Cell{}});
        return g;
    };
    (void)fan_score(grid_of(a), grid_of(b), Grid{{z}}, grid_of(c), list);
    (void)fan_level(grid_of(b), y);
    (void)fan_gap(grid_of(a), grid_of(c));
    // The touch-to-win curve: touches in b (of the same length or one more), outcomes in a.
    (void)touch_target(Log{.outcomes = a, .touches = b, .filters = filters, .origin = origin}, x,
                       z);
    (void)touch_target(
        Log{.outcomes = a, .touches = b, .groups = c, .filters = filters, .origin = origin}, x, z);
    (void)touch_win_curve(Log{.outcomes = a, .touches = b, .filters = filters, .origin = origin},
                          list);
    // The join: touches (a, b), deals (c, b or list, sometimes open dates), both forms.
    const Log touch_log{.ids = a, .dates = b, .origin = origin};
    const Deals deal_list{c, in.byte() % 2 ? ColumnView(b) : ColumnView(list),
                          in.byte() % 2 ? ColumnView(a) : ColumnView{}};
    (void)touches_before(touch_log, deal_list, w, std::nullopt, z);
    (void)touches_before(touch_log, deal_list, w, x, z);

    // The BY functions, each laid out for every form of Keys.
    const ColumnView dates = in.byte() % 2 ? ColumnView(b) : ColumnView{};
    Log touch{
        .dates = dates, .groups = c, .start = x, .end = y, .filters = filters, .origin = origin};
    Log deal_groups = touch;
    touch.ids = a, deal_groups.outcomes = a;
    const Log sales{.amounts = a, .dates = b, .groups = c, .filters = filters, .origin = origin};
    Column list_copy, row_copy;
    for (CellView k : ColumnView(list))
        list_copy.push_back(k), row_copy.push_back(k);
    const Keys all, one = Keys::one(w);
    const Keys listed = Keys::list(std::move(list_copy), false);
    const Keys across = Keys::list(std::move(row_copy), true);
    const Result<GroupTable> tables[] = {
        avg_touchpoints_by(touch),
        distinct_customers_by(touch),
        win_rate_by(deal_groups),
        sales_trend_by(sales, x, y, z),
        touch_trend_by(touch, z, list),
        touch_stability_by(touch, z, x),
        win_rate_trend_by(deal_groups, z, {}),
        sales_by_period_by(sales, z, list),
        open_items(Log{.ids = a, .dates = b, .closed = c, .filters = filters, .origin = origin}, x),
        latest_value(Log{.ids = a, .dates = b, .values = c, .filters = filters, .origin = origin},
                     x),
        touch_win_by(
            Log{.outcomes = a, .touches = b, .groups = c, .filters = filters, .origin = origin}),
    };
    for (const auto& t : tables)
        if (t)
            for (const Keys* k : {&all, &listed, &one, &across})
                (void)lay_out(*t, *k, origin);
    return 0;
}
