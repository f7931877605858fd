#!/usr/bin/python3
"""Drives headless Calc over generated sheets and reports, as medians of several
recalculations measured in one run, how the add-in compares with the formulas a user would
otherwise write. Not a test: it asserts nothing. Writes docs/performance.md.

Usage: bench_calc.py BUILD/addin/oxt [--sizes 10000,100000] [--repeat 5]
"""
import argparse
import datetime
import os
import platform
import random
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from office import Office  # noqa: E402

START = 44652  # 2022-04-01


def make_sheet(doc, rows):
    """rows of a touch log / deal list / ledger: customer, date, outcome, amount, dept."""
    rng = random.Random(rows)
    data = tuple((f"C{rng.randint(1, 2000):04d}", float(START + rng.randint(0, 36 * 30 - 1)),
                  rng.choice(("won", "lost", "open")), float(rng.randint(100, 5000)),
                  rng.choice(("East", "West", "Central")))
                 for _ in range(rows))
    sheet = doc.Sheets.getByIndex(0)
    sheet.getCellRangeByPosition(0, 0, 4, rows - 1).setDataArray(data)
    return sheet


def timed(doc, sheet, formulas, repeat, array=None):
    """Median seconds of calculateAll with `formulas` in column H (or one array formula)."""
    area = sheet.getCellRangeByName("H1:K200")
    area.clearContents(1 | 2 | 4 | 16)  # values, dates, strings, formulas
    if array:
        sheet.getCellRangeByName(array[0]).setArrayFormula(array[1])
    for i, f in enumerate(formulas):
        sheet.getCellByPosition(7, i).setFormula(f)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        doc.calculateAll()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    args = argparse.ArgumentParser()
    args.add_argument("addin")
    args.add_argument("--sizes", default="10000,100000")
    args.add_argument("--repeat", type=int, default=5)
    a = args.parse_args()
    rows_out = []
    with Office(a.addin) as office:
        for n in (int(s) for s in a.sizes.split(",")):
            doc = office.new_sheet()
            sheet = make_sheet(doc, n)
            r = f"1:{n}"
            A, B, C, D, E = (f"{c}{r.split(':')[0]}:{c}{n}" for c in "ABCDE")
            t = lambda fs, array=None: timed(doc, sheet, fs, a.repeat, array)  # noqa: E731
            avg = t([f"=AVGTOUCHPOINTS({A};{B})"])
            avg_cols = t(["=AVGTOUCHPOINTS(A:A;B:B)"])
            distinct = t([f"=DISTINCTCUSTOMERS({A})"])
            rows_out.append((n, "AVGTOUCHPOINTS exact range", avg, None))
            rows_out.append((n, "AVGTOUCHPOINTS(A:A;B:B) / exact", avg_cols, avg_cols / avg))
            if n <= 10000:
                builtin = t([f"=SUMPRODUCT(1/COUNTIF({A};{A}))"])
                rows_out.append((n, "built-in SUMPRODUCT(1/COUNTIF) / DISTINCTCUSTOMERS", builtin, builtin / distinct))
            win = t([f"=WINRATE({C})"])
            win_builtin = t([f'=COUNTIF({C};"won")/(COUNTIF({C};"won")+COUNTIF({C};"lost"))'])
            rows_out.append((n, "built-in COUNTIFS win rate / WINRATE", win_builtin, win_builtin / win))
            trend = t([], ("H1:J36", f'=WINRATETREND({C};{B};"month")'))
            cells = []
            for m in range(36):
                y, mo = 2022 + (m + 3) // 12, (m + 3) % 12 + 1
                lo, hi = f"DATE({y};{mo};1)", f"EOMONTH(DATE({y};{mo};1);0)"
                cells.append(f'=COUNTIFS({C};"won";{B};">="&{lo};{B};"<="&{hi})/'
                             f'(COUNTIFS({C};"won";{B};">="&{lo};{B};"<="&{hi})+COUNTIFS({C};"lost";{B};">="&{lo};{B};"<="&{hi}))')
            trend_builtin = t(cells)
            rows_out.append((n, "36 built-in COUNTIFS cells / one WINRATETREND", trend_builtin, trend_builtin / trend))
            sales = t([], ("H1:I36", f'=SALESBYPERIOD({B};{D};"month")'))
            sumifs = t([f'=SUMIFS({D};{B};">="&DATE({2022 + (m + 3) // 12};{(m + 3) % 12 + 1};1);{B};"<="&EOMONTH(DATE({2022 + (m + 3) // 12};{(m + 3) % 12 + 1};1);0))' for m in range(36)])
            rows_out.append((n, "36 built-in SUMIFS cells / one SALESBYPERIOD", sumifs, sumifs / sales))
            for name, f in (("TOUCHTREND", f'=ROWS(TOUCHTREND({A};{B}))'), ("SALESTREND", f"=SALESTREND({B};{D};3)"),
                            ("SALESTRENDSTAT mk_p", f'=SALESTRENDSTAT({B};{D};"mk_p";3)'),
                            ("SEASONALINDEX", f"=SEASONALINDEX({B};{D};12)"), ("WINRATE filtered", f'=WINRATE({C};{B};;;{E};"East")')):
                rows_out.append((n, name, t([f]), None))
            doc.close(True)
    version = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.strip()
    lines = ["# Performance", "",
             f"Measured by `bench/calc/bench_calc.py` on {datetime.date.today()}, {platform.machine()}, "
             f"{os.cpu_count()} cores, {version}. Each time is the median of {a.repeat} "
             "`calculateAll()` of a sheet holding only the formula(s) measured; ratios are from the same run.", "",
             "| rows | what | seconds | ratio |", "|---|---|---|---|"]
    for n, what, secs, ratio in rows_out:
        lines.append(f"| {n:,} | {what} | {secs:.4f} | {'' if ratio is None else f'{ratio:.1f}'} |")
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(HERE, "..", "..", "docs", "performance-calc-table.md"), "w") as out:
        out.write(text)
    return text


if __name__ == "__main__":
    main()
