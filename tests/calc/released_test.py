#!/usr/bin/python3
"""Saved documents keep working: documents exactly as the released add-in (0.1.0, before the
functions were generated from one declaration) saved them, opened with the add-in built
now: the example workbook and two test documents, together calling all 20 functions of
that release. Every formula cell of every sheet must show, after a full recalculation,
what the released add-in stored in the file.

Usage: released_test.py BUILD/addin/oxt
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from office import Office  # noqa: E402

import glob  # noqa: E402

SAVED = sorted(glob.glob(os.path.join(HERE, "released", "*-0.1.0.*ods")))
RELEASED_FUNCTIONS = 20
FORMULA = 16  # com.sun.star.sheet.CellFlags.FORMULA
PREFIX = "ORG.CUSTOMERANALYTICS.CALC.CUSTOMERANALYTICS."


def formula_cells(doc):
    """(document, sheet, address) -> (formula, shown text) of every formula cell."""
    shown = {}
    for sheet in doc.Sheets:
        cells = sheet.queryContentCells(FORMULA).Cells.createEnumeration()
        while cells.hasMoreElements():
            cell = cells.nextElement()
            a = cell.CellAddress
            shown[(doc.Title, sheet.Name, a.Column, a.Row)] = (cell.getFormula(), cell.getString())
    return shown


def main():
    stored, now = {}, {}
    with Office(sys.argv[1]) as office:
        for path in SAVED:
            doc = office.load(path)
            stored.update(formula_cells(doc))  # as the file holds them: nothing recalculated
            doc.calculateAll()
            now.update(formula_cells(doc))
            doc.close(True)
    calls = [k for k, (f, _) in stored.items() if PREFIX in f.upper()]
    functions = {stored[k][0].upper().split(PREFIX)[1].split("(")[0] for k in calls}
    differ = [(k, stored[k][1], now[k][1]) for k in stored if now.get(k) != stored[k]]
    print(f"{len(SAVED)} documents, {len(stored)} formula cells, {len(calls)} call the add-in ({len(functions)} functions)")
    for k, before, after in differ[:20]:
        print(f"  {k}: saved {before!r}, now {after!r}")
    if differ or len(functions) < RELEASED_FUNCTIONS:
        print(f"FAILED: {len(differ)} cells differ")
        return 1
    print("OK: every cell shows what the released add-in saved")
    return 0


if __name__ == "__main__":
    sys.exit(main())
