#!/usr/bin/python3
"""One add-in instance serves every open document: two documents open at once, one with
the 1899-12-30 NullDate and one with 1904-01-01, each get their own right dates (the
NullDate is read from the calling document on every call, never cached).

Usage: nulldate_test.py BUILD/addin/oxt
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from office import Office  # noqa: E402
from com.sun.star.util import Date  # noqa: E402


def prepare(office, null_date):
    doc = office.new_sheet()
    doc.NullDate = null_date
    sheet = doc.Sheets.getByIndex(0)
    for row, (customer, date) in enumerate([("A", "2024-03-31"), ("B", "2024-04-01"), ("A", "2024-05-20")]):
        sheet.getCellByPosition(0, row).setString(customer)
        sheet.getCellByPosition(1, row).setFormula(date)  # typed as a user types a date
        sheet.getCellByPosition(2, row).setValue(row + 1)
    sheet.getCellRangeByName("D1").setFormula('=TEXT(INDEX(TOUCHTREND(A1:A3;B1:B3;"fy");2;1);"YYYY-MM-DD")')
    sheet.getCellRangeByName("D2").setFormula('=AVGTOUCHPOINTS(A1:A3;B1:B3;"2024-04-01")')
    sheet.getCellRangeByName("D3").setFormula('=TEXT(INDEX(SALESBYPERIOD(B1:B3;C1:C3;"month");1;1);"YYYY-MM-DD")')
    return doc


def main():
    failures = []
    with Office(sys.argv[1]) as office:
        docs = [prepare(office, Date(30, 12, 1899)), prepare(office, Date(1, 1, 1904))]
        for doc in docs + docs[::-1]:  # recalculated in turn, after each other
            doc.calculateAll()
        for doc in docs:
            sheet = doc.Sheets.getByIndex(0)
            got = [sheet.getCellRangeByName(c).getString() for c in ("D1", "D2", "D3")]
            serial = sheet.getCellRangeByName("B2").getValue()
            print(f"NullDate {doc.NullDate.Year}: 2024-04-01 is serial {serial:.0f}; results {got}")
            if got != ["2024-04-01", "1", "2024-03-01"]:
                failures.append(got)
            doc.close(True)
    print("OK" if not failures else f"FAILED: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
