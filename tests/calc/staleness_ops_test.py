#!/usr/bin/python3
"""The BY functions stay right through operations that change cells while Calc is still
computing: the add-in can hear of such a change only after formulas were interpreted.

Each case is done the way a user (or a macro) does it, on a hidden document's frame:
1. data changed in the rows that hold the BY formulas (setDataArray, .uno:Paste,
   .uno:Cut, .uno:Undo of typing), where Calc interprets the formulas of those rows
   (row heights) before it tells listeners of the change;
2. rows carrying their BY formulas pasted right below whole-column data after a hard
   recalculation (Calc's used area is then still the old one);
3. Goal Seek over a BY formula, whose trials change a cell without any modify event,
   against the same seek over the scalar function with a filter;
and every figure is read as autocalc leaves it, then after calculate() (never
calculateAll), against Python's figures from the cells as they are, and SALESTRENDBY
against the scalar SALESTREND with a (Groups; key) filter in the same row.

Usage: staleness_ops_test.py BUILD/addin/oxt
"""
import os
import random
import sys

import uno

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from office import Office, prop  # noqa: E402

N = 40  # data rows, A1:D40 on sheet "Rows"
ASOF = "DATE(2024;3;31)"
GROUPS = ["x", "y", "z"]
# Column -> formula of row r over the data, the key in E{r}.
BY = {
    "F": "=DISTINCTCUSTOMERSBY({A};;{B};$E{r})",
    "G": "=AVGTOUCHPOINTSBY({A};;{B};$E{r})",
    "H": '=SALESTRENDBY({D};{C};{B};$E{r};2;' + ASOF + ';"linear")',
    "I": '=SALESTREND({D};{C};2;' + ASOF + ';"linear";{B};$E{r})',
}


def data_rows(seed, n=N, groups=GROUPS):
    rng = random.Random(seed)
    return [(f"c{rng.randrange(12)}", rng.choice(groups), float(rng.randrange(100, 900)),
             44652.0 + rng.randrange(731)) for _ in range(n)]  # dates Apr 2022..Mar 2024


def refs(last=N):
    if last is None:  # whole columns
        return {c: f"${c}:${c}" for c in "ABCD"}
    return {c: f"${c}$1:${c}${last}" for c in "ABCD"}


def formula_row(r, last=N):
    return [BY[col].format(r=r, **refs(last)) for col in "FGHI"]


def expected(rows):
    """Per group: (distinct customers, touches per customer)."""
    customers, touches = {}, {}
    for cust, group, _amount, _date in rows:
        if group in ("", None) or cust in ("", None):
            continue
        g = str(group).strip().lower()
        customers.setdefault(g, set()).add(str(cust).strip().lower())
        touches[g] = touches.get(g, 0) + 1
    return {g: (len(c), touches[g] / len(c)) for g, c in customers.items()}


def check(doc, sheet, what, last):
    """Every formula row against the data as it is now: as left, then after calculate()."""
    problems = []
    for recalc in (False, True):
        if recalc:
            doc.calculate()
        data = sheet.getCellRangeByPosition(0, 0, 3, last - 1).getDataArray()
        want = expected([r for r in data if r[0] != ""])
        for r in range(1, sheet_last_formula_row(sheet) + 1):
            key = sheet.getCellRangeByName(f"E{r}").getString().strip().lower()
            distinct, avg = want.get(key, (0, None))
            f, g, h, i = (sheet.getCellRangeByName(f"{c}{r}") for c in "FGHI")
            got_g = None if g.getError() else g.getValue()
            bad = [f"F{r}={f.getString()} expected {distinct}" if f.getError() or
                   f.getValue() != distinct else None,
                   f"G{r}={g.getString()} expected {avg}" if (got_g is None) != (avg is None) or
                   (avg is not None and abs(got_g - avg) > 1e-12) else None,
                   f"H{r}={h.getString()} but SALESTREND gives {i.getString()}"
                   if h.getString() != i.getString() or (not h.getError() and
                                                         abs(h.getValue() - i.getValue()) > 1e-12)
                   else None]
            problems += [f"{what} ({'after calculate' if recalc else 'as left'}): {b}"
                         for b in bad if b]
    return problems


def sheet_last_formula_row(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    return cursor.RangeAddress.EndRow + 1


def dispatch(office, doc, command, args=()):
    helper = office.service("com.sun.star.frame.DispatchHelper")
    helper.executeDispatch(doc.CurrentController.Frame, command, "", 0, tuple(args))


def select(doc, sheet, name):
    doc.CurrentController.setActiveSheet(sheet)
    doc.CurrentController.select(sheet.getCellRangeByName(name))


def values(sheet, name):
    return sheet.getCellRangeByName(name).getDataArray()


def write(sheet, first_row, rows, last=N):
    """Data and keys in A:E from row first_row, the formulas beside them in F:I."""
    sheet.getCellRangeByPosition(0, first_row - 1, 4, first_row + len(rows) - 2).setDataArray(
        tuple(tuple(r) + (r[1],) for r in rows))
    sheet.getCellRangeByPosition(5, first_row - 1, 8, first_row + len(rows) - 2).setFormulaArray(
        tuple(tuple(formula_row(first_row + i, last)) for i in range(len(rows))))


def changed(before, sheet, name, what):
    return [] if values(sheet, name) != before else [f"{what}: {name} did not change"]


def operations_in_formula_rows(office):
    """Case 1: the formula rows' own data changes."""
    doc = office.new_sheet()
    sheet = doc.Sheets.getByIndex(0)
    sheet.Name = "Rows"
    write(sheet, 1, data_rows(1))
    sheet.getCellRangeByName("Z1:Z3").setDataArray((("v",), ("x",), ("v",)))  # to paste
    problems = check(doc, sheet, "first calculation", N)

    before = values(sheet, "B1:B3")
    sheet.getCellRangeByName("B1:B3").setDataArray((("x",), ("x",), ("x",)))
    problems += changed(before, sheet, "B1:B3", "setDataArray") + check(
        doc, sheet, "setDataArray over the formula rows", N)

    select(doc, sheet, "Z1:Z3")
    dispatch(office, doc, ".uno:Copy")
    before = values(sheet, "B4:B6")
    select(doc, sheet, "B4:B6")
    dispatch(office, doc, ".uno:Paste")
    problems += changed(before, sheet, "B4:B6", ".uno:Paste") + check(
        doc, sheet, ".uno:Paste over the formula rows", N)

    select(doc, sheet, "B7:B9")
    before = values(sheet, "B7:B9")
    dispatch(office, doc, ".uno:Cut")
    select(doc, sheet, "B10:B12")
    dispatch(office, doc, ".uno:Paste")
    problems += changed(before, sheet, "B7:B9", ".uno:Cut") + check(
        doc, sheet, ".uno:Cut and .uno:Paste inside the data", N)

    before = values(sheet, "A13:B13")
    sheet.getCellRangeByName("A13").setString("c-new")
    sheet.getCellRangeByName("B13").setString("z")
    problems += check(doc, sheet, "typing", N)
    dispatch(office, doc, ".uno:Undo")
    dispatch(office, doc, ".uno:Undo")
    problems += ([] if values(sheet, "A13:B13") == before else ["undo of typing changed nothing"])
    problems += check(doc, sheet, ".uno:Undo of typing", N)

    # The same with keys and data changed by one operation, new keys included.
    sheet.getCellRangeByName("A14:E16").setDataArray(
        (("c1", "w", 10.0, 45300.0, "w"), ("c2", "w", 20.0, 45301.0, "w"),
         ("c1", "x", 30.0, 45302.0, "x")))
    problems += check(doc, sheet, "setDataArray of data and keys, a new group", N)
    doc.close(True)
    return problems


def rows_pasted_below(office):
    """Case 2: whole columns, a hard recalculation, then rows with their formulas below."""
    doc = office.new_sheet()
    sheet = doc.Sheets.getByIndex(0)
    write(sheet, 1, data_rows(2, 20), last=None)
    doc.Sheets.insertNewByName("Template", 1)
    template = doc.Sheets.getByName("Template")
    write(template, 21, data_rows(3, 23, ["x", "y", "v", "u"]), last=None)
    doc.calculateAll()
    problems = check(doc, sheet, "whole columns, 20 rows", 20)

    select(doc, template, "A21:I43")
    dispatch(office, doc, ".uno:Copy")
    select(doc, sheet, "A21:I43")
    dispatch(office, doc, ".uno:Paste")
    problems += [] if sheet.getCellRangeByName("A43").getString() else ["the paste did not land"]
    problems += check(doc, sheet, "23 rows with their formulas pasted below whole columns", 43)
    doc.close(True)
    return problems


def goal_seek(office):
    """Case 3: Goal Seek over SALESTRENDBY, and over SALESTREND with a filter."""
    doc = office.new_sheet()
    sheet = doc.Sheets.getByIndex(0)
    write(sheet, 1, data_rows(4))
    # The variable: an amount of group x dated in the last twelve months before AsOf.
    row = next(r for r in range(1, N + 1) if sheet.getCellRangeByName(f"B{r}").getString() == "x"
               and sheet.getCellRangeByName(f"D{r}").getValue() >= 45017)
    variable = sheet.getCellRangeByName(f"C{row}")
    original = variable.getValue()
    sheet.getCellRangeByName("E1").setString("x")  # F1:I1 now ask for group x
    doc.calculate()
    goal = sheet.getCellRangeByName("I1").getValue() + 0.05
    problems = []
    found = {}
    for column in "HI":
        formula = sheet.getCellRangeByName(f"{column}1").CellAddress
        result = doc.seekGoal(formula, variable.CellAddress, repr(goal))
        found[column] = result
        variable.setValue(result.Result)
        doc.calculate()
        reached = sheet.getCellRangeByName(f"{column}1").getValue()
        if abs(reached - goal) > 1e-6:
            problems.append(f"Goal Seek over {column}1 ({sheet.getCellRangeByName(f'{column}1').getFormula()}): "
                            f"found {result.Result} (divergence {result.Divergence}), which gives "
                            f"{reached}, not {goal}")
        variable.setValue(original)
        doc.calculate()
    if abs(found["H"].Result - found["I"].Result) > 1e-6 * max(1, abs(found["I"].Result)):
        problems.append(f"Goal Seek: SALESTRENDBY found {found['H'].Result}, "
                        f"SALESTREND {found['I'].Result}")
    problems += check(doc, sheet, "after Goal Seek", N)
    doc.close(True)
    return problems


def main():
    problems = []
    passed = 0
    with Office(sys.argv[1]) as office:
        for case in (operations_in_formula_rows, rows_pasted_below, goal_seek):
            found = case(office)
            passed += not found
            problems += found
        problems += [] if office.alive() else ["the office died"]
    for p in problems:
        print(p)
    print(f"{passed} of 3 cases passed, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
