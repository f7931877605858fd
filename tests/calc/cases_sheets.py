"""Calc test cases for sheets as they are: whole columns over a title row, full- and
half-width text, Japanese era dates, the extra outcome words; and a messy Japanese export
of tests/data/maven-crm that must give exactly what the clean data gives (pandas)."""
import os
import random

import pandas as pd

from common import DATA, ERR, NA, serial

q = chr(34)

# A log with a title row: customer, date, dept, outcome, amount. Rows 2..13.
TITLED = [
    ["Customer", "Date", "Dept", "Outcome", "Amount"],
    ["C1", serial("2023-04-03"), "East", "won", 100.0],
    ["C2", serial("2023-05-10"), "West", "lost", 80.0],
    ["C1", serial("2023-07-01"), "East", "受注", 120.0],
    ["C3", serial("2023-09-15"), "East", "open", 90.0],
    ["C2", serial("2023-11-20"), "West", "won", 60.0],
    ["C4", serial("2024-01-08"), "West", "失注", 150.0],
    ["C1", serial("2024-02-14"), "East", "won", 130.0],
    ["C3", serial("2024-04-01"), "East", "lost", 70.0],
    ["C5", serial("2024-06-30"), "West", "won", 160.0],
    ["C2", serial("2024-08-08"), "East", "won", 110.0],
    ["C1", serial("2024-10-10"), "West", "lost", 95.0],
    ["C4", serial("2025-01-20"), "East", "won", 140.0],
]


def whole_and_exact(formula, array=False):
    """The formula over whole columns of sheet Titled and over its rows 2..13."""
    whole = formula.format(**{c: f"$Titled.{c}:{c}" for c in "ABCDE"})
    exact = formula.format(**{c: f"$Titled.{c}2:{c}13" for c in "ABCDE"})
    if array:  # the same shape and numbers (Calc's = tells no two texts of an add-in array equal)
        num = "IFERROR(({})*1;0)"
        return (f"=SUMPRODUCT(ABS({num.format(whole)}-{num.format(exact)}))"
                f"+ABS(ROWS({whole})-ROWS({exact}))+ABS(COLUMNS({whole})-COLUMNS({exact}))")
    return f"=({whole})-({exact})"


def sheets():
    same = [
        ("AVGTOUCHPOINTS", "AVGTOUCHPOINTS({A};{B})", False),
        ("AVGTOUCHPOINTS with a window", 'AVGTOUCHPOINTS({A};{B};"2023-06-01";"2024-06-30")', False),
        ("DISTINCTCUSTOMERS with dates", "DISTINCTCUSTOMERS({A};{B})", False),
        ("TOUCHTREND", 'TOUCHTREND({A};{B};"quarter")', True),
        ("WINRATE with dates", "WINRATE({D};{B})", False),
        ("WINRATE with a filter", 'WINRATE({D};{B};;;{C};"East")', False),
        ("WINRATETREND", 'WINRATETREND({D};{B};"fy")', True),
        ("SALESBYPERIOD", "SALESBYPERIOD({B};{E})", True),
        ("SALESTREND", "SALESTREND({B};{E})", False),
        ("SALESTRENDSTAT", 'SALESTRENDSTAT({B};{E};"n")', False),
        ("AVGTOUCHPOINTSBY, a key", 'AVGTOUCHPOINTSBY({A};{B};{C};"East")', False),
        ("AVGTOUCHPOINTSBY, the table", "AVGTOUCHPOINTSBY({A};{B};{C})", True),
        ("DISTINCTCUSTOMERSBY", 'DISTINCTCUSTOMERSBY({A};{B};{C};"West")', False),
        ("WINRATEBY", "WINRATEBY({D};{B};{C})", True),
        ("SALESTRENDBY", 'SALESTRENDBY({B};{E};{C};"East")', False),
        ("TOUCHTRENDBY", 'TOUCHTRENDBY({A};{B};{C};"year")', True),
        ("WINRATETRENDBY", 'WINRATETRENDBY({D};{B};{C};"fy")', True),
        ("SALESBYPERIODBY", 'SALESBYPERIODBY({B};{E};{C};"quarter")', True),
    ]
    cases = []
    for title, f, array in same:
        cases.append((f"title row skipped, whole columns = rows 2..13: {title}",
                      whole_and_exact(f, array), 0.0))
    cases += [
        ("the values themselves: 12 touches / 5 customers", "=AVGTOUCHPOINTS($Titled.A:A;$Titled.B:B)", 12 / 5),
        ("won 7 of 11 decided", "=WINRATE($Titled.D:D;$Titled.B:B)", 7 / 11),
        ("every amount below the title, by year",
         "=SUMPRODUCT(SALESBYPERIOD($Titled.B:B;$Titled.E:E;\"year\")*(COLUMN($A$1:$B$1)=2))", 1305.0),
        ("key columns alone: the title counts as a customer, as documented",
         "=DISTINCTCUSTOMERS($Titled.A:A)", 6.0),
        ("... rows 2..13: 5 customers", "=DISTINCTCUSTOMERS($Titled.A2:A13)", 5.0),
        ("a title and nothing below: #N/A", "=AVGTOUCHPOINTS($Titled.A1:A1;$Titled.B1:B1)", NA),
        ("... 0 customers", "=DISTINCTCUSTOMERS($Titled.A1:A1;$Titled.B1:B1)", 0.0),
        ("a real date in the first row is data", "=DISTINCTCUSTOMERS($Titled.A2:A13;$Titled.B2:B13)", 5.0),
        ("names as dates: Err:502 below the title too", "=DISTINCTCUSTOMERS($Titled.A1:A13;$Titled.C1:C13)", ERR),
    ]

    # Full- and half-width: one customer however it is typed.
    wide = [
        ["顧客", "日付", "部署", "結果", "金額"],
        ["ＡＢＣ商事", "２０２４／４／１", "営業", "受注", 100.0],
        ["ABC商事", "2024/4/15", "営業　", "失注", 50.0],
        ["abc商事　", "令和6年5月1日", "ｴｲｷﾞｮｳ", "受注済み", 70.0],
        ["ｶﾌﾞｼｷ", "R6.5.20", "エイギョウ", "見送り", 30.0],
        ["カブシキ", "Ｒ６．６．１", "営業", "ＷＯＮ", 40.0],
        ["Ｃ００１", "R06.06.15", "サポート", "辞退", 20.0],
        ["c001", "令和6年7月1日", "ｻﾎﾟｰﾄ", "成約済", 10.0],
    ]
    W = {c: f"$Wide.{c}2:{c}8" for c in "ABCDE"}
    cases += [
        ("full-, half-width and case: 3 customers", f"=DISTINCTCUSTOMERS({W['A']})", 3.0),
        ("with their text dates in every form", f"=DISTINCTCUSTOMERS({W['A']};{W['B']})", 3.0),
        ("AVGTOUCHPOINTS: 7 touches / 3", f"=AVGTOUCHPOINTS({W['A']};{W['B']})", 7 / 3),
        ("a customer list typed otherwise", f'=AVGTOUCHPOINTS({W["A"]};;;;{{"abc商事"|"ｶﾌﾞｼｷ"}})', 2.5),
        ("a filter value in full width", f'=AVGTOUCHPOINTS({W["A"]};;;;;{W["C"]};"ｻﾎﾟｰﾄ")', 2.0),
        ("half-width katakana dept = full-width", f'=DISTINCTCUSTOMERS({W["A"]};;;;{W["C"]};"エイギョウ")', 2.0),
        ("TOUCHTREND: April touches", f"=INDEX(TOUCHTREND({W['A']};{W['B']});1;3)", 2.0),
        ("the new outcome words: won 4 of 7", f"=WINRATE({W['D']})", 4 / 7),
        ("WINRATEBY with a key in other widths: 受注済み, 見送り", f'=WINRATEBY({W["D"]};;{W["C"]};"ｴｲｷﾞｮｳ")', 0.5),
        ("DISTINCTCUSTOMERSBY per customer key", f'=DISTINCTCUSTOMERSBY({W["A"]};;{W["A"]};"ＡＢＣ商事")', 1.0),
        ("AVGTOUCHPOINTSBY: 3 departments typed 7 ways",
         f"=ROWS(AVGTOUCHPOINTSBY({W['A']};{W['B']};{W['C']}))", 3.0),
        ("SALESBYPERIODBY: a full-width key", f'=SUM(SALESBYPERIODBY({W["B"]};{W["E"]};{W["A"]};;"ａｂｃ商事"))', 220.0),
        ("a full-width period code", f'=ROWS(SALESBYPERIOD({W["B"]};{W["E"]};"ＱＵＡＲＴＥＲ"))', 2.0),
        # The same customer typed otherwise as the filter value of every function with filters.
        ("TOUCHTREND: a full-width customer list", f'=INDEX(TOUCHTREND({W["A"]};{W["B"]};;;;{{"ＡＢＣ商事"}});1;2)', 2.0),
        ("TOUCHTREND: a full-width filter, June", f'=INDEX(TOUCHTREND({W["A"]};{W["B"]};;;;;{W["A"]};"ｃ００１");1;3)', 1.0),
        ("WINRATE: a full-width filter", f'=WINRATE({W["D"]};;;;{W["A"]};"ＡＢＣ商事")', 2 / 3),
        ("WINRATETREND: a half-width filter", f'=INDEX(WINRATETREND({W["D"]};{W["B"]};"year";;;{W["A"]};"ｶﾌﾞｼｷ");1;2)', 0.5),
        ("SALESBYPERIOD: a full-width filter", f'=SUM(INDEX(SALESBYPERIOD({W["B"]};{W["E"]};;;;{W["A"]};"ＡＢＣ商事");0;2))', 220.0),
        ("SALESTRENDSTAT: a full-width filter, Apr..Jul", f'=SALESTRENDSTAT({W["B"]};{W["E"]};"n";1;"R6.7.31";{W["A"]};"ａｂｃ商事")', 4.0),
        ("SALESTREND: one month is too little", f'=SALESTREND({W["B"]};{W["E"]};;;;{W["A"]};"ＡＢＣ商事")', NA),
        ("TOUCHTRENDBY: a half-width key, May", f'=INDEX(TOUCHTRENDBY({W["A"]};{W["B"]};{W["C"]};;"ｴｲｷﾞｮｳ");1;1)', 1.0),
        ("WINRATETRENDBY: keys in other widths", f'=INDEX(WINRATETRENDBY({W["D"]};{W["B"]};{W["A"]};"year";{{"ＡＢＣ商事";"カブシキ"}});1;2)', 0.5),
        ("SALESTRENDBY: a full-width key", f'=SALESTRENDBY({W["B"]};{W["E"]};{W["A"]};"ＡＢＣ商事";1;"R6.7.31")', 12 * -52 / 55),
    ]

    # Era dates as data, as Start, End and AsOf; out-of-era dates rejected.
    era = [
        ["Customer", "Date"],
        ["A", "明治45年7月29日"], ["B", "大正元年7月30日"], ["C", "T15.12.24"],
        ["D", "昭和元年12月25日"], ["E", "S64.1.7"], ["F", "平成元年1月8日"], ["G", "ｈ31.4.30"],
        ["H", "令和元年5月1日"], ["I", "R06.04.01"], ["J", "r6/4/2"],
    ]
    E = {"A": "$Era.A2:A11", "B": "$Era.B2:B11"}
    # Each out-of-era date below a valid one (a first row that is not a date is a title).
    bad = [["ok", "R6.4.1"], ["x", "令和1年4月30日"], ["ok", "R6.4.1"], ["y", "H31.5.1"],
           ["ok", "R6.4.1"], ["z", "S64.1.8"], ["ok", "R6.4.1"], ["w", "大正元年7月29日"]]
    cases += [
        ("every era, 元年 and initials in both widths are dates", f"=DISTINCTCUSTOMERS({E['A']};{E['B']})", 10.0),
        ("the first day of each era", f'=DISTINCTCUSTOMERS({E["A"]};{E["B"]};"大正元年7月30日";"大正元年7月30日")', 1.0),
        ("Heisei's first and last day as a window", f'=DISTINCTCUSTOMERS({E["A"]};{E["B"]};"平成元年1月8日";"H31.4.30")', 2.0),
        ("Reiwa as Start", f'=DISTINCTCUSTOMERS({E["A"]};{E["B"]};"令和元年5月1日")', 3.0),
        ("Showa's last day as End", f'=DISTINCTCUSTOMERS({E["A"]};{E["B"]};;"S64.1.7")', 5.0),
        ("the same day as a serial", f'=DISTINCTCUSTOMERS({E["A"]};{E["B"]};;DATE(1989;1;7))', 5.0),
        ("AsOf in the era", f'=SALESTRENDSTAT({W["B"]};{W["E"]};"n";1;"R6.7.31")', 4.0),
        ("令和1年4月30日 is before Reiwa", "=DISTINCTCUSTOMERS($Era.D2:D3;$Era.E2:E3)", ERR),
        ("H31.5.1 is after Heisei", "=DISTINCTCUSTOMERS($Era.D4:D5;$Era.E4:E5)", ERR),
        ("S64.1.8 is after Showa", "=DISTINCTCUSTOMERS($Era.D6:D7;$Era.E6:E7)", ERR),
        ("大正元年7月29日 is before Taisho", "=DISTINCTCUSTOMERS($Era.D8:D9;$Era.E8:E9)", ERR),
        ("... and the valid rows alone are fine", "=DISTINCTCUSTOMERS($Era.D2:D2;$Era.E2:E2)", 1.0),
        ("an out-of-era Start", f'=DISTINCTCUSTOMERS({E["A"]};{E["B"]};"H31.5.1")', ERR),
        ("an out-of-era AsOf", f'=SALESTREND({W["B"]};{W["E"]};1;"令和1年4月1日")', ERR),
    ]
    for row, (c, d) in enumerate(bad):
        era[row + 1] = era[row + 1] + [None, c, d]
    # SEASONALINDEX needs 24 months: a ledger of 30 with a title row.
    ledger = [["日付", "金額"]] + [[serial(f"{2022 + (m + 3) // 12}-{(m + 3) % 12 + 1:02d}-15"),
                                   100.0 + 10 * (m % 12) + m] for m in range(30)]
    cases.append(("title row skipped, whole columns = rows 2..31: SEASONALINDEX",
                  "=SEASONALINDEX($Ledger.A:A;$Ledger.B:B;12)-SEASONALINDEX($Ledger.A2:A31;$Ledger.B2:B31;12)", 0.0))
    return {"sheets": {"Titled": TITLED, "Wide": wide, "Era": era, "Ledger": ledger}, "cases": cases}


WIDE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ",
                     "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ０１２３４５６７８９　")


def japanese_date(iso, rng):
    """The same day as a Japanese system might write it (the data is 2016-2017: 平成)."""
    y, m, d = (int(x) for x in iso.split("-"))
    h = y - 1988
    return rng.choice([f"平成{h}年{m}月{d}日", f"H{h}.{m}.{d}", f"h{h:02d}.{m:02d}.{d:02d}",
                       f"Ｈ{h}／{m}／{d}".translate(WIDE), f"{y}/{m}/{d}".translate(WIDE),
                       f"{y}年{m}月{d}日", iso])


def messy_export():
    """maven-crm as a Japanese export: a Japanese title row, account names and offices in
    full width or other case, outcomes in Japanese words, dates in the era and in full
    width. Expected values: pandas on the clean data."""
    deals = pd.read_csv(os.path.join(DATA, "maven-crm", "sales_pipeline.csv"))
    teams = pd.read_csv(os.path.join(DATA, "maven-crm", "sales_teams.csv"))
    deals = deals.merge(teams, on="sales_agent", how="left")
    rng = random.Random(2017)
    won = ["受注", "受注済", "受注済み", "成約", "成約済み", "Won"]
    lost = ["失注", "失注済", "見送り", "辞退", "不採用", "不成約", "LOST"]
    rows = [["取引先", "事業所", "段階", "商談日", "成約日", "金額"]]
    for r in deals.itertuples():
        account = r.account if isinstance(r.account, str) else None
        if account and rng.random() < 0.5:
            account = account.translate(WIDE) if rng.random() < 0.5 else f" {account.upper()} "
        office = rng.choice([r.regional_office, r.regional_office.translate(WIDE), r.regional_office.lower()])
        stage = {"Won": rng.choice(won), "Lost": rng.choice(lost)}.get(r.deal_stage, r.deal_stage)
        rows.append([account, office, stage,
                     None if pd.isna(r.engage_date) else japanese_date(r.engage_date, rng),
                     None if pd.isna(r.close_date) else japanese_date(r.close_date, rng),
                     None if pd.isna(r.close_value) else float(r.close_value)])
    A, OF, ST, EN, CL, VA = (f"$Export.{c}:{c}" for c in "ABCDEF")
    cases = []
    engaged = deals[deals.account.notna() & deals.engage_date.notna()]
    e2017 = engaged[(engaged.engage_date >= "2017-01-01") & (engaged.engage_date <= "2017-12-31")]
    cases.append(("pandas: 2017 touches per account", f'=AVGTOUCHPOINTS({A};{EN};"平成29年1月1日";"H29.12.31")',
                  len(e2017) / e2017.account.nunique()))
    closed = deals[deals.deal_stage.isin(["Won", "Lost"])]
    for office in sorted(deals.regional_office.unique()):
        d = closed[closed.regional_office == office]
        rate = (d.deal_stage == "Won").mean()
        cases.append((f"pandas: win rate {office}", f'=WINRATE({ST};{CL};;;{OF};"{office}")', rate))
        cases.append((f"pandas: WINRATEBY {office}", f'=WINRATEBY({ST};{CL};{OF};"{office.upper()}")', rate))
    month = pd.to_datetime(engaged.engage_date).dt.to_period("M")
    per = engaged.groupby(month).agg(n=("account", "size"), c=("account", "nunique"))
    trend = f"TOUCHTREND({A};{EN})"
    cases.append(("pandas: months of touches", f"=ROWS({trend})", float(len(per))))
    for i, (m, r) in enumerate(per.iterrows(), start=1):
        cases.append((f"pandas: {m} touches per account", f"=INDEX({trend};{i};2)", r.n / r.c))
    ledger = deals[deals.close_date.notna()]
    sales = ledger.groupby(pd.to_datetime(ledger.close_date).dt.to_period("M")).close_value.sum()
    s = f"SALESBYPERIOD({CL};{VA})"
    cases.append(("pandas: months of sales", f"=ROWS({s})", float(len(sales))))
    for i, (m, v) in enumerate(sales.items(), start=1):
        cases.append((f"pandas: {m} sales", f"=INDEX({s};{i};2)", float(v)))
    return {"sheets": {"Export": rows}, "cases": cases}


DOCS = {"sheets": sheets, "messy_export": messy_export}
