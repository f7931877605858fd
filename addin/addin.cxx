// The UNO component: XAddIn reads the function table (catalog.hpp); the XCustomerAnalytics
// methods are generated from the functions' declaration (adapters.inc), each reading its
// call (call.hxx), calling the core and handing back the answer. Nothing may escape as a
// crash: every adapter runs inside guarded().
#include "call.hxx"
#include "catalog.hpp"
#include "dates.hpp"
#include "entry_points.hpp"

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

class CustomerAnalytics
    : public cppu::WeakImplHelper4<org::customeranalytics::calc::XCustomerAnalytics,
                                   css::sheet::XAddIn, css::lang::XServiceName,
                                   css::lang::XServiceInfo> {
  public:
    // XCustomerAnalytics: one adapter per function, generated from idl/functions.toml.
#include "adapters.inc"

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
    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override {
        return "Add-In";
    }
    OUString SAL_CALL getDisplayCategoryName(const OUString&) override {
        return uno_string(catalog::category.in(japanese_));
    }

    // XLocalizable: Calc calls it with the UI locale, then with en-US; keep it cheap.
    void SAL_CALL setLocale(const css::lang::Locale& locale) override {
        locale_ = locale;
        japanese_ = locale.Language == "ja";
    }
    css::lang::Locale SAL_CALL getLocale() override {
        return locale_;
    }

    // XServiceName, XServiceInfo
    OUString SAL_CALL getServiceName() override {
        return uno_string(catalog::service);
    }
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
