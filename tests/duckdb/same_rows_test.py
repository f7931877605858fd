#!/usr/bin/python3
"""The same rows in Calc and in DuckDB give the same figures, to 1e-9.

One generated log (touches, deals, a ledger, an issue log, a rating log) is written once as
CSV files. DuckDB reads those files with read_csv and runs the extension's SQL
(same_rows.mjs); Calc gets the same rows in sheets and runs the add-in's functions, one
formula per department, customer or bucket. The two sides differ where users' files do: the
touch log's dates reach DuckDB as text (ISO and era dates), Calc as date cells and era texts;
customers are written in several ways (case, blanks, full width), grouped in SQL by
key_fold and in Calc by a key.

Usage: same_rows_test.py BUILD/addin/oxt EXTENSION NODE_MODULES WORK_DIR
"""
import csv
import datetime
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from office import Office, fill  # noqa: E402

DEPARTMENTS = ["Tokyo", "Osaka", "営業部", "Nagoya"]
AS_OF = datetime.date(2024, 12, 31)


def customer(rng, k):
    """Customer k as people write it: plain, lower case, padded or full width."""
    return rng.choice([f"C{k}", f"c{k}", f" C{k} ", f"Ｃ{k}"])


def era(d):
    """A Reiwa date as Japanese forms write it (the era began 2019-05-01)."""
    return f"令和{d.year - 2018}年{d.month}月{d.day}日"


def generate(seed=31):
    rng = random.Random(seed)
    day = lambda first, span: first + datetime.timedelta(days=rng.randrange(span))  # noqa: E731
    touches = []
    for _ in range(6000):
        d = day(datetime.date(2023, 4, 1), 730)
        text = era(d) if rng.random() < 0.1 else d.strftime("%Y/%m/%d") if rng.random() < 0.1 else d
        touches.append([rng.choice(DEPARTMENTS), customer(rng, rng.randrange(900)), text])
    deals = []
    for _ in range(3000):
        t = rng.randrange(12)
        outcome = (rng.choice(["won", "受注", "Closed Won"]) if rng.random() < 0.1 + 0.06 * t
                   else rng.choice(["lost", "失注", "open", ""]))
        deals.append([rng.choice(DEPARTMENTS), t, outcome])
    ledger = [[rng.choice(DEPARTMENTS), day(datetime.date(2021, 1, 1), 1461),
               round(rng.uniform(50, 500) * (1 + 0.1 * rng.random()), 2)] for _ in range(4000)]
    items = []
    for _ in range(1500):
        opened = day(datetime.date(2024, 1, 1), 300)
        closed = None if rng.random() < 0.3 else opened + datetime.timedelta(days=rng.randrange(120))
        items.append([customer(rng, rng.randrange(120)), opened, closed])
    ratings = []
    for k in range(120):
        for d in rng.sample(range(700), 6):  # distinct dates: no ties within a customer
            ratings.append([customer(rng, k), datetime.date(2023, 1, 1) + datetime.timedelta(days=d),
                            rng.randrange(1, 6)])
    return {"touches": (["dept", "customer", "day"], touches),
            "deals": (["dept", "touches", "outcome"], deals),
            "ledger": (["dept", "day", "amount"], ledger),
            "items": (["customer", "opened", "closed"], items),
            "ratings": (["customer", "day", "rating"], ratings)}


def write_csv(tables, folder):
    os.makedirs(folder, exist_ok=True)
    for name, (header, rows) in tables.items():
        with open(os.path.join(folder, name + ".csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(header)
            for r in rows:
                w.writerow(["" if v is None else v.isoformat() if isinstance(v, datetime.date) else v
                            for v in r])


def serial(d):
    return float((d - datetime.date(1899, 12, 30)).days)


def calc_value(v):
    """A cell as Calc holds what the CSV says: a date a date serial, others as they are."""
    return None if v is None else serial(v) if isinstance(v, datetime.date) else v


def col(sheet, letter, n):
    return f"${sheet}.${letter}$2:${letter}${n + 1}"


def checks(tables):
    """(name, SQL giving [key, figures...] rows, Calc formula of each figure by key)."""
    n = {name: len(rows) for name, (_, rows) in tables.items()}
    T = {c: col("Touches", c, n["touches"]) for c in "ABC"}
    D = {c: col("Deals", c, n["deals"]) for c in "ABC"}
    L = {c: col("Ledger", c, n["ledger"]) for c in "ABC"}
    items = {c: col("Items", c, n["items"]) for c in "ABC"}
    ratings = {c: col("Ratings", c, n["ratings"]) for c in "ABC"}
    fy = "DATE '2024-04-01', DATE '2025-03-31'"
    as_of = "DATE '2024-12-31'"
    out = [
        ("avg_touchpoints by department",
         "SELECT dept, avg_touchpoints(customer, day), "
         f"avg_touchpoints(customer, day, {fy}), distinct_customers(customer), "
         f"distinct_customers(customer, day, {fy}) FROM touches GROUP BY dept",
         [f'=AVGTOUCHPOINTS({T["B"]};{T["C"]};;;;{T["A"]};"{{key}}")',
          f'=AVGTOUCHPOINTS({T["B"]};{T["C"]};DATE(2024;4;1);DATE(2025;3;31);;{T["A"]};"{{key}}")',
          f'=DISTINCTCUSTOMERS({T["B"]};;;;{T["A"]};"{{key}}")',
          f'=DISTINCTCUSTOMERS({T["B"]};{T["C"]};DATE(2024;4;1);DATE(2025;3;31);{T["A"]};"{{key}}")']),
        ("win_rate and touch_target by department",
         "SELECT dept, win_rate(outcome), touch_target(touches, outcome, 0.6), "
         "touch_target(touches, outcome, 0.5, 'safe') FROM deals GROUP BY dept",
         [f'=WINRATE({D["C"]};;;;{D["A"]};"{{key}}")',
          f'=TOUCHTARGET({D["B"]};{D["C"]};0.6;;;{D["A"]};"{{key}}")',
          f'=TOUCHTARGET({D["B"]};{D["C"]};0.5;"safe";;{D["A"]};"{{key}}")']),
        ("sales_trend by department",
         f"SELECT dept, sales_trend(day, amount, 2, {as_of}), "
         f"sales_trend(day, amount, 3, {as_of}, 'theilsen'), sales_trend(day, amount, 2, {as_of}, 'yoy'), "
         f"sales_trend(day, amount, 3, {as_of}, 'cagr'), sales_trend_stat(day, amount, 'slope', 2, {as_of}), "
         f"sales_trend_stat(day, amount, 'r2', 2, {as_of}), sales_trend_stat(day, amount, 'p', 2, {as_of}), "
         f"sales_trend_stat(day, amount, 'mk_z', 3, {as_of}), sales_trend_stat(day, amount, 'tau', 3, {as_of}) "
         "FROM ledger GROUP BY dept",
         [f'=SALESTREND({L["B"]};{L["C"]};2;DATE(2024;12;31);;{L["A"]};"{{key}}")',
          f'=SALESTREND({L["B"]};{L["C"]};3;DATE(2024;12;31);"theilsen";{L["A"]};"{{key}}")',
          f'=SALESTREND({L["B"]};{L["C"]};2;DATE(2024;12;31);"yoy";{L["A"]};"{{key}}")',
          f'=SALESTREND({L["B"]};{L["C"]};3;DATE(2024;12;31);"cagr";{L["A"]};"{{key}}")'] +
         [f'=SALESTRENDSTAT({L["B"]};{L["C"]};"{stat}";{years};DATE(2024;12;31);{L["A"]};"{{key}}")'
          for stat, years in (("slope", 2), ("r2", 2), ("p", 2), ("mk_z", 3), ("tau", 3))]),
        ("touch_win_curve, bucket by bucket",
         "WITH c AS (SELECT touch_win_curve(touches, outcome) AS l FROM deals) "
         "SELECT i, l[i].lower, l[i].decided, l[i].won, l[i].rate, l[i].wilson_low, "
         "l[i].wilson_high, l[i].monotone, l[i].logistic FROM c, range(1, len(l) + 1) r(i)",
         [f"=INDEX(TOUCHWINCURVE({D['B']};{D['C']});{{key}};{k})" for k in range(1, 9)]),
        ("open_items and latest_value per customer (GROUP BY key_fold)",
         "WITH o AS (SELECT key_fold(customer) AS k, open_items(opened, closed, DATE '2024-09-30') AS a "
         "FROM items GROUP BY k), "
         "r AS (SELECT key_fold(customer) AS k, latest_value(rating, day, DATE '2024-06-30') AS b "
         "FROM ratings GROUP BY k) SELECT k, a, b FROM o JOIN r USING (k)",
         [f'=OPENITEMS({items["A"]};{items["B"]};{items["C"]};DATE(2024;9;30);"{{key}}")',
          f'=LATESTVALUE({ratings["A"]};{ratings["B"]};{ratings["C"]};DATE(2024;6;30);"{{key}}")']),
    ]
    rng = random.Random(7)
    scalars = [(rng.randrange(1, 6), rng.randrange(4), round(rng.uniform(-0.3, 0.4), 3),
                rng.randrange(5), rng.choice(["partner", "grow", "maintain", "distance"]),
                round(rng.uniform(1, 12), 2), round(rng.random(), 3)) for _ in range(12)]
    values = ", ".join(f"({i}, {r}, {t}, {g}, {s}, '{goal}', {a}, {w})"
                       for i, (r, t, g, s, goal, a, w) in enumerate(scalars, 1))
    out.append(
        ("fan_score, fan_gap, fan_level and touch_win_diag row by row",
         f"SELECT i, fan_score(r, t, g, s), fan_gap(fan_score(r, t, g, s), goal), "
         f"fan_level(fan_score(r, t, g, s), 'ja'), touch_win_diag(a, w, 6, 0.4) "
         f"FROM (VALUES {values}) v(i, r, t, g, s, goal, a, w)",
         [None, None, None, None]))  # Calc formulas per row, below
    calc_scalars = {i: [f"=FANSCORE({r};{t};{g};{s})", f'=FANGAP(FANSCORE({r};{t};{g};{s});"{goal}")',
                        f'=FANLEVEL(FANSCORE({r};{t};{g};{s});"ja")', f"=TOUCHWINDIAG({a};{w};6;0.4)"]
                    for i, (r, t, g, s, goal, a, w) in enumerate(scalars, 1)}
    return out, calc_scalars


def agree(sql, calc):
    """A SQL figure and the Calc cell of the same rows: numbers to 1e-9 relative, a text the
    same text, NULL against #N/A (or, for one key's LATESTVALUE, an empty cell)."""
    value, text, error = calc
    if sql is None:
        return error == "#N/A" or (error == "" and text == "")
    if error:
        return False
    if isinstance(sql, str):
        try:
            sql = float(sql)
        except ValueError:
            return sql == text
    return abs(sql - value) <= 1e-9 * max(1.0, abs(sql), abs(value))


def main():
    addin, extension, modules, work = sys.argv[1:5]
    tables = generate()
    write_csv(tables, work)
    queries, calc_scalars = checks(tables)
    with open(os.path.join(work, "queries.json"), "w", encoding="utf-8") as f:
        json.dump({name: sql for name, sql, _ in queries}, f, ensure_ascii=False)
    sql_out = json.loads(subprocess.run(
        ["node", os.path.join(HERE, "same_rows.mjs"), extension, modules, work,
         os.path.join(work, "queries.json")], check=True, capture_output=True, text=True).stdout)

    failures, checked = [], 0
    with Office(addin) as office:
        doc = office.new_sheet()
        sheets = doc.Sheets
        for i, (name, (header, rows)) in enumerate(tables.items()):
            sheets.insertNewByName(name.capitalize(), i)
            fill(sheets.getByName(name.capitalize()),
                 [header] + [[calc_value(v) for v in r] for r in rows])
        out = sheets.getByIndex(len(tables))
        cells = []  # (check, key, figure, sql value, cell)
        row = 0
        for name, _, formulas in queries:
            for sql_row in sql_out[name]:
                key, figures = sql_row[0], sql_row[1:]
                own = calc_scalars[int(key)] if formulas[0] is None else formulas
                for k, (formula, sql) in enumerate(zip(own, figures)):
                    cell = out.getCellByPosition(k, row)
                    cell.setFormula(formula.replace("{key}", str(key)))
                    cells.append((name, key, k + 1, sql, cell))
                row += 1
        doc.calculateAll()
        for name, key, k, sql, cell in cells:
            error = cell.getString() if cell.getError() else ""
            calc = (cell.getValue(), cell.getString(), error)
            checked += 1
            if not agree(sql, calc):
                failures.append(f"{name}: {key} figure {k}: SQL {sql}, Calc {calc[1]} ({cell.getFormula()})")
        doc.close(True)
    for name, _, _ in queries:
        print(f"{name}: {sum(1 for c in cells if c[0] == name)} figures compared")
    for f in failures[:20]:
        print("FAILED", f)
    print(f"{checked - len(failures)} agree, {len(failures)} differ")
    return 1 if failures or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
