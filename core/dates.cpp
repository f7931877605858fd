#include "dates.hpp"

#include <cmath>

namespace ca {
namespace {

using namespace std::chrono;

constexpr int min_year = 1;
constexpr int max_year = 9999;

std::optional<Day> checked_day(int y, unsigned m, unsigned d) {
    year_month_day ymd{year{y}, month{m}, std::chrono::day{d}};
    if (y < min_year || y > max_year || !ymd.ok()) return std::nullopt;
    return day_of(ymd);
}

// Reads 1..max_digits ASCII digits from the front of `s`.
std::optional<int> take_number(std::string_view& s, std::size_t max_digits) {
    std::size_t n = 0;
    int value = 0;
    while (n < s.size() && n < max_digits && s[n] >= '0' && s[n] <= '9')
        value = value * 10 + (s[n++] - '0');
    if (n == 0) return std::nullopt;
    s.remove_prefix(n);
    return value;
}

bool take(std::string_view& s, std::string_view token) {
    if (!s.starts_with(token)) return false;
    s.remove_prefix(token.size());
    return true;
}

std::optional<Day> parse_text_date(std::string_view s) {
    const std::size_t before = s.size();
    auto y = take_number(s, 4);
    if (!y || before - s.size() != 4) return std::nullopt;
    std::string_view after_month, after_day;
    if (take(s, "年")) { // 年 ... 月 ... 日
        after_month = "月";
        after_day = "日";
    } else if (take(s, "-")) {
        after_month = "-";
    } else if (take(s, "/")) {
        after_month = "/";
    } else {
        return std::nullopt;
    }
    auto m = take_number(s, 2);
    if (!m || !take(s, after_month)) return std::nullopt;
    auto d = take_number(s, 2);
    if (!d || (!after_day.empty() && !take(s, after_day)) || !s.empty()) return std::nullopt;
    return checked_day(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
}

} // namespace

static_assert(sys_days{year{1} / 1 / 1}.time_since_epoch().count() == -719162);
static_assert(sys_days{year{9999} / 12 / 31}.time_since_epoch().count() == 2932896);

Day day_of(year_month_day ymd) {
    return sys_days{ymd}.time_since_epoch().count();
}

year_month_day date_of(Day day) {
    return year_month_day{sys_days{days{day}}};
}

Result<std::optional<Day>> read_date(CellView cell, DateOrigin origin) {
    switch (cell.kind) {
    case Cell::Kind::empty:
        return std::nullopt;
    case Cell::Kind::number:
        if (auto day = serial_day(cell.number, origin)) return *day;
        return invalid();
    case Cell::Kind::text: {
        std::string k = key_text(cell);
        if (k.empty()) return std::nullopt;
        if (auto d = parse_text_date(k)) return *d;
        return invalid();
    }
    }
    return invalid();
}

Result<std::optional<Day>> read_bound(const Cell& cell, DateOrigin origin) {
    if (cell.kind == Cell::Kind::number && cell.number == 0) return std::nullopt;
    return read_date(cell, origin);
}

Result<DateWindow> read_window(const Cell& start, const Cell& end, DateOrigin origin) {
    auto s = read_bound(start, origin);
    auto e = read_bound(end, origin);
    if (!s || !e) return invalid();
    if (*s && *e && **s > **e) return invalid();
    return DateWindow{*s, *e};
}

} // namespace ca
