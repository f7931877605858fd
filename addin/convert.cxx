#include "convert.hxx"

#include <cmath>
#include <com/sun/star/util/Date.hpp>
#include <rtl/ustring.hxx>

namespace ca::uno {
namespace {

Cell cell_of(const css::uno::Any& a) {
    switch (a.getValueTypeClass()) {
    case css::uno::TypeClass_VOID:
        return {};
    case css::uno::TypeClass_STRING: {
        const OUString& s = *static_cast<const OUString*>(a.getValue());
        if (s.isEmpty()) return {};
        return Cell::of(std::string(OUStringToOString(s, RTL_TEXTENCODING_UTF8).getStr()));
    }
    case css::uno::TypeClass_BOOLEAN:
        return Cell::of(*static_cast<const sal_Bool*>(a.getValue()) ? 1.0 : 0.0);
    default: {
        double d = 0;
        if (a >>= d) return Cell::of(d);
        throw InvalidArgument{};
    }
    }
}

} // namespace

std::vector<Cell> column(const Range& range) {
    const sal_Int32 rows = range.getLength();
    std::vector<Cell> out;
    if (rows == 0) return out;
    const sal_Int32 cols = range[0].getLength();
    for (const auto& row : range)
        if (row.getLength() != cols) throw InvalidArgument{};
    if (rows > 1 && cols > 1) throw InvalidArgument{};
    out.reserve(static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols));
    for (const auto& row : range)
        for (const css::uno::Any& a : row)
            out.push_back(cell_of(a));
    return out;
}

std::vector<Cell> column(const css::uno::Any& arg) {
    if (!arg.hasValue()) return {};
    Range range;
    if (arg >>= range) return column(range);
    return {cell_of(arg)};
}

Cell scalar(const css::uno::Any& arg) {
    Range range;
    if (!(arg >>= range)) return cell_of(arg);
    if (range.getLength() != 1 || range[0].getLength() != 1) throw InvalidArgument{};
    return cell_of(range[0][0]);
}

std::vector<Filter> filters(const css::uno::Sequence<css::uno::Any>& args,
                            std::vector<std::vector<Cell>>& storage) {
    const sal_Int32 n = args.getLength();
    if (n % 2 != 0) throw InvalidArgument{};
    storage.clear();
    storage.reserve(static_cast<std::size_t>(n / 2)); // spans below must not move
    std::vector<Filter> out;
    for (sal_Int32 i = 0; i < n; i += 2) {
        storage.push_back(column(args[i]));
        if (storage.back().empty()) throw InvalidArgument{};
        out.push_back({storage.back(), scalar(args[i + 1])});
    }
    return out;
}

DateOrigin origin(const css::uno::Reference<css::beans::XPropertySet>& options) {
    DateOrigin o;
    css::util::Date d;
    if (options.is() && (options->getPropertyValue("NullDate") >>= d)) {
        std::chrono::year_month_day ymd{std::chrono::year{d.Year}, std::chrono::month{d.Month},
                                        std::chrono::day{d.Day}};
        if (ymd.ok()) o.null_date = day_of(ymd);
    }
    return o;
}

css::uno::Any result(const Result<double>& r) {
    if (!r) {
        if (r.error() == Error::invalid_argument) throw InvalidArgument{};
        return {};
    }
    if (!std::isfinite(*r)) return {}; // never hand Calc a NaN or an infinity
    return css::uno::Any(*r);
}

css::uno::Any result(const Result<std::string>& r) {
    if (!r) {
        if (r.error() == Error::invalid_argument) throw InvalidArgument{};
        return {};
    }
    return css::uno::Any(OStringToOUString(r->c_str(), RTL_TEXTENCODING_UTF8));
}

css::uno::Any result(const Result<Series>& r, DateOrigin origin) {
    if (!r) {
        if (r.error() == Error::invalid_argument) throw InvalidArgument{};
        return {};
    }
    const auto rows = static_cast<sal_Int32>(r->starts.size());
    Range out(rows);
    auto* row = out.getArray();
    for (sal_Int32 i = 0; i < rows; ++i) {
        const auto& values = r->values[static_cast<std::size_t>(i)];
        css::uno::Sequence<css::uno::Any> cells(static_cast<sal_Int32>(values.size() + 1));
        auto* c = cells.getArray();
        c[0] <<= origin.serial(r->starts[static_cast<std::size_t>(i)]);
        for (std::size_t v = 0; v < values.size(); ++v)
            if (values[v] && std::isfinite(*values[v]))
                c[v + 1] <<= *values[v];
            else
                c[v + 1] <<= OUString(); // an empty cell, which charts leave out
        row[i] = cells;
    }
    return css::uno::Any(out);
}

} // namespace ca::uno
