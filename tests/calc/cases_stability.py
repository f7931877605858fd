"""Calc test cases for TOUCHCONTROL and TOUCHSTABILITYBY (SPEC "Is the touch number stable?
(接点の安定)"): for each document its data sheets and (case, formula, expected).

Expected values come from the reference below, written from the spec's words in pandas
and plain Python (not from the add-in's code):
  * series(): TOUCHTREND's periods and values (touches / customers touched, or / the listed
    customers; empty where nobody was touched and there is no list);
  * xmr(): the individuals chart: centre = mean of the baseline's values, mR = mean moving
    range of consecutive baseline periods that both have a value, limits centre ± 2.66 mR
    (lower not below 0), #N/A with fewer than 6 values or 2 moving ranges; signals
    above/below outside the limits, else run above/below from the 8th value of a run on one
    side of the centre (an empty period goes on with the run, a value on the centre ends it);
  * stability(): TOUCHSTABILITYBY's row: n, mean, CV (n - 1), limits, signals, last signal.

Documents:
  touchcontrol_generated: a seeded log of 30 customers over 24 months (2023-04..2025-03)
    with a drop in 2024-06, a stretch slightly below afterwards (a run) and a month without
    any touch (2024-11): Baseline 12 and default, monthly and "fq", Language "ja", a
    CustomerList with zero-touch customers, a Start before the first touch; a small
    hand-made series (sheet Edge) where a value sits on the centre (ends a run) and on the
    lower limit 0 (inside); a sparse one (sheet Sparse) with 2 moving ranges, and 1 (#N/A);
    the errors of Baseline (0, 2.5, -1) and Language.
  touchcontrol_saas: tests/data/saas-crm activities by month, with and without tenants.csv.
  touchstabilityby_generated: the generated log by department (steady Support, Sales and
    Success with the drop, Pilot with 3 values, Trial with 1): Keys omitted, a range of
    keys with a missing one, "fq", a Start, "ja".
  touchstabilityby_saas: saas-crm activities by tenant region (joined from tenants.csv).
"""
import math
import os

import numpy as np
import pandas as pd

from common import DATA, ERR, NA, serial

q = chr(34)
FREQ = {"month": "M", "fq": "Q-MAR"}  # pandas: fiscal quarters of a year ending in March
WORDS = {"en": {"above": "above", "below": "below", "run above": "run above", "run below": "run below"},
         "ja": {"above": "上振れ", "below": "下振れ", "run above": "上側連続", "run below": "下側連続"}}


# ---- the reference ------------------------------------------------------------------

def series(log, period="month", start=None, end=None, customers=None):
    """TOUCHTREND of log (columns cust, date): (period start serials, values with None for
    an empty cell)."""
    log = log[log.cust.notna()]
    if start:
        log = log[log.date >= pd.Timestamp(start)]
    if end:
        log = log[log.date <= pd.Timestamp(end)]
    per = log.date.dt.to_period(FREQ[period])
    span = pd.period_range(pd.Period(start, FREQ[period]) if start else per.min(),
                           pd.Period(end, FREQ[period]) if end else per.max(), freq=FREQ[period])
    if customers is not None:
        listed = log.cust.isin(customers)
        touches = per[listed].value_counts().reindex(span, fill_value=0)
        values = [float(t) / len(set(customers)) for t in touches]
    else:
        touches = per.value_counts().reindex(span, fill_value=0)
        custs = log.groupby(per).cust.nunique().reindex(span, fill_value=0)
        values = [float(t) / c if c else None for t, c in zip(touches, custs)]
    starts = [serial(p.start_time.date().isoformat()) for p in span]
    return starts, values


def xmr(values, baseline=None):
    """The individuals chart of values (None: no value): {centre, lower, upper, signals} or
    None (#N/A). signals: None for a period without a value, "" for no signal."""
    base = values[:baseline] if baseline else values
    have = [v for v in base if v is not None]
    ranges = [abs(b - a) for a, b in zip(base, base[1:]) if a is not None and b is not None]
    if len(have) < 6 or len(ranges) < 2:
        return None
    centre = sum(have) / len(have)
    mr = sum(ranges) / len(ranges)
    lower, upper = max(0.0, centre - 2.66 * mr), centre + 2.66 * mr
    signals, side, run = [], 0, 0
    for v in values:
        if v is None:
            signals.append(None)  # no signal, the run goes on
            continue
        now = (v > centre) - (v < centre)
        run = run + 1 if now != 0 and now == side else (1 if now != 0 else 0)
        side = now
        if v > upper:
            signals.append("above")
        elif v < lower:
            signals.append("below")
        elif run >= 8:
            signals.append("run above" if side > 0 else "run below")
        else:
            signals.append("")
    return {"centre": centre, "lower": lower, "upper": upper, "signals": signals}


def stability(values):
    """TOUCHSTABILITYBY's figures of one group's series: [n, mean, cv, lower, upper, signals,
    last signal], None for an empty cell."""
    have = [v for v in values if v is not None]
    n = len(have)
    mean = sum(have) / n if n else None
    cv = None
    if n >= 2 and mean:
        cv = math.sqrt(sum((v - mean) ** 2 for v in have) / (n - 1)) / mean
    chart = xmr(values)
    if chart is None:
        return [float(n), mean, cv, None, None, None, None]
    signals = chart["signals"]
    return [float(n), mean, cv, chart["lower"], chart["upper"],
            float(sum(1 for s in signals if s)), signals[-1] or None]


# ---- case helpers -------------------------------------------------------------------

def at(title, array, i, j, want, lang="en"):
    """A case for INDEX(array; i; j): a number, a signal word, or an empty cell (None/"")."""
    if want is None or want == "":
        return (f"{title}: empty (TRUE)", f'=INDEX({array};{i};{j})=""', 1.0)
    if isinstance(want, str):
        want = WORDS[lang].get(want, want)
    else:
        want = float(want)
    return (title, f"=INDEX({array};{i};{j})", want)


def control_cases(label, array, starts, values, chart, lang="en", check="full"):
    """check "full": ROWS, COLUMNS, first and last period start, centre and limits in the
    first and last row, every value and every signal; "signals": every signal; "limits":
    the centre and the limits in the first row."""
    n = len(starts)
    if chart is None:
        return [(f"{label}: #N/A", f"=ROWS({array})", NA)]
    cases = []
    if check == "full":
        cases += [(f"{label}: periods", f"=ROWS({array})", float(n)),
                  (f"{label}: six columns", f"=COLUMNS({array})", 6.0),
                  (f"{label}: first period start", f"=INDEX({array};1;1)", starts[0]),
                  (f"{label}: last period start", f"=INDEX({array};{n};1)", starts[-1])]
    for i in (1, n) if check == "full" else (1,) if check == "limits" else ():
        cases += [at(f"{label}: row {i} centre", array, i, 3, chart["centre"]),
                  at(f"{label}: row {i} lower limit", array, i, 4, chart["lower"]),
                  at(f"{label}: row {i} upper limit", array, i, 5, chart["upper"])]
    if check == "full":
        cases += [at(f"{label}: period {i} value", array, i, 2, v) for i, v in enumerate(values, start=1)]
    if check in ("full", "signals"):
        cases += [at(f"{label}: period {i} signal", array, i, 6, s, lang)
                  for i, s in enumerate(chart["signals"], start=1)]
    return cases


def by_cases(label, array, keys, rows, lang="en", names=None):
    """TOUCHSTABILITYBY: ROWS, COLUMNS and every cell; keys given (Keys omitted): the key in
    column 1; names: the Keys range, for the titles."""
    first = 2 if keys else 1
    cases = [(f"{label}: rows", f"=ROWS({array})", float(len(rows))),
             (f"{label}: columns", f"=COLUMNS({array})", float(7 + first - 1))]
    for i, row in enumerate(rows, start=1):
        name = (keys or names)[i - 1]
        if keys:
            cases.append((f"{label}: row {i} is {name}", f"=INDEX({array};{i};1)", name))
        for j, (col, want) in enumerate(zip(("n", "mean", "cv", "lower", "upper", "signals", "last"), row)):
            cases.append(at(f"{label}: {name} {col}", array, i, first + j, want, lang))
    return cases


def log_rows(log, header, columns):
    rows = [header]
    for rec in log.itertuples(index=False):
        row = []
        for c in columns:
            v = getattr(rec, c)
            if c == "date":
                v = serial(v.date().isoformat())
            elif v is None or (isinstance(v, float) and math.isnan(v)):
                v = None
            row.append(v)
        rows.append(row)
    return rows


# ---- the generated log --------------------------------------------------------------

MONTHS = pd.period_range("2023-04", "2025-03", freq="M")  # 24 months
DROP, GAP = 14, 19  # 2024-06: a real drop; 2024-11: nobody touched


def generated_log():
    """30 customers in Sales (C01-C10), Support (C11-C20, steady) and Success (C21-C30,
    more variable); in DROP a few Sales/Success customers touched once, from DROP+1 on
    Sales and Success slightly below; nobody in GAP. Pilot (P1, 3 months), Trial (T1,
    1 month), one touch without a department and one without a customer."""
    rng = np.random.default_rng(28)
    recs = []
    for m, month in enumerate(MONTHS):
        if m == GAP:
            continue
        for c in range(1, 31):
            cust = f"C{c:02d}"
            dept = "Sales" if c <= 10 else "Support" if c <= 20 else "Success"
            if dept == "Support":
                k = rng.integers(2, 5)
            elif m == DROP:
                if rng.random() < 0.4:
                    continue
                k = 1
            elif m > DROP:
                k = rng.choice([2, 3, 4], p=[0.45, 0.45, 0.10]) if dept == "Sales" else \
                    rng.choice([1, 2, 3, 4, 5], p=[0.10, 0.35, 0.30, 0.20, 0.05])
            else:
                k = rng.integers(2, 5) if dept == "Sales" else rng.integers(1, 6)
            for _ in range(int(k)):
                day = int(rng.integers(1, 29))
                recs.append((cust, month.start_time + pd.Timedelta(days=day - 1), dept))
    for month, k in (("2024-01", 2), ("2024-02", 1), ("2024-03", 3)):
        recs += [("P1", pd.Timestamp(f"{month}-10"), "Pilot")] * k
    recs.append(("T1", pd.Timestamp("2023-05-10"), "Trial"))
    recs.append(("C05", pd.Timestamp("2023-08-20"), None))  # counts, but in no department
    recs.append((None, pd.Timestamp("2024-11-05"), "Sales"))  # no customer: no touch
    log = pd.DataFrame(recs, columns=["cust", "date", "dept"])
    return log.sample(frac=1, random_state=28).reset_index(drop=True)  # any row order


LIST = [f"C{c:02d}" for c in range(1, 31)] + [f"Z{c}" for c in range(1, 6)]  # 5 never touched

# Edge: one customer, its touches a month are the value; centre 4 exactly, mR 22/9, lower 0.
EDGE = [2, 6, 2, 6, 4, 4, 2, 6, 4, 4] + [5] * 7 + [4] + [5, 5, None, 5, 5, 5, 5, 5, 5]
# Sparse: every other month, then three in a row: 7 values, 2 moving ranges (1 up to October).
SPARSE = [3, None, 5, None, 2, None, 4, None, 3, 6, 4]


def edge_log(counts=EDGE, cust="E1"):
    recs = []
    for m, k in enumerate(counts):
        month = pd.Period("2022-01", "M") + m
        recs += [(cust, month.start_time + pd.Timedelta(days=14))] * (k or 0)
    return pd.DataFrame(recs, columns=["cust", "date"])


def touchcontrol_generated():
    log = generated_log()
    n = len(log) + 1
    C, D = f"$Log.A2:A{n}", f"$Log.B2:B{n}"
    LI = f"$List.A1:A{len(LIST)}"

    def tc(args=""):
        return f"TOUCHCONTROL({C};{D}{args})"

    cases = []
    starts, values = series(log)
    for label, args, base in (("month B12", ";;12", 12), ("month default", "", None),
                              ("month B24 (all)", ";;24", 24), ("month B99 (= all)", ";;99", 99)):
        cases += control_cases(label, tc(args), starts, values, xmr(values, base),
                               check="full" if label in ("month B12", "month default") else "limits")
    cases += control_cases("ja B12", tc(f';;12;;;;{q}ja{q}'), starts, values, xmr(values, 12), "ja", "signals")
    cases += control_cases("ja 月", tc(f';{q}月{q};;;;;{q}ja{q}'), starts, values, xmr(values), "ja", "signals")
    ls, lv = series(log, customers=LIST)
    cases += control_cases("list B12", tc(f";;12;;;{LI}"), ls, lv, xmr(lv, 12))
    cases += control_cases("list default", tc(f";;;;;{LI}"), ls, lv, xmr(lv))
    fs, fv = series(log, "fq")
    cases += control_cases("fq", tc(f";{q}fq{q}"), fs, fv, xmr(fv))
    cases.append(("fq B4: 4 values", f"=ROWS({tc(f';{q}fq{q};4')})", NA))
    ss, sv = series(log, start="2023-01-01")
    cases += control_cases("start 2023-01 B12 (9 values)", tc(f';;12;{q}2023-01-01{q}'), ss, sv, xmr(sv, 12))
    es, ev = series(log, end="2024-02-29")
    cases += control_cases("end 2024-02 (11 months)", tc(f';;;;{q}2024-02-29{q}'), es, ev, xmr(ev))
    cases.append(("end 2023-08: 5 months", f'=ROWS({tc(f";;;;{q}2023-08-31{q}")})', NA))
    sup = log[log.dept == "Support"]
    us, uv = series(sup)
    cases += control_cases("filter Support", tc(f';;;;;;;$Log.C2:C{n};{q}support{q}'), us, uv, xmr(uv), check="limits")

    edge = edge_log()
    ne = len(edge) + 1
    E = f"$Edge.A2:A{ne};$Edge.B2:B{ne}"
    e_s, e_v = series(edge)
    cases += control_cases("edge B10", f"TOUCHCONTROL({E};;10)", e_s, e_v, xmr(e_v, 10))
    es2, ev2 = series(edge, customers=["E1"])
    cases += control_cases("edge B10 list", f"TOUCHCONTROL({E};;10;;;$Edge.D1)", es2, ev2, xmr(ev2, 10))
    cases += control_cases("edge B5: 5 values", f"TOUCHCONTROL({E};;5)", e_s, e_v, None)
    cases += control_cases("edge B6", f"TOUCHCONTROL({E};;6)", e_s, e_v, xmr(e_v, 6), check="signals")
    sparse = edge_log(SPARSE, "E2")
    S = f"$Sparse.A2:A{len(sparse) + 1};$Sparse.B2:B{len(sparse) + 1}"
    s_s, s_v = series(sparse)
    cases += control_cases("sparse: 2 moving ranges", f"TOUCHCONTROL({S})", s_s, s_v, xmr(s_v))
    cases.append(("sparse to October: 6 values, 1 moving range",
                  f'=ROWS(TOUCHCONTROL({S};;;;{q}2022-10-31{q}))', NA))

    for base in ("0", "2.5", "-1"):
        cases.append((f"Baseline {base}", f"=ROWS({tc(';;' + base)})", ERR))
    cases.append(("unknown Language", f"=ROWS({tc(f';;;;;;{q}xx{q}')})", ERR))
    return {
        "sheets": {"Log": log_rows(log, ["Customer", "Date", "Dept"], ["cust", "date", "dept"]),
                   "List": [[c] for c in LIST],
                   "Edge": log_rows(edge, ["Customer", "Date", None, "E1"], ["cust", "date"]),  # D1: the list
                   "Sparse": log_rows(sparse, ["Customer", "Date"], ["cust", "date"])},
        "cases": cases,
    }


# ---- saas-crm -----------------------------------------------------------------------

def saas_log():
    acts = pd.read_csv(os.path.join(DATA, "saas-crm", "crm_activities.csv"))
    tenants = pd.read_csv(os.path.join(DATA, "saas-crm", "tenants.csv"))
    acts = acts.merge(tenants[["tenant_id", "region"]], on="tenant_id", how="left")
    log = pd.DataFrame({"cust": acts.tenant_id, "date": pd.to_datetime(acts.activity_date),
                        "dept": acts.region})
    return log, list(tenants.tenant_id)


def touchcontrol_saas():
    log, tenants = saas_log()
    n = len(log) + 1
    tc = f"TOUCHCONTROL($Activities.A2:A{n};$Activities.B2:B{n}"
    TL = f"$Tenants.A2:A{len(tenants) + 1}"
    s, v = series(log)
    ls, lv = series(log, customers=tenants)
    cases = (control_cases("saas month", tc + ")", s, v, xmr(v))
             + control_cases("saas month, every tenant", tc + f";;;;;{TL})", ls, lv, xmr(lv))
             + control_cases("saas month B6", tc + ";;6)", s, v, xmr(v, 6), check="signals")
             + control_cases("saas ja", tc + f';;;;;;{q}ja{q})', s, v, xmr(v), "ja", "signals"))
    return {"sheets": {"Activities": log_rows(log, ["tenant_id", "activity_date", "region"], ["cust", "date", "dept"]),
                       "Tenants": [["tenant_id"]] + [[t] for t in tenants]},
            "cases": cases}


# ---- TOUCHSTABILITYBY ---------------------------------------------------------------

def by_reference(log, keys=None, period="month", start=None, end=None):
    """One stability() row per group (sorted keys, or the keys given): each group's series
    over the common window of every row with a customer and a group."""
    log = log[log.cust.notna() & log.dept.notna()]
    if start:
        log = log[log.date >= pd.Timestamp(start)]
    if end:
        log = log[log.date <= pd.Timestamp(end)]
    first = start or log.date.min().date().isoformat()
    last = end or log.date.max().date().isoformat()
    groups = sorted(log.dept.unique(), key=str.casefold)
    rows = []
    for key in keys or groups:
        part = log[log.dept.str.casefold() == key.casefold()]
        if part.empty:
            rows.append([0.0] + [None] * 6)
        else:
            rows.append(stability(series(part, period, first, last)[1]))
    return groups, rows


KEYS = ["support", "Sales", "Marketing", "Success", "Pilot", "TRIAL"]  # Marketing: no row


def touchstabilityby_generated():
    log = generated_log()
    n = len(log) + 1
    base = f"$Log.A2:A{n};$Log.B2:B{n};$Log.C2:C{n}"
    KR = f"$Keys.A1:A{len(KEYS)}"
    cases = []
    groups, rows = by_reference(log)
    cases += by_cases("table", f"TOUCHSTABILITYBY({base})", groups, rows)
    _, rows = by_reference(log, KEYS)
    cases += by_cases("keys", f"TOUCHSTABILITYBY({base};{KR})", None, rows, names=KEYS)
    groups, rows = by_reference(log, period="fq")
    cases += by_cases("fq", f"TOUCHSTABILITYBY({base};;{q}fq{q})", groups, rows)
    groups, rows = by_reference(log, start="2024-01-01")
    cases += by_cases("from 2024-01", f"TOUCHSTABILITYBY({base};;;{q}2024-01-01{q})", groups, rows)
    _, rows = by_reference(log, KEYS)
    ja = f"TOUCHSTABILITYBY({base};{KR};;;;{q}ja{q})"
    cases += [at(f"ja: {k} last signal", ja, i, 7, r[6], "ja") for i, (k, r) in enumerate(zip(KEYS, rows), 1)]
    # The Support row agrees with TOUCHCONTROL of its rows (a filter), every period a baseline.
    chart = xmr(series(log[log.dept == "Support"], start="2023-04-01", end="2025-03-31")[1])
    cases.append(("Support lower = TOUCHCONTROL with a filter",
                  f"=INDEX(TOUCHCONTROL($Log.A2:A{n};$Log.B2:B{n};;;;;;;$Log.C2:C{n};{q}Support{q});1;4)",
                  chart["lower"]))
    cases.append(("unknown Language", f"=ROWS(TOUCHSTABILITYBY({base};;;;;{q}xx{q}))", ERR))
    cases.append(("no touch in the window", f"=ROWS(TOUCHSTABILITYBY({base};;;{q}2026-01-01{q}))", NA))
    return {"sheets": {"Log": log_rows(log, ["Customer", "Date", "Dept"], ["cust", "date", "dept"]),
                       "Keys": [[k] for k in KEYS]},
            "cases": cases}


REGIONS = ["NAM", "EMEA", "MENA", "APAC", "LATAM"]  # MENA: no tenant there


def touchstabilityby_saas():
    log, _ = saas_log()
    n = len(log) + 1
    base = f"$Activities.A2:A{n};$Activities.B2:B{n};$Activities.C2:C{n}"
    cases = []
    groups, rows = by_reference(log)
    cases += by_cases("regions", f"TOUCHSTABILITYBY({base})", groups, rows)
    _, rows = by_reference(log, REGIONS)
    cases += by_cases("region list", f"TOUCHSTABILITYBY({base};$Regions.A1:A{len(REGIONS)})", None, rows,
                      names=REGIONS)
    return {"sheets": {"Activities": log_rows(log, ["tenant_id", "activity_date", "region"], ["cust", "date", "dept"]),
                       "Regions": [[r] for r in REGIONS]},
            "cases": cases}


DOCS = {
    "touchcontrol_generated": touchcontrol_generated,
    "touchcontrol_saas": touchcontrol_saas,
    "touchstabilityby_generated": touchstabilityby_generated,
    "touchstabilityby_saas": touchstabilityby_saas,
}
