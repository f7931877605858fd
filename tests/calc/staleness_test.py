#!/usr/bin/python3
"""The BY functions never show a stale value.

A "Data" sheet holds a touch log and a deal list; a "Report" sheet holds filled-down
single-key formulas and a whole-table array formula. After each way a user changes the
data (an edit, undo and redo, a paste, clearing cells, inserting and deleting rows inside
and above the range, sorting, a formula column whose precedent outside the range changes,
two documents and two sheets with the same addresses, closing and reopening), every
formula is compared, as autocalc leaves it and then after calculate() (never
calculateAll), with figures Python computes from the cells as they are now.
staleness_ops_test.py has the operations during which Calc computes before it tells
anyone of the change.

Usage: staleness_test.py BUILD/addin/oxt
"""
import os
import random
import re
import sys
import tempfile


HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from office import Office, fill, sort_rows, store  # noqa: E402

ROWS = 300
KEYS = ["d0", "D1", " d2", "d3", "d4", "nobody", 7.0]
FUNCS = {  # column of the Report sheet -> formula over the data columns
    "B": "=AVGTOUCHPOINTSBY({A};{B};{C};$A{r})",
    "C": "=WINRATEBY({D};;{C};$A{r})",
    "D": "=DISTINCTCUSTOMERSBY({A};{B};{C};$A{r})",
}


def make_rows(seed, rows=ROWS):
    rng = random.Random(seed)
    out = [["Customer", "Date", "Dept", "Outcome"]]
    for _ in range(rows):
        group = rng.choice(["d0", "d1", "D2", "d3", "d4", 7.0])
        out.append([f"c{rng.randrange(40)}", 45000.0 + rng.randrange(700), group,
                    rng.choice(["won", "lost", "open", "受注", "失注"])])
    return out


def key(v):
    if isinstance(v, float):
        return repr(int(v)) if v == int(v) else repr(v)
    return str(v).strip().lower()


def expected(data):
    """Per group key: (average, won/decided, distinct) from the rows as they are."""
    touches, customers, won, decided = {}, {}, {}, {}
    for cust, date, group, outcome in data:
        g = key(group) if group not in ("", None) else ""
        if not g:
            continue
        if cust not in ("", None) and date not in ("", None):
            touches[g] = touches.get(g, 0) + 1
            customers.setdefault(g, set()).add(key(cust))
        o = key(outcome) if outcome not in ("", None) else ""
        if o in ("won", "受注", "lost", "失注"):
            decided[g] = decided.get(g, 0) + 1
            won[g] = won.get(g, 0) + (o in ("won", "受注"))
    out = {}
    for g in set(touches) | set(decided):
        avg = touches[g] / len(customers[g]) if g in touches else None
        rate = won[g] / decided[g] if decided.get(g) else None
        out[g] = (avg, rate, len(customers.get(g, ())))
    return out


def setup(doc, seed, sheet_name="Data", report_name="Report"):
    sheets = doc.Sheets
    if not sheets.hasByName(sheet_name):
        sheets.insertNewByName(sheet_name, sheets.Count)
    fill(sheets.getByName(sheet_name), make_rows(seed))
    if not sheets.hasByName(report_name):
        sheets.insertNewByName(report_name, sheets.Count)
    report = sheets.getByName(report_name)
    refs = {c: f"${sheet_name}.${c}$2:${c}${ROWS + 1}" for c in "ABCD"}
    for i, k in enumerate(KEYS):
        r = i + 2
        cell = report.getCellByPosition(0, r - 1)
        cell.setValue(k) if isinstance(k, float) else cell.setString(k)
        for col, f in FUNCS.items():
            report.getCellRangeByName(f"{col}{r}").setFormula(f.format(r=r, **refs))
    report.getCellRangeByName("F2:I8").setArrayFormula(
        "=AVGTOUCHPOINTSBY({A};{B};{C})".format(**refs))
    return report


def current_data(doc, report):
    """The data rows the formulas reference now (references move with inserted rows)."""
    formula = report.getCellRangeByName("B2").getFormula()
    m = re.search(r"\$(\w+)\.\$A\$(\d+):\$A\$(\d+)", formula)
    sheet, first, last = m.group(1), int(m.group(2)), int(m.group(3))
    data = doc.Sheets.getByName(sheet).getCellRangeByName(f"A{first}:D{last}").getDataArray()
    return [list(r) for r in data]


def check(doc, report, what):
    problems = []
    for recalc in (False, True):
        if recalc:
            doc.calculate()
        want = expected(current_data(doc, report))
        for i, k in enumerate(KEYS):
            row = want.get(key(k))
            for j, col in enumerate(FUNCS):
                cell = report.getCellRangeByName(f"{col}{i + 2}")
                w = None if row is None else row[j]
                if w is None and col == "D":
                    w = 0  # a group with no customer has 0 distinct customers
                got = None if cell.getError() else cell.getValue()
                if (w is None) != (got is None) or (w is not None and abs(got - w) > 1e-12):
                    problems.append(f"{what} ({'after calculate' if recalc else 'as left'}): "
                                    f"{cell.getFormula()} = {cell.getString()}, expected {w}")
        # The whole table: key, average, touches, customers, sorted.
        table = report.getCellRangeByName("F2:I8").getDataArray()
        for r in table:
            if r[0] in ("", None) or isinstance(r[0], str) and r[0].startswith("#"):
                continue
            w = want.get(key(r[0]))
            if w is None or abs(r[1] - w[0]) > 1e-12 or r[3] != w[2]:
                problems.append(f"{what}: table row {r} expected {w}")
    return problems


def dispatch(office, doc, command, args=()):
    helper = office.service("com.sun.star.frame.DispatchHelper")
    helper.executeDispatch(doc.CurrentController.Frame, command, "", 0, tuple(args))


def select(doc, rng):
    doc.CurrentController.select(rng)


def scenarios(office, doc, report):
    data = doc.Sheets.getByName("Data")
    yield "first calculation"
    data.getCellRangeByName("C5").setString("d3")
    yield "edit a group"
    data.getCellRangeByName("A6").setString("c99")
    yield "edit a customer"
    data.getCellRangeByName("D7").setString("won")
    yield "edit an outcome"
    data.getCellRangeByName("B8").setValue(46000)
    yield "edit a date"
    doc.UndoManager.undo()
    yield "undo"
    doc.UndoManager.undo()
    yield "undo again"
    doc.UndoManager.redo()
    yield "redo"
    source = data.getCellRangeByName("A10:D30")
    select(doc, source)
    clip = doc.CurrentController.getTransferable()
    target = data.getCellRangeByName("A50:D70")
    select(doc, target)
    doc.CurrentController.insertTransferable(clip)
    if target.getDataArray() != source.getDataArray():
        raise AssertionError("paste a block: nothing was pasted")
    yield "paste a block"
    data.getCellRangeByName("C80:C120").clearContents(1 | 4 | 16)  # values, strings, formulas
    yield "clear cells"
    data.Rows.insertByIndex(20, 3)
    yield "insert rows inside the range"
    data.getCellRangeByName("A21:D21").setDataArray((("c1", 45100.0, "d1", "won"),))
    yield "fill an inserted row"
    data.Rows.removeByIndex(30, 5)
    yield "delete rows inside the range"
    data.Rows.insertByIndex(0, 2)
    yield "insert rows above the range"
    data.Rows.removeByIndex(0, 1)
    yield "delete a row above the range"
    rng = report.getCellRangeByName("B2").getFormula()
    m = re.search(r"\$A\$(\d+):\$A\$(\d+)", rng)
    block = data.getCellRangeByName(f"A{m.group(1)}:D{m.group(2)}")
    sort_rows(block, 0, ascending=False)
    yield "sort the data"
    doc.UndoManager.undo()
    yield "undo the sort"
    # A formula column inside the range whose precedent lies outside it.
    first = int(m.group(1))
    data.getCellRangeByName("Z1").setString("d4")
    for r in range(first, first + 40):
        data.getCellByPosition(2, r - 1).setFormula("=$Z$1")
    yield "groups as formulas"
    data.getCellRangeByName("Z1").setString("d0")
    yield "their precedent outside the range changes"
    data.getCellRangeByName("Z1").setString("D1")
    yield "... and again"


class Tally(list):
    """Problems, and how many checks ran and failed."""
    count = failed = 0

    def __iadd__(self, found):
        self.count += 1
        self.failed += bool(found)
        self.extend(found)
        return self


def main():
    addin_dir = sys.argv[1]
    problems = Tally()
    with Office(addin_dir) as office:
        doc = office.new_sheet()
        report = setup(doc, 1)
        for what in scenarios(office, doc, report):
            problems += check(doc, report, what)

        # Two documents and two sheets with the same addresses, different data.
        other = office.new_sheet()
        other_report = setup(other, 2)
        problems += check(doc, report, "first document beside a second")
        problems += check(other, other_report, "second document")
        other.Sheets.getByName("Data").getCellRangeByName("C3").setString("d0")
        problems += check(doc, report, "first document after an edit in the second")
        problems += check(other, other_report, "second document after its edit")
        second = setup(doc, 3, "Data2", "Report2")
        problems += check(doc, report, "sheet Data beside Data2")
        problems += check(doc, second, "sheet Data2")
        # Sheets moved: Data2 takes Data's place, so that the same sheet index and addresses
        # now hold other cells.
        names = list(doc.Sheets.ElementNames)
        doc.Sheets.moveByName("Data2", names.index("Data"))
        problems += check(doc, report, "sheet Data after Data2 took its place")
        problems += check(doc, second, "sheet Data2 in Data's place")

        # Close and reopen: the edit made before closing without saving must be gone.
        path = os.path.join(tempfile.mkdtemp(), "reopen.ods")
        store(other, path, "calc8")
        before = [other_report.getCellRangeByName(f"B{r}").getValue() for r in range(2, 8)]
        other.Sheets.getByName("Data").getCellRangeByName("C2:C200").clearContents(4)
        other_report.getCellRangeByName("B2").getValue()
        other.close(True)
        again = office.load(path)
        report_again = again.Sheets.getByName("Report")
        after = [report_again.getCellRangeByName(f"B{r}").getValue() for r in range(2, 8)]
        problems += [f"reopened: {after}, before closing: {before}"] if before != after else []
        problems += check(again, report_again, "reopened document")
        again.close(True)

        # Random edits, each checked.
        rng = random.Random(7)
        data = doc.Sheets.getByName("Data")
        for i in range(30):
            column = rng.randrange(4)
            cell = data.getCellByPosition(column, rng.randrange(2, ROWS))
            choice = rng.choice([["c3", "c77", ""], [45500.0, 45123.0, ""], ["d0", "D1", 7.0, ""],
                                 ["won", "lost", "open", ""]][column])
            cell.setValue(choice) if isinstance(choice, float) else cell.setString(choice)
            problems += check(doc, report, f"random edit {i}")
        doc.close(True)
        problems += ["the office died"] if not office.alive() else []

    for p in problems:
        print(p)
    print(f"{problems.count - problems.failed} passed, {problems.failed} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
