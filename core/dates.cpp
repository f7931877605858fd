#include "dates.hpp"

#include <cmath>
#include <memory>
#include <mutex>

#include <unicode/calendar.h>
#include <unicode/dtfmtsym.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

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

// The Japanese eras from Meiji on, as ICU knows them: a new era reaches the add-in with
// the ICU data of the system, names and boundaries alike (docs/decisions.md).
class Eras {
  public:
    static const Eras& get() {
        static const Eras eras;
        return eras;
    }
    // The ICU era of a name (明治) or initial (m), both as key text; -1 if none.
    int find(std::string_view name) const {
        for (const auto& [text, era] : names_)
            if (text == name) return era;
        return -1;
    }
    // The day of (era, year, month, day), or none when that date lies outside the era or
    // does not exist.
    std::optional<Day> day(int era, int y, int m, int d) const {
        if (!calendar_) return std::nullopt;
        std::lock_guard lock(mutex_); // an ICU calendar is not thread-safe
        UErrorCode status = U_ZERO_ERROR;
        calendar_->clear();
        calendar_->set(UCAL_ERA, era);
        calendar_->set(UCAL_YEAR, y);
        calendar_->set(UCAL_MONTH, m - 1);
        calendar_->set(UCAL_DATE, d);
        const UDate t = calendar_->getTime(status);
        if (U_FAILURE(status)) return std::nullopt;
        // Read back: a date before the era's first day belongs to the era before.
        calendar_->setTime(t, status);
        if (U_FAILURE(status) || calendar_->get(UCAL_ERA, status) != era ||
            calendar_->get(UCAL_YEAR, status) != y || calendar_->get(UCAL_MONTH, status) != m - 1 ||
            calendar_->get(UCAL_DATE, status) != d || U_FAILURE(status))
            return std::nullopt;
        return static_cast<Day>(std::floor(t / U_MILLIS_PER_DAY));
    }

  private:
    Eras() {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Locale japanese("ja_JP@calendar=japanese");
        calendar_.reset(
            icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), japanese, status));
        if (U_FAILURE(status)) calendar_.reset();
        if (calendar_) calendar_->setLenient(false);
        const std::unique_ptr<icu::DateFormat> format(
            icu::DateFormat::createDateInstance(icu::DateFormat::kFull, japanese));
        const auto* simple = dynamic_cast<const icu::SimpleDateFormat*>(format.get());
        if (!simple) return;
        const icu::DateFormatSymbols* symbols = simple->getDateFormatSymbols();
        std::int32_t count = 0, narrow_count = 0;
        const icu::UnicodeString* names = symbols->getEras(count);
        const icu::UnicodeString* initials = symbols->getNarrowEras(narrow_count);
        constexpr int meiji = 232; // the first era of the Gregorian calendar in Japan
        for (int era = meiji; era < count; ++era) {
            std::string name;
            names[era].toUTF8String(name);
            names_.emplace_back(normalize_key(name), era);
            if (era < narrow_count) {
                std::string initial;
                initials[era].toUTF8String(initial);
                names_.emplace_back(normalize_key(initial), era);
            }
        }
    }
    std::vector<std::pair<std::string, int>> names_;
    std::unique_ptr<icu::Calendar> calendar_;
    mutable std::mutex mutex_;
};

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
