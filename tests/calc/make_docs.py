#!/usr/bin/python3
"""Makes the Calc test documents (NAME.fods) from the case tables in cases_*.py. The tests
make them when they run (run_calc_tests.py); nothing generated is committed.

Each document has the data sheets a case table names and a sheet "Tests" with one case a
row: A the case, B the formula (as a user types it), C the expected value, D a check
formula that shows TRUE in Calc. Expected values come from the tables (worked out by hand,
or computed by pandas/scipy from tests/data), never from the add-in.

Usage: make_docs.py --list
       make_docs.py BUILD/addin/oxt OUTPUT_DIR [name...]
"""
import glob
import importlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from office import Office, fill, store  # noqa: E402


def all_docs():
    """Every DOCS table of the cases_*.py modules, by document name."""
    docs = {}
    for path in sorted(glob.glob(os.path.join(HERE, "cases_*.py"))):
        module = importlib.import_module(os.path.basename(path)[:-3])
        docs.update(module.DOCS)
    return docs

CHECK = ('=IF(ISERROR(B{r});IF(ISNA(B{r});C{r}="#N/A";AND(C{r}<>"#N/A";OR(LEFT(C{r};4)="Err:";LEFT(C{r};1)="#")));'
         'IF(ISNUMBER(C{r});ABS(B{r}-C{r})<=1E-9*MAX(1;ABS(C{r}));B{r}=C{r}))')


def make(office, name, doc_spec, folder):
    doc = office.new_sheet()
    sheets = doc.Sheets
    for i, (sheet_name, rows) in enumerate(doc_spec["sheets"].items()):
        sheets.insertNewByName(sheet_name, i)
        fill(sheets.getByName(sheet_name), rows)
    sheets.insertNewByName("Tests", 0)
    for extra in [n for n in sheets.ElementNames if n not in doc_spec["sheets"] and n != "Tests"]:
        sheets.removeByName(extra)
    tests = sheets.getByName("Tests")
    tests.getCellByPosition(0, 0).setString("Case")
    tests.getCellByPosition(1, 0).setString("Result")
    tests.getCellByPosition(2, 0).setString("Expected")
    tests.getCellByPosition(3, 0).setString("Check")
    for i, (title, formula, expected) in enumerate(doc_spec["cases"], start=1):
        r = i + 1
        tests.getCellByPosition(0, i).setString(title)
        tests.getCellByPosition(1, i).setFormula(formula)
        cell = tests.getCellByPosition(2, i)
        if isinstance(expected, str):
            cell.setString(expected)
        else:
            cell.setValue(expected)
        tests.getCellByPosition(3, i).setFormula(CHECK.format(r=r))
    path = os.path.join(folder, name + ".fods")
    store(doc, path, "OpenDocument Spreadsheet Flat XML")
    doc.close(True)
    print(f"wrote {path}: {len(doc_spec['cases'])} cases")
    return path


def main():
    docs = all_docs()
    if sys.argv[1:] == ["--list"]:
        print(";".join(docs))  # a CMake list
        return
    addin_dir, folder = sys.argv[1:3]
    os.makedirs(folder, exist_ok=True)
    with Office(addin_dir) as office:
        for name in sys.argv[3:] or list(docs):
            make(office, name, docs[name](), folder)


if __name__ == "__main__":
    main()
