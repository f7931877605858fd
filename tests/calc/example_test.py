#!/usr/bin/python3
"""The example workbook can never silently break: Calc recalculates
examples/customer-analytics.ods with the freshly built add-in, and every dashboard figure
is compared with the same figure computed independently by pandas, numpy and statsmodels
from the workbook's own data sheets and tests/data.

Usage: example_test.py BUILD/addin/oxt
"""
import os
import sys

import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.seasonal import seasonal_decompose

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
sys.path.insert(0, os.path.join(HERE, "..", "..", "examples"))
from office import Office  # noqa: E402
from cases_touchesbefore import expected as touches_before  # noqa: E402
from cases_fanlogs import fan_level, fan_score, latest_value, open_items  # noqa: E402
from cases_stability import WORDS, series, stability, xmr  # noqa: E402
from cases_touchwin import by_group, curve, expected_target  # noqa: E402

WORKBOOK = os.path.join(HERE, "..", "..", "examples", "customer-analytics.ods")
EPOCH = pd.Timestamp("1899-12-30")
warnings.filterwarnings("ignore", category=RuntimeWarning)  # NaT casts of empty dates


def frame(doc, name):
    data = doc.Sheets.getByName(name).getCellRangeByName("A1:G20000").getDataArray()
    header = [h for h in data[0] if h != ""]
    rows = [r[:len(header)] for r in data[1:] if any(v != "" for v in r)]
    return pd.DataFrame(rows, columns=header).replace("", np.nan)


def date(serials):
    return EPOCH + pd.to_timedelta(serials, unit="D")


class Checker:
    def __init__(self, sheet):
        self.sheet, self.count, self.failures = sheet, 0, []

    def num(self, ref, expected, what):
        cell = self.sheet.getCellRangeByName(ref)
        got = cell.getValue() if cell.getError() == 0 else None
        self.count += 1
        ok = got is not None and abs(got - expected) <= 1e-9 * max(1.0, abs(expected))
        if not ok:
            self.failures.append(f"{ref} {what}: workbook {cell.getString()}, reference {expected!r}")
        return ok

    def text(self, ref, expected, what):
        got = self.sheet.getCellRangeByName(ref).getString()
        self.count += 1
        if got != expected:
            self.failures.append(f"{ref} {what}: workbook {got!r}, reference {expected!r}")


# The Japanese answers of TOUCHWINDIAG and FANLEVEL on the Japanese dashboard.
JA = {"keep": "継続", "review strategy": "戦略見直し", "increase contact": "接点強化",
      "efficient": "効率良好", "fan": "ファン", "supporter": "支持者", "neutral": "中立",
      "at risk": "要注意"}


def check(doc, name, lang):
    """Every figure of one dashboard; both dashboards have the same cells."""
    sheet = doc.Sheets.getByName(name)
    c = Checker(sheet)
    say = (lambda t: JA[t]) if lang == "ja" else (lambda t: t)  # noqa: E731
    deals, ledger, touches = frame(doc, "Deals"), frame(doc, "Ledger"), frame(doc, "Touches")
    tenants = frame(doc, "Tenants")
    deals["Engaged"], deals["Closed"] = date(deals["Engaged"]), date(deals["Closed"])
    y2017 = lambda s: (s >= "2017-01-01") & (s <= "2017-12-31")  # noqa: E731
    touch_target, win_target = sheet.getCellRangeByName("H5").getValue(), sheet.getCellRangeByName("I5").getValue()

    def rate(d):
        won, lost = (d["Stage"] == "Won").sum(), (d["Stage"] == "Lost").sum()
        return won / (won + lost)

    for r, office in zip((5, 6, 7), OFFICES):
        d = deals[deals["Office"] == office]
        engaged = d[y2017(d["Engaged"]) & d["Account"].notna()]
        avg = len(engaged) / engaged["Account"].nunique()
        c.num(f"B{r}", avg, f"{office} touches per account")
        closed = d[y2017(d["Closed"])]
        win = rate(closed)
        c.num(f"C{r}", win, f"{office} win rate")
        h2 = rate(closed[closed["Closed"] >= "2017-07-01"])
        h1 = rate(closed[closed["Closed"] < "2017-07-01"])
        c.num(f"D{r}", h2 - h1, f"{office} win-rate change")
        diag = ("review strategy" if h2 - h1 < 0 else "keep") if avg >= touch_target else \
            ("increase contact" if win < win_target else "efficient")
        c.text(f"E{r}", say(diag), f"{office} diagnosis")
        c.num(f"F{r}", float(engaged["Account"].nunique()), f"{office} customers")

    months = pd.period_range("2017-03", "2017-12", freq="M")
    engaged = deals[deals["Account"].notna() & (deals["Engaged"] >= "2017-03-01") & (deals["Engaged"] <= "2017-12-31")]
    closed = deals[deals["Closed"].notna()]
    for i, m in enumerate(months):
        r = 12 + i
        e = engaged[engaged["Engaged"].dt.to_period("M") == m]
        c.num(f"B{r}", len(e) / e["Account"].nunique(), f"{m} touches per account")
        c.num(f"C{r}", float(len(e)), f"{m} touches")
        k = closed[closed["Closed"].dt.to_period("M") == m]
        c.num(f"E{r}", rate(k), f"{m} win rate")
        c.num(f"F{r}", float(len(k)), f"{m} decided")

    for i, office in enumerate(("Central", "East", "West")):
        e = engaged[engaged["Office"] == office]
        k = closed[closed["Office"] == office]
        for j, m in enumerate(months):
            em = e[e["Engaged"].dt.to_period("M") == m]
            c.num(f"{'BCD'[i]}{74 + j}", len(em) / em["Account"].nunique(), f"{office} {m} touches per account")
            c.num(f"{'GHI'[i]}{74 + j}", rate(k[k["Closed"].dt.to_period("M") == m]), f"{office} {m} win rate")
        c.text(f"{'BCD'[i]}73", office, "TOUCHTRENDBY header")
        c.text(f"{'GHI'[i]}73", office, "WINRATETRENDBY header")

    ledger["Date"] = date(ledger["Date"])
    monthly = ledger.groupby(ledger["Date"].dt.to_period("M"))["Amount"].sum()
    for i, total in enumerate(monthly.values):
        c.num(f"B{26 + i}", float(total), f"sales {monthly.index[i]}")
    y = monthly.values[-36:].astype(float)
    slope = np.polyfit(np.arange(1, len(y) + 1), y, 1)[0]
    c.num("F26", 12 * slope / y.mean(), "SALESTREND linear")
    c.num("F27", (y[-12:].sum() - y[-24:-12].sum()) / abs(y[-24:-12].sum()), "SALESTREND yoy")
    seasonal = seasonal_decompose(pd.Series(y, index=monthly.index[-36:].to_timestamp()),
                                  model="multiplicative", period=12).seasonal
    by_month = {ts.month: v for ts, v in seasonal.iloc[:12].items()}
    for m in range(1, 13):
        c.num(f"F{31 + m}", by_month[m], f"seasonal index {m}")

    for r in (66, 67, 68):
        tenant = sheet.getCellRangeByName(f"A{r}").getString()
        t = touches[touches["Tenant"] == tenant]
        rating = 1 + 4 * (t["Outcome"] == "positive").sum() / len(t)
        troubles = (t["Outcome"] == "negative").sum()
        issues = (t["Outcome"] == "no_response").sum()
        g = ledger[ledger["Customer"] == tenant]
        end = ledger["Date"].max().to_period("M")
        window = pd.period_range(end - 23, end, freq="M")
        gm = g.groupby(g["Date"].dt.to_period("M"))["Amount"].sum().reindex(window, fill_value=0.0)
        gm = gm.values.astype(float)
        growth = 12 * np.polyfit(np.arange(1, 25), gm, 1)[0] / gm.mean()
        c.num(f"D{r}", growth, f"{tenant} growth")
        parts = [(rating - 1) / 4 * 100, max(0, 100 - 30 * troubles),
                 min(100, max(0, 50 + 250 * growth)), max(0, 100 - 25 * issues)]
        score = sum(parts) / 4
        c.num(f"F{r}", score, f"{tenant} fan score")
        level = "fan" if score >= 80 else "supporter" if score >= 60 else "neutral" if score >= 40 else "at risk"
        c.text(f"G{r}", say(level), f"{tenant} level")
        goal = {"partner": 80, "grow": 60, "maintain": 40, "distance": 0, "長期": 80, "拡大": 60, "維持": 40,
                "距離": 0}[sheet.getCellRangeByName(f"H{r}").getString()]
        c.num(f"I{r}", goal - score, f"{tenant} gap")

    listed = touches["Tenant"].isin(tenants["Tenant"]).sum()
    c.num("F70", listed / tenants["Tenant"].nunique(), "touches per tenant, all tenants")

    # The touch target: the touches per account of the office that wins most in 2017.
    best = max(OFFICES, key=lambda o: rate(deals[(deals["Office"] == o) & y2017(deals["Closed"])]))
    d = deals[(deals["Office"] == best) & y2017(deals["Engaged"]) & deals["Account"].notna()]
    c.num("H5", len(d) / d["Account"].nunique(), f"touch target ({best}, touches per account)")
    check_units(sheet, c)
    check_renewals(doc, c, touches)
    check_stability(sheet, c, deals, lang)
    check_quarters(doc, sheet, c, lang)
    return c


def check_quarters(doc, sheet, c, lang):
    """Page 5: each tenant's fan score at each quarter's end from the generated logs, the
    change of the last quarter and the lists of whom to act on."""
    from make_example import QUARTER_ENDS, QUARTER_TENANTS, QUARTERS_ROW
    logs = {name: frame(doc, name) for name in ("Ratings", "Troubles", "Issues", "Invoices")}
    rows = lambda f: f.astype(object).where(pd.notna(f), None).values.tolist()  # noqa: E731
    ratings = [r + [None] for r in rows(logs["Ratings"])]
    troubles, issues = ([r + [None] for r in rows(logs[n])] for n in ("Troubles", "Issues"))
    invoices = logs["Invoices"]
    invoices["Date"] = date(invoices["Date"])

    def growth(tenant, end):
        """SALESTRENDBY, Years 1: 12 x slope / mean of the 12 monthly totals to `end`."""
        last = pd.Period(end, "M")
        own = invoices[invoices["Tenant"] == tenant]
        months = own.groupby(own["Date"].dt.to_period("M"))["Amount"].sum()
        y = months.reindex(pd.period_range(last - 11, last, freq="M"), fill_value=0.0).values
        return 12 * np.polyfit(np.arange(1, 13), y, 1)[0] / y.mean()

    scores = {}
    first = QUARTERS_ROW + 4
    for r, end in enumerate(QUARTER_ENDS, start=first):
        for i, tenant in enumerate(QUARTER_TENANTS):
            rating = latest_value(ratings, end, tenant)
            want = fan_score(rating, open_items(troubles, end, [tenant])[0], growth(tenant, end),
                             open_items(issues, end, [tenant])[0])
            scores[tenant, end] = want
            c.num(f"{chr(ord('B') + i)}{r}", want, f"{tenant} fan score at {end}")
    last, before = QUARTER_ENDS[-1], QUARTER_ENDS[-2]
    change = {t: scores[t, last] - scores[t, before] for t in QUARTER_TENANTS}
    for i, tenant in enumerate(QUARTER_TENANTS):
        c.num(f"{chr(ord('B') + i)}{first + len(QUARTER_ENDS)}", change[tenant], f"{tenant} change")
    fell = sorted((v, t) for t, v in change.items() if v < 0)[:3]
    rose = sorted(((v, t) for t, v in change.items() if v > 0), reverse=True)[:3]
    for title_row, picked in ((first + len(QUARTER_ENDS) + 2, fell), (first + len(QUARTER_ENDS) + 7, rose)):
        for k in range(3):
            r = title_row + 2 + k
            if k >= len(picked):
                c.text(f"B{r}", "", "nobody else to list")
                continue
            v, tenant = picked[k]
            c.text(f"B{r}", tenant, f"act-on rank {k + 1}")
            c.num(f"C{r}", v, f"{tenant} change")
            c.num(f"D{r}", scores[tenant, last], f"{tenant} score")
            c.num(f"E{r}", open_items(issues, last, [tenant])[0], f"{tenant} open issues")
            c.text(f"F{r}", fan_level(scores[tenant, last], lang == "ja"), f"{tenant} level")


OFFICES = ("Central", "East", "West")
# The two units of touches (SPEC, "Like with like"), by the functions that give them.
PER_CUSTOMER = ("AVGTOUCHPOINTS", "TOUCHTREND", "TOUCHCONTROL")
PER_DEAL = ("TOUCHESBEFORE", "TOUCHWINBY", "TOUCHTARGET")


def unit_of(sheet, ref, depth=0):
    """The unit of touches a cell holds: 'customer', 'deal', or None when no add-in function
    says, following the references of its formula (INDEX(B5:B7;...) reads B5)."""
    import re
    formula = sheet.getCellRangeByName(ref.replace("$", "")).getFormula().upper()
    for unit, names in (("customer", PER_CUSTOMER), ("deal", PER_DEAL)):
        if any(re.search(rf"\b{n}(BY)?\(", formula) for n in names):
            return unit
    if depth < 3:
        for first in re.findall(r"(?<![.A-Z$])\$?([A-Z]{1,2})\$?(\d+)(?::\$?[A-Z]{1,2}\$?\d+)?", formula):
            unit = unit_of(sheet, "".join(first), depth + 1)
            if unit:
                return unit
    return None


def check_units(sheet, c):
    """Every TOUCHWINDIAG compares AvgTouches and TouchTarget of one unit."""
    import re
    used = sheet.createCursor()
    used.gotoEndOfUsedArea(False)
    end = used.getRangeAddress()
    for row in range(end.EndRow + 1):
        for col in range(end.EndColumn + 1):
            formula = sheet.getCellByPosition(col, row).getFormula()
            call = re.search(r"TOUCHWINDIAG\(([^;]+);[^;]+;([^;]+);", formula.upper())
            if not call:
                continue
            c.count += 1
            units = [unit_of(sheet, arg.strip()) for arg in call.groups()]
            if units[0] is None or units[0] != units[1]:
                c.failures.append(f"{formula}: AvgTouches in touches per {units[0]}, "
                                  f"TouchTarget in touches per {units[1]}")


def check_stability(sheet, c, deals, lang):
    """Page 4: TOUCHSTABILITYBY of the offices and each office's TOUCHCONTROL, 2017 by month."""
    from make_example import BASELINE, STABILITY_ROW
    words = WORDS[lang]
    log = deals.rename(columns={"Account": "cust", "Engaged": "date"})
    year = dict(period="month", start="2017-01-01", end="2017-12-31")
    first = STABILITY_ROW + 4
    for r, office in enumerate(OFFICES, start=first):  # Calc's order: Central, East, West
        c.text(f"A{r}", office, "TOUCHSTABILITYBY key")
        _, values = series(log[log["Office"] == office], **year)
        for col, want in zip("BCDEFGH", stability(values)):
            if isinstance(want, str) or want is None:
                c.text(f"{col}{r}", words.get(want, "") if want else "", f"{office} stability")
            else:
                c.num(f"{col}{r}", want, f"{office} stability")
    head = first + len(OFFICES) + 2
    for office in OFFICES:
        starts, values = series(log[log["Office"] == office], **year)
        chart = xmr(values, BASELINE)
        for i, (start, value) in enumerate(zip(starts, values)):
            r = head + 1 + i
            c.num(f"A{r}", start, f"{office} control month")
            (c.num if value is not None else c.text)(f"B{r}", value if value is not None else "",
                                                     f"{office} touches per account")
            for col in ("C", "D", "E"):
                c.num(f"{col}{r}", chart[{"C": "centre", "D": "lower", "E": "upper"}[col]],
                      f"{office} {col} limit")
            signal = chart["signals"][i]
            c.text(f"F{r}", words[signal] if signal else "", f"{office} {i + 1}. signal")
        head += 15


def check_renewals(doc, c, touches):
    """Page 3: TOUCHESBEFORE beside the renewals, the curve, the regions, the targets."""
    renewals = frame(doc, "Renewals")
    day = lambda s: None if pd.isna(s) else (EPOCH + pd.Timedelta(days=s)).date()  # noqa: E731
    counts = touches_before([(t, day(d)) for t, d in zip(touches["Tenant"], touches["Date"])],
                            [(t, day(d), None) for t, d in zip(renewals["Tenant"], renewals["Closed"])])
    sheet = doc.Sheets.getByName("Renewals")
    for r, want in enumerate(counts, start=2):
        got = sheet.getCellRangeByName(f"G{r}").getValue()
        c.count += 1
        if got != want:
            c.failures.append(f"Renewals.G{r} TOUCHESBEFORE: workbook {got}, reference {want}")
    won = [1 if o == "won" else 0 for o in renewals["Outcome"]]
    rows = curve(list(zip(counts, won)))
    for r, row in enumerate(rows, start=116):
        for col, want in zip("ABCDEFGH", row):
            (c.text if want == "" else c.num)(f"{col}{r}", want, f"curve row {r}")
    frame_ = pd.DataFrame({"touches": counts, "outcome": renewals["Outcome"], "group": renewals["Region"]})
    region_row = 115 + len(rows) + 2
    table = by_group(frame_)
    for r, row in enumerate(table, start=region_row + 1):
        for col, want in zip("ABCDEF", row):
            (c.text if isinstance(want, str) else c.num)(f"{col}{r}", want, f"region row {r}")
    t = region_row + len(table) + 2
    for i, method in enumerate(("monotone", "safe", "logistic")):
        want = expected_target(frame_, 0.8, method, False)
        (c.text if want == "#N/A" else c.num)(f"D{t + 1 + i}", want, f"touch target {method}")
    c.num(f"D{t + 4}", expected_target(frame_, None, "top", True), "touches of the best regions")


def main():
    with Office(sys.argv[1]) as office:
        doc = office.load(WORKBOOK)
        doc.calculateAll()
        checks = [check(doc, name, lang) for name, lang in (("Dashboard", "en"), ("ダッシュボード", "ja"))]
        doc.close(True)
    failures = [f for c in checks for f in c.failures]
    count = sum(c.count for c in checks)
    for f in failures:
        print(f)
    print(f"example workbook: {count - len(failures)}/{count} figures of both dashboards (en, ja) "
          "match pandas/numpy/statsmodels")
    return 1 if failures or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
