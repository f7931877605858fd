"""Calc test cases for SALESBYPERIOD, SALESTREND, SALESTRENDSTAT and SEASONALINDEX.

A small hand-made ledger (monthly totals by hand: Jan 100, Feb 120, Mar 0, Apr 150, May 130,
Jun 150) whose statistics scipy computes; the generated three-year ledger and the won deals
of maven-crm with the reference values of tests/reference/sales_reference.json (scipy,
statsmodels, pandas), and Calc's own SUMIFS and LINEST in the same documents."""
import json
import os
import sys

import pandas as pd

from common import DATA, ERR, NA, serial

REFERENCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference")
sys.path.insert(0, REFERENCE)
from sales_reference import statistics  # noqa: E402  (scipy, not the add-in)

with open(os.path.join(REFERENCE, "sales_reference.json")) as f:
    REF = json.load(f)

# Date, amount, department. Rows 2..12.
LEDGER = [
    ["Date", "Amount", "Dept"],
    [serial("2024-01-05"), 60.0, "East"],
    ["2024/1/20", 40.0, "West"],
    [serial("2024-02-10"), 120.0, "East"],
    ["2024年4月1日", 150.0, "East"],
    [serial("2024-05-15"), 130.0, "West"],
    [serial("2024-06-30"), 100.0, "East"],
    ["2024-06-01", 70.0, "West"],
    [serial("2024-05-20"), None, "East"],        # no amount: skipped
    [None, 999.0, "East"],                      # no date: skipped
    [serial("2024-06-10"), -20.0, "East"],      # a refund counts
    [serial("2024-06-11"), 0.0, "West"],
]
DT, AM, DP = "$Ledger.A2:A12", "$Ledger.B2:B12", "$Ledger.C2:C12"
SMALL = [100.0, 120.0, 0.0, 150.0, 130.0, 150.0]
SMALL_STATS = statistics(SMALL)
APRIL_STATS = statistics(SMALL[:4])
WEST_STATS = statistics([40.0, 0.0, 0.0, 0.0, 130.0, 70.0])
q = chr(34)


def salesbyperiod():
    s = lambda args="": f"SALESBYPERIOD({DT};{AM}{args})"  # noqa: E731
    return {
        "sheets": {"Ledger": LEDGER},
        "cases": [
            ("months January..June", f"=ROWS({s()})", 6.0),
            ("two columns", f"=COLUMNS({s()})", 2.0),
            ("first period 2024-01-01", f"=INDEX({s()};1;1)", serial("2024-01-01")),
            ("January: 60 + 40 (text date)", f"=INDEX({s()};1;2)", 100.0),
            ("March: no sale is 0", f"=INDEX({s()};3;2)", 0.0),
            ("April: 年月日 text date", f"=INDEX({s()};4;2)", 150.0),
            ("June: 100 + 70 - 20 refund + 0", f"=INDEX({s()};6;2)", 150.0),
            ("calendar quarters: Q2 = 430", f"=INDEX({s(';' + q + 'quarter' + q)};2;2)", 430.0),
            ("fy: FY2023 starts 2023-04-01", f"=INDEX({s(';' + q + 'fy' + q)};1;1)", serial("2023-04-01")),
            ("fy: FY2023 = January..March", f"=INDEX({s(';' + q + '年度' + q)};1;2)", 220.0),
            ("year: 650", f"=INDEX({s(';' + q + 'year' + q)};1;2)", 650.0),
            ("filter East: June 100 - 20", f"=INDEX({s(';;;;' + DP + ';' + q + 'east' + q)};6;2)", 80.0),
            ("Start/End: February..May", f"=ROWS({s(';;' + q + '2024-02-01' + q + ';' + q + '2024-05-31' + q)})", 4.0),
            ("Start/End: first period is February", f"=INDEX({s(';;' + q + '2024-02-01' + q + ';' + q + '2024-05-31' + q)};1;2)", 120.0),
            ("an earlier Start adds a zero month", f"=INDEX({s(';;' + q + '2023-12-01' + q)};1;2)", 0.0),
            ("a window without sales is zeros", f"=INDEX({s(';;' + q + '2025-01-01' + q + ';' + q + '2025-03-31' + q)};3;2)", 0.0),
            ("nothing after the start", f"=ROWS({s(';;' + q + '2025-01-01' + q)})", NA),
            ("text in the amounts", f"=ROWS(SALESBYPERIOD({DT};{DP}))", ERR),
            ("names as dates", f"=ROWS(SALESBYPERIOD({DP};{AM}))", ERR),
            ("amounts of another length", f"=ROWS(SALESBYPERIOD({DT};$Ledger.B2:B11))", ERR),
            ("unknown period", f"=ROWS({s(';' + q + 'weekly' + q)})", ERR),
            ("odd filter arguments", f"=ROWS({s(';;;;' + DP)})", ERR),
            ("start after end", f"=ROWS({s(';;' + q + '2024-05-01' + q + ';' + q + '2024-04-01' + q)})", ERR),
        ],
    }


def salestrend():
    t = lambda args="": f"=SALESTREND({DT};{AM}{args})"  # noqa: E731
    return {
        "sheets": {"Ledger": LEDGER},
        "cases": [
            ("linear (default): 12 x slope / mean, scipy", t(), SMALL_STATS["linear"]),
            ("linear by name, Years 2", t(';2;;' + q + 'linear' + q), SMALL_STATS["linear"]),
            ("theilsen: 12 x Sen's slope / mean", t(';;;' + q + 'TheilSen' + q), SMALL_STATS["theilsen"]),
            ("Years 1 holds the same six months", t(';1'), SMALL_STATS["linear"]),
            ("AsOf mid-April: January..April", t(';;' + q + '2024-04-15' + q), APRIL_STATS["linear"]),
            ("AsOf as a date serial", t(';;DATE(2024;4;15)'), APRIL_STATS["linear"]),
            ("filter West: January..June", t(';;;;' + DP + ';' + q + 'West' + q), WEST_STATS["linear"]),
            ("two months are too little", t(';;' + q + '2024-02-29' + q), NA),
            ("yoy needs 24 months", t(';;;' + q + 'yoy' + q), NA),
            ("cagr needs 24 months", t(';;;' + q + 'cagr' + q), NA),
            ("no sale at all", f'=SALESTREND({DT};{AM};;;;{DP};"North")', NA),
            ("unknown method", t(';;;' + q + 'arima' + q), ERR),
            ("Years 0", t(';0'), ERR),
            ("Years 1.5", t(';1.5'), ERR),
            ("Years as text", t(';' + q + 'two' + q), ERR),
            ("text in the amounts", f"=SALESTREND({DT};{DP})", ERR),
            ("amounts of another length", f"=SALESTREND({DT};$Ledger.B2:B10)", ERR),
            ("AsOf not a date", t(';;' + q + 'soon' + q), ERR),
            ("odd filter arguments", t(';;;;' + DP), ERR),
        ],
    }


def salestrendstat():
    st = lambda stat, args="": f'=SALESTRENDSTAT({DT};{AM};"{stat}"{args})'  # noqa: E731
    cases = [(f"{stat}: scipy / Mann-Kendall", st(stat), SMALL_STATS[stat])
             for stat in ("slope", "intercept", "r2", "t", "p", "sen", "mk_s", "mk_z", "mk_p", "tau", "n")]
    cases += [
        ("stat names ignore case", st("R2"), SMALL_STATS["r2"]),
        ("slope agrees with Calc's LINEST on the totals", "=INDEX(LINEST({100;120;0;150;130;150});1;1)", SMALL_STATS["slope"]),
        ("AsOf mid-April: n = 4", st("n", ";;" + q + "2024-04-15" + q), 4.0),
        ("AsOf mid-April: p", st("p", ";;" + q + "2024-04-15" + q), APRIL_STATS["p"]),
        ("two months are too little, even for n", st("n", ";;" + q + "2024-02-29" + q), NA),
        ("a constant series has no r2", '=SALESTRENDSTAT($Exact.A1:A3;$Exact.B1:B3;"r2")', NA),
        ("an exact line has no t", '=SALESTRENDSTAT($Exact.A1:A3;$Exact.C1:C3;"t")', NA),
        ("unknown statistic", st("median"), ERR),
        ("no statistic", f"=SALESTRENDSTAT({DT};{AM};)", ERR),
        ("Years 101", st("n", ";101"), ERR),
        ("text in the amounts", f'=SALESTRENDSTAT({DT};{DP};"n")', ERR),
    ]
    exact = [["2024-01-01", 5.0, 1.0], ["2024-02-01", 5.0, 2.0], ["2024-03-01", 5.0, 3.0]]
    return {"sheets": {"Ledger": LEDGER, "Exact": exact}, "cases": cases}


def generated_sheets():
    ledger = pd.read_csv(os.path.join(REFERENCE, "generated_ledger.csv"))
    rows = [["Date", "Customer", "Amount"]] + [[serial(d), c, a] for d, c, a in ledger.itertuples(index=False)]
    months = pd.period_range("2021-04", "2024-03", freq="M")
    n = len(ledger) + 1
    totals = [["Month", "Trend", "Control"]]
    for i, m in enumerate(months):
        start, end = m.start_time.strftime("%Y-%m-%d"), m.end_time.strftime("%Y-%m-%d")
        totals.append([serial(start)] + [
            f'=SUMIFS($Ledger.$C$2:$C${n};$Ledger.$B$2:$B${n};"{c}";$Ledger.$A$2:$A${n};">="&DATE({m.year};{m.month};1);'
            f'$Ledger.$A$2:$A${n};"<="&DATE({m.year};{m.month};{m.days_in_month}))' for c in ("Trend", "Control")])
    return rows, totals, n


def seasonalindex():
    ref = REF["generated"]["Trend"]
    ledger = pd.read_csv(os.path.join(REFERENCE, "generated_ledger.csv"))
    trend = ledger[ledger.customer == "Trend"]
    rows = [["Date", "Amount"]] + [[serial(d), a] for d, a in zip(trend.date, trend.amount)]
    n = len(rows)
    D, A = f"$Trend.A2:A{n}", f"$Trend.B2:B{n}"
    cases = []
    for m in (1, 2, 8, 12):
        cases.append((f"month {m}, three years: statsmodels", f"=SEASONALINDEX({D};{A};{m})", ref["seasonal3"][str(m)]))
    for m in (3, 11):
        cases.append((f"month {m}, Years 2: statsmodels", f"=SEASONALINDEX({D};{A};{m};2)", ref["seasonal2"][str(m)]))
    cases += [
        ("12 x 2 array: 12 rows", f"=ROWS(SEASONALINDEX({D};{A}))", 12.0),
        ("12 x 2 array: 2 columns", f"=COLUMNS(SEASONALINDEX({D};{A}))", 2.0),
        ("array: month numbers", f"=INDEX(SEASONALINDEX({D};{A});12;1)", 12.0),
        ("array: December", f"=INDEX(SEASONALINDEX({D};{A});12;2)", ref["seasonal3"]["12"]),
        ("the twelve average 1", f"=AVERAGE(INDEX(SEASONALINDEX({D};{A});0;2))", 1.0),
        ("Years 1 is too little", f"=SEASONALINDEX({D};{A};1;1)", NA),
        ("the small ledger is too short", f"=SEASONALINDEX({DT};{AM};1)", NA),
        ("Month 13", f"=SEASONALINDEX({D};{A};13)", ERR),
        ("Month 1.5", f"=SEASONALINDEX({D};{A};1.5)", ERR),
        ("Years 0", f"=SEASONALINDEX({D};{A};1;0)", ERR),
        ("text in the amounts", f"=SEASONALINDEX({DT};{DP};1)", ERR),
        ("amounts of another length", f"=SEASONALINDEX({D};$Trend.B2:B{n - 1};1)", ERR),
    ]
    return {"sheets": {"Trend": rows, "Ledger": LEDGER}, "cases": cases}


def sales_generated_crosscheck():
    rows, totals, n = generated_sheets()
    D, A, C = f"$Ledger.A2:A{n}", f"$Ledger.C2:C{n}", f"$Ledger.B2:B{n}"
    cases = []
    for customer, col in (("Trend", "B"), ("Control", "C")):
        ref = REF["generated"][customer]
        f = f';$Ledger.B2:B{n};"{customer}"'
        for stat in ("slope", "intercept", "r2", "t", "p", "sen", "mk_s", "mk_z", "mk_p", "tau", "n"):
            cases.append((f"{customer} {stat}: scipy/Mann-Kendall", f'=SALESTRENDSTAT({D};{A};"{stat}";3;{f})', ref["years3"][stat]))
        for method in ("linear", "theilsen", "yoy", "cagr"):
            cases.append((f"{customer} {method}", f'=SALESTREND({D};{A};3;;"{method}"{f})', ref["years3"][method]))
        cases.append((f"{customer} linear, Years 2", f'=SALESTREND({D};{A};;;{f})', ref["years2"]["linear"]))
        cases.append((f"{customer}: Calc's LINEST slope on SUMIFS totals", f"=INDEX(LINEST($Totals.{col}2:{col}37);1;1)", ref["years3"]["slope"]))
        cases.append((f"{customer}: Calc's RSQ on SUMIFS totals", f"=RSQ($Totals.{col}2:{col}37;ROW($Totals.{col}2:{col}37)-1)", ref["years3"]["r2"]))
        cases.append((f"{customer}: SALESBYPERIOD month 7 = SUMIFS", f'=INDEX(SALESBYPERIOD({D};{A};;;{f});7;2)', ref["monthly"][6]))
    growth = 1.015 ** 12 - 1
    cases += [
        ("planted growth 19.6 %: cagr within 2 points (TRUE)",
         f'=ABS(SALESTREND({D};{A};3;;"cagr";{C};"Trend")-{growth})<0.02', 1.0),
        ("the trend is real: mk_p < 0.001 (TRUE)", f'=SALESTRENDSTAT({D};{A};"mk_p";3;;{C};"Trend")<0.001', 1.0),
        ("the control is noise: mk_p > 0.1 (TRUE)", f'=SALESTRENDSTAT({D};{A};"mk_p";3;;{C};"Control")>0.1', 1.0),
    ]
    return {"sheets": {"Ledger": rows, "Totals": totals}, "cases": cases}


def maven_sales_crosscheck():
    deals = pd.read_csv(os.path.join(DATA, "maven-crm", "sales_pipeline.csv"))
    won = deals[deals.deal_stage == "Won"]
    rows = [["Closed", "Value"]] + [[serial(d), float(v)] for d, v in zip(won.close_date, won.close_value)]
    n = len(rows)
    D, V = f"$Won.A2:A{n}", f"$Won.B2:B{n}"
    ref = REF["maven_won"]
    months = pd.period_range(ref["first_month"], periods=len(ref["monthly"]), freq="M")
    totals = [["Month", "SUMIFS"]]
    for m in months:
        totals.append([serial(m.start_time.strftime("%Y-%m-%d")),
                       f'=SUMIFS($Won.$B$2:$B${n};$Won.$A$2:$A${n};">="&DATE({m.year};{m.month};1);'
                       f'$Won.$A$2:$A${n};"<="&DATE({m.year};{m.month};{m.days_in_month}))'])
    k = len(months) + 1
    cases = [("pandas: months with sales", f"=ROWS(SALESBYPERIOD({D};{V}))", float(len(months)))]
    for i, m in enumerate(months):
        cases.append((f"pandas: {m}", f"=INDEX(SALESBYPERIOD({D};{V});{i + 1};2)", ref["monthly"][i]))
        cases.append((f"SUMIFS agrees for {m}", f"=INDEX(SALESBYPERIOD({D};{V});{i + 1};2)-$Totals.B{i + 2}", 0.0))
    cases += [
        ("slope: scipy", f'=SALESTRENDSTAT({D};{V};"slope";2)', ref["stats"]["slope"]),
        ("slope: Calc's LINEST on the SUMIFS totals", f"=INDEX(LINEST($Totals.B2:B{k});1;1)", ref["stats"]["slope"]),
        ("r2: scipy", f'=SALESTRENDSTAT({D};{V};"r2";2)', ref["stats"]["r2"]),
        ("r2: Calc's LINEST", f"=INDEX(LINEST($Totals.B2:B{k};;1;1);3;1)", ref["stats"]["r2"]),
        ("p: scipy", f'=SALESTRENDSTAT({D};{V};"p";2)', ref["stats"]["p"]),
        ("n: months since the first sale", f'=SALESTRENDSTAT({D};{V};"n";2)', float(len(months))),
        ("mk_p: Mann-Kendall", f'=SALESTRENDSTAT({D};{V};"mk_p";2)', ref["stats"]["mk_p"]),
        ("fewer than 24 months: no seasonal index", f"=SEASONALINDEX({D};{V};1)", NA),
    ]
    return {"sheets": {"Won": rows, "Totals": totals}, "cases": cases}


DOCS = {"salesbyperiod": salesbyperiod, "salestrend": salestrend, "salestrendstat": salestrendstat,
        "seasonalindex": seasonalindex, "sales_generated_crosscheck": sales_generated_crosscheck,
        "maven_sales_crosscheck": maven_sales_crosscheck}
