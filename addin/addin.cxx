// The UNO component: XAddIn reads the function table (catalog.hpp); each XCustomerAnalytics
// method is one short adapter that converts its arguments, calls the core and maps the
// result. Nothing may escape as a crash: every adapter runs inside guarded().
#include "catalog.hpp"
#include "convert.hxx"
#include "dates.hpp"
#include "fans.hpp"
#include "groups.hpp"
#include "sales_trend.hpp"
#include "touchpoints.hpp"
#include "winrate.hpp"

#include <com/sun/star/i18n/CalendarFieldIndex.hpp>
#include <com/sun/star/i18n/LocaleCalendar2.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/customeranalytics/calc/XCustomerAnalytics.hpp>

#include <cmath>
#include <mutex>

using namespace ca;
using namespace ca::uno;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using Options = Reference<css::beans::XPropertySet>;

namespace {

// UTF-8 to the office's strings, and back (utf8).
OUString uno_string(std::string_view s) {
    return OStringToOUString(OString(s.data(), static_cast<sal_Int32>(s.size())),
                             RTL_TEXTENCODING_UTF8);
}
std::string utf8(const OUString& s) {
    return OUStringToOString(s, RTL_TEXTENCODING_UTF8).getStr();
}

// Runs an adapter: invalid input becomes Err:502 (IllegalArgumentException), anything
// unexpected #VALUE! (RuntimeException); nothing else leaves the add-in.
template <class F> Any guarded(F&& adapter) {
    try {
        return adapter();
    } catch (const InvalidArgument&) {
    } catch (const css::lang::IllegalArgumentException&) {
    } catch (const std::exception& e) {
        throw css::uno::RuntimeException(uno_string(e.what()));
    } catch (...) {
        throw css::uno::RuntimeException("unexpected failure");
    }
    throw css::lang::IllegalArgumentException();
}

// Japanese eras that LibreOffice's own calendar (gengou) knows beyond the core's table, so
// that an era proclaimed after this release arrives with LibreOffice. Never throws: without
// the calendar, the core's table stands.
void learn_eras(css::uno::XComponentContext* context) noexcept {
    try {
        if (!context) return;
        const auto calendar = css::i18n::LocaleCalendar2::create(context);
        calendar->loadCalendarTZ("gengou", css::lang::Locale("ja", "JP", ""), "UTC");
        const auto eras = calendar->getLoadedCalendar2().Eras;
        // The calendar counts days from 1970-01-01, as the core's Day does.
        const auto from = static_cast<double>(day_of(std::chrono::year{1869} / 1 / 1));
        const auto to = static_cast<double>(day_of(std::chrono::year{9999} / 12 / 31));
        auto era_at = [&](double day) {
            calendar->setDateTime(day);
            return calendar->getValue(css::i18n::CalendarFieldIndex::ERA);
        };
        for (sal_Int32 i = 1; i < eras.getLength(); ++i) {
            if (era_at(to) < i) break;
            double before = from, first = to; // the first day of era i lies in (before, first]
            while (first - before > 1) {
                const double mid = std::floor((before + first) / 2);
                (era_at(mid) >= i ? first : before) = mid;
            }
            add_era(
                {utf8(eras[i].FullName), "", utf8(eras[i].AbbrevName), static_cast<Day>(first)});
        }
    } catch (...) {
    }
}

// The Keys argument: omitted, a list (a range or an array of several cells), or one value.
Keys keys_argument(const Any& arg) {
    if (!arg.hasValue()) return {};
    Range range;
    if ((arg >>= range) && (range.getLength() != 1 || range[0].getLength() != 1))
        return Keys::list(column(range), range.getLength() == 1);
    return Keys::one(scalar(arg));
}

Any grid_result(const GroupTable& table, const Keys& keys, DateOrigin origin) {
    const Grid grid = lay_out(table, keys, origin);
    if (keys.form == Keys::Form::single && !table.matrix) {
        const Cell& c = grid.at(0).at(0);
        return c.is_empty() ? Any() : Any(c.number);
    }
    if (grid.empty() || grid[0].empty()) return {}; // no group at all: #N/A
    Range out(static_cast<sal_Int32>(grid.size()));
    for (std::size_t r = 0; r < grid.size(); ++r) {
        Sequence<Any> row(static_cast<sal_Int32>(grid[r].size()));
        for (std::size_t c = 0; c < grid[r].size(); ++c) {
            const Cell& cell = grid[r][c];
            if (cell.kind == Cell::Kind::number)
                row.getArray()[c] <<= cell.number;
            else
                row.getArray()[c] <<= uno_string(cell.text); // empty: an empty cell
        }
        out.getArray()[r] = row;
    }
    return Any(out);
}

Any grid_result(const Result<GroupTable>& table, const Keys& keys, DateOrigin origin) {
    if (!table) return result(Result<double>(fail(table.error())));
    return grid_result(*table, keys, origin);
}

class CustomerAnalytics
    : public cppu::WeakImplHelper4<org::customeranalytics::calc::XCustomerAnalytics,
                                   css::sheet::XAddIn, css::lang::XServiceName,
                                   css::lang::XServiceInfo> {
  public:
    // XCustomerAnalytics
    Any SAL_CALL avgTouchpoints(const Options& options, const CellRange& customers,
                                const Any& dates, const Any& start, const Any& end,
                                const Any& customer_list,
                                const Sequence<Any>& filter_args) override {
        return guarded([&] {
            const auto t = table({customers}, {&dates}, filter_args);
            const auto list = column(customer_list);
            return result(average_touchpoints({t.column(0), t.column(1), scalar(start), scalar(end),
                                               t.filters, origin(options), list}));
        });
    }

    Any SAL_CALL distinctCustomers(const Options& options, const CellRange& customers,
                                   const Any& dates, const Any& start, const Any& end,
                                   const Sequence<Any>& filter_args) override {
        return guarded([&] {
            const auto t = table({customers}, {&dates}, filter_args);
            return result(distinct_customers({t.column(0), t.column(1), scalar(start), scalar(end),
                                              t.filters, origin(options)}));
        });
    }

    Any SAL_CALL touchTrend(const Options& options, const CellRange& customers,
                            const CellRange& dates, const Any& period, const Any& start,
                            const Any& end, const Any& customer_list,
                            const Sequence<Any>& filter_args) override {
        return guarded([&] {
            const auto t = table({customers, dates}, {}, filter_args);
            const auto list = column(customer_list);
            const DateOrigin o = origin(options);
            return result(touch_trend({t.column(0), t.column(1), scalar(start), scalar(end),
                                       t.filters, o, list},
                                      scalar(period)),
                          o);
        });
    }

    Any SAL_CALL winRate(const Options& options, const CellRange& outcomes, const Any& dates,
                         const Any& start, const Any& end,
                         const Sequence<Any>& filter_args) override {
        return guarded([&] {
            const auto t = table({outcomes}, {&dates}, filter_args);
            return result(win_rate({t.column(0), t.column(1), scalar(start), scalar(end), t.filters,
                                    origin(options)}));
        });
    }

    Any SAL_CALL winRateTrend(const Options& options, const CellRange& outcomes,
                              const CellRange& dates, const Any& period, const Any& start,
                              const Any& end, const Sequence<Any>& filter_args) override {
        return guarded([&] {
            const auto t = table({outcomes, dates}, {}, filter_args);
            const DateOrigin o = origin(options);
            return result(
                win_rate_trend({t.column(0), t.column(1), scalar(start), scalar(end), t.filters, o},
                               scalar(period)),
                o);
        });
    }

    Any SAL_CALL touchWinDiag(const Options&, const Any& avg_touches, const Any& rate,
                              const Any& touch_target, const Any& win_target, const Any& change,
                              const Any& language) override {
        return guarded([&] {
            return result(touch_win_diagnosis(scalar(avg_touches), scalar(rate),
                                              scalar(touch_target), scalar(win_target),
                                              scalar(change), scalar(language)));
        });
    }

    Any SAL_CALL salesByPeriod(const Options& options, const CellRange& dates,
                               const CellRange& amounts, const Any& period, const Any& start,
                               const Any& end, const Sequence<Any>& filter_args) override {
        return guarded([&] {
            const auto t = table({dates, amounts}, {}, filter_args);
            const DateOrigin o = origin(options);
            return result(sales_by_period(
                              {t.column(1), t.column(0), scalar(start), scalar(end), t.filters, o},
                              scalar(period)),
                          o);
        });
    }

    Any SAL_CALL salesTrend(const Options& options, const CellRange& dates,
                            const CellRange& amounts, const Any& years, const Any& as_of,
                            const Any& method, const Sequence<Any>& filter_args) override {
        return guarded([&] {
            const auto t = table({dates, amounts}, {}, filter_args);
            return result(
                sales_trend({t.column(1), t.column(0), {}, {}, t.filters, origin(options)},
                            scalar(years), scalar(as_of), scalar(method)));
        });
    }

    Any SAL_CALL salesTrendStat(const Options& options, const CellRange& dates,
                                const CellRange& amounts, const Any& stat, const Any& years,
                                const Any& as_of, const Sequence<Any>& filter_args) override {
        return guarded([&] {
            const auto t = table({dates, amounts}, {}, filter_args);
            return result(
                sales_trend_stat({t.column(1), t.column(0), {}, {}, t.filters, origin(options)},
                                 scalar(stat), scalar(years), scalar(as_of)));
        });
    }

    Any SAL_CALL seasonalIndex(const Options& options, const CellRange& dates,
                               const CellRange& amounts, const Any& month,
                               const Any& years) override {
        return guarded([&] {
            const auto t = table({dates, amounts}, {});
            const Log ledger{t.column(1), t.column(0), {}, {}, {}, origin(options)};
            const Cell m = scalar(month);
            if (!m.is_empty()) return result(seasonal_index(ledger, m, scalar(years)));
            const auto all = seasonal_indices(ledger, scalar(years));
            if (!all) return result(Result<double>(fail(all.error())));
            Range out(12);
            for (sal_Int32 i = 0; i < 12; ++i) {
                const Any row[2]{Any(double(i + 1)), Any((*all)[static_cast<std::size_t>(i)])};
                out.getArray()[i] = Sequence<Any>(row, 2);
            }
            return Any(out);
        });
    }

    Any SAL_CALL fanScore(const Options&, const Any& rating, const Any& troubles, const Any& growth,
                          const Any& issues, const Any& weights) override {
        return guarded([&] {
            const auto w = column(weights);
            return result(
                fan_score(scalar(rating), scalar(troubles), scalar(growth), scalar(issues), w));
        });
    }

    Any SAL_CALL fanLevel(const Options&, const Any& score, const Any& language) override {
        return guarded([&] { return result(fan_level(scalar(score), scalar(language))); });
    }

    Any SAL_CALL fanGap(const Options&, const Any& score, const Any& goal) override {
        return guarded([&] { return result(fan_gap(scalar(score), scalar(goal))); });
    }

    // The BY functions: references are (values, dates, groups); a null Dates means none.
    Any SAL_CALL avgTouchpointsBy(const Options& options, const CellRange& customers,
                                  const CellRange& dates, const CellRange& groups, const Any& keys,
                                  const Any& start, const Any& end,
                                  const Sequence<Any>& filter_args) override {
        return by_table(options, {customers, dates, groups}, keys, filter_args, {&start, &end},
                        [](const Log& log, const auto&) { return avg_touchpoints_by(log); });
    }

    Any SAL_CALL distinctCustomersBy(const Options& options, const CellRange& customers,
                                     const CellRange& dates, const CellRange& groups,
                                     const Any& keys, const Any& start, const Any& end,
                                     const Sequence<Any>& filter_args) override {
        return by_table(options, {customers, dates, groups}, keys, filter_args, {&start, &end},
                        [](const Log& log, const auto&) { return distinct_customers_by(log); });
    }

    Any SAL_CALL winRateBy(const Options& options, const CellRange& outcomes,
                           const CellRange& dates, const CellRange& groups, const Any& keys,
                           const Any& start, const Any& end,
                           const Sequence<Any>& filter_args) override {
        return by_table(options, {outcomes, dates, groups}, keys, filter_args, {&start, &end},
                        [](const Log& log, const auto&) { return win_rate_by(log); });
    }

    Any SAL_CALL salesTrendBy(const Options& options, const CellRange& dates,
                              const CellRange& amounts, const CellRange& groups, const Any& keys,
                              const Any& years, const Any& as_of, const Any& method,
                              const Sequence<Any>& filter_args) override {
        // No window: Start and End stay empty, the rest is the trend's.
        const Any none;
        return by_table(options, {amounts, dates, groups}, keys, filter_args,
                        {&none, &none, &years, &as_of, &method},
                        [](const Log& log, const std::vector<Cell>& a) {
                            return sales_trend_by(log, a[2], a[3], a[4]);
                        });
    }

    Any SAL_CALL touchTrendBy(const Options& options, const CellRange& customers,
                              const CellRange& dates, const CellRange& groups, const Any& period,
                              const Any& keys, const Any& start, const Any& end,
                              const Sequence<Any>& filter_args) override {
        return by_matrix(options, {customers, dates, groups}, period, keys, start, end, filter_args,
                         touch_trend_by);
    }

    Any SAL_CALL winRateTrendBy(const Options& options, const CellRange& outcomes,
                                const CellRange& dates, const CellRange& groups, const Any& period,
                                const Any& keys, const Any& start, const Any& end,
                                const Sequence<Any>& filter_args) override {
        return by_matrix(options, {outcomes, dates, groups}, period, keys, start, end, filter_args,
                         win_rate_trend_by);
    }

    Any SAL_CALL salesByPeriodBy(const Options& options, const CellRange& dates,
                                 const CellRange& amounts, const CellRange& groups,
                                 const Any& period, const Any& keys, const Any& start,
                                 const Any& end, const Sequence<Any>& filter_args) override {
        return by_matrix(options, {amounts, dates, groups}, period, keys, start, end, filter_args,
                         sales_by_period_by);
    }

    // XAddIn: everything from the one table. Argument 0 is the hidden options.
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& display) override {
        const auto* f = catalog::by_display(utf8(display));
        return f ? uno_string(f->method) : OUString();
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString& method) override {
        const auto* f = catalog::by_method(utf8(method));
        return f ? uno_string(f->display) : OUString();
    }
    OUString SAL_CALL getFunctionDescription(const OUString& method) override {
        const auto* f = catalog::by_method(utf8(method));
        return f ? uno_string(f->description.in(japanese_)) : OUString();
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString& method, sal_Int32 index) override {
        const auto* a = argument(method, index);
        return a ? uno_string(a->name.in(japanese_)) : OUString();
    }
    OUString SAL_CALL getArgumentDescription(const OUString& method, sal_Int32 index) override {
        const auto* a = argument(method, index);
        return a ? uno_string(a->description.in(japanese_)) : OUString();
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override { return "Add-In"; }
    OUString SAL_CALL getDisplayCategoryName(const OUString&) override {
        return uno_string(catalog::category.in(japanese_));
    }

    // XLocalizable: Calc calls it with the UI locale, then with en-US; keep it cheap.
    void SAL_CALL setLocale(const css::lang::Locale& locale) override {
        locale_ = locale;
        japanese_ = locale.Language == "ja";
    }
    css::lang::Locale SAL_CALL getLocale() override { return locale_; }

    // XServiceName, XServiceInfo
    OUString SAL_CALL getServiceName() override { return uno_string(catalog::service); }
    OUString SAL_CALL getImplementationName() override {
        return uno_string(catalog::implementation);
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        Sequence<OUString> names(2);
        names.getArray()[0] = uno_string(catalog::service);
        names.getArray()[1] = "com.sun.star.sheet.AddIn";
        return names;
    }

  private:
    // A figure per group, computed on the columns read now (args: Start, End, then the
    // function's own), then laid out for Keys.
    template <class Compute>
    Any by_table(const Options& options, const std::vector<CellRange>& refs, const Any& keys_arg,
                 const Sequence<Any>& filter_args, std::initializer_list<const Any*> args,
                 Compute&& compute) {
        return guarded([&] {
            const Keys keys = keys_argument(keys_arg);
            const DateOrigin o = origin(options);
            std::vector<Cell> cells;
            for (const Any* a : args)
                cells.push_back(scalar(*a));
            const Table t = table(refs, {}, filter_args);
            const Log log{.values = t.column(0),
                          .dates = t.column(1),
                          .start = cells[0],
                          .end = cells[1],
                          .filters = t.filters,
                          .origin = o,
                          .groups = t.column(2)};
            return grid_result(compute(log, cells), keys, o);
        });
    }

    // A matrix for the keys asked for (every group when Keys is omitted).
    template <class Compute>
    Any by_matrix(const Options& options, const std::vector<CellRange>& refs, const Any& period,
                  const Any& keys_arg, const Any& start, const Any& end,
                  const Sequence<Any>& filter_args, Compute&& compute) {
        return guarded([&] {
            const Keys keys = keys_argument(keys_arg);
            const DateOrigin o = origin(options);
            const Table t = table(refs, {}, filter_args);
            const Log log{.values = t.column(0),
                          .dates = t.column(1),
                          .start = scalar(start),
                          .end = scalar(end),
                          .filters = t.filters,
                          .origin = o,
                          .groups = t.column(2)};
            return grid_result(compute(log, scalar(period), keys.asked), keys, o);
        });
    }

    static const catalog::Argument* argument(const OUString& method, sal_Int32 index) {
        const auto* f = catalog::by_method(utf8(method));
        if (!f || index < 1 || static_cast<std::size_t>(index) > f->arguments.size())
            return nullptr;
        return &f->arguments[static_cast<std::size_t>(index - 1)];
    }

    css::lang::Locale locale_{"en", "US", ""};
    bool japanese_ = false;
};

} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_customeranalytics_calc_CustomerAnalytics_get_implementation(
    css::uno::XComponentContext* context, const Sequence<Any>&) {
    static std::once_flag eras;
    std::call_once(eras, [&] { learn_eras(context); });
    auto* addin = new CustomerAnalytics;
    addin->acquire();
    return static_cast<cppu::OWeakObject*>(addin);
}
