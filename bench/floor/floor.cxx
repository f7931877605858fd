// The benchmarks' floor: a Calc add-in whose methods take the add-in's parameter shapes
// and do nothing else (noopPass, noopArray) or only fetch the used rows of the references
// exactly as the add-in does (noopRead*: addin/convert.hxx), without converting a cell.
#include "convert.hxx"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/customeranalytics/bench/XFloor.hpp>

using namespace ca::uno;
using css::uno::Any;
using css::uno::Sequence;
using Options = css::uno::Reference<css::beans::XPropertySet>;

namespace {

// Fetches the rows the add-in would read and drops them; the cell count as the result.
Any read(std::initializer_list<CellRange> ranges) {
    try {
        sal_Int32 rows = 1;
        for (const auto& r : ranges)
            rows = std::max(rows, extent(r).used);
        double cells = 0;
        for (const auto& r : ranges)
            for (sal_Int32 first = 0; first < rows; first += fetch_block)
                cells += fetch(r, first, std::min(fetch_block, rows - first)).getLength();
        return Any(cells);
    } catch (const InvalidArgument&) {
        return {};
    }
}

class Floor
    : public cppu::WeakImplHelper4<org::customeranalytics::bench::XFloor, css::sheet::XAddIn,
                                   css::lang::XServiceName, css::lang::XServiceInfo> {
  public:
    Any SAL_CALL noopPass(const Options&, const CellRange&) override { return Any(0.0); }
    Any SAL_CALL noopRead1(const Options&, const CellRange& a) override { return read({a}); }
    Any SAL_CALL noopRead2(const Options&, const CellRange& a, const CellRange& b) override {
        return read({a, b});
    }
    Any SAL_CALL noopRead4(const Options&, const CellRange& a, const CellRange& b,
                           const CellRange& c, const CellRange& d) override {
        double first = 0, second = 0;
        if (!(read({a, b}) >>= first) || !(read({c, d}) >>= second)) return {};
        return Any(first + second);
    }
    Any SAL_CALL noopRead1Array(const Options&, const CellRange& a, const Any&) override {
        return read({a});
    }
    Any SAL_CALL noopArray(const Options&, const Range& a) override {
        return Any(double(a.getLength()));
    }

    // XAddIn: the display name is the method name in capitals.
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& display) override {
        for (const char* m :
             {"noopPass", "noopRead1", "noopRead2", "noopRead4", "noopRead1Array", "noopArray"})
            if (OUString::createFromAscii(m).toAsciiUpperCase() == display.toAsciiUpperCase())
                return OUString::createFromAscii(m);
        return {};
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString& method) override {
        return method.toAsciiUpperCase();
    }
    OUString SAL_CALL getFunctionDescription(const OUString&) override { return "benchmark floor"; }
    OUString SAL_CALL getDisplayArgumentName(const OUString&, sal_Int32 i) override {
        return "Arg" + OUString::number(i);
    }
    OUString SAL_CALL getArgumentDescription(const OUString&, sal_Int32) override { return {}; }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override { return "Add-In"; }
    OUString SAL_CALL getDisplayCategoryName(const OUString&) override { return "Add-In"; }
    void SAL_CALL setLocale(const css::lang::Locale& locale) override { locale_ = locale; }
    css::lang::Locale SAL_CALL getLocale() override { return locale_; }
    OUString SAL_CALL getServiceName() override { return "org.customeranalytics.bench.Floor"; }
    OUString SAL_CALL getImplementationName() override {
        return "org.customeranalytics.bench.FloorImpl";
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        Sequence<OUString> names(2);
        names.getArray()[0] = getServiceName();
        names.getArray()[1] = "com.sun.star.sheet.AddIn";
        return names;
    }

  private:
    css::lang::Locale locale_{"en", "US", ""};
};

} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_customeranalytics_bench_Floor_get_implementation(css::uno::XComponentContext*,
                                                     const Sequence<Any>&) {
    auto* floor = new Floor;
    floor->acquire();
    return static_cast<cppu::OWeakObject*>(floor);
}
