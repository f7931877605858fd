#!/usr/bin/python3
"""Precision as shown (Tools ▸ Options ▸ Calc ▸ Calculate, the document's CalcAsShown): the
add-in computes with the numbers as their formats show them, as Calc's own functions do.
A ledger of mixed formats ("0", "0.0", "0%", General) is summed by SALESBYPERIOD and by
SUMIFS, a rating log read by LATESTVALUE and by a plain reference, touch counts averaged by
TOUCHWINBY and by AVERAGEIFS; with the option on, then off.

Usage: precision_test.py BUILD/addin/oxt
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from office import Office  # noqa: E402

# Amount, its format, how many rows.
BLOCKS = [(10.4, "0", 40), (2.345, "0.0", 30), (0.1234, "0%", 20), (7.77, "General", 10)]
CHECKS = [
    ("sales = SUMIFS", '=SUMPRODUCT(INDEX(SALESBYPERIOD(A2:A101;B2:B101;"year");0;2))',
     '=SUMIFS(B2:B101;A2:A101;">="&DATE(2024;1;1))'),
    ("latest rating (of one date the first row) = the cell as Calc reads it",
     "=LATESTVALUE(C2:C101;A2:A101;D2:D101)", "=D2*1"),
    ("touches per won deal = AVERAGEIFS", "=INDEX(TOUCHWINBY(D2:D101;E2:E101;C2:C101);1;5)",
     '=AVERAGEIFS(D2:D101;E2:E101;"won")'),
]


def prepare(office, as_shown):
    doc = office.new_sheet()
    doc.CalcAsShown = as_shown
    sheet = doc.Sheets.getByIndex(0)
    formats = doc.getNumberFormats()
    from com.sun.star.lang import Locale
    row = 2
    for amount, code, n in BLOCKS:
        key = formats.queryKey(code, Locale("en", "US", ""), False)
        if key == -1:
            key = formats.addNew(code, Locale("en", "US", ""))
        for _ in range(n):
            sheet.getCellRangeByName(f"A{row}").setFormula("2024-03-15")
            for col in "BD":
                cell = sheet.getCellRangeByName(f"{col}{row}")
                cell.setValue(amount)
                cell.NumberFormat = key
            sheet.getCellRangeByName(f"C{row}").setString("x")
            sheet.getCellRangeByName(f"E{row}").setString("won" if row % 2 else "lost")
            row += 1
    for i, (_, ours, calcs) in enumerate(CHECKS):
        sheet.getCellByPosition(6, i).setFormula(ours)
        sheet.getCellByPosition(7, i).setFormula(calcs)
    return doc


def main():
    failures, checked = [], 0
    with Office(sys.argv[1]) as office:
        for as_shown in (True, False):
            doc = prepare(office, as_shown)
            doc.calculateAll()
            sheet = doc.Sheets.getByIndex(0)
            for i, (what, _, _) in enumerate(CHECKS):
                ours, calcs = (sheet.getCellByPosition(c, i) for c in (6, 7))
                checked += 1
                ok = ours.getError() == 0 and abs(ours.getValue() - calcs.getValue()) <= 1e-9
                print(f"precision as shown {'on ' if as_shown else 'off'}: {what}: add-in "
                      f"{ours.getString()}, Calc {calcs.getString()}{'' if ok else '  FAILED'}")
                if not ok:
                    failures.append(what)
            doc.close(True)
    print(f"{checked - len(failures)} passed, {len(failures)} failed")
    return 1 if failures or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
