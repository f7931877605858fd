"""Calc test cases for the touchpoint functions: for each document its data sheets and
(case, formula, expected).

Expected values are worked out by hand from the small data below (the comments show the
arithmetic) or computed by pandas from tests/data. "Err:502" and "#N/A" expect those
errors.
"""
import os

import pandas as pd

from common import DATA, ERR, NA, serial


# A touch log with the traps real ones have: ids differing in case and blanks, a blank id,
# a number id and the same id as text, text dates in every accepted form, a blank date, a
# time of day. Rows 2..11 of sheet Log.
TOUCH_LOG = [
    ["Customer", "Date", "Dept", "Channel", "List", "List2", "Blank"],
    ["C001", serial("2024-04-03"), "Sales", "visit", "C001", "C001", None],
    [" c001 ", "2024/4/15", "Sales", "call", "C002", "c001", None],
    ["C002", "2024年5月1日", "Sales", "mail", "C003", "C005", None],
    [None, serial("2024-05-02"), "Sales", "call", "C004", None, None],
    [1001.0, serial("2024-05-20"), "Support", "visit", "C005", None, None],
    ["1001", "2024-06-01", "Support", "call", "1001", None, None],
    ["C003", serial("2024-06-15") + 0.75, "Support", "VISIT", None, None, None],
    ["C001", "2024/07/01", "Sales", "visit", None, None, None],
    ["C002", None, "Sales", "call", None, None, None],
    ["C004", "2024-03-31", "Sales", "mail", None, None, None],
]
# Touches with an id: rows 1,2,3,5,6,7,8,9,10 (9); ids c001 c002 1001 c003 c004 (5).
# With dates, row 9 (no date) drops out: 8 touches, 5 ids.

L = "$Log.A2:A11"
D = "$Log.B2:B11"


def avgtouchpoints():
    return {
        "sheets": {"Log": TOUCH_LOG, "Plain": TOUCH_LOG[1:]},
        "cases": [
            ("no dates: 9 touches / 5 ids", f"=AVGTOUCHPOINTS({L})", 9 / 5),
            ("with dates: undated row skipped, 8/5", f"=AVGTOUCHPOINTS({L};{D})", 8 / 5),
            ("start only: 7 touches / 4 ids", f'=AVGTOUCHPOINTS({L};{D};"2024-04-01")', 7 / 4),
            ("April-May: 4 touches / 3 ids", f'=AVGTOUCHPOINTS({L};{D};"2024-04-01";"2024-05-31")', 4 / 3),
            ("June, text forms 2024/6/1 and 年月日", f'=AVGTOUCHPOINTS({L};{D};"2024/6/1";"2024年6月30日")', 1.0),
            ("start as a date serial", f"=AVGTOUCHPOINTS({L};{D};DATE(2024;7;1))", 1.0),
            ("time of day ignored, one-day window", f'=AVGTOUCHPOINTS({L};{D};"2024-06-15";"2024-06-15")', 1.0),
            ("a blank End cell reads as 0: no end", f'=AVGTOUCHPOINTS({L};{D};"2024-04-01";$Log.G2)', 7 / 4),
            ("end only: up to March", f'=AVGTOUCHPOINTS({L};{D};;"2024-03-31")', 1.0),
            ("no touch in the window", f'=AVGTOUCHPOINTS({L};{D};"2025-01-01")', NA),
            ("start after end", f'=AVGTOUCHPOINTS({L};{D};"2024-06-01";"2024-05-01")', ERR),
            ("start not a date", f'=AVGTOUCHPOINTS({L};{D};"next week")', ERR),
            ("impossible date 2024-02-30", f'=AVGTOUCHPOINTS({L};{D};"2024-02-30")', ERR),
            ("start without dates", f'=AVGTOUCHPOINTS({L};;"2024-04-01")', ERR),
            ("customer list of 6, zero-touch C005 counts: 9/6", f"=AVGTOUCHPOINTS({L};;;;$Log.E2:E7)", 9 / 6),
            ("customer list with window: 4/6", f'=AVGTOUCHPOINTS({L};{D};"2024-04-01";"2024-05-31";$Log.E2:E7)', 4 / 6),
            ("list with duplicates C001,c001,C005: 3/2", f"=AVGTOUCHPOINTS({L};;;;$Log.F2:F4)", 3 / 2),
            ("list of blanks only", f"=AVGTOUCHPOINTS({L};;;;$Log.G2:G4)", NA),
            ("filter Dept=Sales: 6 touches / 3 ids", f'=AVGTOUCHPOINTS({L};;;;;$Log.C2:C11;"Sales")', 2.0),
            ("filter case-insensitive 'support': 3/2", f'=AVGTOUCHPOINTS({L};;;;;$Log.C2:C11;"support")', 1.5),
            ("two filters Sales + visit", f'=AVGTOUCHPOINTS({L};;;;;$Log.C2:C11;"Sales";$Log.D2:D11;"VISIT")', 2.0),
            ("filter on a number value 1001", f"=AVGTOUCHPOINTS({L};;;;;{L};1001)", 2.0),
            ("filter matching nothing", f'=AVGTOUCHPOINTS({L};;;;;$Log.C2:C11;"Marketing")', NA),
            ("odd filter arguments", f"=AVGTOUCHPOINTS({L};;;;;$Log.C2:C11)", ERR),
            ("filter range of another length", f'=AVGTOUCHPOINTS({L};;;;;$Log.C2:C10;"Sales")', ERR),
            ("dates of another length", f"=AVGTOUCHPOINTS({L};$Log.B2:B10)", ERR),
            ("text that is not a date in the dates", f"=AVGTOUCHPOINTS({L};$Log.D2:D11)", ERR),
            ("a block two columns wide", f"=AVGTOUCHPOINTS($Log.A2:B11)", ERR),
            ("only blank customers", f"=AVGTOUCHPOINTS($Log.G2:G11)", NA),
            ("whole columns A:A, B:B", "=AVGTOUCHPOINTS($Plain.A:A;$Plain.B:B)", 8 / 5),
            ("a row instead of a column: C001 twice", "=AVGTOUCHPOINTS($Log.E2:F2)", 2.0),
        ],
    }


def distinctcustomers():
    return {
        "sheets": {"Log": TOUCH_LOG, "Plain": TOUCH_LOG[1:], "Typed": [["a"], [" A"], ["b"], [None]]},
        "cases": [
            ("no dates: c001 c002 1001 c003 c004", f"=DISTINCTCUSTOMERS({L})", 5.0),
            ("with dates: C002 also has a dated touch", f"=DISTINCTCUSTOMERS({L};{D})", 5.0),
            ("April-May", f'=DISTINCTCUSTOMERS({L};{D};"2024-04-01";"2024-05-31")', 3.0),
            ("June, text window", f'=DISTINCTCUSTOMERS({L};{D};"2024/6/1";"2024年6月30日")', 2.0),
            ("no touch in the window gives 0", f'=DISTINCTCUSTOMERS({L};{D};"2025-01-01")', 0.0),
            ("only blank ids give 0", "=DISTINCTCUSTOMERS($Log.G2:G11)", 0.0),
            ("filter Sales", f'=DISTINCTCUSTOMERS({L};;;;{"$Log.C2:C11"};"sales")', 3.0),
            ("filter Support: 1001 as number and text is one id", f'=DISTINCTCUSTOMERS({L};;;;$Log.C2:C11;"Support")', 2.0),
            ("two filters", f'=DISTINCTCUSTOMERS({L};;;;$Log.C2:C11;"Sales";$Log.D2:D11;"visit")', 1.0),
            ("filter matching nothing gives 0", f'=DISTINCTCUSTOMERS({L};;;;$Log.C2:C11;"HR")', 0.0),
            ("the list column: C001..C005 and 1001", "=DISTINCTCUSTOMERS($Log.E2:E7)", 6.0),
            ("a row: C001 twice", "=DISTINCTCUSTOMERS($Log.E2:F2)", 1.0),
            ("whole columns", "=DISTINCTCUSTOMERS($Plain.A:A;$Plain.B:B)", 5.0),
            ("typed ids with case and blanks", "=DISTINCTCUSTOMERS($Typed.A1:A4)", 2.0),
            ("an inline array where a reference is required", '=DISTINCTCUSTOMERS({"a";"b"})', "Err:504"),
            ("odd filter arguments", f"=DISTINCTCUSTOMERS({L};;;;$Log.C2:C11)", ERR),
            ("start after end", f'=DISTINCTCUSTOMERS({L};{D};"2024-06-01";"2024-05-01")', ERR),
            ("dates of another length", f"=DISTINCTCUSTOMERS({L};$Log.B2:B9)", ERR),
            ("text that is not a date", f"=DISTINCTCUSTOMERS({L};$Log.D2:D11)", ERR),
            ("a two-column block", "=DISTINCTCUSTOMERS($Log.A2:B11)", ERR),
            ("start without dates", f'=DISTINCTCUSTOMERS({L};;"2024-04-01")', ERR),
        ],
    }


def touchtrend():
    # Dated touches with an id: Mar C004 | Apr c001 c001 | May C002 1001 | Jun 1001 C003 | Jul C001
    def t(args=""):
        return f"TOUCHTREND({L};{D}{args})"
    q = chr(34)
    return {
        "sheets": {"Log": TOUCH_LOG},
        "cases": [
            ("months March..July", f"=ROWS({t()})", 5.0),
            ("three columns", f"=COLUMNS({t()})", 3.0),
            ("first period 2024-03-01", f"=INDEX({t()};1;1)", serial("2024-03-01")),
            ("April: c001 twice", f"=INDEX({t()};2;2)", 2.0),
            ("April: 2 touches", f"=INDEX({t()};2;3)", 2.0),
            ("May: two customers, one touch each", f"=INDEX({t()};3;2)", 1.0),
            ("last period 2024-07-01", f"=INDEX({t()};5;1)", serial("2024-07-01")),
            ("quarters: Q1..Q3", f"=ROWS({t(';' + q + 'quarter' + q)})", 3.0),
            ("Q2: 6 touches / 4 customers", f"=INDEX({t(';' + q + '四半期' + q)};2;2)", 1.5),
            ("fy: FY2023 (March) and FY2024", f"=ROWS({t(';' + q + 'fy' + q)})", 2.0),
            ("fy: FY2024 starts 2024-04-01", f"=INDEX({t(';' + q + '年度' + q)};2;1)", serial("2024-04-01")),
            ("FY2024: 7 touches / 4 customers", f"=INDEX({t(';' + q + 'fy' + q)};2;2)", 1.75),
            ("year: 8 / 5", f"=INDEX({t(';' + q + 'year' + q)};1;2)", 1.6),
            ("fq: first quarter starts 2024-01-01", f"=INDEX({t(';' + q + 'fq' + q)};1;1)", serial("2024-01-01")),
            ("fy10 starts 2023-10-01", f"=INDEX({t(';' + q + 'FY10' + q)};1;1)", serial("2023-10-01")),
            ("fq2: May-July has 5 touches", f"=INDEX({t(';' + q + 'fq2' + q)};2;3)", 5.0),
            ("月 is month", f"=ROWS({t(';' + q + '月' + q)})", 5.0),
            ("Start/End widen: Jan..Aug", f"=ROWS({t(';;' + q + '2024-01-01' + q + ';' + q + '2024-08-31' + q)})", 8.0),
            ("January without touches: empty average (TRUE)", f"=INDEX({t(';;' + q + '2024-01-01' + q)};1;2)=\"\"", 1.0),
            ("January: 0 touches", f"=INDEX({t(';;' + q + '2024-01-01' + q)};1;3)", 0.0),
            ("customer list of 6: April 2/6", f"=INDEX({t(';;;;$Log.E2:E7')};2;2)", 2 / 6),
            ("customer list: an empty month averages 0", f"=INDEX({t(';;' + q + '2024-01-01' + q + ';;$Log.E2:E7')};1;2)", 0.0),
            ("filter Sales: June is empty", f"=INDEX({t(';;;;;$Log.C2:C11;' + q + 'Sales' + q)};4;3)", 0.0),
            ("unknown period", f"=ROWS({t(';' + q + 'week' + q)})", ERR),
            ("fy13", f"=ROWS({t(';' + q + 'fy13' + q)})", ERR),
            ("text that is not a date", f"=ROWS(TOUCHTREND({L};$Log.D2:D11))", ERR),
            ("dates of another length", f"=ROWS(TOUCHTREND({L};$Log.B2:B9))", ERR),
            ("no touch after the start", f"=ROWS({t(';;' + q + '2025-01-01' + q)})", NA),
            ("start after end", f"=ROWS({t(';;' + q + '2024-06-01' + q + ';' + q + '2024-05-01' + q)})", ERR),
            ("odd filter arguments", f"=ROWS({t(';;;;;$Log.C2:C11')})", ERR),
        ],
    }


def saas_crosscheck():
    """Touches per tenant on tests/data/saas-crm, expected values by pandas."""
    acts = pd.read_csv(os.path.join(DATA, "saas-crm", "crm_activities.csv"))
    tenants = pd.read_csv(os.path.join(DATA, "saas-crm", "tenants.csv"))
    dates = pd.to_datetime(acts["activity_date"])
    listed = acts["tenant_id"].isin(tenants["tenant_id"])
    n_tenants = tenants["tenant_id"].nunique()
    in_2024 = (dates >= "2024-01-01") & (dates <= "2024-12-31")
    q2 = (dates >= "2024-04-01") & (dates <= "2024-06-30")
    rows = [["tenant_id", "activity_date", "activity_type"]]
    for t, d, kind in zip(acts["tenant_id"], acts["activity_date"], acts["activity_type"]):
        rows.append([t if isinstance(t, str) else None, serial(d), kind])
    n = len(acts) + 1
    T, A, K = f"$Activities.A2:A{n}", f"$Activities.B2:B{n}", f"$Activities.C2:C{n}"
    TL = f"$Tenants.A2:A{len(tenants) + 1}"
    calls = acts["activity_type"] == "call_completed"
    # TOUCHTREND by month, every tenant in the denominator; DISTINCTCUSTOMERS per quarter.
    month = dates.dt.to_period("M")
    per_month = acts[listed].groupby(month[listed]).size()
    trend = f"TOUCHTREND({T};{A};;;;{TL})"
    trend_cases = [("pandas: months of activity", f"=ROWS({trend})", float(len(per_month)))]
    for i in range(len(per_month)):
        trend_cases.append((f"pandas: {per_month.index[i]} touches per tenant", f"=INDEX({trend};{i + 1};2)",
                            per_month.iloc[i] / n_tenants))
        trend_cases.append((f"pandas: {per_month.index[i]} touches", f"=INDEX({trend};{i + 1};3)",
                            float(per_month.iloc[i])))
    quarter = dates.dt.to_period("Q")
    for qtr, ids in acts.groupby(quarter)["tenant_id"]:
        start, end = qtr.start_time.strftime("%Y-%m-%d"), qtr.end_time.strftime("%Y-%m-%d")
        trend_cases.append((f"pandas: distinct tenants {qtr}",
                            f'=DISTINCTCUSTOMERS({T};{A};"{start}";"{end}")', float(ids.nunique())))
    return {
        "sheets": {"Activities": rows, "Tenants": [["tenant_id"]] + [[t] for t in tenants["tenant_id"]]},
        "cases": [
            ("pandas: all touches / all tenants (zero-touch count)",
             f"=AVGTOUCHPOINTS({T};;;;{TL})", listed.sum() / n_tenants),
            ("Calc's own SUMPRODUCT(COUNTIF) agrees",
             f"=SUMPRODUCT(COUNTIF({TL};{T}))/COUNTA({TL})", listed.sum() / n_tenants),
            ("pandas: 2024 touches / all tenants",
             f'=AVGTOUCHPOINTS({T};{A};"2024-01-01";"2024-12-31";{TL})', (listed & in_2024).sum() / n_tenants),
            ("Calc's own COUNTIFS agrees",
             f'=SUMPRODUCT(COUNTIF({TL};{T})*({A}>=DATE(2024;1;1))*({A}<=DATE(2024;12;31)))/COUNTA({TL})',
             (listed & in_2024).sum() / n_tenants),
            ("pandas: Q2 2024 per touched tenant",
             f'=AVGTOUCHPOINTS({T};{A};"2024-04-01";"2024-06-30")', q2.sum() / acts[q2]["tenant_id"].nunique()),
            ("pandas: calls per tenant called",
             f'=AVGTOUCHPOINTS({T};;;;;{K};"call_completed")', calls.sum() / acts[calls]["tenant_id"].nunique()),
            ("pandas: distinct tenants touched",
             f"=DISTINCTCUSTOMERS({T})", float(acts["tenant_id"].nunique())),
        ] + trend_cases,
    }


DOCS = {
    "avgtouchpoints": avgtouchpoints,
    "distinctcustomers": distinctcustomers,
    "touchtrend": touchtrend,
    "saas_crosscheck": saas_crosscheck,
}
