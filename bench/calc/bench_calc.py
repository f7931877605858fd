#!/usr/bin/python3
"""Drives headless Calc over generated sheets and reports, as medians of several
recalculations measured in one run, each function against the no-op floor add-in
(bench/floor), whole columns against exact ranges, one series call against the built-in
cells a user would write instead, and the office's extra peak memory per call. Not a test:
it asserts nothing. Writes docs/performance-calc-table.md unless --no-write.

Usage: bench_calc.py BUILD [--sizes 10000,100000,1000000] [--repeat 3] [--no-write]
"""
import argparse
import datetime
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from office import Office, prop, url  # noqa: E402

START = 44652  # 2022-04-01: three fiscal years of data
CUSTOMERS = 2000


def write_csv(rows, folder):
    """A touch log / deal list / ledger of `rows` rows as CSV (loading it is far faster than
    setDataArray over the pipe): customer, date, outcome, amount, department. Returns the
    path and the bytes each column's cells hold (8 a number, UTF-8 length a text)."""
    rng = random.Random(rows)
    path = os.path.join(folder, f"data{rows}.csv")
    size = {c: 0 for c in "ABCDE"}
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(rows):
            row = (f"C{rng.randint(1, CUSTOMERS):04d}", START + rng.randint(0, 36 * 30 - 1),
                   rng.choice(("won", "lost", "open")), rng.randint(100, 5000),
                   rng.choice(("East", "West", "Central")))
            f.write(",".join(map(str, row)) + "\n")
            for c, v in zip("ABCDE", row):
                size[c] += 8 if isinstance(v, int) else len(v.encode())
    return path, size


def load(office, path):
    return office.desktop.loadComponentFromURL(url(path), "_blank", 0, (
        prop("Hidden", True), prop("FilterName", "Text - txt - csv (StarCalc)"),
        prop("FilterOptions", "44,34,76,1,,1033,false,false")))


def recalculated(doc, repeat):
    """Median seconds of `repeat` recalculations of the whole document."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        doc.calculateAll()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def timed(doc, formulas, repeat, array=None):
    """Median seconds of calculateAll with `formulas` from H1 down (or one array formula)."""
    sheet = doc.Sheets.getByIndex(0)
    sheet.getCellRangeByName("H1:K200").clearContents(1 | 2 | 4 | 16)
    if array:
        sheet.getCellRangeByName(array[0]).setArrayFormula(array[1])
    for i, f in enumerate(formulas):
        sheet.getCellByPosition(7, i).setFormula(f)
    return recalculated(doc, repeat)


def status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    return 0


def extra_peak(addin, floor, path, template, n):
    """The peak memory of a fresh office during one recalculation of `formula`, above what
    it held with the sheet loaded (the peak is reset through /proc/PID/clear_refs, which
    needs root or the owner). A fresh office each time, so that no memory freed by an
    earlier call hides what this one needs."""
    with Office(addin, more=[floor]) as office:
        doc = load(office, path)
        # Warm up on one row: loading the add-in's library is not the call's memory.
        doc.Sheets.getByIndex(0).getCellByPosition(7, 0).setFormula(template.format(**ranges(1)))
        doc.calculateAll()
        extra = peak_of_call(office, doc, template.format(**ranges(n)))
        doc.close(True)
    return extra


def peak_of_call(office, doc, formula):
    sheet = doc.Sheets.getByIndex(0)
    pid = office.proc.pid
    with open(f"/proc/{pid}/clear_refs", "w") as f:
        f.write("5")
    before = status(pid, "VmRSS")
    sheet.getCellByPosition(7, 0).setFormula(formula)
    doc.calculateAll()
    return status(pid, "VmHWM") - before


def ranges(n, whole=False):
    return {c: f"{c}:{c}" if whole else f"{c}1:{c}{n}" for c in "ABCDE"}


# Each function with the floor method of the same parameter shape; {X} are ranges.
FUNCTIONS = [
    ("AVGTOUCHPOINTS(A)", "=AVGTOUCHPOINTS({A})", "=NOOPREAD1({A})", "A"),
    ("AVGTOUCHPOINTS(A;B)", "=AVGTOUCHPOINTS({A};{B})", "=NOOPREAD1ARRAY({A};{B})", "AB"),
    ("DISTINCTCUSTOMERS(A)", "=DISTINCTCUSTOMERS({A})", "=NOOPREAD1({A})", "A"),
    ("TOUCHTREND(A;B)", "=ROWS(TOUCHTREND({A};{B}))", "=NOOPREAD2({A};{B})", "AB"),
    ("WINRATE(C)", "=WINRATE({C})", "=NOOPREAD1({C})", "C"),
    ("WINRATE(C;B)", "=WINRATE({C};{B})", "=NOOPREAD1ARRAY({C};{B})", "CB"),
    ("WINRATETREND(C;B)", "=ROWS(WINRATETREND({C};{B}))", "=NOOPREAD2({C};{B})", "CB"),
    ("SALESBYPERIOD(B;D)", "=ROWS(SALESBYPERIOD({B};{D}))", "=NOOPREAD2({B};{D})", "BD"),
    ("SALESTREND(B;D;3)", "=SALESTREND({B};{D};3)", "=NOOPREAD2({B};{D})", "BD"),
    ("SALESTRENDSTAT(B;D;mk_p;3)", '=SALESTRENDSTAT({B};{D};"mk_p";3)', "=NOOPREAD2({B};{D})", "BD"),
    ("SEASONALINDEX(B;D;12)", "=SEASONALINDEX({B};{D};12)", "=NOOPREAD2({B};{D})", "BD"),
]


def month_bounds(m):
    y, mo = 2022 + (m + 3) // 12, (m + 3) % 12 + 1
    return f"DATE({y};{mo};1)", f"EOMONTH(DATE({y};{mo};1);0)"


def builtin_series(r):
    """The 36 cells a user would write instead of one series call, per function."""
    win, sales, touches = [], [], []
    for m in range(36):
        lo, hi = month_bounds(m)
        when = f'{r["B"]};">="&{lo};{r["B"]};"<="&{hi}'
        won, lost = f'COUNTIFS({r["C"]};"won";{when})', f'COUNTIFS({r["C"]};"lost";{when})'
        win.append(f"={won}/({won}+{lost})")
        sales.append(f'=SUMIFS({r["D"]};{when})')
        touches.append(f"=COUNTIFS({when})")
    return {"WINRATETREND": win, "SALESBYPERIOD": sales, "TOUCHTREND": touches}


def mark(ok):
    return "met" if ok else "**not met**"


def main():
    args = argparse.ArgumentParser()
    args.add_argument("build")
    args.add_argument("--sizes", default="10000,100000,1000000")
    args.add_argument("--repeat", type=int, default=3)
    args.add_argument("--no-write", action="store_true")
    a = args.parse_args()
    addin, floor = (os.path.join(a.build, d) for d in ("addin/oxt", "bench/floor"))
    sizes = [int(s) for s in a.sizes.split(",")]
    out = {"floor": [], "whole": [], "series": [], "builtin": [], "memory": []}
    folder = tempfile.mkdtemp(prefix="ca-bench-")
    with Office(addin, more=[floor]) as office:
        for n in sizes:
            path, size = write_csv(n, folder)
            doc = load(office, path)
            t = lambda fs, array=None: timed(doc, fs, a.repeat, array)  # noqa: E731
            r = ranges(n)
            out["floor"].append((n, "floor: NOOPPASS(A), the reference only", t([f"=NOOPPASS({r['A']})"]), None, ""))
            out["floor"].append((n, "floor: NOOPARRAY(A), an any[][] parameter", t([f"=NOOPARRAY({r['A']})"]), None, ""))
            for name, f, noop, _ in FUNCTIONS:
                secs, base = t([f.format(**r)]), t([noop.format(**r)])
                goal = mark(secs / base <= 1.25) if n == max(sizes) else ""
                out["floor"].append((n, name, secs, secs / base, goal))
            if n == min(sizes):
                w = ranges(n, whole=True)
                for name, f, _, _ in FUNCTIONS:
                    exact, whole = t([f.format(**r)]), t([f.format(**w)])
                    out["whole"].append((n, name, whole, whole / exact, mark(whole / exact <= 1.5)))
            cells = builtin_series(r)
            for fn, shape, cols in (("WINRATETREND", "=WINRATETREND({C};{B})", "H1:J36"),
                                    ("SALESBYPERIOD", "=SALESBYPERIOD({B};{D})", "H1:I36"),
                                    ("TOUCHTREND", "=TOUCHTREND({A};{B})", "H1:J36")):
                one, builtin = t([], (cols, shape.format(**r))), t(cells[fn])
                out["series"].append((n, f"36 built-in cells / one {fn}", builtin, builtin / one,
                                      mark(builtin / one >= 10)))
            avg, distinct = t([f"=AVGTOUCHPOINTS({r['A']})"]), t([f"=DISTINCTCUSTOMERS({r['A']})"])
            if n <= 10000:  # the built-in distinct count is quadratic: minutes from 100k rows
                b = t([f"=COUNTA({r['A']})/SUMPRODUCT(1/COUNTIF({r['A']};{r['A']}))"])
                out["builtin"].append((n, "COUNTA/SUMPRODUCT(1/COUNTIF) / AVGTOUCHPOINTS", b, b / avg, mark(b / avg >= 100)))
                b = t([f"=SUMPRODUCT(1/COUNTIF({r['A']};{r['A']}))"])
                out["builtin"].append((n, "SUMPRODUCT(1/COUNTIF) / DISTINCTCUSTOMERS", b, b / distinct, mark(b / distinct >= 100)))
            if n == max(sizes):
                out["builtin"].append((n, "AVGTOUCHPOINTS, seconds", avg, None, mark(avg < 1)))
            win = t([f"=WINRATE({r['C']})"])
            c = r["C"]
            b = t([f'=COUNTIFS({c};"won")/(COUNTIFS({c};"won")+COUNTIFS({c};"lost"))'])
            out["builtin"].append((n, "COUNTIFS win rate / WINRATE", b, b / win, ""))
            doc.close(True)
    n = max(sizes)
    path, size = write_csv(n, folder)
    for name, f, noop, cols in FUNCTIONS:
        data = sum(size[col] for col in cols)
        extra, floor_extra = (extra_peak(addin, floor, path, g, n) for g in (f, noop))
        out["memory"].append((n, name, extra / 1e6, floor_extra / 1e6, data / 1e6, extra / data,
                              mark(extra <= 2 * data)))
    version = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.strip()
    lines = [f"Measured by `bench/calc/bench_calc.py` on {datetime.date.today()}, {platform.machine()}, "
             f"{os.cpu_count()} cores, {version}. Each time is the median of {a.repeat} "
             "`calculateAll()` of a sheet holding only the formula(s) measured; every ratio is "
             "from this one run.", ""]
    sections = [("floor", "Each function against the no-op floor of the same shape (seconds: the function; "
                 "ratio: function / floor; goal at the largest size: ≤ 1.25)"),
                ("whole", "Whole columns (A:A) against exact ranges (seconds: whole columns; goal ≤ 1.5)"),
                ("series", "One series call for 36 months against the 36 built-in cells (seconds: the cells; goal ≥ 10)"),
                ("builtin", "Against built-in formulas (seconds: the built-in; ratio: built-in / add-in)")]
    for key, title in sections:
        lines += [f"### {title}", "", "| rows | what | seconds | ratio | goal |", "|---|---|---|---|---|"]
        for n, what, secs, ratio, goal in out[key]:
            lines.append(f"| {n:,} | {what} | {secs:.4f} | {'' if ratio is None else f'{ratio:.2f}'} | {goal} |")
        lines.append("")
    lines += ["### Extra peak memory of a fresh office for one call (VmHWM above the resident size "
              "before; the floor's for the same shape beside it; goal ≤ 2× the data)", "",
              "| rows | call | extra MB | floor's extra MB | data MB | ratio | goal |",
              "|---|---|---|---|---|---|---|"]
    for n, name, extra, floor_extra, data, ratio, goal in out["memory"]:
        lines.append(f"| {n:,} | {name} | {extra:.1f} | {floor_extra:.1f} | {data:.1f} | {ratio:.1f} | {goal} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if not a.no_write:
        with open(os.path.join(HERE, "..", "..", "docs", "performance-calc-table.md"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
