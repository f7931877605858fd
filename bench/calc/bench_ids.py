#!/usr/bin/python3
"""Functions that key a text column against the no-op floor reading the same column, on a
million rows with 2,000, 80,000 and 432,000 distinct customer ids, ASCII and Japanese
(full-width digits: every distinct id goes through NFKC folding). Each shape and its floor
are calculated in turn, --repeat times, in one office with automatic calculation off; the
minimum of each (this machine's noise only ever adds time). --before OTHER_BUILD runs the
same with another build first, for a before/after in one run. Not a test.

Usage: bench_ids.py BUILD [--before BUILD0] [--rows 1000000] [--ids 2000,80000,432000]
                    [--repeat 5] [--ascii-only]
"""
import argparse
import os
import random
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from office import Office  # noqa: E402
from bench_calc import load  # noqa: E402

WIDE = str.maketrans("0123456789", "０１２３４５６７８９")
SHAPES = [  # name, formula, floor
    ("DISTINCTCUSTOMERS(A)", "=DISTINCTCUSTOMERS({A})", "=NOOPREAD1({A})"),
    ("AVGTOUCHPOINTS(A)", "=AVGTOUCHPOINTS({A})", "=NOOPREAD1({A})"),
    ("TOUCHTREND(A;B)", "=ROWS(TOUCHTREND({A};{B}))", "=NOOPREAD2({A};{B})"),
    ("AVGTOUCHPOINTSBY(A;B;A;key), a table per customer", '=AVGTOUCHPOINTSBY({A};{B};{A};"C1")',
     "=NOOPREAD2({A};{B})"),
]


def write_csv(rows, ids, japanese, folder):
    rng = random.Random(ids)
    path = os.path.join(folder, f"ids{rows}_{ids}_{int(japanese)}.csv")
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(rows):
            n = str(rng.randint(1, ids))
            f.write(f"{'顧客' + n.translate(WIDE) if japanese else 'C' + n},{44652 + rng.randint(0, 1079)}\n")
    return path


def calculated(doc, formula):
    """Seconds of one calculateAll() with `formula` in H1."""
    doc.Sheets.getByIndex(0).getCellByPosition(7, 0).setFormula(formula)
    t = time.perf_counter()
    doc.calculateAll()
    return time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--before")
    ap.add_argument("--rows", type=int, default=1000000)
    ap.add_argument("--ids", default="2000,80000,432000")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--ascii-only", action="store_true")
    a = ap.parse_args()
    folder = tempfile.mkdtemp(prefix="ca-bench-ids-")
    n = a.rows
    r = {"A": f"A1:A{n}", "B": f"B1:B{n}"}
    builds = [("before", a.before)] if a.before else []
    builds.append(("after" if a.before else "", a.build))
    print("| ids | text | call | build | seconds | floor seconds | ratio |")
    print("|---|---|---|---|---|---|---|")
    for ids in (int(x) for x in a.ids.split(",")):
        for japanese in ((False,) if a.ascii_only else (False, True)):
            path = write_csv(n, ids, japanese, folder)
            for label, build in builds:
                addin = os.path.join(build, "addin", "oxt")
                with Office(addin, more=[os.path.join(build, "bench", "floor")]) as office:
                    doc = load(office, path)
                    doc.enableAutomaticCalculation(False)  # only calculateAll computes
                    for name, f, noop in SHAPES:
                        f, noop = f.format(**r), noop.format(**r)
                        calculated(doc, f), calculated(doc, noop)  # warm
                        secs, base = [], []
                        for _ in range(a.repeat):
                            secs.append(calculated(doc, f))
                            base.append(calculated(doc, noop))
                        print(f"| {ids:,} | {'ja' if japanese else 'ascii'} | {name} | {label} | "
                              f"{min(secs):.3f} | {min(base):.3f} | {min(secs) / min(base):.2f} |",
                              flush=True)
                    doc.close(True)


if __name__ == "__main__":
    main()
