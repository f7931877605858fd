#!/usr/bin/python3
"""The BY functions in headless Calc on a per-customer table: a log of ROWS rows with
KEYS customers, one figure per customer written four ways, each timed in one run (median
of several full recalculations, then a recalculation after one edit):
  - the built-ins a user would write: one COUNTIFS (or three SUMIFS) per customer;
  - the scalar function with a (Customers; key) filter per customer (on FEW cells only);
  - the BY function filled down, one key per cell;
  - the BY function's whole table in one array formula;
and, as floors, the no-op add-in reading the same columns once (NOOPREAD2) and called
once per cell without reading (NOOPPASS). Also the office's memory during and after the
first recalculation of the fill-down. Not a test: it asserts nothing.

Usage: bench_by.py BUILD [--rows 100000] [--keys 1000] [--repeat 3] [--few 50]
"""
import argparse
import os
import random
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from office import Office  # noqa: E402
from bench_calc import load, status  # noqa: E402

START = 44652  # 2022-04-01
S, E = "DATE(2022;10;1)", "DATE(2024;9;30)"  # the touch window
ASOF = "DATE(2025;3;31)"  # yoy: Apr 2024..Mar 2025 against Apr 2023..Mar 2024


def write_csv(rows, keys, folder):
    rng = random.Random(rows)
    path = os.path.join(folder, f"by{rows}.csv")
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(rows):
            f.write(f"C{rng.randint(1, keys):05d},{START + rng.randint(0, 36 * 30 - 1)},"
                    f"{rng.randint(100, 5000)}\n")
    return path


def shapes(n):
    A, B, C = f"$A$1:$A${n}", f"$B$1:$B${n}", f"$C$1:$C${n}"
    last = f'SUMIFS({C};{A};M{{r}};{B};">="&DATE(2024;4;1);{B};"<="&{ASOF})'
    before = f'SUMIFS({C};{A};M{{r}};{B};">="&DATE(2023;4;1);{B};"<"&DATE(2024;4;1))'
    return {
        "touches": {
            "builtin": f'=COUNTIFS({A};M{{r}};{B};">="&{S};{B};"<="&{E})',
            "scalar": f"=AVGTOUCHPOINTS({A};{B};{S};{E};;{A};M{{r}})",
            "filled": f"=AVGTOUCHPOINTSBY({A};{B};{A};M{{r}};{S};{E})",
            "table": f"=AVGTOUCHPOINTSBY({A};{B};{A};M1:M{{k}};{S};{E})",
            "table_cols": 3,
        },
        "sales yoy": {
            "builtin": f"=({last}-{before})/ABS({before})",
            "scalar": f'=SALESTREND({B};{C};2;{ASOF};"yoy";{A};M{{r}})',
            "filled": f'=SALESTRENDBY({B};{C};{A};M{{r}};2;{ASOF};"yoy")',
            "table": f'=SALESTRENDBY({B};{C};{A};M1:M{{k}};2;{ASOF};"yoy")',
            "table_cols": 1,
        },
    }


def put(sheet, formulas, array=None):
    sheet.getCellRangeByName("N1:R100000").clearContents(1 | 2 | 4 | 16)
    if array:
        sheet.getCellRangeByName(array[0]).setArrayFormula(array[1])
    if formulas:
        cells = sheet.getCellRangeByPosition(13, 0, 13, len(formulas) - 1)
        cells.setFormulaArray(tuple((f,) for f in formulas))


def measure(doc, repeat):
    """Median seconds of calculateAll, then of the recalculation after one edit."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        doc.calculateAll()
        times.append(time.perf_counter() - t)
    sheet = doc.Sheets.getByIndex(0)
    cell = sheet.getCellByPosition(0, 4)
    old = cell.getString()
    t = time.perf_counter()
    cell.setString("C00001" if old != "C00001" else "C00002")
    doc.calculate()
    edit = time.perf_counter() - t
    cell.setString(old)
    doc.calculate()
    return statistics.median(times), edit


def first_fill_memory(addin, path, k, shape):
    """In a fresh office: its peak memory during the first recalculation of the fill-down
    above what it held before, and what it still holds after (the 1,000 results)."""
    with Office(addin) as office:
        doc = load(office, path)
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByPosition(12, 0, 12, k - 1).setDataArray(
            tuple((f"C{i:05d}",) for i in range(1, k + 1)))
        doc.enableAutomaticCalculation(False)
        put(sheet, [shape["filled"].format(r=r) for r in range(1, k + 1)])
        pid = office.proc.pid
        with open(f"/proc/{pid}/clear_refs", "w") as f:
            f.write("5")
        before = status(pid, "VmRSS")
        doc.calculateAll()
        memory = (status(pid, "VmHWM") - before, status(pid, "VmRSS") - before)
        doc.close(True)
    return memory


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--rows", type=int, default=100000)
    ap.add_argument("--keys", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--few", type=int, default=50)
    args = ap.parse_args()
    n, k = args.rows, args.keys
    folder = tempfile.mkdtemp(prefix="ca-bench-by-")
    path = write_csv(n, k, folder)
    addin = os.path.join(args.build, "addin", "oxt")
    floor = os.path.join(args.build, "bench", "floor")
    print(f"{n} rows, {k} customers; seconds per recalculation (median of {args.repeat}), "
          f"then after one edit")
    with Office(addin, more=[floor]) as office:
        doc = load(office, path)
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellRangeByPosition(12, 0, 12, k - 1).setDataArray(
            tuple((f"C{i:05d}",) for i in range(1, k + 1)))
        results = {}
        for name, shape in shapes(n).items():
            rows = {}
            put(sheet, [shape["builtin"].format(r=r) for r in range(1, k + 1)])
            rows["built-ins, one cell per key"] = measure(doc, args.repeat)
            put(sheet, [shape["scalar"].format(r=r) for r in range(1, args.few + 1)])
            few = measure(doc, 1)
            rows[f"scalar with a filter, {args.few} cells, per 1000"] = tuple(
                t * 1000 / args.few for t in few)
            put(sheet, [shape["filled"].format(r=r) for r in range(1, k + 1)])
            rows["BY filled down, one key per cell"] = measure(doc, args.repeat)
            put(sheet, [], (f"N1:{'NOPQ'[shape['table_cols'] - 1]}{k}", shape["table"].format(k=k)))
            rows["BY table in one array formula"] = measure(doc, args.repeat)
            put(sheet, [f"=NOOPREAD2($A$1:$A${n};$B$1:$B${n})"])
            rows["floor: the columns read once (NOOPREAD2)"] = measure(doc, args.repeat)
            put(sheet, [f"=NOOPPASS($A$1:$A${n})"] * k)
            rows["floor: a no-op call per cell (NOOPPASS)"] = measure(doc, args.repeat)
            results[name] = (rows, first_fill_memory(addin, path, k, shape))
        doc.close(True)

    for name, (rows, (peak, held)) in results.items():
        builtin = rows["built-ins, one cell per key"]
        print(f"\n{name}")
        print(f"| {'formula':52} | {'recalc s':>9} | {'after edit s':>12} | {'built-ins / this':>16} |")
        print(f"|{'-' * 54}|{'-' * 11}|{'-' * 14}|{'-' * 18}|")
        for label, (full, edit) in rows.items():
            print(f"| {label:52} | {full:9.4f} | {edit:12.4f} | "
                  f"{builtin[0] / full:7.1f} / {builtin[1] / edit:6.1f} |")
        print(f"first recalculation of the fill-down: office peak +{peak / 2**20:.1f} MB, "
              f"held after it +{held / 2**20:.1f} MB")


if __name__ == "__main__":
    main()
