// Periods (month, quarter, fiscal year from April, ...): parsing a period code, the index
// of a day's period and the periods a window covers.
#include "periods.hpp"

#include <array>

namespace ca {
namespace {

PeriodIndex floor_div(PeriodIndex a, PeriodIndex b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace

Result<PeriodSpec> parse_period(const Cell& cell) {
    const std::string code = read_code(cell);
    struct Named {
        std::string_view name;
        PeriodSpec spec;
    };
    static constexpr std::array<Named, 10> names{{
        {"", {1, 1}},
        {"month", {1, 1}},
        {"quarter", {3, 1}},
        {"year", {12, 1}},
        {"fy", {12, 4}},
        {"fq", {3, 4}},
        {"月", {1, 1}},
        {"四半期", {3, 1}},
        {"年", {12, 1}},
        {"年度", {12, 4}},
    }};
    for (const Named& n : names)
        if (code == n.name) return n.spec;
    // fy1..fy12, fq1..fq12
    if (code.size() >= 3 && code.size() <= 4 &&
        (code.starts_with("fy") || code.starts_with("fq"))) {
        int first = 0;
        for (std::size_t i = 2; i < code.size(); ++i) {
            if (code[i] < '0' || code[i] > '9') return invalid();
            first = first * 10 + (code[i] - '0');
        }
        if (first < 1 || first > 12 || (code.size() == 4 && code[2] == '0')) return invalid();
        return PeriodSpec{code[1] == 'y' ? 12 : 3, first};
    }
    return invalid();
}

PeriodIndex period_of(Day day, PeriodSpec spec) {
    const auto ymd = date_of(day);
    const PeriodIndex month =
        static_cast<int>(ymd.year()) * PeriodIndex{12} + static_cast<unsigned>(ymd.month()) - 1;
    return floor_div(month - (spec.first_month - 1), spec.months);
}

Day period_start(PeriodIndex index, PeriodSpec spec) {
    const PeriodIndex month = index * spec.months + (spec.first_month - 1);
    const auto y = static_cast<int>(floor_div(month, 12));
    const auto m = static_cast<unsigned>(month - y * PeriodIndex{12} + 1);
    return day_of(std::chrono::year{y} / std::chrono::month{m} / 1);
}

PeriodRange period_range(const DateWindow& window, std::optional<Day> first_date,
                         std::optional<Day> last_date, PeriodSpec spec) {
    const std::optional<Day> from = window.start ? window.start : first_date;
    const std::optional<Day> to = window.end ? window.end : last_date;
    if (!from || !to || *from > *to) return {};
    return {period_of(*from, spec), period_of(*to, spec)};
}

} // namespace ca
