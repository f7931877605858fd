#!/usr/bin/python3
"""How much the stability functions cost beside the trend they are built on, in real Calc:
TOUCHCONTROL against TOUCHTREND and TOUCHSTABILITYBY against TOUCHTRENDBY over the same
columns (customers, dates, three departments), each the median of several recalculations,
the two alternated in one office. Not a test: it asserts nothing. The figures go into
docs/performance.md by hand.

Usage: bench_stability.py BUILD [--sizes 200000,1000000] [--repeat 5]
"""
import argparse
import os
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from bench_calc import load, recalculated, write_csv  # noqa: E402
from office import Office  # noqa: E402

PAIRS = [  # (name, formula, array size), the function beside the one it is built on
    ("TOUCHTREND", "=TOUCHTREND({A};{B})", "H1:J40"),
    ("TOUCHCONTROL", "=TOUCHCONTROL({A};{B})", "H1:M40"),
    ("TOUCHTRENDBY", "=TOUCHTRENDBY({A};{B};{E})", "H1:K40"),
    ("TOUCHSTABILITYBY", "=TOUCHSTABILITYBY({A};{B};{E})", "H1:O3"),
]


def seconds(doc, formula, cells, repeat):
    sheet = doc.Sheets.getByIndex(0)
    sheet.getCellRangeByName("H1:Z200").clearContents(1 | 2 | 4 | 16)
    sheet.getCellRangeByName(cells).setArrayFormula(formula)
    return recalculated(doc, repeat)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("build")
    p.add_argument("--sizes", default="200000,1000000")
    p.add_argument("--repeat", type=int, default=5)
    a = p.parse_args()
    with Office(os.path.join(a.build, "addin/oxt")) as office, tempfile.TemporaryDirectory() as tmp:
        print("| rows | function | seconds (median) | ratio to the trend |")
        print("|---|---|---|---|")
        for n in map(int, a.sizes.split(",")):
            path, _ = write_csv(n, tmp)
            doc = load(office, path)
            r = {c: f"$A$1:$A${n}".replace("A", c) for c in "ABE"}
            times = {name: [] for name, _, _ in PAIRS}
            for _ in range(a.repeat):  # alternated, so that both see the same machine
                for name, formula, cells in PAIRS:
                    times[name].append(seconds(doc, formula.format(**r), cells, 1))
            medians = {name: statistics.median(t) for name, t in times.items()}
            for i, (name, _, _) in enumerate(PAIRS):
                base = medians[PAIRS[i - i % 2][0]]
                print(f"| {n:,} | {name} | {medians[name]:.3f} | {medians[name] / base:.2f} |")
            doc.close(True)


if __name__ == "__main__":
    main()
