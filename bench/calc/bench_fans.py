#!/usr/bin/python3
"""What checking fans every quarter costs in real Calc. One quarter's column over 500
customers: OPENITEMS and LATESTVALUE as two array formulas over the key list, against what
a user writes today, per customer two COUNTIFS for the open items and MAXIFS and SUMIFS for
the latest rating. Then each function over 1,000,000 rows against the no-op floor add-in
reading the same three columns (bench/floor). Medians of several recalculations, the
compared formulas alternated in one office. Not a test: it asserts nothing.

Usage: bench_fans.py BUILD [--rows 60000] [--big 1000000] [--repeat 5]
"""
import argparse
import os
import random
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from bench_calc import load, recalculated  # noqa: E402
from office import Office  # noqa: E402

START, DAYS, CUSTOMERS = 44652, 3 * 365, 500  # from 2022-04-01
AS_OF = START + 2 * 365


def write_csv(rows, folder):
    """An item log (customer, opened, closed: empty for a third) and a rating log
    (customer, date, rating 1-5), side by side, `rows` rows each."""
    rng = random.Random(rows)
    path = os.path.join(folder, f"fans{rows}.csv")
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(rows):
            opened = START + rng.randint(0, DAYS - 1)
            closed = opened + rng.randint(0, 120) if rng.random() > 1 / 3 else ""
            f.write(f"C{rng.randint(1, CUSTOMERS):04d},{opened},{closed},"
                    f"C{rng.randint(1, CUSTOMERS):04d},{START + rng.randint(0, DAYS - 1)},"
                    f"{rng.randint(1, 5)}\n")
    return path


def seconds(doc, cells, repeat):
    """Median seconds of calculateAll with `cells` ({range: formula}; an array formula for
    a range of several cells)."""
    sheet = doc.Sheets.getByIndex(0)
    sheet.getCellRangeByName("I1:L1000").clearContents(1 | 2 | 4 | 16)
    for ref, formula in cells.items():
        if ":" in ref:
            sheet.getCellRangeByName(ref).setArrayFormula(formula)
        else:
            sheet.getCellRangeByName(ref).setFormula(formula)
    return recalculated(doc, repeat)


def alternated(doc, variants, repeat):
    times = {name: [] for name in variants}
    for _ in range(repeat):
        for name, cells in variants.items():
            times[name].append(seconds(doc, cells, 1))
    return {name: statistics.median(t) for name, t in times.items()}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("build")
    p.add_argument("--rows", type=int, default=60000)
    p.add_argument("--big", type=int, default=1000000)
    p.add_argument("--repeat", type=int, default=5)
    a = p.parse_args()
    addin, floor = (os.path.join(a.build, d) for d in ("addin/oxt", "bench/floor"))
    with Office(addin, more=[floor]) as office, tempfile.TemporaryDirectory() as tmp:
        n = a.rows
        doc = load(office, write_csv(n, tmp))
        sheet = doc.Sheets.getByIndex(0)
        for k in range(CUSTOMERS):
            sheet.getCellByPosition(7, k).setString(f"C{k + 1:04d}")
        c = {x: f"${x}$1:${x}${n}" for x in "ABCDEF"}
        keys = f"$H$1:$H${CUSTOMERS}"
        addin_cells = {
            f"I1:I{CUSTOMERS}": f"=OPENITEMS({c['A']};{c['B']};{c['C']};{AS_OF};{keys})",
            f"J1:J{CUSTOMERS}": f"=LATESTVALUE({c['D']};{c['E']};{c['F']};{AS_OF};{keys})"}
        builtin_cells = {}
        for r in range(1, CUSTOMERS + 1):
            builtin_cells[f"I{r}"] = (f'=COUNTIFS({c["A"]};H{r};{c["B"]};"<="&{AS_OF})'
                                      f'-COUNTIFS({c["A"]};H{r};{c["B"]};"<="&{AS_OF};{c["C"]};"<="&{AS_OF})')
            builtin_cells[f"K{r}"] = f'=MAXIFS({c["E"]};{c["D"]};H{r};{c["E"]};"<="&{AS_OF})'
            builtin_cells[f"J{r}"] = f'=SUMIFS({c["F"]};{c["D"]};H{r};{c["E"]};K{r})'
        t = alternated(doc, {"add-in": addin_cells, "built-in": builtin_cells}, a.repeat)
        values = []
        for cells in (addin_cells, builtin_cells):  # both give the same figures
            seconds(doc, cells, 1)
            values.append(sheet.getCellRangeByName(f"I1:J{CUSTOMERS}").getDataArray())
        differ = [(k, x, y) for k, (x, y) in enumerate(zip(*values)) if x != y]
        print(f"(they differ for {len(differ)} of {CUSTOMERS} customers, where the built-ins are "
              f"wrong: 0 without a rating, two ratings of one day summed: {differ[:3]})")
        print(f"| {n:,} rows, {CUSTOMERS} customers | OPENITEMS + LATESTVALUE, two array formulas "
              f"| {t['add-in']:.3f} s |")
        print(f"| | COUNTIFS x2 + MAXIFS + SUMIFS per customer | {t['built-in']:.3f} s "
              f"| built-in / add-in: {t['built-in'] / t['add-in']:.0f}x |")
        doc.close(True)

        n = a.big
        doc = load(office, write_csv(n, tmp))
        c = {x: f"${x}$1:${x}${n}" for x in "ABCDEF"}
        floor_cells = {"I1": f"=NOOPREAD2({c['A']};{c['B']})+NOOPREAD1({c['C']})"}
        t = alternated(doc, {
            "OPENITEMS": {"I1": f"=OPENITEMS({c['A']};{c['B']};{c['C']};{AS_OF})"},
            "floor": floor_cells,
            "LATESTVALUE": {"I1": f"=LATESTVALUE({c['D']};{c['E']};{c['F']};{AS_OF})"},
        }, a.repeat)
        for name in ("OPENITEMS", "LATESTVALUE"):
            print(f"| {n:,} rows | {name}, Keys omitted | {t[name]:.3f} s | floor {t['floor']:.3f} s "
                  f"| ratio {t[name] / t['floor']:.2f} |")
        doc.close(True)


if __name__ == "__main__":
    main()
