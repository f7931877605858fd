"""Calc test cases for TOUCHESBEFORE, the join of a touch log and a deal list: every deal's
count, in the array form and the single form, on generated lists (title rows, full-width
and lower-case ids, same-day closes, open deals, open dates, a window) and on the renewals
of tests/data/saas-crm, against a per-deal filter in pandas written from the spec's words
(not the add-in's sort and binary search); and the bad inputs."""
import datetime
import os
import random
import unicodedata

import pandas as pd

from common import DATA, ERR, NA, serial

q = chr(34)


def key(x):
    """The key a customer id compares by (full-width folded, trimmed, lower case)."""
    return "" if x is None or x == "" else unicodedata.normalize("NFKC", str(x)).strip().lower()


def expected(touches, deals, window=None, use_open=False):
    """One count per deal ("" without a customer or a close date), by the spec: the
    customer's touches after the latest earlier close of its other deals, on or before its
    close; with open dates also on or after the open date; with a window also after close -
    window. touches: (customer, date); deals: (customer, close, open); dates are
    datetime.date or None."""
    t = pd.DataFrame(touches, columns=["c", "d"]).dropna()
    t["k"] = t["c"].map(key)
    d = pd.DataFrame(deals, columns=["c", "close", "open"])
    d["k"] = d["c"].map(key)
    out = []
    for row in d.itertuples():
        if row.k == "" or row.close is None:
            out.append("")
            continue
        earlier = [c for c in d.loc[(d["k"] == row.k), "close"] if c is not None and c < row.close]
        m = (t["k"] == row.k) & (t["d"] <= row.close)
        if earlier:
            m &= t["d"] > max(earlier)
        if use_open and row.open is not None:
            m &= t["d"] >= row.open
        if window:
            m &= t["d"] > row.close - datetime.timedelta(days=window)
        out.append(float(m.sum()))
    return out


def iso(day):
    return "" if day is None else day.isoformat()


def generated():
    rng = random.Random(23)
    start = datetime.date(2023, 1, 1)
    ids = [f"C{i:03d}" for i in range(1, 61)]

    def written(c):  # the same customer as different sheets write it
        return rng.choice([c, c, c.lower(), c.translate(str.maketrans("C0123456789", "Ｃ０１２３４５６７８９"))])

    touches = [(written(rng.choice(ids)), start + datetime.timedelta(days=rng.randrange(730)))
               for _ in range(3000)]
    touches += [("", start), (ids[0], None)]  # a touch without customer, one without date
    deals = []
    for c in ids:
        closes = sorted(start + datetime.timedelta(days=rng.randrange(30, 760)) for _ in range(rng.randint(1, 6)))
        if len(closes) > 1 and rng.random() < 0.4:
            closes[-1] = closes[-2]  # two deals closing on one day
        for close in closes:
            opened = close - datetime.timedelta(days=rng.randrange(5, 150)) if rng.random() < 0.8 else None
            deals.append((written(c), close, opened))
    rng.shuffle(deals)
    deals += [("C005", None, None), ("", start + datetime.timedelta(days=100), None), ("C999", start, None)]
    return touches, deals


def touchesbefore():
    touches, deals = generated()
    # Touch dates as text (as a CSV pasted in), close and open dates as date serials.
    touch_sheet = [["Customer", "Date"]] + [[c, iso(d)] for c, d in touches]
    deal_sheet = [["Customer", "Closed", "Opened"]] + [
        [c, "" if close is None else serial(close.isoformat()), "" if o is None else serial(o.isoformat())]
        for c, close, o in deals]
    # Whole columns, except with OpenDates: Calc hands an optional range over as an array,
    # a whole column as a million cells (0.3 s a call), and its length must be the deals'.
    n = len(deals) + 1  # with the title row
    whole = "TOUCHESBEFORE($Touches.A:A;$Touches.B:B;$Deals.A:A;$Deals.B:B{rest})"
    rows = f"TOUCHESBEFORE($Touches.A:A;$Touches.B:B;$Deals.A1:A{n};$Deals.B1:B{n};$Deals.C1:C{n}{{rest}})"
    cases = [("array, open dates as whole columns: rows", "=ROWS(" + whole.format(rest=";$Deals.C:C") + ")", float(n))]
    for title, call, rest, want in [
            ("plain", whole, "", expected(touches, deals)),
            ("open dates", rows, "", expected(touches, deals, use_open=True)),
            ("window 45", whole, ";;45", expected(touches, deals, window=45)),
            ("open dates and window 45", rows, ";45", expected(touches, deals, 45, True))]:
        formula = call.format(rest=rest)
        cases.append((f"array, {title}: rows", f"=ROWS({formula})", float(n)))
        cases.append((f"array, {title}: the title row is empty", f"=INDEX({formula};1;1)", ""))
        for r, w in enumerate(want, start=2):
            cases.append((f"array, {title}: deal row {r}", f"=INDEX({formula};{r};1)", w))
    # The single form, filled down beside the list: with open dates, the earliest open date
    # of the rows with that customer and close date.
    frame = pd.DataFrame(deals, columns=["c", "close", "open"])
    frame["k"] = frame["c"].map(key)
    earliest = []
    for row in frame.itertuples():
        same = frame[(frame["k"] == row.k) & (frame["close"] == row.close)] if row.close is not None else frame.iloc[0:0]
        opens = list(same["open"])
        earliest.append((row.c, row.close, None if any(o is None for o in opens) else min(opens, default=None)))
    with_open = expected(touches, earliest, use_open=True)
    plain = expected(touches, deals)
    for r, (w_plain, w_open) in enumerate(zip(plain, with_open), start=2):
        cases.append((f"single, deal row {r}", f"=TOUCHESBEFORE($Touches.A:A;$Touches.B:B;$Deals.A:A;$Deals.B:B;;;$Deals.A{r};$Deals.B{r})", w_plain))
        cases.append((f"single with open dates, deal row {r}", f"=TOUCHESBEFORE($Touches.A:A;$Touches.B:B;$Deals.A1:A{n};$Deals.B1:B{n};$Deals.C1:C{n};;$Deals.A{r};$Deals.B{r})", w_open))
    first = deals[0]
    cases += [
        ("single, given as values", f'=TOUCHESBEFORE($Touches.A:A;$Touches.B:B;$Deals.A:A;$Deals.B:B;;;{q}{first[0]}{q};DATE({first[1].year};{first[1].month};{first[1].day}))', plain[0]),
        ("single, a text close date", f'=TOUCHESBEFORE($Touches.A:A;$Touches.B:B;$Deals.A:A;$Deals.B:B;;;{q}{first[0]}{q};{q}{first[1].isoformat()}{q})', plain[0]),
        ("single, no such deal", f'=TOUCHESBEFORE($Touches.A:A;$Touches.B:B;$Deals.A:A;$Deals.B:B;;;{q}C001{q};DATE(1990;1;1))', NA),
        ("single, no such customer", f'=TOUCHESBEFORE($Touches.A:A;$Touches.B:B;$Deals.A:A;$Deals.B:B;;;{q}Z{q};DATE(2023;1;1))', NA),
        ("a negative window", "=TOUCHESBEFORE($Touches.A:A;$Touches.B:B;$Deals.A:A;$Deals.B:B;;-1)", ERR),
        ("a text window", f"=TOUCHESBEFORE($Touches.A:A;$Touches.B:B;$Deals.A:A;$Deals.B:B;;{q}month{q})", ERR),
        ("deal ranges of different lengths", "=TOUCHESBEFORE($Touches.A:A;$Touches.B:B;$Deals.A2:A50;$Deals.B2:B40)", ERR),
        ("touch ranges of different lengths", "=TOUCHESBEFORE($Touches.A2:A50;$Touches.B2:B40;$Deals.A:A;$Deals.B:B)", ERR),
        ("open dates of another length", "=TOUCHESBEFORE($Touches.A:A;$Touches.B:B;$Deals.A2:A50;$Deals.B2:B50;$Deals.C2:C40)", ERR),
        ("a close date that is no date", "=TOUCHESBEFORE($Touches.A:A;$Touches.B:B;$Bad.A1:A2;$Bad.B1:B2)", ERR),
        ("a touch date that is no date", "=TOUCHESBEFORE($Bad.A1:A2;$Bad.B1:B2;$Deals.A:A;$Deals.B:B)", ERR),
        ("only a title", "=TOUCHESBEFORE($Touches.A:A;$Touches.B:B;$Deals.A1:A1;$Deals.B1:B1)", NA),
    ]
    bad = [["C001", serial("2024-01-01")], ["C001", "soon"]]
    return {"sheets": {"Touches": touch_sheet, "Deals": deal_sheet, "Bad": bad}, "cases": cases}


def touchesbefore_saas():
    subs = pd.read_csv(os.path.join(DATA, "saas-crm", "subscriptions.csv"))
    acts = pd.read_csv(os.path.join(DATA, "saas-crm", "crm_activities.csv"))
    day = datetime.date.fromisoformat
    touches = [(t, day(d)) for t, d in zip(acts["tenant_id"], acts["activity_date"])]
    close = subs["churn_date"].where(subs["churned"], subs["renewal_date"])
    deals = [(t, day(c), day(o)) for t, c, o in zip(subs["tenant_id"], close, subs["contract_start_date"])]
    touch_sheet = [["tenant_id", "activity_date"]] + [[t, d.isoformat()] for t, d in touches]
    deal_sheet = [["tenant_id", "close_date", "contract_start_date"]] + [
        [t, c.isoformat(), o.isoformat()] for t, c, o in deals]
    n = len(deals) + 1
    call = "TOUCHESBEFORE($Activities.A:A;$Activities.B:B;$Renewals.A{r}:A{n};$Renewals.B{r}:B{n}{rest})"
    cases = []
    for title, rest, want in [("every earlier touch", "", expected(touches, deals)),
                              ("from the contract start", f";$Renewals.C1:C{n}", expected(touches, deals, use_open=True)),
                              ("the last 90 days", ";;90", expected(touches, deals, window=90))]:
        formula = call.format(r=1, n=n, rest=rest)
        cases.append((f"saas-crm, {title}: rows", f"=ROWS({formula})", float(len(deals) + 1)))
        for r, w in enumerate(want, start=2):
            cases.append((f"saas-crm, {title}: {deals[r - 2][0]}", f"=INDEX({formula};{r};1)", w))
    plain = expected(touches, deals)
    for r in range(2, len(deals) + 2, 7):
        cases.append((f"saas-crm, single form: {deals[r - 2][0]}",
                      f"=TOUCHESBEFORE($Activities.A:A;$Activities.B:B;$Renewals.A:A;$Renewals.B:B;;;$Renewals.A{r};$Renewals.B{r})",
                      plain[r - 2]))
    return {"sheets": {"Activities": touch_sheet, "Renewals": deal_sheet}, "cases": cases}


DOCS = {"touchesbefore": touchesbefore, "touchesbefore_saas": touchesbefore_saas}
