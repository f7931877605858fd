// Period codes, fiscal years from April, and the periods a window covers.
#include "periods.hpp"
#include "test_cells.hpp"

#include <gtest/gtest.h>

using namespace ca;
using namespace ca::test;
using namespace std::chrono;

namespace {
Day d(int y, unsigned m, unsigned dd) {
    return day_of(year{y} / month{m} / day{dd});
}
Day start_of(Day day, const char* code) {
    auto spec = parse_period(cell(code));
    return period_start(period_of(day, *spec), *spec);
}
} // namespace

TEST(Periods, Codes) {
    EXPECT_EQ(parse_period(Cell{})->months, 1);
    EXPECT_EQ(parse_period(cell("Quarter"))->months, 3);
    EXPECT_EQ(parse_period(cell("年度"))->first_month, 4);
    EXPECT_EQ(parse_period(cell("四半期"))->months, 3);
    EXPECT_EQ(parse_period(cell("fy10"))->first_month, 10);
    EXPECT_EQ(parse_period(cell("fq1"))->first_month, 1);
    for (const char* bad : {"fy0", "fy13", "fy01", "week", "fyx", "day"})
        EXPECT_FALSE(parse_period(cell(bad))) << bad;
    EXPECT_FALSE(parse_period(cell(3)));
}

TEST(Periods, Starts) {
    EXPECT_EQ(start_of(d(2024, 5, 17), "month"), d(2024, 5, 1));
    EXPECT_EQ(start_of(d(2024, 5, 17), "quarter"), d(2024, 4, 1));
    EXPECT_EQ(start_of(d(2024, 5, 17), "year"), d(2024, 1, 1));
    EXPECT_EQ(start_of(d(2024, 3, 31), "fy"), d(2023, 4, 1));
    EXPECT_EQ(start_of(d(2024, 4, 1), "fy"), d(2024, 4, 1));
    EXPECT_EQ(start_of(d(2024, 2, 10), "fq"), d(2024, 1, 1));
    EXPECT_EQ(start_of(d(2024, 1, 10), "fq2"), d(2023, 11, 1));
    EXPECT_EQ(start_of(d(2024, 9, 30), "fy10"), d(2023, 10, 1));
}

TEST(Periods, ConsecutiveIndices) {
    const PeriodSpec fy{12, 4};
    EXPECT_EQ(period_of(d(2024, 4, 1), fy) - period_of(d(2024, 3, 31), fy), 1);
    const PeriodSpec m{};
    EXPECT_EQ(period_of(d(2025, 1, 1), m) - period_of(d(2024, 12, 31), m), 1);
    auto r = period_range(DateWindow{}, d(2024, 1, 5), d(2024, 12, 5), PeriodSpec{3, 1});
    EXPECT_EQ(r.count(), 4u);
    EXPECT_EQ(period_range(DateWindow{}, std::nullopt, std::nullopt, m).count(), 0u);
}
