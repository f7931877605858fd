#!/usr/bin/python3
"""Builds examples/customer-analytics.ods, the workbook that shows what the add-in does.

Data: the deal list of ../shared/data/maven-crm (regional office as the department; each
deal's engagement is a touch of its account), the CRM activities and tenants of
../shared/data/saas-crm, and a generated three-year sales ledger for three of those tenants
(fixed seed), and the renewals of saas-crm's subscriptions as deals (churned = lost). The
Dashboard sheet holds formulas only; Calc computes them with the add-in.

Usage: make_example.py BUILD/addin/oxt
"""
import os
import random
import sys

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "scripts"))
from office import Office, fill, store  # noqa: E402

DATA = os.path.join(HERE, "..", "tests", "data")  # copies of ../shared/data
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


def renewals_sheet():
    """Each saas-crm tenant's renewal as a deal: churned = lost, else won, closing on the churn
    date or the renewal date; its region and success manager. Column G (TOUCHESBEFORE) is
    filled in by dashboard()."""
    subs = pd.read_csv(os.path.join(DATA, "saas-crm", "subscriptions.csv"))
    tenants = pd.read_csv(os.path.join(DATA, "saas-crm", "tenants.csv"))
    subs = subs.merge(tenants[["tenant_id", "region", "csm_assigned"]], on="tenant_id")
    rows = [["Tenant", "Closed", "Outcome", "Started", "Region", "CSM", "Touches"]]
    for r in subs.itertuples():
        rows.append([r.tenant_id, serial(r.churn_date if r.churned else r.renewal_date),
                     "lost" if r.churned else "won", serial(r.contract_start_date), r.region,
                     r.csm_assigned, None])
    return rows


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


# Fans checked every quarter (page 5): eight tenants, eight fiscal quarters.
QUARTER_TENANTS = [f"ten_00{i}" for i in range(1, 9)]
QUARTER_ENDS = ["2023-06-30", "2023-09-30", "2023-12-31", "2024-03-31", "2024-06-30",
                "2024-09-30", "2024-12-31", "2025-03-31"]


def fan_logs():
    """What a team keeps to check its fans every quarter, generated (fixed seed), since
    saas-crm's activities cover only January to September 2024: a rating survey (1-5, now
    and then no answer: an empty cell, so that the latest answer stands), a trouble log and an issue log (opened, closed), and monthly
    invoices, April 2022 to March 2025, for QUARTER_TENANTS. Each tenant drifts its own
    way: some become fans, some drift away, the rest stay."""
    rng = random.Random(20250331)
    months = pd.period_range("2022-04", "2025-03", freq="M")
    ratings = [["Tenant", "Date", "Rating"]]
    troubles = [["Tenant", "Opened", "Closed"]]
    issues = [["Tenant", "Opened", "Closed"]]
    invoices = [["Date", "Tenant", "Amount"]]
    for k, tenant in enumerate(QUARTER_TENANTS):
        drift = (-1, 1, 0, 1, -1, 0, 1, -1)[k]  # away, fan, steady, ...
        for m, month in enumerate(months):
            t = m / len(months)
            day = lambda: serial(f"{month}-{rng.randint(1, 28):02d}")  # noqa: E731
            level = 3.2 + drift * 1.4 * t
            if m % 3 == 2 and m >= 12:  # a survey answer a quarter, from April 2023
                answer = min(5, max(1, round(level + rng.uniform(-0.8, 0.8))))
                ratings.append([tenant, day(), answer if rng.random() > 0.1 else None])  # no answer
            for log, rate in ((troubles, 0.25 - 0.15 * drift * t), (issues, 0.35 - 0.2 * drift * t)):
                if rng.random() < rate:
                    opened = day()
                    days_open = rng.randint(5, 60 if drift >= 0 else 200)
                    log.append([tenant, opened, opened + days_open
                                if opened + days_open < serial("2025-03-31") else None])
            base = 800 * (1 + 0.02 * drift) ** m
            invoices.append([day(), tenant, round(base * rng.uniform(0.85, 1.15), 2)])
    return ratings, troubles, issues, invoices


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
    name = f"{sheet.Name}_{name}"  # chart names are the document's, not the sheet's
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


# Every label of the dashboard, in English and in Japanese; the cells are the same.
LABELS = {
    "en": {
        "title": "Customer analytics dashboard",
        "period": "Deals: maven-crm, 2016-10 to 2017-12 (figures for 2017). Touches and tenants: "
                  "saas-crm. Ledger: generated, 2022-04 to 2025-03.",
        "offices": "Touchpoints and win rate per office, 2017",
        "office_heads": ["Office", "Touches per account", "Win rate", "Change H2 - H1", "Diagnosis",
                         "Accounts"],
        "touch_target": "Touch target", "win_target": "Win-rate target",
        "monthly": "Monthly trend, all offices",
        "monthly_heads": ["Month", "Touches per account", "Touches", "Month", "Win rate", "Decided"],
        "sales": "Sales by month (generated ledger, 3 tenants)",
        "sales_heads": ["Month", "Sales"],
        "stats": ["Growth per year (linear)", "Year over year", "p of the slope", "Mann-Kendall p"],
        "season_heads": ["Month", "Seasonal index"],
        "fans": "Fans: saas-crm tenants",
        "fan_heads": ["Tenant", "Rating 1-5", "Troubles", "Growth", "Open issues", "Fan score",
                      "Level", "Goal", "Gap", "Churned"],
        "all_tenants": "Touches per tenant, every tenant counted",
        "by_office": "Touches per account by office (TOUCHTRENDBY)",
        "win_by_office": "Win rate by office (WINRATETRENDBY)",
        "chart_trend": "Touches per account and win rate",
        "chart_sales": "Sales by month",
        "chart_season": "Seasonal index",
        "chart_fans": "Fan score",
        "chart_touches_office": "Touches per account by office",
        "chart_win_office": "Win rate by office",
        "month": "YYYY-MM",
        "lang": "", "language": "en",
        "target_from": ["touches per account of", "the office winning most"],
        "account_touches": "Account touches with its office, 2017",
        "renewals": "How many touches keep renewals high: saas-crm renewals (churned = lost)",
        "renewals_note": "Touches of each renewal: TOUCHESBEFORE over the activity log, up to the "
                         "renewal or churn date (sheet Renewals, column G). The curve shows "
                         "association, not cause.",
        "curve_heads": ["Touches from", "Renewals", "Renewed", "Renewal rate", "Wilson low",
                        "Wilson high", "Monotone", "Logistic", "Target rate"],
        "region_heads": ["Region", "Renewals", "Renewal rate", "Wilson low", "Touches per renewal",
                         "Touches per churn"],
        "targets": ["Renewal-rate target", "Touch target, monotone", "Touch target, safe (95%)",
                    "Touch target, logistic", "Touches of the best regions (top)"],
        "finding": "Here tenants with more activities churned more: the monotone curve reaches "
                   "the target at 0 touches and the logistic fit gives no target (#N/A).",
        "chart_curve": "Renewal rate by touches before the renewal",
        "targets_unit": "Touch targets here are touches per renewal (TOUCHESBEFORE), not per "
                        "account: compare them with touches per renewal only.",
        "stability": "Is the touch number stable? Touches per account by month, per office, 2017",
        "stability_note": ["Each office's centre line and natural process limits come from its "
                           "own first half of 2017 (TOUCHCONTROL, XmR, Baseline 6); the table "
                           "takes every month of 2017 (TOUCHSTABILITYBY).",
                           "A month outside the limits, or the 8th of a run on one side of the "
                           "centre, is a signal worth a look; anything inside is routine "
                           "variation."],
        "stability_heads": ["Office", "Months", "Mean", "Variation (CV)", "Lower limit",
                            "Upper limit", "Signals", "Last month"],
        "control_heads": ["Month", "Touches per account", "Centre", "Lower limit",
                          "Upper limit", "Signal"],
        "chart_control": "{}: touches per account, centre and limits",
        "quarters": "Fans checked every quarter: fan score per tenant at each fiscal quarter's end",
        "quarters_note": ["Logs generated with a fixed seed (sheets Ratings, Troubles, Issues, Invoices; "
                          "saas-crm's activities cover only January to September 2024).",
                          "Each row is one array formula: FANSCORE over LATESTVALUE (rating), OPENITEMS "
                          "(troubles, issues) and SALESTRENDBY (growth over 12 months) as of the quarter's end."],
        "quarter_end": "Quarter end",
        "change": "Change",
        "fell": "To act on: fell most in the last quarter (find the reason)",
        "rose": "Model cases: rose most in the last quarter",
        "act_heads": ["Rank", "Tenant", "Change", "Score", "Open issues", "Level"],
        "chart_quarters": "Fan score by quarter",
    },
    "ja": {
        "title": "顧客分析ダッシュボード",
        "period": "商談：maven-crm（2016年10月～2017年12月、数値は2017年）。接点・テナント：saas-crm。"
                  "売上台帳：生成データ（2022年4月～2025年3月）。",
        "offices": "部門別 顧客平均接点回数と受注率（2017年）",
        "office_heads": ["部門", "顧客平均接点回数", "受注率", "受注率の変化（下期－上期）", "診断", "顧客数"],
        "touch_target": "接点目標", "win_target": "受注率目標",
        "monthly": "月次推移（全部門）",
        "monthly_heads": ["月", "顧客平均接点回数", "接点数", "月", "受注率", "決着数"],
        "sales": "月次売上（生成した台帳、3テナント）",
        "sales_heads": ["月", "売上"],
        "stats": ["年成長率（線形）", "前年比", "傾きのp値", "Mann-Kendall p値"],
        "season_heads": ["月", "季節指数"],
        "fans": "ファン度：saas-crm のテナント",
        "fan_heads": ["テナント", "評価 1～5", "トラブル", "成長率", "未解決課題", "ファン度",
                      "段階", "目標", "差", "解約"],
        "all_tenants": "テナントあたり接点回数（全テナント）",
        "by_office": "部門別 顧客平均接点回数（TOUCHTRENDBY）",
        "win_by_office": "部門別 受注率（WINRATETRENDBY）",
        "chart_trend": "顧客平均接点回数と受注率",
        "chart_sales": "月次売上",
        "chart_season": "季節指数",
        "chart_fans": "ファン度",
        "chart_touches_office": "部門別 顧客平均接点回数",
        "chart_win_office": "部門別 受注率",
        "month": 'YYYY"年"M"月"',
        "lang": ';"ja"', "language": "ja",
        "target_from": ["受注率が最も高い部門の", "顧客平均接点回数"],
        "account_touches": "顧客の接点回数（2017年）",
        "renewals": "どれだけの接触があれば更新率を保てるか：saas-crm の更新（解約＝失注）",
        "renewals_note": "各更新の接点数：TOUCHESBEFORE で活動記録から更新日または解約日までを数えたもの"
                         "（Renewals シートの G 列）。曲線は関連を示すもので、因果ではありません。",
        "curve_heads": ["接点数（から）", "更新件数", "更新", "更新率", "Wilson 下限", "Wilson 上限",
                        "単調", "ロジスティック", "目標更新率"],
        "region_heads": ["地域", "更新件数", "更新率", "Wilson 下限", "更新1件の接点", "解約1件の接点"],
        "targets": ["目標更新率", "接点目標（単調）", "接点目標（安全・95%）", "接点目標（ロジスティック）",
                    "上位地域の接点数（上位）"],
        "finding": "このデータでは活動が多いテナントほど解約が多く、単調曲線は0回で目標に届き、"
                   "ロジスティックでは目標が出ません（#N/A）。",
        "chart_curve": "更新前の接点数と更新率",
        "targets_unit": "ここでの接点目標は更新1件あたりの接点数（TOUCHESBEFORE）で、顧客平均接点回数では"
                        "ありません。更新1件あたりの接点数とだけ比べてください。",
        "stability": "接点回数は安定しているか：部門別 月ごとの顧客平均接点回数（2017年）",
        "stability_note": ["各部門の中心線と自然変動限界は2017年上期の値から求めます（TOUCHCONTROL、XmR 管理図、"
                           "基準期間数6）。表は2017年の全月から求めます（TOUCHSTABILITYBY）。",
                           "限界の外の月、または中心線の同じ側に8か月続いた月はシグナルで、見る価値があります。"
                           "限界の内側はいつものばらつきです。"],
        "stability_heads": ["部門", "月数", "平均", "変動係数", "下方限界", "上方限界", "シグナル数",
                            "最新月"],
        "control_heads": ["月", "顧客平均接点回数", "中心線", "下方限界", "上方限界", "シグナル"],
        "chart_control": "{}：顧客平均接点回数と中心線・限界",
        "quarters": "ファン度の定期確認：四半期末ごとのテナント別ファン度",
        "quarters_note": ["記録は固定の乱数で生成したもの（Ratings・Troubles・Issues・Invoices シート。"
                          "saas-crm の活動記録は2024年1月～9月しかないため）。",
                          "各行は配列数式1つ：四半期末時点の LATESTVALUE（評価）、OPENITEMS（トラブル・課題）、"
                          "SALESTRENDBY（12か月の成長率）から FANSCORE を求めます。"],
        "quarter_end": "四半期末",
        "change": "直近の変化",
        "fell": "要対応：直近四半期に最も下がった顧客（理由を確認）",
        "rose": "モデルケース：直近四半期に最も上がった顧客",
        "act_heads": ["順位", "テナント", "変化", "ファン度", "未解決課題", "段階"],
        "chart_quarters": "四半期ごとのファン度",
    },
}
GOALS = {"en": ["partner", "grow", "distance"], "ja": ["長期", "拡大", "距離"]}
LAST_ROW = 235  # the dashboards' last printed row
QUARTERS_ROW = 208  # page 5: fans checked every quarter
OFFICES = ["Central", "East", "West"]
STABILITY_ROW = 152  # page 4: the stability of the touch number
BASELINE = 6  # its control charts judge each month against the first half of 2017


def heads(sheet, row, first_col, texts):
    for i, text in enumerate(texts):
        put(sheet, f"{chr(ord(first_col) + i)}{row}", text)


def dashboard(sheet, lang, counts, regions):
    n_deals, n_touches, n_tenants = counts["Deals"], counts["Touches"], counts["Tenants"]
    n_ledger, n_renewals = counts["Ledger"], counts["Renewals"]
    L = LABELS[lang]
    D = lambda col: f"$Deals.{col}2:{col}{n_deals}"  # noqa: E731
    T = lambda col: f"$Touches.{col}2:{col}{n_touches}"  # noqa: E731
    G = lambda col: f"$Ledger.{col}2:{col}{n_ledger}"  # noqa: E731
    tenants = f"$Tenants.A2:A{n_tenants}"

    put(sheet, "A1", L["title"])
    put(sheet, "A2", L["period"])
    put(sheet, "A3", L["offices"])
    heads(sheet, 4, "A", L["office_heads"])
    put(sheet, "H4", L["touch_target"])
    # The touch target is no typed number, and it is in the unit it is compared with
    # (docs/decisions.md, "Like with like"): the touches per account of the office that
    # already wins most, the article's own reading (すでに受注率が高い部門の顧客平均接点回数).
    put(sheet, "H5", "=INDEX(B5:B7;MATCH(MAX(C5:C7);C5:C7;0))")
    put(sheet, "H6", L["target_from"][0])
    put(sheet, "H7", L["target_from"][1])
    put(sheet, "I4", L["win_target"])
    put(sheet, "I5", 0.62)
    for i, office in enumerate(OFFICES):
        r = 5 + i
        # BY functions filled down the office list: the deal list is read once.
        y2017, h1, h2 = ('"2017-01-01";"2017-12-31"', '"2017-01-01";"2017-06-30"',
                         '"2017-07-01";"2017-12-31"')
        put(sheet, f"A{r}", office)
        put(sheet, f"B{r}", f'=AVGTOUCHPOINTSBY({D("A")};{D("E")};{D("B")};A{r};{y2017})')
        put(sheet, f"C{r}", f'=WINRATEBY({D("D")};{D("F")};{D("B")};A{r};{y2017})')
        put(sheet, f"D{r}", f'=WINRATEBY({D("D")};{D("F")};{D("B")};A{r};{h2})'
                            f'-WINRATEBY({D("D")};{D("F")};{D("B")};A{r};{h1})')
        put(sheet, f"E{r}", f"=TOUCHWINDIAG(B{r};C{r};$H$5;$I$5;D{r}{L['lang']})")
        put(sheet, f"F{r}", f'=DISTINCTCUSTOMERSBY({D("A")};{D("E")};{D("B")};A{r};{y2017})')

    put(sheet, "A10", L["monthly"])
    heads(sheet, 11, "A", L["monthly_heads"])
    array(sheet, "A12:C21", f'=TOUCHTREND({D("A")};{D("E")};"month";"2017-03-01";"2017-12-31")')
    array(sheet, "D12:F21", f'=WINRATETREND({D("D")};{D("F")};"month";"2017-03-01";"2017-12-31")')

    put(sheet, "A24", L["sales"])
    heads(sheet, 25, "A", L["sales_heads"])
    array(sheet, "A26:B61", f'=SALESBYPERIOD({G("A")};{G("D")};"month")')
    for i, (text, formula) in enumerate(zip(L["stats"], [
            f'=SALESTREND({G("A")};{G("D")};3)', f'=SALESTREND({G("A")};{G("D")};2;;"yoy")',
            f'=SALESTRENDSTAT({G("A")};{G("D")};"p";3)', f'=SALESTRENDSTAT({G("A")};{G("D")};"mk_p";3)'])):
        put(sheet, f"D{26 + i}", text)
        put(sheet, f"F{26 + i}", formula)
    heads(sheet, 31, "E", L["season_heads"])
    array(sheet, "E32:F43", f'=SEASONALINDEX({G("A")};{G("D")})')

    put(sheet, "A64", L["fans"])
    heads(sheet, 65, "A", L["fan_heads"])
    churn = pd.read_csv(os.path.join(DATA, "saas-crm", "subscriptions.csv")).set_index("tenant_id")["churn_date"]
    for i, tenant in enumerate(FAN_TENANTS):
        r = 66 + i
        put(sheet, f"A{r}", tenant)
        # How the customer rates us, from the share of positive activity outcomes.
        put(sheet, f"B{r}", f'=1+4*COUNTIFS({T("A")};A{r};{T("D")};"positive")/COUNTIFS({T("A")};A{r})')
        put(sheet, f"C{r}", f'=COUNTIFS({T("A")};A{r};{T("D")};"negative")')
        # Filled down the tenants: every tenant over one window ending with the ledger's
        # last date, so that the months after a churn count as zero sales.
        put(sheet, f"D{r}", f'=SALESTRENDBY({G("A")};{G("D")};{G("B")};A{r})')
        put(sheet, f"E{r}", f'=COUNTIFS({T("A")};A{r};{T("D")};"no_response")')
        put(sheet, f"F{r}", f"=FANSCORE(B{r};C{r};D{r};E{r})")
        put(sheet, f"G{r}", f"=FANLEVEL(F{r}{L['lang']})")
        put(sheet, f"H{r}", GOALS[lang][i])
        put(sheet, f"I{r}", f"=FANGAP(F{r};H{r})")
        put(sheet, f"J{r}", churn[tenant] if isinstance(churn[tenant], str) else "-")
    put(sheet, "A70", L["all_tenants"])
    put(sheet, "F70", f"=AVGTOUCHPOINTS({T('A')};;;;{tenants})")

    put(sheet, "A72", L["by_office"])
    put(sheet, "F72", L["win_by_office"])
    # Key lists, where groups can grow (docs/decisions.md): a column per office typed as the
    # matrices' heads, the months from the series beside them.
    year = '"month";"2017-03-01";"2017-12-31"'
    for heads_at, first_col, months, matrix in (
            ("B73", "B", f'=INDEX(TOUCHTREND({D("A")};{D("E")};{year});0;1)',
             f'=TOUCHTRENDBY({D("A")};{D("E")};{D("B")};"month";$B$73:$D$73;"2017-03-01";"2017-12-31")'),
            ("G73", "G", f'=INDEX(WINRATETREND({D("D")};{D("F")};{year});0;1)',
             f'=WINRATETRENDBY({D("D")};{D("F")};{D("B")};"month";$G$73:$I$73;"2017-03-01";"2017-12-31")')):
        for i, office in enumerate(OFFICES):
            put(sheet, f"{chr(ord(first_col) + i)}73", office)
        array(sheet, f"{chr(ord(first_col) - 1)}74:{chr(ord(first_col) - 1)}83", months)
        array(sheet, f"{first_col}74:{chr(ord(first_col) + len(OFFICES) - 1)}83", matrix)

    curve_end = renewals_section(sheet, L, n_renewals, regions)
    control_rows = stability_section(sheet, L, D)
    quarters = quarters_section(sheet, L, counts)

    formats(sheet, L)
    sheet.getRows().getByIndex(curve_end + 1).Height = 1000  # the regions' heads: two lines
    # Charts after the column widths are set, beside or below their tables.
    chart(sheet, "trend", "K3", (15000, 8500), ["A11:B21", "E11:E21"], secondary=1,
          title=L["chart_trend"])
    chart(sheet, "sales", "H24", (14000, 8000), ["A25:B61"], title=L["chart_sales"],
          trend_line=True)
    chart(sheet, "season", "H45", (11000, 6500), ["E31:F43"],
          kind="com.sun.star.chart.BarDiagram", title=L["chart_season"])
    chart(sheet, "fans", "L64", (10000, 6500), ["A65:A68", "F65:F68"],
          kind="com.sun.star.chart.BarDiagram", title=L["chart_fans"])
    chart(sheet, "touches_by_office", "A86", (14500, 8500), ["A73:D83"],
          title=L["chart_touches_office"], legend=True)
    chart(sheet, "winrate_by_office", "G86", (14500, 8500), ["F73:I83"],
          title=L["chart_win_office"], legend=True)
    chart(sheet, "touch_win_curve", "K115", (15500, 9000), [f"A115:A{curve_end}", f"D115:I{curve_end}"],
          title=L["chart_curve"], legend=True)
    chart(sheet, "fans_by_quarter", f"K{quarters[0]}", (15000, 8000),
          [f"A{quarters[0]}:E{quarters[1]}"], title=L["chart_quarters"], legend=True)
    for office, (head, last) in zip(OFFICES, control_rows):
        chart(sheet, f"control_{office}", f"H{head}", (19500, 5600), [f"A{head}:E{last}"],
              title=L["chart_control"].format(office), legend=True)


def stability_section(sheet, L, D):
    """Page 4: the offices' stability side by side (TOUCHSTABILITYBY) and each office's
    control chart (TOUCHCONTROL), its signals in the column beside. Returns each chart's
    head and last rows."""
    top = STABILITY_ROW
    put(sheet, f"A{top}", L["stability"])
    for i, line in enumerate(L["stability_note"]):
        put(sheet, f"A{top + 1 + i}", line)
    heads(sheet, top + 3, "A", L["stability_heads"])
    year = '"month";"2017-01-01";"2017-12-31"'
    keys = f"$A${top + 4}:$A${top + 3 + len(OFFICES)}"
    for i, office in enumerate(OFFICES):
        put(sheet, f"A{top + 4 + i}", office)
    array(sheet, f"B{top + 4}:H{top + 3 + len(OFFICES)}",
          f'=TOUCHSTABILITYBY({D("A")};{D("E")};{D("B")};{keys};{year};"{L["language"]}")')
    rows = []
    head = top + 6 + len(OFFICES)
    for office in OFFICES:
        put(sheet, f"A{head - 1}", office)
        heads(sheet, head, "A", L["control_heads"])
        array(sheet, f"A{head + 1}:F{head + 12}",
              f'=TOUCHCONTROL({D("A")};{D("E")};"month";{BASELINE};"2017-01-01";"2017-12-31";;'
              f'"{L["language"]}";{D("B")};"{office}")')
        rows.append((head, head + 12))
        head += 15
    return rows


def quarters_section(sheet, L, counts):
    """Page 5: every tenant's fan score at each quarter's end, one array formula per quarter
    over the logs a team keeps, a chart of four tenants, and whom to act on: the scores that
    fell most in the last quarter (with their open issues) and the model cases that rose most."""
    log = lambda name, col: f"${name}.{col}2:{col}{counts[name]}"  # noqa: E731
    top = QUARTERS_ROW
    put(sheet, f"A{top}", L["quarters"])
    for i, line in enumerate(L["quarters_note"]):
        put(sheet, f"A{top + 1 + i}", line)
    head, first = top + 3, top + 4
    last, change = first + len(QUARTER_ENDS) - 1, first + len(QUARTER_ENDS)
    cols = [chr(ord("B") + i) for i in range(len(QUARTER_TENANTS))]
    keys = f"${cols[0]}${head}:${cols[-1]}${head}"
    put(sheet, f"A{head}", L["quarter_end"])
    for col, tenant in zip(cols, QUARTER_TENANTS):
        put(sheet, f"{col}{head}", tenant)
    for r, end in enumerate(QUARTER_ENDS, start=first):
        # A text date: AsOf reads it, and the chart shows it as it is written.
        put(sheet, f"A{r}", end if not L["lang"] else end.replace("-", "/"))
        array(sheet, f"{cols[0]}{r}:{cols[-1]}{r}",
              f"=FANSCORE(LATESTVALUE({log('Ratings', 'A')};{log('Ratings', 'B')};{log('Ratings', 'C')};$A{r};{keys});"
              f"OPENITEMS({log('Troubles', 'A')};{log('Troubles', 'B')};{log('Troubles', 'C')};$A{r};{keys});"
              f"SALESTRENDBY({log('Invoices', 'A')};{log('Invoices', 'C')};{log('Invoices', 'B')};{keys};1;$A{r});"
              f"OPENITEMS({log('Issues', 'A')};{log('Issues', 'B')};{log('Issues', 'C')};$A{r};{keys}))")
    put(sheet, f"A{change}", L["change"])
    for col in cols:
        put(sheet, f"{col}{change}", f"={col}{last}-{col}{last - 1}")
    tenants, changes = f"${cols[0]}${head}:${cols[-1]}${head}", f"${cols[0]}${change}:${cols[-1]}${change}"
    scores = f"${cols[0]}${last}:${cols[-1]}${last}"
    # Built-ins only (Calc 7.4 has no SORT): the k-th smallest fall or largest rise, then
    # whose it is; only falls below 0 and rises above it are listed.
    for title_row, (title, pick, side) in zip(
            (change + 2, change + 7), ((L["fell"], "SMALL", "<0"), (L["rose"], "LARGE", ">0"))):
        put(sheet, f"A{title_row}", title)
        heads(sheet, title_row + 1, "A", L["act_heads"])
        for k in range(1, 4):
            r = title_row + 1 + k
            put(sheet, f"A{r}", float(k))
            put(sheet, f"C{r}", f'=IFERROR(IF({pick}({changes};{k}){side};{pick}({changes};{k});"");"")')
            put(sheet, f"B{r}", f'=IF(C{r}="";"";INDEX({tenants};MATCH(C{r};{changes};0)))')
            put(sheet, f"D{r}", f'=IF(B{r}="";"";INDEX({scores};MATCH(B{r};{tenants};0)))')
            put(sheet, f"E{r}", f'=IF(B{r}="";"";OPENITEMS({log("Issues", "A")};{log("Issues", "B")};'
                                f'{log("Issues", "C")};$A${last};B{r}))')
            put(sheet, f"F{r}", f'=IF(D{r}="";"";FANLEVEL(D{r}{L["lang"]}))')
    return head, last


def quarters_formats(sheet, L):
    """Page 5: quarter ends as dates, scores to one place, the act-on lists' heads."""
    top = QUARTERS_ROW
    first, last = top + 4, top + 3 + len(QUARTER_ENDS)
    sheet.getCellRangeByName(f"B{first}:I{last + 1}").NumberFormat = format_key("0.0")
    header_row(sheet, f"A{top + 3}:I{top + 3}")
    for title_row in (last + 3, last + 8):
        bold(sheet.getCellRangeByName(f"A{title_row}"))
        header_row(sheet, f"A{title_row + 1}:F{title_row + 1}")
        sheet.getCellRangeByName(f"C{title_row + 2}:D{title_row + 4}").NumberFormat = format_key("0.0")
        sheet.getCellRangeByName(f"A{title_row + 2}:A{title_row + 4}").NumberFormat = format_key("0")
        sheet.getCellRangeByName(f"A{title_row + 2}:A{title_row + 4}").HoriJustify = 1  # left
        sheet.getCellRangeByName(f"F{title_row + 2}:F{title_row + 4}").ParaIndent = 200


def stability_formats(sheet, L):
    """Page 4: months, touches per account to two places, the variation as a percentage,
    the signals bold apart from their numbers."""
    top = STABILITY_ROW
    first = top + 4
    last = first + len(OFFICES) - 1
    for ref, code in [(f"C{first}:C{last}", "0.00"), (f"D{first}:D{last}", "0.0%"),
                      (f"E{first}:F{last}", "0.00"), (f"B{first}:B{last}", "0"),
                      (f"G{first}:G{last}", "0")]:
        sheet.getCellRangeByName(ref).NumberFormat = format_key(code)
    header_row(sheet, f"A{top + 3}:H{top + 3}")
    sheet.getRows().getByIndex(top + 2).Height = 1000
    head = top + 6 + len(OFFICES)
    for _ in OFFICES:
        sheet.getCellRangeByName(f"A{head + 1}:A{head + 12}").NumberFormat = format_key(L["month"])
        sheet.getCellRangeByName(f"B{head + 1}:E{head + 12}").NumberFormat = format_key("0.00")
        header_row(sheet, f"A{head}:F{head}")
        sheet.getRows().getByIndex(head - 1).Height = 1000
        bold(sheet.getCellRangeByName(f"A{head - 1}"))
        signals = sheet.getCellRangeByName(f"F{head + 1}:F{head + 12}")
        bold(signals)
        signals.ParaIndent = 200
        head += 15


def renewals_section(sheet, L, n, regions):
    """Page 3: the touch-to-win curve of the saas-crm renewals, the regions side by side and
    the touch targets. Returns the curve's last row."""
    R = lambda col: f"$Renewals.{col}2:{col}{n}"  # noqa: E731
    put(sheet, "A112", L["renewals"])
    put(sheet, "A113", L["renewals_note"])
    heads(sheet, 115, "A", L["curve_heads"])
    # The curve's size (its default buckets) is the data's: ask Calc for it first.
    curve = f'=TOUCHWINCURVE({R("G")};{R("C")})'
    put(sheet, "A116", f"=ROWS({curve[1:]})")
    XDOC.calculateAll()
    buckets = int(sheet.getCellRangeByName("A116").getValue())
    end = 115 + buckets
    array(sheet, f"A116:H{end}", curve)
    region_row = end + 2
    heads(sheet, region_row, "A", L["region_heads"])
    for i, region in enumerate(regions):
        put(sheet, f"A{region_row + 1 + i}", region)
    array(sheet, f"B{region_row + 1}:F{region_row + len(regions)}",
          f'=TOUCHWINBY({R("G")};{R("C")};{R("E")};$A${region_row + 1}:$A${region_row + len(regions)})')
    t = region_row + len(regions) + 2  # the targets
    for i, text in enumerate(L["targets"]):
        put(sheet, f"A{t + i}", text)
    put(sheet, f"D{t}", 0.8)
    for i, method in enumerate(("monotone", "safe", "logistic")):
        put(sheet, f"D{t + 1 + i}", f'=TOUCHTARGET({R("G")};{R("C")};$D${t};"{method}")')
    put(sheet, f"D{t + 4}", f'=TOUCHTARGET({R("G")};{R("C")};;"top";{R("E")})')
    put(sheet, f"A{t + 6}", L["finding"])
    put(sheet, f"A{t + 7}", L["targets_unit"])
    for r in range(116, end + 1):
        put(sheet, f"I{r}", f"=$D${t}")  # the target rate, drawn as a line
    header_row(sheet, f"A{region_row}:F{region_row}")
    for ref, code in [(f"D116:I{end}", "0.0%"), (f"C{region_row + 1}:D{region_row + len(regions)}", "0.0%"),
                      (f"E{region_row + 1}:F{region_row + len(regions)}", "0.0"), (f"D{t}", "0%"),
                      (f"D{t + 4}", "0.0")]:
        sheet.getCellRangeByName(ref).NumberFormat = format_key(code)
    return end


def format_key(code):
    """The workbook's number format of `code`, added when new."""
    from com.sun.star.lang import Locale
    doc_formats, locale = XDOC.getNumberFormats(), Locale("en", "US", "")
    k = doc_formats.queryKey(code, locale, False)
    return k if k != -1 else doc_formats.addNew(code, locale)


def bold(cells, size=None):
    for weight in ("CharWeight", "CharWeightAsian"):
        setattr(cells, weight, 150.0)
    if size:
        cells.CharHeight = cells.CharHeightAsian = size


def header_row(sheet, ref):
    """Column heads over two lines."""
    header = sheet.getCellRangeByName(ref)
    header.IsTextWrapped = True
    header.VertJustify = 1  # top
    bold(header)


def formats(sheet, L):
    """Dates as months, rates as percentages, readable headers, one landscape page wide."""
    key = format_key
    month = L["month"]
    for ref, code in [("A12:A21", month), ("D12:D21", month), ("A26:A61", month),
                      ("C5:D7", "0.0%"), ("E12:E21", "0.0%"), ("B5:B7", "0.00"),
                      ("B12:B21", "0.00"), ("B26:B61", "#,##0"), ("C12:C21", "0"),
                      ("F12:F21", "0"), ("F5:F7", "0"), ("I5", "0%"), ("H5", "0.0"), ("F26:F27", "0.0%"),
                      ("F28:F29", "0.0000"), ("F32:F43", "0.000"), ("B66:F68", "0.00"),
                      ("D66:D68", "0.0%"), ("I66:I68", "0.0"), ("F70", "0.00"),
                      ("A74:A83", month), ("B74:D83", "0.00"), ("F74:F83", month),
                      ("G74:I83", "0.0%")]:
        sheet.getCellRangeByName(ref).NumberFormat = key(code)
    for ref in ("A4:I4", "A11:F11", "A25:B25", "A65:J65", "A115:I115"):
        header_row(sheet, ref)
    # One row height in both languages (a Japanese font is taller), so that both
    # dashboards break into the same three pages.
    rows = sheet.getRows()
    for row in range(LAST_ROW):
        rows.getByIndex(row).Height = 430
    rows.getByIndex(0).Height = 750
    for row in (4, 11, 25, 65, 115):
        rows.getByIndex(row - 1).Height = 1000
    for ref in ("H6", "H7"):  # where the touch target comes from, small under it
        sheet.getCellRangeByName(ref).CharHeight = sheet.getCellRangeByName(ref).CharHeightAsian = 8.0
    bold(sheet.getCellRangeByName("E31:F31"))  # inside the sales list: one line
    for ref in ("E4:E7", "J65:J68"):  # text apart from the number on its left
        sheet.getCellRangeByName(ref).ParaIndent = 200
    bold(sheet.getCellRangeByName("A1"), 16.0)
    for ref in ("A3", "A10", "A24", "A64", "A72", "F72", "A112", f"A{STABILITY_ROW}",
                f"A{QUARTERS_ROW}"):
        bold(sheet.getCellRangeByName(ref))
    quarters_formats(sheet, L)
    stability_formats(sheet, L)
    widths = [2700, 2500, 2300, 2700, 3600, 2300, 2300, 2300, 2300, 2300]
    for col, width in enumerate(widths):
        sheet.getColumns().getByIndex(col).Width = width
    style = XDOC.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
    style.IsLandscape, style.Width, style.Height = True, 29700, 21000
    style.ScaleToPagesX, style.ScaleToPagesY = 1, 0  # as wide as a page, two pages high
    sheet.getRows().getByIndex(62).IsStartOfNewPage = True  # the fans on page 2
    sheet.getRows().getByIndex(110).IsStartOfNewPage = True  # touches and renewals on page 3
    sheet.getRows().getByIndex(STABILITY_ROW - 2).IsStartOfNewPage = True  # stability: page 4
    sheet.getRows().getByIndex(QUARTERS_ROW - 2).IsStartOfNewPage = True  # fans by quarter: page 5
    sheet.setPrintAreas((sheet.getCellRangeByName(f"A1:T{LAST_ROW}").getRangeAddress(),))


def main():
    addin_dir = sys.argv[1] if len(sys.argv) > 1 else None
    with Office(addin_dir, installed=addin_dir is None) as office:
        global office_service
        office_service = office.service
        doc = office.new_sheet()
        sheets = doc.Sheets
        counts = {}
        ratings, troubles, issues, invoices = fan_logs()
        for i, (name, rows) in enumerate([("Deals", deals_sheet()), ("Touches", touches_sheet()),
                                           ("Tenants", tenants_sheet()), ("Ledger", ledger_sheet()),
                                           ("Renewals", renewals_sheet()), ("Ratings", ratings),
                                           ("Troubles", troubles), ("Issues", issues),
                                           ("Invoices", invoices)]):
            sheets.insertNewByName(name, i + 1)
            counts[name] = fill(sheets.getByName(name), rows)
        # Beside the deals, each account's touches in 2017 (the per-account table in one
        # formula); beside the renewals, the touches that led to each (TOUCHESBEFORE).
        n, t, m = counts["Deals"], counts["Touches"], counts["Renewals"]
        deals, renewals = sheets.getByName("Deals"), sheets.getByName("Renewals")
        # The account's touches with the deal's office, as the dashboard counts them (each
        # account within one office): per "account|office", one customer per group.
        put(deals, "H1", "Account|Office")
        array(deals, f"H2:H{n}", f'=IF($Deals.A2:A{n}="";"";$Deals.A2:A{n}&"|"&$Deals.B2:B{n})')
        put(deals, "I1", LABELS["en"]["account_touches"])
        array(deals, f"I2:I{n}", f'=IFERROR(AVGTOUCHPOINTSBY($Deals.A2:A{n};$Deals.E2:E{n};$Deals.H2:H{n};'
                                 f'$Deals.H2:H{n};"2017-01-01";"2017-12-31");"")')
        array(renewals, f"G2:G{m}", f"=TOUCHESBEFORE($Touches.A2:A{t};$Touches.B2:B{t};"
                                    f"$Renewals.A2:A{m};$Renewals.B2:B{m})")
        regions = sorted(pd.read_csv(os.path.join(DATA, "saas-crm", "tenants.csv"))["region"].unique())
        sheets.getByIndex(0).setName("Dashboard")
        sheets.insertNewByName("ダッシュボード", 1)
        global XDOC
        XDOC = doc
        for name, lang in (("Dashboard", "en"), ("ダッシュボード", "ja")):
            sheet = sheets.getByName(name)
            # A page style of its own per sheet, so that each prints as its own page.
            styles = doc.StyleFamilies.getByName("PageStyles")
            if not styles.hasByName(name):
                styles.insertByName(name, doc.createInstance("com.sun.star.style.PageStyle"))
            sheet.PageStyle = name
            dashboard(sheet, lang, counts, regions)
        doc.calculateAll()
        store(doc, OUT, "calc8")
        doc.close(True)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
