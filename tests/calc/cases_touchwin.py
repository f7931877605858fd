"""Calc test cases for the touch-to-win curve (TOUCHWINCURVE) and the groups side by side
(TOUCHWINBY): every cell on generated deals and on the renewals of tests/data/saas-crm,
against statsmodels 0.13.5 (proportion_confint wilson, GLM Binomial), scikit-learn 1.2.1
(IsotonicRegression), pandas (the groups) and the default buckets computed here from the
spec's rule; and their particular bad inputs."""
import math
import os
import random

import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.isotonic import IsotonicRegression
from statsmodels.stats.proportion import proportion_confint

from common import DATA, ERR, NA

q = chr(34)


def default_buckets(touches):
    """[lower, decided, won] per bucket by the spec's merging rule, from (touches, won)."""
    counts = {}
    for t, won in touches:
        b = counts.setdefault(math.floor(t), [math.floor(t), 0, 0])
        b[1] += 1
        b[2] += won
    buckets = [counts[k] for k in sorted(counts)]
    i = len(buckets) - 1
    while i >= 1:  # from the highest down, a small bucket joins the next lower one
        if buckets[i][1] < 5:
            buckets[i - 1][1] += buckets[i][1]
            buckets[i - 1][2] += buckets[i][2]
            del buckets[i]
        i -= 1
    while len(buckets) > 1 and buckets[0][1] < 5:  # then a small lowest joins the next
        buckets[1] = [buckets[0][0], buckets[1][1] + buckets[0][1], buckets[1][2] + buckets[0][2]]
        del buckets[0]
    return buckets


def given_buckets(touches, edges):
    buckets = [[e, 0, 0] for e in edges]
    for t, won in touches:
        below = [b for b in buckets if b[0] <= t]
        if below:
            below[-1][1] += 1
            below[-1][2] += won
    return buckets


def curve(touches, edges=None):
    """The expected rows: lower, decided, won, rate, wilson low, high, monotone, logistic
    ("" for an empty cell)."""
    buckets = default_buckets(touches) if edges is None else given_buckets(touches, edges)
    held = [b for b in buckets if b[1] > 0]
    iso = IsotonicRegression(increasing=True).fit(
        list(range(len(held))), [b[2] / b[1] for b in held], sample_weight=[b[1] for b in held])
    monotone = dict(zip((b[0] for b in held), iso.predict(list(range(len(held))))))
    t = np.array([x for x, _ in touches], float)
    y = np.array([w for _, w in touches], float)
    fit = sm.GLM(y, sm.add_constant(np.log1p(t)), family=sm.families.Binomial()).fit(tol=1e-15)
    rows = []
    for lower, n, won in buckets:
        if n:
            low, high = proportion_confint(won, n, method="wilson")
            cells = [won / n, low, high, float(monotone[lower])]
        else:
            cells = ["", "", "", ""]
        logistic = 1 / (1 + math.exp(-(fit.params[0] + fit.params[1] * math.log1p(lower))))
        rows.append([float(lower), float(n), float(won)] + cells + [logistic])
    return rows


def cell_cases(title, formula, rows):
    """One case per cell of the expected curve, and its size."""
    cases = [(f"{title}: rows", f"=ROWS({formula})", float(len(rows))),
             (f"{title}: columns", f"=COLUMNS({formula})", 8.0)]
    names = ["lower edge", "decided", "won", "win rate", "Wilson low", "Wilson high",
             "monotone", "logistic"]
    for r, row in enumerate(rows, start=1):
        for c, want in enumerate(row, start=1):
            cases.append((f"{title}: bucket {r} {names[c - 1]}",
                          f"=INDEX({formula};{r};{c})", want))
    return cases


def generated():
    rng = random.Random(19)
    rows, decided = [["Touches", "Outcome", "Region"]], []
    for i in range(400):
        t = min(int(rng.expovariate(1 / 6)), 40)
        p = 1 / (1 + math.exp(-(-1.8 + 0.9 * math.log1p(t))))
        outcome = rng.choices(["won", "lost", "open", "受注", "失注"], [p, 1 - p, 0.15, p / 3, (1 - p) / 3])[0]
        region = ("East", "West")[i % 2]
        rows.append([float(t), outcome, region])
        if outcome != "open":
            decided.append((t, 1 if outcome in ("won", "受注") else 0, region))
    return rows, decided


def touchwincurve():
    rows, decided = generated()
    touches = [(t, won) for t, won, _ in decided]
    east = [(t, won) for t, won, region in decided if region == "East"]
    cases = cell_cases("generated, default buckets", "TOUCHWINCURVE($Deals.A:A;$Deals.B:B)",
                       curve(touches))
    cases += cell_cases("generated, buckets 0;3;6;10;20;60", "TOUCHWINCURVE($Deals.A:A;$Deals.B:B;{0;3;6;10;20;60})",
                        curve(touches, [0, 3, 6, 10, 20, 60]))
    cases += cell_cases("generated, East only", f'TOUCHWINCURVE($Deals.A:A;$Deals.B:B;;$Deals.C:C;{q}East{q})',
                        curve(east))
    cases += [
        ("a negative touch count", "=TOUCHWINCURVE($Bad.A1:A3;$Bad.B1:B3)", ERR),
        ("a text touch count below the first row", "=TOUCHWINCURVE($Bad.C1:C3;$Bad.B1:B3)", ERR),
        ("buckets not increasing", "=TOUCHWINCURVE($Deals.A:A;$Deals.B:B;{0;5;5})", ERR),
        ("a negative first edge", "=TOUCHWINCURVE($Deals.A:A;$Deals.B:B;{-1;5})", ERR),
        ("ranges of different lengths", "=TOUCHWINCURVE($Deals.A2:A100;$Deals.B2:B99)", ERR),
        ("nothing decided", "=TOUCHWINCURVE($Bad.D1:D2;$Bad.E1:E2)", NA),
        ("one deal: one bucket, no logistic fit", "=INDEX(TOUCHWINCURVE($Bad.D1:D1;$Bad.B1:B1);1;8)", ""),
        ("one deal: its win rate", "=INDEX(TOUCHWINCURVE($Bad.D1:D1;$Bad.B1:B1);1;4)", 1.0),
        ("all won: no logistic fit", "=INDEX(TOUCHWINCURVE($Bad.D1:D2;$Bad.F1:F2);1;8)", ""),
    ]
    bad = [[-1.0, "won", 1.0, 3.0, "open", "won"], [2.0, "lost", "many", 5.0, "open", "won"],
           [3.0, "won", 2.0]]
    return {"sheets": {"Deals": rows, "Bad": bad}, "cases": cases}


def renewals():
    """The renewals of saas-crm as deals: churned = lost, else won; the close date is the
    churn date or the renewal date; the touches are the tenant's activities up to it (one
    deal per tenant: every earlier touch counts, as TOUCHESBEFORE counts them)."""
    subs = pd.read_csv(os.path.join(DATA, "saas-crm", "subscriptions.csv"))
    acts = pd.read_csv(os.path.join(DATA, "saas-crm", "crm_activities.csv"))
    subs["close"] = pd.to_datetime(subs["churn_date"].where(subs["churned"], subs["renewal_date"]))
    acts["date"] = pd.to_datetime(acts["activity_date"])
    joined = acts.merge(subs[["tenant_id", "close"]], on="tenant_id")
    counts = joined[joined["date"] <= joined["close"]].groupby("tenant_id").size()
    subs["touches"] = subs["tenant_id"].map(counts).fillna(0).astype(float)
    subs["outcome"] = np.where(subs["churned"], "lost", "won")
    return subs


def touchwincurve_saas():
    subs = renewals()
    rows = [["Touches", "Outcome"]] + [[t, o] for t, o in zip(subs["touches"], subs["outcome"])]
    touches = [(t, 1 if o == "won" else 0) for t, o in zip(subs["touches"], subs["outcome"])]
    cases = cell_cases("saas-crm renewals, default buckets",
                       "TOUCHWINCURVE($Renewals.A:A;$Renewals.B:B)", curve(touches))
    cases += cell_cases("saas-crm renewals, buckets 0;5;10;15",
                        "TOUCHWINCURVE($Renewals.A:A;$Renewals.B:B;{0;5;10;15})",
                        curve(touches, [0, 5, 10, 15]))
    return {"sheets": {"Renewals": rows}, "cases": cases}


def by_group(frame):
    """TOUCHWINBY's expected table from a frame of (touches, outcome, group): one row per
    group in Calc's order, key first; deals without touches or undecided do not count."""
    rows = []
    for key in sorted(frame["group"].unique(), key=lambda k: k.casefold()):
        g = frame[frame["group"] == key]
        d = g[g["outcome"].isin(["won", "lost", "受注", "失注"]) & g["touches"].notna()]
        won = d[d["outcome"].isin(["won", "受注"])]
        lost = d[d["outcome"].isin(["lost", "失注"])]
        n = len(d)
        rate = len(won) / n if n else ""
        low = proportion_confint(len(won), n, method="wilson")[0] if n else ""
        rows.append([key, float(n), rate, low,
                     float(won["touches"].mean()) if len(won) else "",
                     float(lost["touches"].mean()) if len(lost) else ""])
    return rows


def table_cases(title, formula, rows):
    cases = [(f"{title}: rows", f"=ROWS({formula})", float(len(rows))),
             (f"{title}: columns", f"=COLUMNS({formula})", float(len(rows[0])))]
    for r, row in enumerate(rows, start=1):
        for c, want in enumerate(row, start=1):
            cases.append((f"{title}: {row[0]} column {c}", f"=INDEX({formula};{r};{c})", want))
    return cases


def touchwinby():
    rows, decided = generated()
    frame = pd.DataFrame(rows[1:], columns=["touches", "outcome", "group"])
    frame.loc[5, "touches"] = None  # a deal without touches
    sheet = [rows[0]] + [[("" if pd.isna(t) else t), o, g] for t, o, g in frame.itertuples(index=False)]
    expected = by_group(frame)
    cases = table_cases("generated, per region", "TOUCHWINBY($Deals.A:A;$Deals.B:B;$Deals.C:C)", expected)
    east = next(r for r in expected if r[0] == "East")
    cases += [
        ("one key: its decided deals", f'=TOUCHWINBY($Deals.A:A;$Deals.B:B;$Deals.C:C;{q}east{q})', east[1]),
        # {"West";"East"} written through the API is a row of keys: one column per key.
        ("a row of keys: West's win rate", '=INDEX(TOUCHWINBY($Deals.A:A;$Deals.B:B;$Deals.C:C;{"West";"East"});2;1)',
         next(r for r in expected if r[0] == "West")[2]),
        ("a key with no row: 0 decided", f'=TOUCHWINBY($Deals.A:A;$Deals.B:B;$Deals.C:C;{q}North{q})', 0.0),
        ("a negative touch count", "=TOUCHWINBY($Bad.A1:A3;$Bad.B1:B3;$Bad.B1:B3)", ERR),
    ]
    bad = [[-1.0, "won"], [2.0, "lost"], [3.0, "won"]]
    return {"sheets": {"Deals": sheet, "Bad": bad}, "cases": cases}


def touchwinby_saas():
    subs = renewals()
    tenants = pd.read_csv(os.path.join(DATA, "saas-crm", "tenants.csv"))
    subs = subs.merge(tenants[["tenant_id", "region"]], on="tenant_id")
    frame = pd.DataFrame({"touches": subs["touches"], "outcome": subs["outcome"], "group": subs["region"]})
    sheet = [["Touches", "Outcome", "Region"]] + frame.values.tolist()
    return {"sheets": {"Renewals": sheet},
            "cases": table_cases("saas-crm renewals per region",
                                 "TOUCHWINBY($Renewals.A:A;$Renewals.B:B;$Renewals.C:C)", by_group(frame))}


def expected_target(frame, target=None, method="monotone", grouped=True):
    """TOUCHTARGET by the spec, on a frame of (touches, outcome, group): pandas, statsmodels
    and scikit-learn; NA when no touch count reaches the target."""
    d = frame[frame["outcome"].isin(["won", "lost", "受注", "失注"]) & frame["touches"].notna()].copy()
    d["won"] = d["outcome"].isin(["won", "受注"]).astype(int)
    if grouped:
        per = d[d["group"].notna() & (d["group"] != "")].groupby("group")["won"].agg(["sum", "count"])
        per["low"] = [proportion_confint(w, n, method="wilson")[0] for w, n in zip(per["sum"], per["count"])]
        per["key"] = [k.casefold() for k in per.index]
        ranked = per.sort_values(["key"]).sort_values("low", ascending=False, kind="stable")
        best = d[d["group"].isin(ranked.index[: math.ceil(len(ranked) / 4)])]
    else:
        best = d
    if method == "top":
        return float(best["touches"].mean())
    if target is None:
        target = best["won"].sum() / len(best)
    pairs = list(zip(d["touches"], d["won"]))
    if method == "monotone":
        buckets = default_buckets(pairs)
        iso = IsotonicRegression(increasing=True).fit(
            list(range(len(buckets))), [b[2] / b[1] for b in buckets], sample_weight=[b[1] for b in buckets])
        for b, m in zip(buckets, iso.predict(list(range(len(buckets))))):
            if m >= target:
                return float(b[0])
        return NA
    if method == "safe":
        for t in sorted(set(d["touches"])):
            above = d[d["touches"] >= t]
            if proportion_confint(above["won"].sum(), len(above), method="wilson")[0] >= target:
                return float(t)
        return NA
    fit = sm.GLM(d["won"].to_numpy(float), sm.add_constant(np.log1p(d["touches"].to_numpy(float))),
                 family=sm.families.Binomial()).fit(tol=1e-15)
    if fit.params[1] <= 0:
        return NA
    for t in range(0, int(d["touches"].max()) + 1):
        if 1 / (1 + math.exp(-(fit.params[0] + fit.params[1] * math.log1p(t)))) >= target:
            return float(t)
    return NA


def touchtarget():
    rows, decided = generated()
    # Eight reps over the two regions: the best quarter is two of them.
    frame = pd.DataFrame(rows[1:], columns=["touches", "outcome", "region"])
    frame["group"] = [f"Rep {i % 8 + 1}" for i in range(len(frame))]
    sheet = [["Touches", "Outcome", "Region", "Rep"]] + frame[["touches", "outcome", "region", "group"]].values.tolist()
    call = "TOUCHTARGET($Deals.A:A;$Deals.B:B;{target};{method};{groups})"
    cases = []
    for method in ("monotone", "safe", "logistic", "top"):
        for target in (None, 0.3, 0.45):
            for grouped in (True, False):
                if method == "top" and (target is not None or not grouped):
                    continue
                formula = "=" + call.format(target="" if target is None else target, method=q + method + q,
                                            groups="$Deals.D:D" if grouped else "")
                formula = formula.replace(";)", ")").replace(";)", ")")
                cases.append((f"{method}, target {target}, {'per rep' if grouped else 'no groups'}",
                               formula, expected_target(frame, target, method, grouped)))
    cases += [
        ("Japanese method name", '=TOUCHTARGET($Deals.A:A;$Deals.B:B;0.3;"安全")',
         expected_target(frame, 0.3, "safe", False)),
        ("Target above 1", "=TOUCHTARGET($Deals.A:A;$Deals.B:B;1.5)", ERR),
        ("Target below 0", "=TOUCHTARGET($Deals.A:A;$Deals.B:B;-0.1)", ERR),
        ("an unknown method", '=TOUCHTARGET($Deals.A:A;$Deals.B:B;0.3;"fast")', ERR),
        ("top without groups", '=TOUCHTARGET($Deals.A:A;$Deals.B:B;;"top")', ERR),
        ("a target nobody reaches", "=TOUCHTARGET($Deals.A:A;$Deals.B:B;0.99)", NA),
    ]
    return {"sheets": {"Deals": sheet}, "cases": cases}


def touchtarget_saas():
    subs = renewals()
    tenants = pd.read_csv(os.path.join(DATA, "saas-crm", "tenants.csv"))
    subs = subs.merge(tenants[["tenant_id", "region", "csm_assigned"]], on="tenant_id")
    frame = pd.DataFrame({"touches": subs["touches"], "outcome": subs["outcome"], "group": subs["csm_assigned"]})
    sheet = [["Touches", "Outcome", "CSM"]] + frame.values.tolist()
    cases = []
    for method in ("monotone", "safe", "logistic"):
        for target in (0.8, 0.9):
            cases.append((f"saas-crm renewals, {method}, target {target}",
                          f'=TOUCHTARGET($Renewals.A:A;$Renewals.B:B;{target};"{method}")',
                          expected_target(frame, target, method, False)))
    for method in ("monotone", "safe", "logistic", "top"):
        cases.append((f"saas-crm renewals, {method}, target from the best quarter of the CSMs",
                      f'=TOUCHTARGET($Renewals.A:A;$Renewals.B:B;;"{method}";$Renewals.C:C)',
                      expected_target(frame, None, method, True)))
    return {"sheets": {"Renewals": sheet}, "cases": cases}


DOCS = {"touchtarget": touchtarget, "touchtarget_saas": touchtarget_saas,
        "touchwincurve": touchwincurve, "touchwincurve_saas": touchwincurve_saas,
        "touchwinby": touchwinby, "touchwinby_saas": touchwinby_saas}
