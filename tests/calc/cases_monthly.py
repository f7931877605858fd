"""A log kept one sheet per month (月別シート): references over several sheets are read
sheet after sheet as one longer column, as SUM and COUNTA read them, each sheet's title row
skipped; columns spanning other sheets or other rows per sheet are Err:502. Expected
values by Python over the same cells, and by Calc's own SUM, COUNTA and COUNTIF per sheet.
"""
from common import ERR, serial

TITLES = ["Customer", "Date", "Dept", "Outcome", "Amount"]
MONTHS = {
    "Jan": [["C1", "2024-01-05", "East", "won", 10.0], ["c2 ", "2024-01-09", "West", "lost", 20.0],
            ["C3", "2024-01-12", "East", "open", 30.0], ["C1", "2024-01-20", "East", "won", 40.0],
            ["C4", "2024-01-28", "West", "lost", 50.0]],
    "Feb": [["C5", "2024-02-02", "West", "lost", 5.0], ["C2", "2024-02-03", "East", "lost", 15.0],
            ["C6", "2024-02-10", "East", "won", 25.0], ["C7", "2024-02-11", "West", "lost", 35.0],
            ["C3", "2024-02-20", "East", "lost", 45.0]],
    "Mar": [["C8", "2024-03-01", "East", "won", 1.0], ["C1", "2024-03-02", "West", "won", 2.0]],
}


def rows(months):
    return [r for m in months for r in MONTHS[m]]


def sheet(month):
    return [TITLES] + [[c, serial(d), g, o, a] for c, d, g, o, a in MONTHS[month]]


def key(c):
    return c.strip().lower()


def win_rate(rs):
    won = sum(r[3] == "won" for r in rs)
    lost = sum(r[3] == "lost" for r in rs)
    return won / (won + lost)


def monthly():
    jf = rows(["Jan", "Feb"])
    all3 = rows(["Jan", "Feb", "Mar"])
    first_two = [r for m in ("Jan", "Feb", "Mar") for r in MONTHS[m][:2]]
    R = lambda c, first="Jan", last="Feb", a=2, b=6: f"${first}.{c}{a}:${last}.{c}{b}"  # noqa: E731
    W = lambda c, last="Feb": f"$Jan.{c}:${last}.{c}"  # noqa: E731 whole columns
    q = chr(34)
    return {
        "sheets": {"Jan": sheet("Jan"), "Feb": sheet("Feb"), "Mar": sheet("Mar"),
                   "Apr 2024": sheet("Jan"), "May 2024": sheet("Feb"),
                   "Deals": [["Customer", "Closed"], ["C3", serial("2024-02-20")],
                             ["C2", serial("2024-02-03")]]},
        "cases": [
            ("distinct customers of both sheets",
             f"=DISTINCTCUSTOMERS({R('A')})", float(len({key(r[0]) for r in jf}))),
            ("Calc's COUNTA counts both sheets too", f"=COUNTA({R('A')})", 10.0),
            ("win rate of both sheets", f"=WINRATE({R('D')})", win_rate(jf)),
            ("sales of both sheets = SUM",
             f"=SUMPRODUCT(INDEX(SALESBYPERIOD({R('B')};{R('E')};{q}year{q});0;2))",
             sum(r[4] for r in jf)),
            ("Calc's SUM agrees", f"=SUM({R('E')})", sum(r[4] for r in jf)),
            ("touches per customer of both sheets (TOUCHTREND, a year)",
             f"=INDEX(TOUCHTREND({R('A')};{R('B')};{q}year{q});1;2)", len(jf) / len({key(r[0]) for r in jf})),
            ("three sheets, rows 2 and 3 of each", f"=DISTINCTCUSTOMERS({R('A', last='Mar', b=3)})",
             float(len({key(r[0]) for r in first_two}))),
            ("each sheet's title row skipped (rows 1 to 6): 10 touches",
             f"=INDEX(TOUCHTREND({R('A', a=1)};{R('B', a=1)};{q}year{q});1;3)", 10.0),
            ("whole columns over three sheets of different lengths",
             f"=INDEX(WINRATETREND({W('D', 'Mar')};{W('B', 'Mar')};{q}year{q});1;2)", win_rate(all3)),
            # Optional ranges and filters reach the add-in as arrays, which Calc makes of the
            # first sheet only: beside columns over several sheets, Err:502, never a figure.
            ("an optional range over several sheets: Err:502",
             f"=AVGTOUCHPOINTS({R('A')};{R('B')})", ERR),
            ("a filter over several sheets: Err:502",
             f"=DISTINCTCUSTOMERS({R('A')};;;;{R('C')};{q}East{q})", ERR),
            ("whole columns: sales = SUM",
             f"=SUMPRODUCT(INDEX(SALESBYPERIOD({W('B', 'Mar')};{W('E', 'Mar')};{q}year{q});0;2))",
             sum(r[4] for r in all3)),
            ("quoted sheet names",
             f"=DISTINCTCUSTOMERS($'Apr 2024'.A2:$'May 2024'.A6)", float(len({key(r[0]) for r in jf}))),
            ("per department over both sheets: East",
             f"=AVGTOUCHPOINTSBY({R('A')};{R('B')};{R('C')};{q}East{q})",
             sum(r[2] == "East" for r in jf) / len({key(r[0]) for r in jf if r[2] == "East"})),
            ("a deal closed in February counts its January and February touches",
             f"=TOUCHESBEFORE({R('A')};{R('B')};$Deals.A2:A3;$Deals.B2:B3;;;{q}C3{q};$Deals.B2)", 2.0),
            ("touches and wins over both sheets: decided deals of East (TOUCHWINBY)",
             f"=INDEX(TOUCHWINBY({R('E')};{R('D')};{R('C')});1;2)",
             float(sum(r[2] == "East" and r[3] in ("won", "lost") for r in jf))),
            ("the latest value over both sheets (LATESTVALUE)",
             f"=LATESTVALUE({R('A')};{R('B')};{R('E')})", max(jf, key=lambda r: r[1])[4]),
            ("items open at the end of February over both sheets (OPENITEMS, closed = opened)",
             f"=OPENITEMS({R('A')};{R('B')};{R('B')})", 0.0),
            ("columns over other sheets: Err:502", f"=AVGTOUCHPOINTS({R('A')};{R('B', last='Mar', b=3)})", ERR),
            ("columns over other rows: Err:502", f"=AVGTOUCHPOINTS({R('A')};{R('B', b=5)})", ERR),
            ("a reference over sheets in reverse order reads as Calc's", f"=COUNTA($Feb.A2:$Jan.A6)", 10.0),
        ],
    }


DOCS = {"monthly": monthly}
