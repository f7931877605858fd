"""Calc test cases for WINRATE, WINRATETREND and TOUCHWINDIAG, and the cross-check on
tests/data/maven-crm. Hand-made deals: expected values by hand (see the counts in the
comments); real deals: expected values by pandas, and Calc's own COUNTIFS in the same
document must agree."""
import os

import pandas as pd

from common import DATA, ERR, NA, serial

# Outcome, close date, department, rep. Every word of the vocabulary, with case and blanks,
# text dates, numbers, open deals and blanks. Rows 2..19.
DEALS = [
    ["Outcome", "Closed", "Dept", "Rep"],
    ["won", serial("2024-04-10"), "East", "Aoki"],            # 1 won
    ["Lost", serial("2024-04-20"), "East", "Aoki"],           # 2 lost
    [" Closed Won ", serial("2024-05-05"), "West", "Aoki"],   # 3 won
    ["closed lost", serial("2024-05-15"), "West", "Baba"],    # 4 lost
    ["受注", "2024/6/1", "East", "Aoki"],                     # 5 won
    ["失注", "2024年6月10日", "East", "Baba"],                # 6 lost
    ["成約", serial("2024-07-01"), "West", "Chiba"],          # 7 won
    ["成約 ", serial("2024-07-02"), "West", "Chiba"],         # 8 won
    [1.0, serial("2024-08-01"), "East", "Baba"],              # 9 won
    [0.0, serial("2024-08-02"), "East", "Chiba"],             # 10 lost
    ["TRUE", serial("2024-09-01"), "West", "Chiba"],          # 11 won
    ["false", serial("2024-09-02"), "West", "Chiba"],         # 12 lost
    ["Engaging", serial("2024-09-03"), "East", "Doi"],        # 13 open
    ["WIN", None, "East", "Doi"],                             # 14 won, no date
    ["lose", serial("2024-10-01"), "East", "Doi"],            # 15 lost
    ["Prospecting", None, "West", "Doi"],                     # 16 open
    [None, serial("2024-10-05"), "East", "Doi"],              # 17 blank
    [2.0, serial("2024-10-06"), "West", "Doi"],               # 18 open (number)
]
# Decided: won 1,3,5,7,8,9,11,14 (8); lost 2,4,6,10,12,15 (6). Dated: without 14: 7 / 13.
O, C = "$Deals.A2:A19", "$Deals.B2:B19"
DEPT, REP = "$Deals.C2:C19", "$Deals.D2:D19"


def winrate():
    return {
        "sheets": {"Deals": DEALS, "Plain": DEALS[1:],
                   "Typed": [[1.0, "受注"], [0.0, "失注"], [0.0, "成約"], [1.0, None]]},
        "cases": [
            ("every word of the vocabulary: 8 won / 14 decided", f"=WINRATE({O})", 8 / 14),
            ("with close dates, the undated WIN drops: 7/13", f"=WINRATE({O};{C})", 7 / 13),
            ("April-June: won 1,3,5 lost 2,4,6", f'=WINRATE({O};{C};"2024-04-01";"2024-06-30")', 0.5),
            ("text window forms: May", f'=WINRATE({O};{C};"2024/5/1";"2024年5月31日")', 0.5),
            ("July: 成約 twice", f'=WINRATE({O};{C};"2024-07-01";"2024-07-31")', 1.0),
            ("numbers 1 and 0 in August", f'=WINRATE({O};{C};DATE(2024;8;1);DATE(2024;8;31))', 0.5),
            ("from September: TRUE, false, lose; open ones left out", f'=WINRATE({O};{C};"2024-09-01")', 1 / 3),
            ("rep Aoki: 1,2,3,5 -> 3/4", f'=WINRATE({O};;;;{REP};"aoki")', 0.75),
            ("rep Chiba: 7,8,10,11,12 -> 3/5", f'=WINRATE({O};;;;{REP};"Chiba")', 0.6),
            ("East and Baba: 6 lost, 9 won", f'=WINRATE({O};;;;{DEPT};"East";{REP};"Baba")', 0.5),
            ("West with dates: 3,4,7,8,11,12 -> 4/6", f'=WINRATE({O};{C};;;{DEPT};"West")', 4 / 6),
            ("numbers 1 and 0 as outcomes", "=WINRATE($Typed.A1:A4)", 0.5),
            ("Japanese outcomes", "=WINRATE($Typed.B1:B3)", 2 / 3),
            ("an inline array where a reference is required", "=WINRATE({1;0;0;1})", "Err:504"),
            ("whole columns", "=WINRATE($Plain.A:A;$Plain.B:B)", 7 / 13),
            ("only open deals", f'=WINRATE({O};;;;{O};"Engaging")', NA),
            ("no decided deal in the window", f'=WINRATE({O};{C};"2024-11-01")', NA),
            ("blank outcomes only", f'=WINRATE({O};;;;{O};"")', NA),
            ("start after end", f'=WINRATE({O};{C};"2024-06-01";"2024-05-01")', ERR),
            ("a column of names as dates", f"=WINRATE({O};{REP})", ERR),
            ("dates of another length", f"=WINRATE({O};$Deals.B2:B18)", ERR),
            ("odd filter arguments", f"=WINRATE({O};;;;{DEPT})", ERR),
            ("a two-column block", "=WINRATE($Deals.A2:B19)", ERR),
            ("start without dates", f'=WINRATE({O};;"2024-01-01")', ERR),
        ],
    }


def winratetrend():
    # Monthly, decided and dated: Apr 1w1l, May 1w1l, Jun 1w1l, Jul 2w, Aug 1w1l, Sep 1w1l, Oct 1l.
    t = lambda period="", extra="": f"WINRATETREND({O};{C}{';' + period if period or extra else ''}{extra})"  # noqa: E731
    return {
        "sheets": {"Deals": DEALS},
        "cases": [
            ("months April..October", f"=ROWS({t()})", 7.0),
            ("three columns", f"=COLUMNS({t()})", 3.0),
            ("first period starts 2024-04-01", f"=INDEX({t()};1;1)", serial("2024-04-01")),
            ("July: 2 won of 2", f"=INDEX({t()};4;2)", 1.0),
            ("July: decided 2", f"=INDEX({t()};4;3)", 2.0),
            ("October: lost only", f"=INDEX({t()};7;2)", 0.0),
            ("calendar quarters: Q2..Q4", f'=ROWS({t(chr(34) + "quarter" + chr(34))})', 3.0),
            ("Q3: 4 won of 6", f'=INDEX({t(chr(34) + "quarter" + chr(34))};2;2)', 4 / 6),
            ("fiscal years: all in FY2024 (April start)", f'=INDEX({t(chr(34) + "fy" + chr(34))};1;1)', serial("2024-04-01")),
            ("年度 as fy: 7 won of 13", f'=INDEX({t(chr(34) + "年度" + chr(34))};1;2)', 7 / 13),
            ("fq: Q1 = April-June, 6 decided", f'=INDEX({t(chr(34) + "fq" + chr(34))};1;3)', 6.0),
            ("fy10: year from 2023-10-01", f'=INDEX({t(chr(34) + "fy10" + chr(34))};1;1)', serial("2023-10-01")),
            ("fq2: quarters Feb-Apr, May-Jul, Aug-Oct", f'=ROWS({t(chr(34) + "fq2" + chr(34))})', 3.0),
            ("年: one year", f'=ROWS({t(chr(34) + "年" + chr(34))})', 1.0),
            ("Start/End widen the series: Jan..Dec", f'=ROWS({t(chr(34) + "month" + chr(34), ";" + chr(34) + "2024-01-01" + chr(34) + ";" + chr(34) + "2024-12-31" + chr(34))})', 12.0),
            ("a month with nothing decided has an empty rate (TRUE)", f'=INDEX({t("", ";" + chr(34) + "2024-01-01" + chr(34))};1;2)=""', 1.0),
            ("... and 0 decided", f'=INDEX({t("", ";" + chr(34) + "2024-01-01" + chr(34))};1;3)', 0.0),
            ("filter West: May, Jul, Sep", f'=ROWS({t("", ";;;" + DEPT + ";" + chr(34) + "West" + chr(34))})', 5.0),
            ("unknown period", f'=ROWS({t(chr(34) + "week" + chr(34))})', ERR),
            ("fy13", f'=ROWS({t(chr(34) + "fy13" + chr(34))})', ERR),
            ("a column of names as dates", f"=ROWS(WINRATETREND({O};{REP}))", ERR),
            ("no decided deal after the start", f'=ROWS({t("", ";" + chr(34) + "2025-01-01" + chr(34))})', NA),
            ("odd filter arguments", f'=ROWS({t("", ";;;" + DEPT)})', ERR),
        ],
    }


def touchwindiag():
    return {
        "sheets": {"Deals": DEALS},
        "cases": [
            ("many touches, win rate at target: keep", "=TOUCHWINDIAG(5;0.3;4;0.3)", "keep"),
            ("many touches, win rate below target: review", "=TOUCHWINDIAG(5;0.2;4;0.3)", "review strategy"),
            ("many touches, win rate falling: review", "=TOUCHWINDIAG(5;0.5;4;0.3;-0.02)", "review strategy"),
            ("many touches, rising though low: keep", "=TOUCHWINDIAG(5;0.2;4;0.3;0.05)", "keep"),
            ("change 0 is not falling", "=TOUCHWINDIAG(4;0.1;4;0.3;0)", "keep"),
            ("few touches, low win rate: increase contact", "=TOUCHWINDIAG(2;0.2;4;0.3)", "increase contact"),
            ("few touches, good win rate: efficient", "=TOUCHWINDIAG(2;0.4;4;0.3)", "efficient"),
            ("few touches, change ignored", "=TOUCHWINDIAG(2;0.4;4;0.3;-0.5)", "efficient"),
            ("ja: 継続", '=TOUCHWINDIAG(5;0.3;4;0.3;;"ja")', "継続"),
            ("ja: 戦略見直し", '=TOUCHWINDIAG(5;0.2;4;0.3;;"JA")', "戦略見直し"),
            ("ja: 接点強化", '=TOUCHWINDIAG(1;0.1;4;0.3;;"ja")', "接点強化"),
            ("ja: 効率良好", '=TOUCHWINDIAG(1;0.9;4;0.3;;"ja")', "効率良好"),
            ("en explicitly", '=TOUCHWINDIAG(1;0.9;4;0.3;;"en")', "efficient"),
            ("fed by WINRATE", f"=TOUCHWINDIAG(5;WINRATE({O});4;0.6)", "review strategy"),
            ("win rate as a percentage above 100 %", "=TOUCHWINDIAG(5;30;4;0.3)", ERR),
            ("negative touches", "=TOUCHWINDIAG(-1;0.3;4;0.3)", ERR),
            ("text touches", '=TOUCHWINDIAG("many";0.3;4;0.3)', ERR),
            ("unknown language", '=TOUCHWINDIAG(5;0.3;4;0.3;;"de")', ERR),
            ("empty win rate", '=TOUCHWINDIAG(5;"";4;0.3)', NA),
            ("missing target", "=TOUCHWINDIAG(5;0.3;;0.3)", NA),
        ],
    }


def maven_crosscheck():
    """Win rate per regional office and its trend on tests/data/maven-crm."""
    deals = pd.read_csv(os.path.join(DATA, "maven-crm", "sales_pipeline.csv"))
    teams = pd.read_csv(os.path.join(DATA, "maven-crm", "sales_teams.csv"))
    deals = deals.merge(teams, on="sales_agent", how="left")
    rows = [["Account", "Office", "Stage", "Closed", "Value"]]
    for r in deals.itertuples():
        rows.append([r.account if isinstance(r.account, str) else None, r.regional_office, r.deal_stage,
                     None if pd.isna(r.close_date) else serial(r.close_date), float(r.close_value)
                     if not pd.isna(r.close_value) else None])
    n = len(deals) + 1
    S, OF, CL = f"$Deals.C2:C{n}", f"$Deals.B2:B{n}", f"$Deals.D2:D{n}"
    closed = deals[deals.deal_stage.isin(["Won", "Lost"])].copy()
    closed["month"] = pd.to_datetime(closed.close_date).dt.to_period("M")
    closed["fq"] = pd.to_datetime(closed.close_date).dt.to_period("Q-MAR")
    cases = []
    for office in sorted(deals.regional_office.unique()):
        d = closed[closed.regional_office == office]
        rate = (d.deal_stage == "Won").mean()
        cases.append((f"pandas: win rate of {office}", f'=WINRATE({S};;;;{OF};"{office}")', rate))
        cases.append((f"Calc's COUNTIFS agrees for {office}",
                      f'=COUNTIFS({OF};"{office}";{S};"Won")/(COUNTIFS({OF};"{office}";{S};"Won")'
                      f'+COUNTIFS({OF};"{office}";{S};"Lost"))', rate))
    monthly = closed.groupby("month").deal_stage.agg(lambda s: (s == "Won").mean())
    counts = closed.groupby("month").size()
    cases.append(("pandas: months with closed deals", f"=ROWS(WINRATETREND({S};{CL}))", float(len(monthly))))
    for i in (0, 4, len(monthly) - 1):
        cases.append((f"pandas: win rate {monthly.index[i]}", f"=INDEX(WINRATETREND({S};{CL});{i + 1};2)", monthly.iloc[i]))
        cases.append((f"pandas: decided {monthly.index[i]}", f"=INDEX(WINRATETREND({S};{CL});{i + 1};3)", float(counts.iloc[i])))
    fq = closed.groupby("fq").deal_stage.agg(lambda s: (s == "Won").mean())
    fq_counts = closed.groupby("fq").size()
    cases.append(("pandas: fiscal quarters", f'=ROWS(WINRATETREND({S};{CL};"fq"))', float(len(fq))))
    for i in range(len(fq)):
        start = fq.index[i].start_time.strftime("%Y-%m-%d")
        cases.append((f"fq {i + 1} starts {start}", f'=INDEX(WINRATETREND({S};{CL};"fq");{i + 1};1)', serial(start)))
        cases.append((f"pandas: win rate fiscal {fq.index[i]}", f'=INDEX(WINRATETREND({S};{CL};"fq");{i + 1};2)', fq.iloc[i]))
        cases.append((f"pandas: decided fiscal {fq.index[i]}", f'=INDEX(WINRATETREND({S};{CL};"fq");{i + 1};3)', float(fq_counts.iloc[i])))
    return {"sheets": {"Deals": rows}, "cases": cases}


DOCS = {"winrate": winrate, "winratetrend": winratetrend, "touchwindiag": touchwindiag,
        "maven_crosscheck": maven_crosscheck}
