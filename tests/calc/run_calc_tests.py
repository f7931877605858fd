#!/usr/bin/python3
"""Runs Calc test documents in a private headless LibreOffice with the freshly built
add-in: makes each named document from its case table (make_docs.py) into OUTPUT_DIR, or
takes a .fods as it is, then loads it from its file, recalculates, and checks every row of
its "Tests" sheet (the exact error code for Err:502 and #N/A, 1e-9 relative for numbers,
equality for text, and the document's own check column).

Usage: run_calc_tests.py BUILD/addin/oxt OUTPUT_DIR (name | doc.fods)...
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from office import Office  # noqa: E402
import make_docs  # noqa: E402

ERRORS = {"Err:502": 502, "#N/A": 32767, "Err:504": 504, "#DIV/0!": 532}


def check_row(sheet, row):
    result, expected, check = (sheet.getCellByPosition(c, row) for c in (1, 2, 3))
    want = expected.getString()
    if expected.getType().value == "VALUE":
        want_value = expected.getValue()
        if result.getError() != 0:
            return f"expected {want_value!r}, got {result.getString()}"
        if result.FormulaResultType2 != 1:  # com.sun.star.sheet.FormulaResult.VALUE
            return f"expected {want_value!r}, got {result.getString()!r}"
        got = result.getValue()
        if abs(got - want_value) > 1e-9 * max(1.0, abs(want_value)):
            return f"expected {want_value!r}, got {got!r}"
    elif want in ERRORS:
        if result.getError() != ERRORS[want]:
            return f"expected {want}, got {result.getString()} (error {result.getError()})"
    elif result.getString() != want or result.getError() != 0:
        return f"expected {want!r}, got {result.getString()!r}"
    if check.getString() != "TRUE":
        return f"the document's check says {check.getString()}"
    return None


def run(office, path):
    doc = office.load(path)
    doc.calculateAll()
    sheet = doc.Sheets.getByName("Tests")
    failures, count, row = [], 0, 1
    while sheet.getCellByPosition(0, row).getString():
        count += 1
        problem = check_row(sheet, row)
        if problem:
            failures.append(f"  row {row + 1} {sheet.getCellByPosition(0, row).getString()}: "
                            f"{sheet.getCellByPosition(1, row).getFormula()}: {problem}")
        row += 1
    doc.close(True)
    return count, failures


def main():
    addin_dir, folder, docs = sys.argv[1], sys.argv[2], sys.argv[3:]
    total, failed = 0, 0
    tables = make_docs.all_docs()
    os.makedirs(folder, exist_ok=True)
    with Office(addin_dir) as office:
        print(f"LibreOffice {office.version()}")
        for path in docs:
            if not path.endswith(".fods"):
                path = make_docs.make(office, path, tables[path](), folder)
            count, failures = run(office, path)
            total += count
            failed += len(failures)
            print(f"{os.path.basename(path)}: {count - len(failures)}/{count} passed")
            for f in failures:
                print(f)
            if not office.alive():
                print("the office died")
                return 1
    print(f"{total - failed}/{total} Calc cases passed")
    return 1 if failed or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
