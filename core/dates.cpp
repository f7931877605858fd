// Dates in cells: serials, ISO and Japanese text dates, era dates (和暦) and windows.
#include "dates.hpp"

#include <iterator>
#include <mutex>
#include <shared_mutex>
#include <vector>

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

struct MonthDay {
    int month, day;
};

// What follows a date's year: 年 month 月 day 日, or month and day after one of `separators`
// (the same one twice), and nothing else.
std::optional<MonthDay> take_month_day(std::string_view s, std::string_view separators) {
    std::string_view after_month, after_day;
    if (take(s, "年")) {
        after_month = "月";
        after_day = "日";
    } else if (!s.empty() && separators.find(s[0]) != std::string_view::npos) {
        after_month = s.substr(0, 1);
        s.remove_prefix(1);
    } else {
        return std::nullopt;
    }
    auto m = take_number(s, 2);
    if (!m || !take(s, after_month)) return std::nullopt;
    auto d = take_number(s, 2);
    if (!d || (!after_day.empty() && !take(s, after_day)) || !s.empty()) return std::nullopt;
    return MonthDay{*m, *d};
}

std::optional<Day> parse_text_date(std::string_view s) {
    const std::size_t before = s.size();
    auto y = take_number(s, 4);
    if (!y || before - s.size() != 4) return std::nullopt;
    auto md = take_month_day(s, "-/");
    if (!md) return std::nullopt;
    return checked_day(*y, static_cast<unsigned>(md->month), static_cast<unsigned>(md->day));
}

// The Japanese eras from Meiji on: the built-in table, plus any later era LibreOffice's own
// calendar knows (add_era, called by the add-in at start), so that a new era arrives with
// LibreOffice itself. Eras are kept in order of their first day.
class Eras {
  public:
    static Eras& get() {
        static Eras eras;
        return eras;
    }
    // The index of the era named (明治) or initialled (m) so, both as key text; -1 if none.
    int find(std::string_view name) const {
        if (name.empty()) return -1;
        std::shared_lock lock(mutex_);
        for (std::size_t i = 0; i < eras_.size(); ++i)
            if (eras_[i].name == name || eras_[i].initial == name || eras_[i].short_name == name)
                return static_cast<int>(i);
        return -1;
    }
    // The day of (era, year, month, day), or none when that date lies outside the era or
    // does not exist. Year 1 (元年) is the Gregorian year of the era's first day.
    std::optional<Day> day(int era, int y, int m, int d) const {
        std::shared_lock lock(mutex_);
        const auto i = static_cast<std::size_t>(era);
        if (era < 0 || i >= eras_.size() || y < 1 || y > max_year) return std::nullopt;
        const int first_year = static_cast<int>(date_of(eras_[i].first_day).year());
        const auto found =
            checked_day(first_year + y - 1, static_cast<unsigned>(m), static_cast<unsigned>(d));
        if (!found || *found < eras_[i].first_day) return std::nullopt;
        if (i + 1 < eras_.size() && *found >= eras_[i + 1].first_day) return std::nullopt;
        return found;
    }
    bool add(EraName era) {
        std::unique_lock lock(mutex_);
        era.name = normalize_key(era.name);
        era.initial = normalize_key(era.initial);
        era.short_name = normalize_key(era.short_name);
        if (era.name.empty() || era.first_day <= eras_.back().first_day) return false;
        for (const auto& known : eras_)
            if (known.name == era.name) return false;
        eras_.push_back(std::move(era));
        return true;
    }

  private:
    Eras() {
        // Meiji from 1868-09-08, the day the era name was proclaimed (as ICU counts it;
        // Japan kept a lunisolar calendar until 1873, so earlier Meiji dates are ambiguous).
        const EraName builtin[] = {{"明治", "m", "", day_of(year{1868} / 9 / 8)},
                                   {"大正", "t", "", day_of(year{1912} / 7 / 30)},
                                   {"昭和", "s", "", day_of(year{1926} / 12 / 25)},
                                   {"平成", "h", "", day_of(year{1989} / 1 / 8)},
                                   {"令和", "r", "", day_of(year{2019} / 5 / 1)}};
        eras_.assign(std::begin(builtin), std::end(builtin));
    }
    std::vector<EraName> eras_;
    mutable std::shared_mutex mutex_;
};

} // namespace

bool add_era(EraName era) {
    return Eras::get().add(std::move(era));
}

namespace {

// 令和6年4月1日, 令和元年5月1日, r6.4.1, r6/4/1, r06.04.01 (as key text: NFKC, folded).
std::optional<Day> parse_era_date(std::string_view s) {
    std::size_t name_end = 0;
    while (name_end < s.size() && (s[name_end] < '0' || s[name_end] > '9') &&
           !s.substr(name_end).starts_with("元"))
        ++name_end;
    const int era = Eras::get().find(s.substr(0, name_end));
    if (era < 0) return std::nullopt;
    s.remove_prefix(name_end);
    std::optional<int> y = take(s, "元") ? std::optional<int>(1) : take_number(s, 3);
    if (!y) return std::nullopt;
    auto md = take_month_day(s, "./-");
    if (!md) return std::nullopt;
    auto day = Eras::get().day(era, *y, md->month, md->day);
    if (!day || *day < -719162 || *day > 2932896) return std::nullopt;
    return day;
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
        if (auto d = parse_era_date(k)) return *d;
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
