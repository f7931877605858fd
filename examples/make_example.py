#!/usr/bin/python3
"""Builds examples/customer-analytics.ods, the workbook that shows what the add-in does.

Data: the deal list of ../shared/data/maven-crm (regional office as the department; each
deal's engagement is a touch of its account), the CRM activities and tenants of
../shared/data/saas-crm, and a generated three-year sales ledger for three of those tenants
(fixed seed). The Dashboard sheet holds formulas only; Calc computes them with the add-in.

Usage: make_example.py BUILD/addin/oxt
"""
import os
import random
import sys

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "scripts"))
from office import Office, fill, store  # noqa: E402

DATA = os.path.join(HERE, "..", "..", "shared", "data")
OUT = os.path.join(HERE, "customer-analytics.ods")
EPOCH = pd.Timestamp("1899-12-30")
FAN_TENANTS = ["ten_001", "ten_002", "ten_004"]  # ten_004 churned on 2024-07-04


def serial(date):
    return None if pd.isna(date) else float((pd.Timestamp(date) - EPOCH).days)


def deals_sheet():
    deals = pd.read_csv(os.path.join(DATA, "maven-crm", "sales_pipeline.csv"))
    teams = pd.read_csv(os.path.join(DATA, "maven-crm", "sales_teams.csv"))
    deals = deals.merge(teams, on="sales_agent", how="left")
    rows = [["Account", "Office", "Agent", "Stage", "Engaged", "Closed", "Value"]]
    for r in deals.itertuples():
        rows.append([r.account if isinstance(r.account, str) else None, r.regional_office,
                     r.sales_agent, r.deal_stage, serial(r.engage_date), serial(r.close_date),
                     float(r.close_value) if not pd.isna(r.close_value) else None])
    return rows


def touches_sheet():
    acts = pd.read_csv(os.path.join(DATA, "saas-crm", "crm_activities.csv"))
    rows = [["Tenant", "Date", "Type", "Outcome"]]
    for r in acts.itertuples():
        rows.append([r.tenant_id, serial(r.activity_date), r.activity_type, r.outcome])
    return rows


def tenants_sheet():
    tenants = pd.read_csv(os.path.join(DATA, "saas-crm", "tenants.csv"))
    return [["Tenant", "Region"]] + [[t, r] for t, r in zip(tenants.tenant_id, tenants.region)]


def ledger_sheet():
    """Three years of invoices: one growing, one flat, one shrinking customer that churns
    (no invoice after its churn date in subscriptions.csv), all with a year-end peak (12月)
    and a summer dip (8月)."""
    rng = random.Random(20240401)
    growth = {"ten_001": 0.02, "ten_002": 0.0, "ten_004": -0.015}
    subs = pd.read_csv(os.path.join(DATA, "saas-crm", "subscriptions.csv")).set_index("tenant_id")
    season = [1.0, 0.9, 1.1, 1.0, 1.0, 1.0, 0.95, 0.7, 1.0, 1.05, 1.1, 1.4]
    rows = [["Date", "Customer", "Dept", "Amount"]]
    for m in range(36):
        year, month = 2022 + (m + 3) // 12, (m + 3) % 12 + 1  # April 2022 .. March 2025
        for tenant, g in growth.items():
            churn = subs.loc[tenant, "churn_date"]
            if isinstance(churn, str) and f"{year}-{month:02d}-28" > churn:
                continue
            for _ in range(3):
                day = rng.randint(1, 28)
                amount = 1000 * (1 + g) ** m * season[month - 1] * rng.uniform(0.85, 1.15)
                rows.append([serial(f"{year}-{month:02d}-{day:02d}"), tenant,
                             "Sales" if tenant != "ten_004" else "Support", round(amount, 2)])
    return rows


def put(sheet, cell, value):
    c = sheet.getCellRangeByName(cell)
    if isinstance(value, str) and value.startswith("="):
        c.setFormula(value)
    elif isinstance(value, str):
        c.setString(value)
    else:
        c.setValue(value)


def array(sheet, rng, formula):
    sheet.getCellRangeByName(rng).setArrayFormula(formula)


def chart(sheet, name, anchor, size, ranges, kind="com.sun.star.chart.LineDiagram",
          secondary=None, title=None, trend_line=False, legend=False):
    """A chart at cell `anchor` of the ranges: first row the series names, first column the
    categories. `secondary`: the series drawn against a right-hand axis; `trend_line`: a
    linear regression line through the first series."""
    from com.sun.star.awt import Rectangle
    at = sheet.getCellRangeByName(anchor).Position
    addresses = tuple(sheet.getCellRangeByName(r).getRangeAddress() for r in ranges)
    charts = sheet.getCharts()
    charts.addNewByName(name, Rectangle(at.X, at.Y, size[0], size[1]), addresses, True, True)
    doc = charts.getByName(name).getEmbeddedObject()
    doc.setDiagram(doc.createInstance(kind))
    doc.HasLegend = legend or secondary is not None
    if title:
        doc.HasMainTitle = True
        doc.Title.String = title
    diagram = doc.getDiagram()
    if secondary is not None:
        diagram.HasSecondaryYAxis = True
        diagram.getDataRowProperties(secondary).Axis = 4  # com.sun.star.chart.ChartAxisAssign.SECONDARY_Y
    if trend_line:
        series = doc.getFirstDiagram().getCoordinateSystems()[0].getChartTypes()[0].getDataSeries()[0]
        series.addRegressionCurve(office_service("com.sun.star.chart2.LinearRegressionCurve"))
    return doc


def dashboard(sheet, n_deals, n_touches, n_tenants, n_ledger):
    D = lambda col: f"$Deals.{col}2:{col}{n_deals}"  # noqa: E731
    T = lambda col: f"$Touches.{col}2:{col}{n_touches}"  # noqa: E731
    G = lambda col: f"$Ledger.{col}2:{col}{n_ledger}"  # noqa: E731
    tenants = f"$Tenants.A2:A{n_tenants}"

    put(sheet, "A1", "Customer analytics / 顧客分析ダッシュボード")
    put(sheet, "A2", "Touchpoints and win rate per office (maven-crm, 2017) / 部門別 接点回数と受注率")
    for col, text in zip("ABCDEFG", ["Office / 部門", "Touches per account / 顧客平均接点回数",
                                     "Win rate / 受注率", "Win-rate change H2-H1 / 受注率変化",
                                     "Diagnosis", "診断", "Customers / 顧客数"]):
        put(sheet, f"{col}3", text)
    put(sheet, "I3", "Touch target / 接点目標")
    put(sheet, "I4", 30)
    put(sheet, "J3", "Win target / 受注率目標")
    put(sheet, "J4", 0.62)
    for i, office in enumerate(["Central", "East", "West"]):
        r = 4 + i
        put(sheet, f"A{r}", office)
        # BY functions filled down the office list: the deal list is read once.
        y2017, h1, h2 = ('"2017-01-01";"2017-12-31"', '"2017-01-01";"2017-06-30"',
                         '"2017-07-01";"2017-12-31"')
        put(sheet, f"B{r}", f'=AVGTOUCHPOINTSBY({D("A")};{D("E")};{D("B")};A{r};{y2017})')
        put(sheet, f"C{r}", f'=WINRATEBY({D("D")};{D("F")};{D("B")};A{r};{y2017})')
        put(sheet, f"D{r}", f'=WINRATEBY({D("D")};{D("F")};{D("B")};A{r};{h2})'
                            f'-WINRATEBY({D("D")};{D("F")};{D("B")};A{r};{h1})')
        put(sheet, f"E{r}", f"=TOUCHWINDIAG(B{r};C{r};$I$4;$J$4;D{r})")
        put(sheet, f"F{r}", f'=TOUCHWINDIAG(B{r};C{r};$I$4;$J$4;D{r};"ja")')
        put(sheet, f"G{r}", f'=DISTINCTCUSTOMERSBY({D("A")};{D("E")};{D("B")};A{r};{y2017})')

    put(sheet, "A9", "Monthly trend, all offices / 月次推移")
    for col, text in zip("ABCDEF", ["Month / 月", "Touches per account", "Touches / 接点数",
                                    "Month / 月", "Win rate / 受注率", "Decided / 決着数"]):
        put(sheet, f"{col}10", text)
    array(sheet, "A11:C20", f'=TOUCHTREND({D("A")};{D("E")};"month";"2017-03-01";"2017-12-31")')
    array(sheet, "D11:F20", f'=WINRATETREND({D("D")};{D("F")};"month";"2017-03-01";"2017-12-31")')

    put(sheet, "A23", "Sales ledger by month (generated, 3 tenants) / 月次売上")
    put(sheet, "A24", "Month / 月")
    put(sheet, "B24", "Sales / 売上")
    array(sheet, "A25:B60", f'=SALESBYPERIOD({G("A")};{G("D")};"month")')
    put(sheet, "D24", "Growth per year (linear) / 年成長率")
    put(sheet, "E24", f'=SALESTREND({G("A")};{G("D")};3)')
    put(sheet, "D25", "Year over year / 前年比")
    put(sheet, "E25", f'=SALESTREND({G("A")};{G("D")};2;;"yoy")')
    put(sheet, "D26", "p of the slope / 傾きのp値")
    put(sheet, "E26", f'=SALESTRENDSTAT({G("A")};{G("D")};"p";3)')
    put(sheet, "D27", "Mann-Kendall p")
    put(sheet, "E27", f'=SALESTRENDSTAT({G("A")};{G("D")};"mk_p";3)')
    put(sheet, "D29", "Month / 月")
    put(sheet, "E29", "Seasonal index / 季節指数")
    array(sheet, "D30:E41", f'=SEASONALINDEX({G("A")};{G("D")})')

    put(sheet, "A63", "Fans / ファン度 (saas-crm tenants)")
    heads = ["Tenant", "Rating 1-5 (positive share)", "Troubles (negative)", "Growth / 成長率",
             "Open issues (no response)", "Fan score", "Level", "レベル", "Goal / 目標", "Gap / 差",
             "Churned / 解約"]
    churn = pd.read_csv(os.path.join(DATA, "saas-crm", "subscriptions.csv")).set_index("tenant_id")["churn_date"]
    for col, text in zip("ABCDEFGHIJK", heads):
        put(sheet, f"{col}64", text)
    goals = ["partner", "grow", "distance"]
    for i, tenant in enumerate(FAN_TENANTS):
        r = 65 + i
        put(sheet, f"A{r}", tenant)
        # How the customer rates us, from the share of positive activity outcomes.
        put(sheet, f"B{r}", f'=1+4*COUNTIFS({T("A")};A{r};{T("D")};"positive")/COUNTIFS({T("A")};A{r})')
        put(sheet, f"C{r}", f'=COUNTIFS({T("A")};A{r};{T("D")};"negative")')
        # As of the ledger's end, so that the months after a churn count as zero sales.
        # Filled down the tenants: every tenant over one window ending with the ledger's
        # last date, so that the months after a churn count as zero sales.
        put(sheet, f"D{r}", f'=SALESTRENDBY({G("A")};{G("D")};{G("B")};A{r})')
        put(sheet, f"E{r}", f'=COUNTIFS({T("A")};A{r};{T("D")};"no_response")')
        put(sheet, f"F{r}", f"=FANSCORE(B{r};C{r};D{r};E{r})")
        put(sheet, f"G{r}", f"=FANLEVEL(F{r})")
        put(sheet, f"H{r}", f'=FANLEVEL(F{r};"ja")')
        put(sheet, f"I{r}", goals[i])
        put(sheet, f"J{r}", f"=FANGAP(F{r};I{r})")
        put(sheet, f"K{r}", churn[tenant] if isinstance(churn[tenant], str) else "-")
    put(sheet, "A69", "Average touchpoints per tenant, all tenants counted / 全テナント平均接点回数")
    put(sheet, "F69", f"=AVGTOUCHPOINTS({T('A')};;;;{tenants})")

    put(sheet, "A71", "Per office by month / 部門別 月次の接点回数 (TOUCHTRENDBY)")
    put(sheet, "F71", "Win rate / 受注率 (WINRATETRENDBY)")
    window = '"month";;"2017-03-01";"2017-12-31"'
    array(sheet, "A72:D82", f'=TOUCHTRENDBY({D("A")};{D("E")};{D("B")};{window})')
    array(sheet, "F72:I82", f'=WINRATETRENDBY({D("D")};{D("F")};{D("B")};{window})')

    # Straight from the TOUCHTREND and WINRATETREND arrays.
    chart(sheet, "trend", "L2", (16000, 8000), ["A10:B20", "E10:E20"], secondary=1,
          title="Touches per account vs win rate / 接点回数と受注率")
    chart(sheet, "sales", "G23", (16000, 7500), ["A24:B60"], title="Sales by month / 月次売上",
          trend_line=True)
    chart(sheet, "season", "G43", (12000, 7000), ["D29:E41"],
          kind="com.sun.star.chart.BarDiagram", title="Seasonal index / 季節指数")
    chart(sheet, "fans", "L63", (11000, 6000), ["A64:A67", "F64:F67"],
          kind="com.sun.star.chart.BarDiagram", title="Fan score / ファン度")
    formats(sheet)
    # One line per office, series names from the matrices' header rows (placed after the
    # column widths are set, so that they sit below the tables).
    chart(sheet, "touches_by_office", "A85", (12500, 6500), ["A72:D82"],
          title="Touches per account by office / 部門別 顧客平均接点回数", legend=True)
    chart(sheet, "winrate_by_office", "G85", (12500, 6500), ["F72:I82"],
          title="Win rate by office / 部門別 受注率", legend=True)


def formats(sheet):
    """Dates as months, rates as percentages, so that the dashboard reads at a glance."""
    from com.sun.star.lang import Locale
    doc_formats = XDOC.getNumberFormats()
    locale = Locale("en", "US", "")

    def key(code):
        k = doc_formats.queryKey(code, locale, False)
        return k if k != -1 else doc_formats.addNew(code, locale)

    for ref, code in [("A11:A20", "YYYY-MM"), ("D11:D20", "YYYY-MM"), ("A25:A60", "YYYY-MM"),
                      ("C4:D6", "0.0%"), ("E11:E20", "0.0%"), ("B4:B6", "0.00"),
                      ("B11:B20", "0.00"), ("B25:B60", "#,##0"), ("C11:C20", "0"),
                      ("F11:F20", "0"), ("G4:G6", "0"), ("E24:E25", "0.0%"),
                      ("E26:E27", "0.0000"), ("E30:E41", "0.000"), ("B65:F67", "0.00"),
                      ("J65:J67", "0.0"), ("F69", "0.00"), ("A73:A82", "YYYY-MM"),
                      ("B73:D82", "0.00"), ("F73:F82", "YYYY-MM"), ("G73:I82", "0.0%")]:
        sheet.getCellRangeByName(ref).NumberFormat = key(code)
    style = XDOC.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
    style.IsLandscape, style.Width, style.Height = True, 29700, 21000
    style.ScaleToPagesX, style.ScaleToPagesY = 1, 1
    sheet.getColumns().getByIndex(0).Width = 3800
    for col in range(1, 10):
        sheet.getColumns().getByIndex(col).Width = 2900


def main():
    addin_dir = sys.argv[1] if len(sys.argv) > 1 else None
    with Office(addin_dir, installed=addin_dir is None) as office:
        global office_service
        office_service = office.service
        doc = office.new_sheet()
        sheets = doc.Sheets
        counts = {}
        for i, (name, rows) in enumerate([("Deals", deals_sheet()), ("Touches", touches_sheet()),
                                           ("Tenants", tenants_sheet()), ("Ledger", ledger_sheet())]):
            sheets.insertNewByName(name, i + 1)
            counts[name] = fill(sheets.getByName(name), rows)
        sheets.getByIndex(0).setName("Dashboard")
        global XDOC
        XDOC = doc
        dashboard(sheets.getByName("Dashboard"), counts["Deals"], counts["Touches"],
                  counts["Tenants"], counts["Ledger"])
        doc.calculateAll()
        store(doc, OUT, "calc8")
        doc.close(True)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
