// libFuzzer target for the range conversion: the input bytes become what Calc could hand
// the add-in (ragged nested sequences, void, numbers including NaN and infinities, strings
// with lone surrogates, booleans, integers, dates, one-level sequences) and every converter
// of addin/convert.hxx runs on them. Invalid input must end as InvalidArgument, never as a
// crash or a sanitizer report.
#include "convert.hxx"

#include <com/sun/star/util/Date.hpp>
#include <limits>
#include <rtl/ustrbuf.hxx>

using namespace ca;
using namespace ca::uno;
using css::uno::Any;
using css::uno::Sequence;
using rtl::OUStringBuffer;

namespace {

class Bytes {
  public:
    Bytes(const std::uint8_t* data, std::size_t size) : p_(data), end_(data + size) {}
    std::uint8_t byte() { return p_ == end_ ? 0 : *p_++; }
    Any value(int depth) {
        switch (byte() % 10) {
        case 0:
            return {};
        case 1:
            return Any(std::numeric_limits<double>::quiet_NaN());
        case 2:
            return Any(byte() % 2 ? std::numeric_limits<double>::infinity() : -1e308);
        case 3:
            return Any(45000.0 + byte());
        case 4: {
            OUStringBuffer s;
            for (int n = byte() % 12; n > 0; --n)
                s.append(
                    static_cast<sal_Unicode>(byte() % 4 == 0 ? 0xD800 + byte() : 0x20 + byte()));
            return Any(s.makeStringAndClear());
        }
        case 5:
            return Any(OUString("2024-04-01"));
        case 6:
            return Any(static_cast<sal_Bool>(byte() % 2));
        case 7:
            return Any(static_cast<sal_Int32>(byte()) - 128);
        case 8:
            return Any(
                css::util::Date(byte() % 32, byte() % 13, static_cast<sal_Int16>(byte() * 10)));
        default:
            return depth > 0 ? Any(range(depth - 1)) : Any(OUString());
        }
    }
    Range range(int depth) {
        Range r(byte() % 6); // ragged rows are possible: each row has its own length
        for (sal_Int32 i = 0; i < r.getLength(); ++i) {
            Sequence<Any> row(byte() % 5);
            for (sal_Int32 j = 0; j < row.getLength(); ++j)
                row.getArray()[j] = value(depth);
            r.getArray()[i] = row;
        }
        return r;
    }

  private:
    const std::uint8_t* p_;
    const std::uint8_t* end_;
};

template <class F> void guarded(F&& f) {
    try {
        f();
    } catch (const InvalidArgument&) {
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes in(data, size);
    const Range r = in.range(1);
    const Any a = in.value(2);
    Sequence<Any> pairs(in.byte() % 5);
    for (sal_Int32 i = 0; i < pairs.getLength(); ++i)
        pairs.getArray()[i] = in.value(2);
    guarded([&] { (void)column(r); });
    guarded([&] { (void)column(a); });
    guarded([&] { (void)scalar(a); });
    guarded([&] {
        // An optional range and the filters, cut to one length.
        const auto t = read_columns({{.argument = 1, .given = &a}}, pairs);
        for (const auto& f : t.filters)
            if (f.column.size() != t.filter_columns.front().size()) __builtin_trap();
    });
    guarded([&] { (void)result(Result<double>(std::numeric_limits<double>::quiet_NaN())); });
    guarded([&] { (void)result(Result<std::string>(std::string("\xff\xfe broken utf-8"))); });
    return 0;
}
