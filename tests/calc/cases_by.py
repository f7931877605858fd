"""Calc test cases for the BY functions: every function, every form of Keys and its errors
on a small log worked out by hand, then every office, sales agent and account of
tests/data/maven-crm and every tenant of saas-crm against pandas, with the scalar
function and a (Groups; key) filter in the same document giving the same value."""
import os

import numpy as np
import pandas as pd
from scipy import stats

from common import DATA, ERR, NA, serial

q = chr(34)

# Customer, date, dept, outcome, amount. Rows 2..11 of sheet Log.
LOG = [
    ["Customer", "Date", "Dept", "Outcome", "Amount"],
    ["C1", serial("2024-04-03"), "East", "won", 100.0],         # 1
    [" c1 ", "2024/4/15", "east", "lost", 0.0],                 # 2
    ["C2", "2024年5月1日", "East", "受注", 50.0],                # 3
    [None, serial("2024-05-02"), "West", "won", 30.0],          # 4 no customer
    [1001.0, serial("2024-05-20"), "West", "失注", 0.0],         # 5
    ["1001", serial("2024-06-01"), "West", "open", None],       # 6
    ["C3", serial("2024-06-15") + 0.75, 10.0, "won", 20.0],     # 7 a number as dept
    ["C1", "2024/07/01", " WEST", None, 40.0],                  # 8
    ["C2", None, "East", "won", 10.0],                          # 9 no date
    ["C4", serial("2024-03-31"), None, "lost", 5.0],            # 10 no dept
]
CU, DA, DE, OU, AM = ("$Log.%s2:%s11" % (c, c) for c in "ABCDE")
KL, KR = "$Keys.A1:A3", "$Keys.C1:E1"  # the same keys in a column and in a row


def by():
    avg = f"AVGTOUCHPOINTSBY({CU};{DA};{DE})"
    win = f"WINRATEBY({OU};;{DE})"
    tt = f"TOUCHTRENDBY({CU};{DA};{DE})"
    wt = f"WINRATETRENDBY({OU};{DA};{DE})"
    sp = f"SALESBYPERIODBY({DA};{AM};{DE})"
    return {
        "sheets": {"Log": LOG, "Keys": [["west", None, "west", "nobody", 10.0], ["nobody"], [10.0]]},
        "cases": [
            # Keys omitted: a sorted table with keys. Groups: 10, East (1,2,3), West (5,6,8).
            ("table: one row per group", f"=ROWS({avg})", 3.0),
            ("table: key, average, touches, customers", f"=COLUMNS({avg})", 4.0),
            ("numbers sort first", f"=INDEX({avg};1;1)", 10.0),
            ("then texts, first spelling kept", f"=INDEX({avg};2;1)", "East"),
            ("East: 3 touches / 2 customers (C1 twice)", f"=INDEX({avg};2;2)", 1.5),
            ("East touches", f"=INDEX({avg};2;3)", 3.0),
            ("West: 1001 as number and text is one customer, C1", f"=INDEX({avg};3;4)", 2.0),
            ("without dates the undated row counts: East 4 / 2",
             f'=AVGTOUCHPOINTSBY({CU};;{DE};"east")', 2.0),
            ("window May-June: West 2 touches / 1 customer",
             f'=AVGTOUCHPOINTSBY({CU};{DA};{DE};"West";"2024-05-01";"2024-06-30")', 2.0),
            ("the scalar with a filter agrees",
             f'=AVGTOUCHPOINTS({CU};{DA};"2024-05-01";"2024-06-30";;{DE};"West")', 2.0),
            # Customers as Groups: a table per customer, each group its one customer. With
            # dates: C1 rows 1, 2, 8; 1001 rows 5, 6 (number and text); C2 row 3; C3; C4.
            ("per customer: C1's touches", f'=AVGTOUCHPOINTSBY({CU};{DA};{CU};"c1")', 3.0),
            ("per customer: 1001 as number and text", f"=AVGTOUCHPOINTSBY({CU};{DA};{CU};1001)", 2.0),
            ("per customer: five customers", f"=ROWS(AVGTOUCHPOINTSBY({CU};{DA};{CU}))", 5.0),
            ("per customer: one customer a group",
             f"=SUMPRODUCT(INDEX(AVGTOUCHPOINTSBY({CU};{DA};{CU});0;4))", 5.0),
            ("per customer: DISTINCTCUSTOMERSBY", f'=DISTINCTCUSTOMERSBY({CU};{DA};{CU};"C2")', 1.0),
            # Keys a range: values only, in its order; a missing key empty or 0.
            ("list: rows", f"=ROWS(WINRATEBY({OU};;{DE};{KL}))", 3.0),
            ("list: values only", f"=COLUMNS(WINRATEBY({OU};;{DE};{KL}))", 3.0),
            ("list: West 1 won of 2 decided", f"=INDEX(WINRATEBY({OU};;{DE};{KL});1;1)", 0.5),
            ("list: a missing key has an empty rate (TRUE)",
             f'=INDEX(WINRATEBY({OU};;{DE};{KL});2;1)=""', 1.0),
            ("list: ... and 0 decided", f"=INDEX(WINRATEBY({OU};;{DE};{KL});2;3)", 0.0),
            ("list: 10 won 1 of 1", f"=INDEX(WINRATEBY({OU};;{DE};{KL});3;1)", 1.0),
            ("a row of keys: one column per key", f"=COLUMNS(WINRATEBY({OU};;{DE};{KR}))", 3.0),
            ("a row of keys: West's decided", f"=INDEX(WINRATEBY({OU};;{DE};{KR});3;1)", 2.0),
            ("an inline column of keys", f'=INDEX(WINRATEBY({OU};;{DE};{{"east"|"x"}});1;2)', 3.0),
            ("an inline row of keys", f'=INDEX(WINRATEBY({OU};;{DE};{{"east";"x"}});2;1)', 3.0),
            # Keys a single value: one number for fill-down.
            ("single: East 3 won of 4", f'=WINRATEBY({OU};;{DE};"EAST")', 0.75),
            ("single: a cell holding the key", f"=WINRATEBY({OU};;{DE};$Keys.A1)", 0.5),
            ("single: with close dates, the undated win drops: 2/3",
             f'=WINRATEBY({OU};{DA};{DE};"east")', 2 / 3),
            ("single: a number key", f"=DISTINCTCUSTOMERSBY({CU};{DA};{DE};10)", 1.0),
            ("single: a missing key counts no customer", f'=DISTINCTCUSTOMERSBY({CU};{DA};{DE};"x")', 0.0),
            ("single: a missing key has no average", f'=AVGTOUCHPOINTSBY({CU};{DA};{DE};"x")', NA),
            ("single: filters apply: customer C1 in East is won 1, lost 1",
             f'=WINRATEBY({OU};;{DE};"east";;;{CU};"c1")', 0.5),
            ("the scalar with both filters agrees", f'=WINRATE({OU};;;;{DE};"east";{CU};"c1")', 0.5),
            # SALESTRENDBY: one window ending with the latest date of all rows (2024-07).
            ("East: Apr..Jul 100, 50, 0, 0: 12 x slope -35 / mean 37.5",
             f'=SALESTRENDBY({DA};{AM};{DE};"East")', -11.2),
            ("West: May..Jul 30, 0, 40", f'=SALESTRENDBY({DA};{AM};{DE};"West")', 18 / 7),
            ("the scalar with a filter and the same AsOf agrees",
             f'=SALESTREND({DA};{AM};;"2024-07-01";;{DE};"West")', 18 / 7),
            ("10: one month is too little", f"=SALESTRENDBY({DA};{AM};{DE};10)", NA),
            ("table: an empty cell where too little history (TRUE)",
             f"=INDEX(SALESTRENDBY({DA};{AM};{DE});1;2)=\"\"", 1.0),
            ("yoy needs 24 months", f'=SALESTRENDBY({DA};{AM};{DE};"East";2;;"yoy")', NA),
            # Matrices: a header row of keys, the period start first.
            ("touch matrix: header + Apr..Jul", f"=ROWS({tt})", 5.0),
            ("touch matrix: start + 3 groups", f"=COLUMNS({tt})", 4.0),
            ("header: East", f"=INDEX({tt};1;3)", "East"),
            ("first period 2024-04-01", f"=INDEX({tt};2;1)", serial("2024-04-01")),
            ("April East: 2 touches / 1 customer", f"=INDEX({tt};2;3)", 2.0),
            ("April West: no touch, empty (TRUE)", f'=INDEX({tt};2;4)=""', 1.0),
            ("June 10", f"=INDEX({tt};4;2)", 1.0),
            ("the scalar series with a filter agrees",
             f'=INDEX(TOUCHTREND({CU};{DA};;"2024-04-01";;;{DE};"east");1;2)', 2.0),
            ("keys as a list: columns only, West and 10 from May",
             f"=ROWS(TOUCHTRENDBY({CU};{DA};{DE};;{KL}))", 3.0),
            ("... one column per key", f"=COLUMNS(TOUCHTRENDBY({CU};{DA};{DE};;{KL}))", 3.0),
            ("one key: its column", f'=COLUMNS(TOUCHTRENDBY({CU};{DA};{DE};;"East"))', 1.0),
            ("one key: East April..May", f'=ROWS(TOUCHTRENDBY({CU};{DA};{DE};;"East"))', 2.0),
            ("win matrix: Apr..Jun", f"=ROWS({wt})", 4.0),
            ("May West: 1 won of 2", f"=INDEX({wt};3;4)", 0.5),
            ("quarterly: header and Q2", f'=ROWS(WINRATETRENDBY({OU};{DA};{DE};"quarter"))', 2.0),
            ("Q2 East 2 of 3", f'=INDEX(WINRATETRENDBY({OU};{DA};{DE};"quarter");2;3)', 2 / 3),
            ("sales matrix April East 100", f"=INDEX({sp};2;3)", 100.0),
            ("sales matrix April West 0", f"=INDEX({sp};2;4)", 0.0),
            ("sales matrix July West 40", f"=INDEX({sp};5;4)", 40.0),
            ("the scalar series with a filter agrees",
             f'=INDEX(SALESBYPERIOD({DA};{AM};;;;{DE};"west");3;2)', 40.0),
            # Errors.
            ("groups of another length", f'=WINRATEBY({OU};;$Log.C2:C10;"east")', ERR),
            ("names as dates", f'=WINRATEBY({OU};{CU};{DE};"east")', ERR),
            ("a matrix needs dates", f"=ROWS(WINRATETRENDBY({OU};;{DE}))", ERR),
            ("unknown period", f'=ROWS(SALESBYPERIODBY({DA};{AM};{DE};"week"))', ERR),
            ("a block of keys", f"=ROWS(WINRATEBY({OU};;{DE};$Keys.A1:B3))", ERR),
            ("an inline array as groups", f'=WINRATEBY({OU};;{{"a";"b"}};"a")', "Err:504"),
        ],
    }


def sales_growth(totals, last):
    """SALESTREND linear of monthly totals (a pd.Series indexed by Period) in the 24
    months ending with `last`, from the first non-zero month: scipy's OLS slope."""
    first = max(last - 23, min((m for m, v in totals.items() if v != 0 and m <= last), default=last + 1))
    if first > last:
        return NA
    y = np.array([totals.get(m, 0.0) for m in pd.period_range(first, last, freq="M")])
    if len(y) < 3 or y.mean() == 0:
        return NA
    return 12 * stats.linregress(np.arange(1, len(y) + 1), y).slope / y.mean()


def by_crosscheck():
    deals = pd.read_csv(os.path.join(DATA, "maven-crm", "sales_pipeline.csv"))
    teams = pd.read_csv(os.path.join(DATA, "maven-crm", "sales_teams.csv"))
    deals = deals.merge(teams, on="sales_agent", how="left")
    rows = [["Account", "Agent", "Office", "Stage", "Engaged", "Closed", "Value"]]
    for r in deals.itertuples():
        rows.append([r.account if isinstance(r.account, str) else None, r.sales_agent,
                     r.regional_office, r.deal_stage,
                     None if pd.isna(r.engage_date) else serial(r.engage_date),
                     None if pd.isna(r.close_date) else serial(r.close_date),
                     None if pd.isna(r.close_value) else float(r.close_value)])
    n = len(deals) + 1
    AC, AG, OF, ST, EN, CL, VA = (f"$Deals.{c}2:{c}{n}" for c in "ABCDEFG")
    closed = deals[deals.deal_stage.isin(["Won", "Lost"])]
    ledger = deals[deals.close_date.notna() & deals.close_value.notna()].copy()
    ledger["month"] = pd.to_datetime(ledger.close_date).dt.to_period("M")
    last = pd.Period("2017-12", freq="M")
    touched = deals[deals.account.notna() & deals.engage_date.notna()]
    cases = []
    for column, label, groups in (("C", "office", OF), ("B", "agent", AG), ("A", "account", AC)):
        field = {"C": "regional_office", "B": "sales_agent", "A": "account"}[column]
        keys = sorted(deals[field].dropna().unique())
        for k in keys:
            d = closed[closed[field] == k]
            rate = (d.deal_stage == "Won").mean() if len(d) else NA
            cases.append((f"pandas: win rate of {label} {k}", f'=WINRATEBY({ST};;{groups};"{k}")', rate))
            cases.append((f"WINRATE with a filter, {label} {k}", f'=WINRATE({ST};;;;{groups};"{k}")', rate))
            g = ledger[ledger[field] == k]
            growth = sales_growth(g.groupby("month").close_value.sum().to_dict(), last)
            cases.append((f"scipy: sales growth of {label} {k}",
                          f'=SALESTRENDBY({CL};{VA};{groups};"{k}";2;"2017-12-31")', growth))
            cases.append((f"SALESTREND with a filter, {label} {k}",
                          f'=SALESTREND({CL};{VA};2;"2017-12-31";;{groups};"{k}")', growth))
            if label != "account":
                t = touched[touched[field] == k]
                avg = len(t) / t.account.nunique() if len(t) else NA
                cases.append((f"pandas: deals per account of {label} {k}",
                              f'=AVGTOUCHPOINTSBY({AC};{EN};{groups};"{k}")', avg))
                cases.append((f"AVGTOUCHPOINTS with a filter, {label} {k}",
                              f'=AVGTOUCHPOINTS({AC};{EN};;;;{groups};"{k}")', avg))
    # Whole tables against pandas groupby.
    per_office = touched.groupby("regional_office").agg(n=("account", "size"), c=("account", "nunique"))
    for i, (office, r) in enumerate(per_office.iterrows(), start=1):
        cases.append((f"table row {i} is {office}", f"=INDEX(AVGTOUCHPOINTSBY({AC};{EN};{OF});{i};1)", office))
        cases.append((f"pandas groupby: {office} accounts", f"=INDEX(DISTINCTCUSTOMERSBY({AC};{EN};{OF});{i};2)", float(r.c)))
    closed_q = closed.assign(fq=pd.to_datetime(closed.close_date).dt.to_period("Q-MAR"))
    wq = closed_q.groupby(["fq", "regional_office"]).deal_stage.agg(lambda s: (s == "Won").mean()).unstack()
    m = f'WINRATETRENDBY({ST};{CL};{OF};"fq")'
    cases.append(("fiscal quarters of the win matrix", f"=ROWS({m})", float(len(wq) + 1)))
    for i, period in enumerate(wq.index, start=2):
        for j, office in enumerate(wq.columns, start=2):
            cases.append((f"pandas: win rate {period} {office}", f"=INDEX({m};{i};{j})", wq.loc[period, office]))
    sm = ledger.groupby(["month", "regional_office"]).close_value.sum().unstack(fill_value=0.0)
    s = f"SALESBYPERIODBY({CL};{VA};{OF})"
    cases.append(("months of the sales matrix", f"=ROWS({s})", float(len(sm) + 1)))
    for i, month in enumerate(sm.index, start=2):
        for j, office in enumerate(sm.columns, start=2):
            cases.append((f"pandas: sales {month} {office}", f"=INDEX({s};{i};{j})", float(sm.loc[month, office])))

    # saas-crm: touches per tenant, every tenant (zero-touch ones #N/A, as the scalar).
    acts = pd.read_csv(os.path.join(DATA, "saas-crm", "crm_activities.csv"))
    tenants = pd.read_csv(os.path.join(DATA, "saas-crm", "tenants.csv"))
    acts = acts.merge(tenants[["tenant_id", "region"]], on="tenant_id", how="left")
    arows = [["tenant_id", "activity_date", "region"]]
    for t, d, reg in zip(acts.tenant_id, acts.activity_date, acts.region):
        arows.append([t, serial(d), reg if isinstance(reg, str) else None])
    na = len(acts) + 1
    T, D, R = (f"$Activities.{c}2:{c}{na}" for c in "ABC")
    counts = acts.groupby("tenant_id").size()
    for t in tenants.tenant_id:
        want = float(counts[t]) if t in counts else NA
        cases.append((f"pandas: touches of tenant {t}", f'=AVGTOUCHPOINTSBY({T};{D};{T};"{t}")', want))
    for t in tenants.tenant_id[:40]:
        want = float(counts[t]) if t in counts else NA
        cases.append((f"AVGTOUCHPOINTS with a filter, tenant {t}", f'=AVGTOUCHPOINTS({T};{D};;;;{T};"{t}")', want))
    per_region = acts.groupby("region").agg(n=("tenant_id", "size"), c=("tenant_id", "nunique"))
    for region, r in per_region.iterrows():
        cases.append((f"pandas: touches per tenant in {region}", f'=AVGTOUCHPOINTSBY({T};{D};{R};"{region}")', r.n / r.c))
    return {"sheets": {"Deals": rows, "Activities": arows}, "cases": cases}


DOCS = {"by": by, "by_crosscheck": by_crosscheck}
