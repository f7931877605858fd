// The function table: every function's names and Function Wizard texts, in English and
// Japanese, as catalog.hpp describes them. Arguments several functions share are written once.
#include "catalog.hpp"

#include <algorithm>

namespace ca::catalog {
namespace {

// Calc passes an optional argument as a value or an array, never as a reference.
Argument optional(Argument a) {
    a.optional = true;
    a.reference = false;
    return a;
}

// Arguments several functions share, written once.
const Argument customers{.name = {"Customers", "顧客"},
                         .description = {"Customer id of each touch (one column of the touch log)",
                                         "接点記録の顧客IDの列"},
                         .reference = true};
const Argument touch_dates{.name = {"Dates", "日付"},
                           .description = {"Date of each touch: a date or text such as 2024-04-01",
                                           "接点の日付（日付または 2024-04-01 などの文字列）"},
                           .reference = true};
const Argument start{.name = {"Start", "開始日"},
                     .description = {"First day counted (inclusive); empty: from the first date",
                                     "集計開始日（含む）。省略時は最初の日付から"},
                     .optional = true};
const Argument end{.name = {"End", "終了日"},
                   .description = {"Last day counted (inclusive); empty: to the last date",
                                   "集計終了日（含む）。省略時は最後の日付まで"},
                   .optional = true};
const Argument customer_list{
    .name = {"CustomerList", "顧客一覧"},
    .description =
        {"Ids of every customer to divide by; listed customers without a touch count as 0",
         "分母とする全顧客のID。接点のない顧客も0回として数える"},
    .optional = true};
const Argument filters{
    .name = {"Filters", "条件"},
    .description = {"Pairs of range; value keeping rows whose cell equals the value",
                    "範囲と値の組。セルが値と等しい行だけを集計する"},
    .optional = true,
    .repeated = true};
const Argument period{
    .name = {"Period", "期間"},
    .description = {"month (default), quarter, year, fy (April start), fq, fy1..fy12, "
                    "fq1..fq12, 月, 四半期, 年, 年度",
                    "month（既定）、quarter、year、fy（4月始まり）、fq、fy1～fy12、fq1～fq12、月"
                    "、四半期、年、年度"},
    .optional = true};
const Argument outcomes{
    .name = {"Outcomes", "結果"},
    .description = {"Outcome of each deal: won/受注, lost/失注; anything else is open",
                    "商談の結果：won・受注は受注、lost・失注は失注、それ以外は進行中"},
    .reference = true};
const Argument close_dates{.name = {"Dates", "日付"},
                           .description = {"Close date of each deal", "商談の成約・失注日"},
                           .reference = true};
const Argument sales_dates{.name = {"Dates", "日付"},
                           .description = {"Date of each sale", "売上の日付"},
                           .reference = true};
const Argument amounts{.name = {"Amounts", "金額"},
                       .description = {"Amount of each sale", "売上の金額"},
                       .reference = true};
const Argument years{.name = {"Years", "年数"},
                     .description = {"Whole years of months ending with AsOf (default 2)",
                                     "基準日までの集計年数（整数、既定は2）"},
                     .optional = true};
const Argument as_of{
    .name = {"AsOf", "基準日"},
    .description = {"The window ends with this date's month; empty: the latest date",
                    "この日付の月で期間を終える。省略時はデータの最新日"},
    .optional = true};
const Argument language{
    .name = {"Language", "言語"},
    .description = {"en (default) or ja for a Japanese answer", "en（既定）または ja（日本語）"},
    .optional = true};
const Argument score{
    {"Score", "スコア"},
    {"A fan score from 0 to 100 (FANSCORE)", "0～100のファン度スコア（FANSCORE）"}};

// The BY functions' own arguments.
const Argument groups{
    .name = {"Groups", "グループ"},
    .description = {"Group of each row: a department, a rep, or the customer column itself",
                    "各行のグループの列（部署、担当者、または顧客IDの列そのもの）"},
    .reference = true};
const Argument keys{
    .name = {"Keys", "キー"},
    .description = {"Omitted: a sorted table with keys; a range: one row per key beside it; one "
                    "value: that group's figure, for filling down",
                    "省略時はキー付きの並べ替えた表。範囲なら各キーの値。1つの値ならそのグループ"
                    "の値（下へコピー用）"},
    .optional = true};
// A date reference that may be left empty in the middle of a call (;;): no window.
Argument may_be_empty(Argument a, std::string_view en, std::string_view ja) {
    a.description = {en, ja};
    return a;
}
const Argument by_touch_dates =
    may_be_empty(touch_dates, "Date of each touch; may be left empty (;;) for no window",
                 "接点の日付。空欄（;;）にすると期間で絞らない");
const Argument by_close_dates =
    may_be_empty(close_dates, "Close date of each deal; may be left empty (;;) for no window",
                 "商談の成約・失注日。空欄（;;）にすると期間で絞らない");
const Argument growth_method{.name = {"Method", "方法"},
                             .description = {"linear (default), theilsen, yoy or cagr",
                                             "linear（既定）、theilsen、yoy、cagr"},
                             .optional = true};

std::vector<Function> make_table() {
    return {
        {"avgTouchpoints",
         "AVGTOUCHPOINTS",
         {"Average touchpoints per customer: touches in the window divided by the customers",
          "顧客平均接点回数：期間内の接点数を顧客数で割った値"},
         {customers, optional(touch_dates), start, end, customer_list, filters}},
        {"distinctCustomers",
         "DISTINCTCUSTOMERS",
         {"Number of distinct customers touched in the window",
          "期間内に接点のあった顧客の数（重複なし）"},
         {customers, optional(touch_dates), start, end, filters}},
        {"touchTrend",
         "TOUCHTREND",
         {"Series per period: period start, average touchpoints per customer, touches",
          "期間ごとの系列：期間の開始日、顧客平均接点回数、接点数"},
         {customers, touch_dates, period, start, end, customer_list, filters}},
        {"winRate",
         "WINRATE",
         {"Win rate: won deals divided by decided (won or lost) deals",
          "受注率：受注数を受注数と失注数の合計で割った値"},
         {outcomes, optional(close_dates), start, end, filters}},
        {"winRateTrend",
         "WINRATETREND",
         {"Series per period: period start, win rate, decided deals",
          "期間ごとの系列：期間の開始日、受注率、決着した商談数"},
         {outcomes, close_dates, period, start, end, filters}},
        {"touchWinDiag",
         "TOUCHWINDIAG",
         {"Diagnosis from touchpoints and win rate: keep, review strategy, increase contact, "
          "efficient",
          "接点回数と受注率による診断：継続、戦略見直し、接点強化、効率良好"},
         {{{"AvgTouches", "平均接点回数"},
           {"Average touchpoints per customer", "顧客平均接点回数"}},
          {{"WinRate", "受注率"}, {"Win rate from 0 to 1", "0～1の受注率"}},
          {{"TouchTarget", "接点目標"}, {"Target average touchpoints", "平均接点回数の目標"}},
          {{"WinTarget", "受注率目標"}, {"Target win rate from 0 to 1", "0～1の受注率の目標"}},
          {.name = {"WinRateChange", "受注率変化"},
           .description = {"Optional change of the win rate; negative means falling",
                           "任意。受注率の変化（負なら低下）"},
           .optional = true},
          language}},
        {"salesByPeriod",
         "SALESBYPERIOD",
         {"Series per period: period start, total amount (0 where nothing sold)",
          "期間ごとの系列：期間の開始日、売上合計（売上のない期間は0）"},
         {sales_dates, amounts, period, start, end, filters}},
        {"salesTrend",
         "SALESTREND",
         {"Sales growth per year as a fraction, from the monthly totals",
          "月次売上合計から求めた年あたりの成長率"},
         {sales_dates, amounts, years, as_of, growth_method, filters}},
        {"salesTrendStat",
         "SALESTRENDSTAT",
         {"A statistic of the monthly sales trend: slope, intercept, r2, t, p, sen, mk_s, mk_z, "
          "mk_p, tau, n",
          "月次売上の傾向の統計量：slope、intercept、r2、t、p、sen、mk_s、mk_z、mk_p、tau、n"},
         {sales_dates,
          amounts,
          {{"Stat", "統計量"},
           {"slope, intercept, r2, t, p, sen, mk_s, mk_z, mk_p, tau or n",
            "slope、intercept、r2、t、p、sen、mk_s、mk_z、mk_p、tau、n のいずれか"}},
          years,
          as_of,
          filters}},
        {"seasonalIndex",
         "SEASONALINDEX",
         {"Multiplicative seasonal index of a calendar month; without Month a 12 x 2 array",
          "月別の乗法的季節指数。月を省略すると12行2列の配列"},
         {sales_dates,
          amounts,
          {.name = {"Month", "月"},
           .description = {"Calendar month 1 to 12; empty: all twelve",
                           "1～12の月。省略時は12か月すべて"},
           .optional = true},
          {.name = {"Years", "年数"},
           .description = {"Whole years ending with the latest month (default: every whole year)",
                           "最新月までの年数（既定はデータのすべての整年）"},
           .optional = true}}},
        {"fanScore",
         "FANSCORE",
         {"Fan score 0 to 100 from competitor rating, unresolved troubles, sales growth and open "
          "issues",
          "競合比較評価・未解決トラブル・売上成長率・未解決課題から求める0～100のファン度"},
         {{{"CompetitorRating", "競合比較評価"},
           {"How the customer rates you against competitors, 1 to 5 (5: preferred)",
            "競合と比べた顧客の評価（1～5、5が最も優先）"}},
          {{"UnresolvedTroubles", "未解決トラブル"},
           {"Number of troubles not yet resolved", "まだ解決していないトラブルの件数"}},
          {{"SalesGrowth", "売上成長率"},
           {"Sales growth per year as a fraction (SALESTREND)",
            "年あたりの売上成長率（SALESTREND）"}},
          {{"OpenIssues", "未解決課題"}, {"Number of open issues", "未解決の課題の件数"}},
          {.name = {"Weights", "重み"},
           .description = {"Optional four non-negative weights (default equal)",
                           "任意。4つの非負の重み（既定は均等）"},
           .optional = true}}},
        {"fanLevel",
         "FANLEVEL",
         {"Fan level of a score: fan, supporter, neutral, at risk",
          "スコアのファン段階：ファン、支持者、中立、要注意"},
         {score, language}},
        {"fanGap",
         "FANGAP",
         {"Points missing to the relationship you want (0 or less: reached)",
          "目指す関係までに足りない点数（0以下なら達成）"},
         {score,
          {{"Goal", "目標"},
           {"partner (80), grow (60), maintain (40), distance (0), or 長期, 拡大, 維持, 距離",
            "partner（80）、grow（60）、maintain（40）、distance（0）、または "
            "長期、拡大、維持、距離"}}}},
        {"avgTouchpointsBy",
         "AVGTOUCHPOINTSBY",
         {"Per group: average touchpoints per customer, touches, customers",
          "グループごとの顧客平均接点回数、接点数、顧客数"},
         {customers, by_touch_dates, groups, keys, start, end, filters}},
        {"distinctCustomersBy",
         "DISTINCTCUSTOMERSBY",
         {"Per group: distinct customers touched in the window",
          "グループごとの期間内に接点のあった顧客数（重複なし）"},
         {customers, by_touch_dates, groups, keys, start, end, filters}},
        {"winRateBy",
         "WINRATEBY",
         {"Per group: win rate, won deals, decided deals",
          "グループごとの受注率、受注数、決着した商談数"},
         {outcomes, by_close_dates, groups, keys, start, end, filters}},
        {"salesTrendBy",
         "SALESTRENDBY",
         {"Per group: sales growth per year, all groups over one window",
          "グループごとの年あたりの売上成長率（全グループ共通の期間）"},
         {sales_dates, amounts, groups, keys, years, as_of, growth_method, filters}},
        {"touchTrendBy",
         "TOUCHTRENDBY",
         {"Matrix: one row per period, one column per group, average touchpoints per customer",
          "行が期間、列がグループの表：顧客平均接点回数"},
         {customers, touch_dates, groups, period, keys, start, end, filters}},
        {"winRateTrendBy",
         "WINRATETRENDBY",
         {"Matrix: one row per period, one column per group, win rate",
          "行が期間、列がグループの表：受注率"},
         {outcomes, close_dates, groups, period, keys, start, end, filters}},
        {"salesByPeriodBy",
         "SALESBYPERIODBY",
         {"Matrix: one row per period, one column per group, total amount",
          "行が期間、列がグループの表：売上合計"},
         {sales_dates, amounts, groups, period, keys, start, end, filters}},
    };
}

} // namespace

std::span<const Function> functions() {
    static const std::vector<Function> table = make_table();
    return table;
}

const Function* by_method(std::string_view method) {
    for (const Function& f : functions())
        if (f.method == method) return &f;
    return nullptr;
}

const Function* by_display(std::string_view display) {
    auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
    for (const Function& f : functions())
        if (std::equal(f.display.begin(), f.display.end(), display.begin(), display.end(),
                       [&](char a, char b) { return a == upper(b); }))
            return &f;
    return nullptr;
}

} // namespace ca::catalog
