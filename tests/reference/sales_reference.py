#!/usr/bin/python3
"""Reference values for the sales-trend functions, computed once by software nobody on this
project wrote (scipy 1.10, statsmodels 0.13, pandas 1.5 from Debian) and stored in
sales_reference.json with the ledgers they were computed on (generated_ledger.csv).

Ledgers:
- a generated three-year ledger (April 2021 .. March 2024, fixed seed) of two customers:
  "Trend" grows 1.5 % a month, "Control" does not; both have the same yearly pattern and
  noise;
- the won deals of tests/data/maven-crm (close_value by close_date).

Mann-Kendall: the formulas of pymannkendall's original_test, written out (pymannkendall
is not packaged in Debian): S, Var(S) with the tie correction, Z with the continuity
correction, p = 2 * (1 - Phi(|Z|)) (as norm.sf, which is exact in the tail), tau.

Usage: sales_reference.py   (rewrites the json and csv next to it)
"""
import json
import os
import random

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.tsa.seasonal import seasonal_decompose

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
SEASON = [1.0, 0.85, 1.1, 0.95, 1.0, 1.05, 0.9, 0.75, 1.0, 1.05, 1.1, 1.25]  # Jan..Dec


def generated_ledger():
    rng = random.Random(20210401)
    rows = []
    for m in range(36):
        year, month = 2021 + (m + 3) // 12, (m + 3) % 12 + 1
        for customer, growth in (("Trend", 0.015), ("Control", 0.0)):
            for _ in range(4):
                day = rng.randint(1, 28)
                amount = 2500 * (1 + growth) ** m * SEASON[month - 1] * rng.uniform(0.9, 1.1)
                rows.append((f"{year}-{month:02d}-{day:02d}", customer, round(amount, 2)))
    return pd.DataFrame(rows, columns=["date", "customer", "amount"])


def mann_kendall(y):
    n = len(y)
    s = sum(np.sign(y[j] - y[i]) for i in range(n - 1) for j in range(i + 1, n))
    _, counts = np.unique(y, return_counts=True)
    var_s = (n * (n - 1) * (2 * n + 5) - np.sum(counts * (counts - 1) * (2 * counts + 5))) / 18
    z = (s - 1) / np.sqrt(var_s) if s > 0 else (s + 1) / np.sqrt(var_s) if s < 0 else 0.0
    return {"mk_s": float(s), "mk_z": float(z), "mk_p": float(2 * stats.norm.sf(abs(z))),
            "tau": float(s / (0.5 * n * (n - 1)))}


def statistics(y):
    """Every SALESTRENDSTAT statistic and every SALESTREND method on monthly totals y."""
    y = np.asarray(y, dtype=float)
    n = len(y)
    x = np.arange(1, n + 1)
    fit = stats.linregress(x, y)
    sen = stats.theilslopes(y, x)[0]
    out = {"n": float(n), "slope": fit.slope, "intercept": fit.intercept, "r2": fit.rvalue ** 2,
           "t": fit.slope / fit.stderr, "p": fit.pvalue, "sen": float(sen)}
    out.update(mann_kendall(y))
    out["linear"] = 12 * fit.slope / y.mean()
    out["theilsen"] = 12 * sen / y.mean()
    if n >= 24:
        out["yoy"] = (y[-12:].sum() - y[-24:-12].sum()) / abs(y[-24:-12].sum())
        out["cagr"] = (y[-12:].sum() / y[:12].sum()) ** (12 / (n - 12)) - 1
    return {k: float(v) for k, v in out.items()}


def seasonal(monthly):
    """statsmodels' multiplicative seasonal index by calendar month (1..12)."""
    series = pd.Series(monthly.values, index=monthly.index.to_timestamp())
    s = seasonal_decompose(series, model="multiplicative", period=12).seasonal
    return {str(ts.month): float(v) for ts, v in s.iloc[:12].items()}


def monthly_totals(frame, start, end):
    months = pd.period_range(start, end, freq="M")
    totals = frame.groupby(pd.to_datetime(frame["date"]).dt.to_period("M"))["amount"].sum()
    return totals.reindex(months, fill_value=0.0)


def main():
    ledger = generated_ledger()
    ledger.to_csv(os.path.join(HERE, "generated_ledger.csv"), index=False)
    ref = {"generated": {}}
    for customer in ("Trend", "Control"):
        monthly = monthly_totals(ledger[ledger.customer == customer], "2021-04", "2024-03")
        last24 = monthly.iloc[-24:]
        ref["generated"][customer] = {
            "monthly": [float(v) for v in monthly.values],
            "years3": statistics(monthly.values),
            "years2": statistics(last24.values),
            "seasonal3": seasonal(monthly),
            "seasonal2": seasonal(last24),
        }
    deals = pd.read_csv(os.path.join(DATA, "maven-crm", "sales_pipeline.csv"))
    won = deals[deals.deal_stage == "Won"].rename(columns={"close_date": "date", "close_value": "amount"})
    dates = pd.to_datetime(won["date"])
    monthly = monthly_totals(won, dates.min().strftime("%Y-%m"), dates.max().strftime("%Y-%m"))
    ref["maven_won"] = {"first_month": str(monthly.index[0]), "monthly": [float(v) for v in monthly.values],
                        "stats": statistics(monthly.values)}
    with open(os.path.join(HERE, "sales_reference.json"), "w") as f:
        json.dump(ref, f, indent=1, sort_keys=True)
    print("wrote sales_reference.json and generated_ledger.csv")


if __name__ == "__main__":
    main()
