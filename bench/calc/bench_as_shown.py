#!/usr/bin/python3
"""What precision as shown costs: SALESBYPERIOD over the same ledger with the document's
CalcAsShown off and on, the amounts (with fractions of a cent) in one format, then in formats that change every 1,000
rows (the format is asked once per range of equal formats). Medians of several
recalculations, alternated in one office. Not a test: it asserts nothing.

Usage: bench_as_shown.py BUILD [--rows 1000000] [--repeat 5]
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


def main():
    p = argparse.ArgumentParser()
    p.add_argument("build")
    p.add_argument("--rows", type=int, default=1000000)
    p.add_argument("--repeat", type=int, default=5)
    a = p.parse_args()
    n = a.rows
    with Office(os.path.join(a.build, "addin/oxt")) as office, tempfile.TemporaryDirectory() as tmp:
        path, _ = write_csv(n, tmp)
        doc = load(office, path)
        sheet = doc.Sheets.getByIndex(0)
        # Amounts with cents and beyond, so that every one is rounded.
        sheet.getCellRangeByName(f"D1:D{n}").setDataArray(
            tuple((100 + (i * 7919) % 490000 / 97.0,) for i in range(n)))
        from com.sun.star.lang import Locale
        formats, locale = doc.getNumberFormats(), Locale("en", "US", "")
        keys = [formats.queryKey(code, locale, False) for code in ("0.00", "0.0")]
        keys = [k if k != -1 else formats.addNew(code, locale) for k, code in zip(keys, ("0.00", "0.0"))]
        sheet.getCellRangeByName("H1").setFormula(
            f'=SUMPRODUCT(INDEX(SALESBYPERIOD($B$1:$B${n};$D$1:$D${n};"year");0;2))')
        print("| rows | amounts' formats | CalcAsShown off | on | on / off |")
        print("|---|---|---|---|---|")
        for name, mixed in (("one format", False), ("a new one every 1,000 rows", True)):
            for first in range(0, n, 1000 if mixed else n):
                last = min(n, first + (1000 if mixed else n))
                sheet.getCellRangeByName(f"D{first + 1}:D{last}").NumberFormat = \
                    keys[(first // 1000) % 2 if mixed else 0]
            times = {False: [], True: []}
            for _ in range(a.repeat):
                for shown in (False, True):
                    doc.CalcAsShown = shown
                    times[shown].append(recalculated(doc, 1))
            off, on = (statistics.median(times[s]) for s in (False, True))
            total = sheet.getCellRangeByName("H1")  # with the option on: a figure, not an error
            assert total.getError() == 0, total.getString()
            print(f"| {n:,} | {name} | {off:.3f} s | {on:.3f} s | {on / off:.2f} |")
        doc.close(True)


if __name__ == "__main__":
    main()
