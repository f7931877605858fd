#!/usr/bin/python3
"""Functions that key a text column against the no-op floor reading the same column, on a
million rows with 2,000, 80,000 and 432,000 distinct customer ids, ASCII and Japanese
(full-width digits: every distinct id goes through NFKC folding). Medians of several
calculateAll() in one office. Not a test.

Usage: bench_ids.py BUILD [--rows 1000000] [--ids 2000,80000,432000] [--repeat 3]
"""
import argparse
import os
import random
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from office import Office  # noqa: E402
from bench_calc import load, timed  # noqa: E402

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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--rows", type=int, default=1000000)
    ap.add_argument("--ids", default="2000,80000,432000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--ascii-only", action="store_true")
    a = ap.parse_args()
    folder = tempfile.mkdtemp(prefix="ca-bench-ids-")
    addin, floor = os.path.join(a.build, "addin", "oxt"), os.path.join(a.build, "bench", "floor")
    n = a.rows
    r = {"A": f"A1:A{n}", "B": f"B1:B{n}"}
    print(f"| ids | text | call | seconds | floor seconds | ratio |\n|---|---|---|---|---|---|")
    with Office(addin, more=[floor]) as office:
        for ids in (int(x) for x in a.ids.split(",")):
            for japanese in ((False,) if a.ascii_only else (False, True)):
                doc = load(office, write_csv(n, ids, japanese, folder))
                for name, f, noop in SHAPES:
                    secs = timed(doc, [f.format(**r)], a.repeat)
                    base = timed(doc, [noop.format(**r)], a.repeat)
                    print(f"| {ids:,} | {'ja' if japanese else 'ascii'} | {name} | {secs:.3f} | "
                          f"{base:.3f} | {secs / base:.2f} |", flush=True)
                doc.close(True)


if __name__ == "__main__":
    main()
