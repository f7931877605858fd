"""The bad-input matrix: every function fed what real spreadsheets hold by mistake.
Each row gives exactly the documented result; none may crash or hang the office.

The kinds of bad input every role has are derived for every argument of every function in
cases_roles.py; this file keeps only what the roles cannot test (valid figures, whole and
empty columns, error cells in filters, keys and weights, and each function's own rules).

Documented in docs/decisions.md: an error cell in a required range (a reference the add-in
reads itself) is Err:502; in an optional range or a filter Calc refuses the call (Err:504);
too few or too many arguments are Err:504."""
from common import ERR, NA, serial

E504 = "Err:504"

# A small log: customer, date, amount, outcome, a column with an error cell, text, huge
# numbers, signed amounts.
BAD = [
    ["C1", serial("2024-01-10"), 100.0, "won", 1.0, "x", 1e308, -100.0],
    ["C2", serial("2024-02-10"), 200.0, "lost", "=1/0", "y", 1e308, 0.0],
    ["C1", serial("2024-03-10"), 300.0, "won", 3.0, "z", 1e308, 100.0],
    ["C3", serial("2024-04-10"), 400.0, "open", 4.0, "w", 1e308, 200.0],
]
A, B, C, D, E, F, G, H = ("$Bad.%s1:%s4" % (c, c) for c in "ABCDEFGH")
SHORT = "$Bad.A1:A3"
q = chr(34)

# For each function: a valid call, then bad variants as (title, formula, expected).
MATRIX = {
    "AVGTOUCHPOINTS": [
        ("valid", f"=AVGTOUCHPOINTS({A};{B})", 4 / 3),
        ("error cell in a filter column", f'=AVGTOUCHPOINTS({A};;;;;{E};1)', E504),
        ("an error cell in a whole column", "=AVGTOUCHPOINTS($Bad.E:E)", ERR),
        ("lengths differ", f"=AVGTOUCHPOINTS({A};$Bad.B1:B3)", ERR),
        ("empty whole columns", "=AVGTOUCHPOINTS($Empty.A:A;$Empty.B:B)", NA),
    ],
    "DISTINCTCUSTOMERS": [
        ("valid", f"=DISTINCTCUSTOMERS({A};{B})", 3.0),
        ("lengths differ", f"=DISTINCTCUSTOMERS({A};{SHORT})", ERR),
        ("empty whole column", "=DISTINCTCUSTOMERS($Empty.A:A)", 0.0),
    ],
    "TOUCHTREND": [
        ("valid", f"=ROWS(TOUCHTREND({A};{B}))", 4.0),
        ("a number as period", f"=ROWS(TOUCHTREND({A};{B};3))", ERR),
        ("one argument", f"=ROWS(TOUCHTREND({A}))", E504),
        ("empty whole columns", "=ROWS(TOUCHTREND($Empty.A:A;$Empty.B:B))", NA),
    ],
    "WINRATE": [
        ("valid", f"=WINRATE({D})", 2 / 3),
        ("lengths differ", f"=WINRATE({D};{SHORT})", ERR),
        ("numbers that are neither 1 nor 0 are open", f"=WINRATE({C})", NA),
        ("empty whole column", "=WINRATE($Empty.A:A)", NA),
    ],
    "WINRATETREND": [
        ("valid", f"=ROWS(WINRATETREND({D};{B}))", 3.0),
        ("unknown period", f"=ROWS(WINRATETREND({D};{B};{q}fy0{q}))", ERR),
    ],
    "TOUCHWINDIAG": [
        ("valid", "=TOUCHWINDIAG(3;0.5;2;0.4)", "keep"),
        ("too few arguments", "=TOUCHWINDIAG(3;0.5)", NA),
        ("too many arguments", '=TOUCHWINDIAG(3;0.5;2;0.4;0;"en";1)', E504),
        ("a range where a value belongs", f"=TOUCHWINDIAG({C};0.5;2;0.4)", ERR),
        ("a huge rate", "=TOUCHWINDIAG(3;1E308;2;0.4)", ERR),
    ],
    "SALESBYPERIOD": [
        ("valid", f"=INDEX(SALESBYPERIOD({B};{C});4;2)", 400.0),
        ("huge amounts add up to an overflow: still a number or empty, never inf", f"=ISERROR(SALESBYPERIOD({B};{G}))", 0.0),
        ("empty whole columns", "=ROWS(SALESBYPERIOD($Empty.A:A;$Empty.B:B))", NA),
    ],
    "SALESTREND": [
        ("valid", f"=SALESTREND({B};{C})", 12 * 100 / 250),
        ("amounts so large the mean overflows", f"=SALESTREND({B};{G})", NA),
        ("negative and zero amounts count", f"=SALESTREND({B};{H})", 12 * 100 / 50),
        ("Years 1E300", f"=SALESTREND({B};{C};1E300)", ERR),
        ("empty whole columns", "=SALESTREND($Empty.A:A;$Empty.B:B)", NA),
    ],
    "SALESTRENDSTAT": [
        ("valid", f'=SALESTRENDSTAT({B};{C};"slope")', 100.0),
        ("a number as stat", f"=SALESTRENDSTAT({B};{C};1)", ERR),
        ("overflowing amounts", f'=SALESTRENDSTAT({B};{G};"slope")', NA),
        ("AsOf 1E12", f'=SALESTRENDSTAT({B};{C};"n";;1E12)', ERR),
    ],
    "SEASONALINDEX": [
        ("too little history", f"=SEASONALINDEX({B};{C};1)", NA),
        ("Month -1", f"=SEASONALINDEX({B};{C};-1)", ERR),
        ("empty whole columns", "=SEASONALINDEX($Empty.A:A;$Empty.B:B;1)", NA),
    ],
    "FANSCORE": [
        ("valid", "=FANSCORE(5;0;0.2;0)", 100.0),
        ("infinite-like growth", "=FANSCORE(;;1E308;)", 100.0),
        ("huge troubles", "=FANSCORE(;1E15;;)", 0.0),
        ("a range where a value belongs", f"=FANSCORE({C};0;0;0)", ERR),
        ("weights with an error cell", f"=FANSCORE(3;0;0;0;{E})", E504),
        ("weights as text", f"=FANSCORE(3;0;0;0;{F})", ERR),
        ("too many arguments", "=FANSCORE(3;0;0;0;1;2)", E504),
    ],
    "FANLEVEL": [
        ("valid", "=FANLEVEL(50)", "neutral"),
        ("1E308", "=FANLEVEL(1E308)", ERR),
        ("a range", f"=FANLEVEL({C})", ERR),
        ("language as a number", "=FANLEVEL(50;1)", ERR),
    ],
    "FANGAP": [
        ("valid", '=FANGAP(50;"grow")', 10.0),
        ("goal as a number", "=FANGAP(50;60)", ERR),
        ("a range as goal", f"=FANGAP(50;{F})", ERR),
        ("no goal", "=FANGAP(50)", ERR),
    ],
    "Japanese and full-width text": [
        ("an era date as Start", f'=AVGTOUCHPOINTS({A};{B};"令和6年1月1日")', 4 / 3),
        ("an era date before its era as Start", f'=AVGTOUCHPOINTS({A};{B};"令和1年1月1日")', ERR),
        ("an era date after its era as End", f'=AVGTOUCHPOINTS({A};{B};;"S65.1.1")', ERR),
        ("month 13 in an era date", f'=AVGTOUCHPOINTS({A};{B};"R6.13.1")', ERR),
        ("an era name without a date", f'=AVGTOUCHPOINTS({A};{B};"令和")', ERR),
        ("an unknown era initial", f'=AVGTOUCHPOINTS({A};{B};"X6.4.1")', ERR),
        ("full-width digits as Start", f'=AVGTOUCHPOINTS({A};{B};"２０２４／２／１")', 1.0),
        ("a full-width period code", f'=ROWS(TOUCHTREND({A};{B};"ＱＵＡＲＴＥＲ"))', 2.0),
        ("a full-width unknown code", f'=ROWS(TOUCHTREND({A};{B};"ＷＥＥＫ"))', ERR),
        ("a title and nothing below", '=WINRATE($Bad.F1:F1;$Bad.F1:F1)', NA),
    ],
    "AVGTOUCHPOINTSBY": [
        ("valid", f'=AVGTOUCHPOINTSBY({A};{B};{A};"c1")', 2.0),
        ("an error cell in the keys", f"=AVGTOUCHPOINTSBY({A};{B};{A};{E})", E504),
        ("empty whole columns, one key", '=AVGTOUCHPOINTSBY($Empty.A:A;;$Empty.A:A;"x")', NA),
        ("empty whole columns, the whole table", "=ROWS(AVGTOUCHPOINTSBY($Empty.A:A;;$Empty.A:A))", NA),
    ],
    "DISTINCTCUSTOMERSBY": [
        ("valid", f'=DISTINCTCUSTOMERSBY({A};{B};{A};"C3")', 1.0),
        ("a key with no row counts 0", f'=DISTINCTCUSTOMERSBY({A};{B};{A};"zz")', 0.0),
    ],
    "WINRATEBY": [
        ("valid", f'=WINRATEBY({D};;{A};"c1")', 1.0),
        ("only open deals", f'=WINRATEBY({D};;{A};"c3")', NA),
        ("Start without dates", f'=WINRATEBY({D};;{A};"c1";"2024-01-01")', ERR),
    ],
    "SALESTRENDBY": [
        ("valid: Jan..Apr 100, 0, 300, 0 has no slope", f'=SALESTRENDBY({B};{C};{A};"c1")', 0.0),
        ("Years 0", f'=SALESTRENDBY({B};{C};{A};"c1";0)', ERR),
        ("no dates", f'=SALESTRENDBY(;{C};{A};"c1")', ERR),
        ("one sale, in February; the window runs to April: 200, 0, 0",
         f'=SALESTRENDBY({B};{C};{A};"c2")', 12 * -100 / (200 / 3)),
        ("one sale in the last month", f'=SALESTRENDBY({B};{C};{A};"c3")', NA),
    ],
    "TOUCHTRENDBY": [
        ("valid: header and Jan..Apr", f"=ROWS(TOUCHTRENDBY({A};{B};{A}))", 5.0),
        ("no dates", f"=ROWS(TOUCHTRENDBY({A};;{A}))", ERR),
    ],
    "WINRATETRENDBY": [
        ("valid: periods and two decided groups", f"=COLUMNS(WINRATETRENDBY({D};{B};{A}))", 3.0),
    ],
    "SALESBYPERIODBY": [
        ("valid: March of C1", f'=INDEX(SALESBYPERIODBY({B};{C};{A};;"C1");3;1)', 300.0),
    ],
}


def badinput():
    cases = [(f"{name}: {title}", formula, expected)
             for name, rows in MATRIX.items() for title, formula, expected in rows]
    return {"sheets": {"Bad": BAD, "Empty": [[None]]}, "cases": cases}


DOCS = {"badinput": badinput}
