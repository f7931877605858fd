#!/usr/bin/python3
"""TOUCHESBEFORE never shows a stale count. A "Touches" sheet holds a touch log, a "Deals"
sheet a deal list with the single form filled down beside it (column D) and the array
form as one array formula (column E). After each change a user makes (edit a touch's
date and customer, a close date, a deal's customer; insert a deal; sort the deal list;
undo; paste), every count is compared, as autocalc leaves it and then after calculate()
(never calculateAll), with counts Python computes from the cells as they are now
(cases_touchesbefore.expected, written from the spec's words).

Usage: staleness_touches_test.py BUILD/addin/oxt
"""
import datetime
import os
import random
import re
import sys

import uno

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
sys.path.insert(0, HERE)
from cases_touchesbefore import expected  # noqa: E402
from office import Office, fill, sort_rows  # noqa: E402

TOUCHES, DEALS = 400, 60
NULL_DATE = datetime.date(1899, 12, 30)
SINGLE = "=TOUCHESBEFORE($Touches.$A$2:$A${t};$Touches.$B$2:$B${t};$A$2:$A${d};$B$2:$B${d};;;A{r};B{r})"
ARRAY = "=TOUCHESBEFORE($Touches.$A$2:$A${t};$Touches.$B$2:$B${t};$A$2:$A${d};$B$2:$B${d})"


def day(serial):
    return NULL_DATE + datetime.timedelta(days=int(serial)) if isinstance(serial, float) else None


def setup(doc):
    rng = random.Random(5)
    sheets = doc.Sheets
    sheets.insertNewByName("Touches", 0)
    sheets.insertNewByName("Deals", 1)
    fill(sheets.getByName("Touches"), [["Customer", "Date"]] + [
        [f"c{rng.randrange(15)}", 45000.0 + rng.randrange(500)] for _ in range(TOUCHES)])
    deals = sheets.getByName("Deals")
    fill(deals, [["Customer", "Closed"]] + [
        [f"c{rng.randrange(15)}", 45000.0 + rng.randrange(520)] for _ in range(DEALS)])
    for r in range(2, DEALS + 2):
        deals.getCellRangeByName(f"D{r}").setFormula(SINGLE.format(t=TOUCHES + 1, d=DEALS + 1, r=r))
    deals.getCellRangeByName(f"E2:E{DEALS + 1}").setArrayFormula(ARRAY.format(t=TOUCHES + 1, d=DEALS + 1))
    return deals


def current(doc, deals):
    """The touches and deals the formulas reference now (references move with rows)."""
    f = deals.getCellRangeByName("D2").getFormula()
    t1, t2 = map(int, re.search(r"\$Touches\.\$A\$(\d+):\$A\$(\d+)", f).groups())
    d1, d2 = map(int, re.search(r";\$A\$(\d+):\$A\$(\d+)", f).groups())
    touches = doc.Sheets.getByName("Touches").getCellRangeByName(f"A{t1}:B{t2}").getDataArray()
    rows = deals.getCellRangeByName(f"A{d1}:B{d2}").getDataArray()
    return ([(c, day(d)) for c, d in touches], [(c, day(d), None) for c, d in rows], d1, d2)


def check(doc, deals, what):
    problems = []
    for recalc in (False, True):
        if recalc:
            doc.calculate()
        touches, rows, first, last = current(doc, deals)
        want = expected(touches, rows)
        for r, w in zip(range(first, last + 1), want):
            for col in "DE":
                cell = deals.getCellRangeByName(f"{col}{r}")
                if col == "E" and not cell.getArrayFormula():
                    continue  # below the array formula (a deal was inserted)
                got = cell.getString() if cell.getError() or cell.getString() == "" else cell.getValue()
                if got != w:
                    problems.append(f"{what} ({'after calculate' if recalc else 'as left'}): "
                                    f"{col}{r} {cell.getFormula()[:40]}... = {cell.getString()!r}, expected {w!r}")
    return problems


def scenarios(doc, deals):
    touches = doc.Sheets.getByName("Touches")
    yield "first calculation"
    touches.getCellRangeByName("B5").setValue(45490.0)
    yield "edit a touch's date"
    touches.getCellRangeByName("A6").setString("c3")
    yield "edit a touch's customer"
    deals.getCellRangeByName("B4").setValue(45010.0)
    yield "edit a close date"
    deals.getCellRangeByName("A7").setString("c3")
    yield "edit a deal's customer"
    deals.getCellRangeByName("B9").setString("")
    yield "clear a close date"
    doc.UndoManager.undo()
    yield "undo"
    # A new deal inside the list, its formula filled in: cells of A:D shifted down (rows
    # cannot be inserted through the array formula in E, in Calc as here).
    mode = uno.Enum("com.sun.star.sheet.CellInsertMode", "DOWN")
    deals.insertCells(deals.getCellRangeByName("A11:D11").RangeAddress, mode)
    deals.getCellRangeByName("A11:B11").setDataArray((("c3", 45300.0),))
    deals.getCellRangeByName("D11").setFormula(deals.getCellRangeByName("D10").getFormula().replace("A10;B10", "A11;B11"))
    yield "insert a deal"
    d2 = int(re.search(r";\$A\$(\d+):\$A\$(\d+)", deals.getCellRangeByName("D2").getFormula()).group(2))
    block = deals.getCellRangeByName(f"A2:B{d2}")
    sort_rows(block, 1)
    yield "sort the deal list by close date"
    doc.UndoManager.undo()
    yield "undo the sort"
    source = touches.getCellRangeByName("A20:B60")
    doc.CurrentController.select(source)
    clip = doc.CurrentController.getTransferable()
    doc.CurrentController.select(touches.getCellRangeByName("A100:B140"))
    doc.CurrentController.insertTransferable(clip)
    yield "paste touches"


def main():
    problems, checks, failed = [], 0, 0
    with Office(sys.argv[1]) as office:
        doc = office.new_sheet()
        deals = setup(doc)
        for what in scenarios(doc, deals):
            found = check(doc, deals, what)
            checks += 1
            failed += bool(found)
            problems += found
        rng = random.Random(11)
        for i in range(20):  # random edits of either list, each checked
            sheet = rng.choice([doc.Sheets.getByName("Touches"), deals])
            column = rng.randrange(2)
            cell = sheet.getCellByPosition(column, rng.randrange(1, DEALS))
            value = rng.choice([["c1", "c2", ""], [45100.0, 45400.0, ""]][column])
            cell.setValue(value) if isinstance(value, float) else cell.setString(value)
            found = check(doc, deals, f"random edit {i}")
            checks += 1
            failed += bool(found)
            problems += found
        doc.close(True)
        problems += ["the office died"] if not office.alive() else []
    for p in problems[:40]:
        print(p)
    print(f"{checks - failed} passed, {failed} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
