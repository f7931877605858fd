#!/usr/bin/python3
"""TOUCHESBEFORE against the per-deal built-in formula a user would write without it,
`=COUNTIFS(TC;D2;TD;">"&MAXIFS(CD;DC;D2;CD;"<"&E2);TD;"<="&E2)`, and against the no-op
floor reading the same four columns (NOOPREAD4), in one office: medians of calculateAll().
Shapes: 3,000 deals over 24,000 touches (600 customers), the array form, the single form
filled down and the built-in filled down; then 1,000,000 touches and 100,000 deals
(50,000 customers), the array form against the floor. Each result is checked against the
built-in's (3,000 deals) before it is timed. Not a test.

Usage: bench_touches.py BUILD [--repeat 3] [--big-touches 1000000] [--big-deals 100000]
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
from bench_calc import load  # noqa: E402


def write_csv(touches, deals, customers, folder):
    """Touches in A:B (customer, date serial), deals in D:E (customer, close serial)."""
    rng = random.Random(touches)
    path = os.path.join(folder, f"touches{touches}_{deals}.csv")
    with open(path, "w", encoding="utf-8") as f:
        for i in range(max(touches, deals)):
            t = f"C{rng.randrange(customers)},{44652 + rng.randrange(1095)}" if i < touches else ","
            d = f",,C{rng.randrange(customers)},{44700 + rng.randrange(1060)}" if i < deals else ",,,"
            f.write(t + d + "\n")
    return path


def timed(doc, repeat, formulas=(), array=None):
    """Median seconds of calculateAll with `formulas` from H1 down, or one array formula
    (range, formula); the column is cleared before and after."""
    sheet = doc.Sheets.getByIndex(0)
    column = sheet.getCellRangeByName("H1:H1048576")
    column.clearContents(1 | 2 | 4 | 16)
    if array:
        sheet.getCellRangeByName(array[0]).setArrayFormula(array[1])
    if formulas:
        block = sheet.getCellRangeByPosition(7, 0, 7, len(formulas) - 1)
        block.setFormulaArray(tuple((f,) for f in formulas))
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        doc.calculateAll()
        times.append(time.perf_counter() - t)
    values = [r[0] for r in sheet.getCellRangeByPosition(7, 0, 7, max(len(formulas), 1) - 1).getDataArray()] \
        if formulas else [r[0] for r in sheet.getCellRangeByName(array[0]).getDataArray()]
    column.clearContents(1 | 2 | 4 | 16)
    return statistics.median(times), values


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--big-touches", type=int, default=1000000)
    ap.add_argument("--big-deals", type=int, default=100000)
    a = ap.parse_args()
    folder = tempfile.mkdtemp(prefix="ca-bench-touches-")
    addin, floor = os.path.join(a.build, "addin", "oxt"), os.path.join(a.build, "bench", "floor")
    print("| shape | call | seconds | ratio |\n|---|---|---|---|")
    with Office(addin, more=[floor]) as office:
        touches, deals = 24000, 3000
        doc = load(office, write_csv(touches, deals, 600, folder))
        r = {"TC": f"$A$1:$A${touches}", "TD": f"$B$1:$B${touches}",
             "DC": f"$D$1:$D${deals}", "CD": f"$E$1:$E${deals}"}
        builtin = [f'=COUNTIFS({r["TC"]};D{i};{r["TD"]};">"&MAXIFS({r["CD"]};{r["DC"]};D{i};{r["CD"]};"<"&E{i});'
                   f'{r["TD"]};"<="&E{i})' for i in range(1, deals + 1)]
        args = f'{r["TC"]};{r["TD"]};{r["DC"]};{r["CD"]}'
        single = [f"=TOUCHESBEFORE({args};;;D{i};E{i})" for i in range(1, deals + 1)]
        t_builtin, want = timed(doc, a.repeat, builtin)
        t_array, got_array = timed(doc, a.repeat, array=(f"H1:H{deals}", f"=TOUCHESBEFORE({args})"))
        t_single, got_single = timed(doc, a.repeat, single)
        t_floor, _ = timed(doc, a.repeat, [f"=NOOPREAD4({args})"])
        if got_array != want or got_single != want:
            sys.exit(f"results differ from the built-in: array {sum(x != y for x, y in zip(got_array, want))}, "
                     f"single {sum(x != y for x, y in zip(got_single, want))} of {deals}")
        shape = f"{deals:,} deals, {touches:,} touches"
        for name, t in [("COUNTIFS/MAXIFS filled down (the built-in)", t_builtin),
                        ("TOUCHESBEFORE, one array formula", t_array),
                        ("TOUCHESBEFORE single form filled down", t_single),
                        ("floor: NOOPREAD4, the four columns read once", t_floor)]:
            print(f"| {shape} | {name} | {t:.3f} | built-in ÷ this {t_builtin / t:.1f} |")
        doc.close(True)

        touches, deals = a.big_touches, a.big_deals
        doc = load(office, write_csv(touches, deals, 50000, folder))
        args = f"$A$1:$A${touches};$B$1:$B${touches};$D$1:$D${deals};$E$1:$E${deals}"
        t_array, got = timed(doc, a.repeat, array=(f"H1:H{deals}", f"=TOUCHESBEFORE({args})"))
        t_floor, _ = timed(doc, a.repeat, [f"=NOOPREAD4({args})"])
        t_whole, _ = timed(doc, a.repeat, array=(f"H1:H{deals}", "=TOUCHESBEFORE(A:A;B:B;D:D;E:E)"))
        shape = f"{deals:,} deals, {touches:,} touches"
        print(f"| {shape} | TOUCHESBEFORE, one array formula ({sum(got):,.0f} touches counted) | {t_array:.3f} | "
              f"{t_array / t_floor:.2f}× the floor |")
        print(f"| {shape} | the same over whole columns | {t_whole:.3f} | {t_whole / t_floor:.2f}× the floor |")
        print(f"| {shape} | floor: NOOPREAD4 | {t_floor:.3f} | 1 |")
        doc.close(True)


if __name__ == "__main__":
    main()
