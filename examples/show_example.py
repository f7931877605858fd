#!/usr/bin/python3
"""The main job: Calc opens examples/customer-analytics.ods with the add-in, recalculates
it, exports the dashboard to PDF and PNG pages under OUT_DIR and prints its key figures.

With a display, it then opens the workbook in Calc for you (set CA_NO_GUI=1 to skip).

Usage: show_example.py OUT_DIR [BUILD/addin/oxt]
  Without the add-in folder it uses the add-in installed into LibreOffice.
"""
import os
import re
import subprocess
import sys

import uno

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "scripts"))
from office import Office, prop, url  # noqa: E402

WORKBOOK = os.path.join(HERE, "customer-analytics.ods")


def text(sheet, ref):
    return sheet.getCellRangeByName(ref).getString()


def print_figures(sheet):
    print("Touchpoints and win rate per office, 2017 (maven-crm)")
    print(f"  {'office':8} {'touches/acct':>12} {'win rate':>9} {'change':>8}  diagnosis")
    for r in range(5, 8):
        c = lambda col: sheet.getCellRangeByName(f"{col}{r}")  # noqa: E731
        print(f"  {c('A').getString():8} {c('B').getValue():12.3f} {c('C').getValue():9.3f} "
              f"{c('D').getValue():+8.3f}  {c('E').getString()}")
    print("Monthly trend (first and last months)")
    for r in (12, 13, 20, 21):
        month = sheet.getCellRangeByName(f"A{r}").getString()
        print(f"  {month}: touches/account {sheet.getCellRangeByName(f'B{r}').getValue():.3f},"
              f" win rate {sheet.getCellRangeByName(f'E{r}').getString()}")
    print("Sales ledger (generated, 3 tenants, Apr 2022 - Mar 2025)")
    for r in range(26, 30):
        print(f"  {text(sheet, f'D{r}'):40} {sheet.getCellRangeByName(f'F{r}').getValue():.6g}")
    season = [f"{sheet.getCellRangeByName(f'F{r}').getValue():.2f}" for r in range(32, 44)]
    print(f"  seasonal index Jan..Dec: {' '.join(season)}")
    print("Fans")
    for r in range(66, 69):
        cells = [text(sheet, f"{col}{r}") for col in "ABCDEFGHIJ"]
        print("  " + " | ".join(cells))
    print(f"Average touchpoints per tenant, zero-touch tenants counted: {text(sheet, 'F70')}")
    print("Per office, December 2017 (TOUCHTRENDBY, WINRATETRENDBY): " + ", ".join(
        f"{text(sheet, f'{t}73')} {text(sheet, f'{t}83')} touches/account, {text(sheet, f'{w}83')} won"
        for t, w in ("BG", "CH", "DI")))
    print(f"Touch target (TOUCHTARGET, touches per account of the top office): {text(sheet, 'H5')}")
    print("How many touches keep renewals high (saas-crm): touches from, renewals, rate, Wilson low..high")
    r = 116
    while text(sheet, f"A{r}"):
        print(f"  {text(sheet, f'A{r}'):>3}+ {text(sheet, f'B{r}'):>4} {text(sheet, f'D{r}'):>7} "
              f"{text(sheet, f'E{r}')}..{text(sheet, f'F{r}')}  monotone {text(sheet, f'G{r}')}")
        r += 1


def export(doc, sheet, out_dir, stem):
    """The dashboard sheet as a PDF and its pages as PNG images."""
    os.makedirs(out_dir, exist_ok=True)
    pdf = os.path.join(out_dir, f"{stem}.pdf")
    selection = sheet.getCellRangeByName("A1:T235")
    filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", (prop("Selection", selection),))
    doc.storeToURL(url(pdf), (prop("FilterName", "calc_pdf_Export"), prop("FilterData", filter_data)))
    subprocess.run(["pdftoppm", "-png", "-r", "150", pdf, os.path.join(out_dir, stem)], check=True)
    pngs = sorted(f for f in os.listdir(out_dir) if re.fullmatch(rf"{re.escape(stem)}-\d+\.png", f))
    print(f"Exported {pdf} and {len(pngs)} PNG pages: {', '.join(pngs)}")


def main():
    out_dir = sys.argv[1]
    addin_dir = sys.argv[2] if len(sys.argv) > 2 else None
    with Office(addin_dir, installed=addin_dir is None) as office:
        doc = office.load(WORKBOOK)
        doc.calculateAll()
        sheet = doc.Sheets.getByName("Dashboard")
        print_figures(sheet)
        export(doc, sheet, out_dir, "dashboard")
        export(doc, doc.Sheets.getByName("ダッシュボード"), out_dir, "dashboard-ja")
        doc.close(True)
    if os.environ.get("DISPLAY") and not os.environ.get("CA_NO_GUI"):
        subprocess.Popen(["soffice", "--calc", WORKBOOK])


if __name__ == "__main__":
    main()
