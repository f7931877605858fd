"""Cases derived from the declaration (idl/functions.toml), so that a function is covered by
declaring it: every argument gets the bad inputs of its role, and every function that reads
columns gets the "sheets as they are" check (whole columns over a title row give what the
rows below the title give). The expected results are the documented rules of each role
(docs/reliability.md), the same for every function; cases_badinput.py and
cases_sheets.py keep the cases that are particular to one function.

An argument's `example` in the declaration is a valid value the cases give it (optional
arguments only when they have one); a required argument without one gets its role's
default below."""
import os
import sys

from common import ERR, NA, serial

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
import generate_functions  # noqa: E402

DECLARATION = os.path.join(HERE, "..", "..", "idl", "functions.toml")
E504, DIV0 = "Err:504", "#DIV/0!"
q = chr(34)

# A log: customer, date, amount, outcome, group; then a column with an error cell, text,
# huge numbers; then touches.
LOG = [
    ["C1", 45301.0, 100.0, "won", "East", 1.0, "x", 1e308, 3.0],
    ["C2", 45332.0, 200.0, "lost", "West", "=1/0", "y", 1e308, 0.0],
    ["C1", 45361.0, 300.0, "won", "East", 3.0, "z", 1e308, 5.0],
    ["C3", 45392.0, 400.0, "open", "West", 4.0, "w", 1e308, 2.0],
]
COLUMN_OF_ROLE = {"ids": "A", "dates": "B", "amounts": "C", "outcomes": "D", "groups": "E",
                  "touches": "I", "deal_ids": "A", "close_dates": "B", "open_dates": "B",
                  "opened": "B", "closed": "B", "values": "C"}
DATE_ROLES = {"dates", "close_dates", "open_dates", "opened", "closed"}
# A log under a title row, 40 months long (SEASONALINDEX needs two whole years): customer,
# date, department, outcome, amount, touches.
TITLED = [["Customer", "Date", "Dept", "Outcome", "Amount", "Touches"]] + [
    [f"C{k % 5 + 1}", serial(f"{2022 + (k // 12)}-{k % 12 + 1:02d}-15"), ("East", "West", "本社")[k % 3],
     ("won", "lost", "受注", "open", "失注", "won")[k % 6], 100.0 + (k * 37) % 90, float(k % 7)]
    for k in range(40)]
TITLED_COLUMN_OF_ROLE = {"ids": "A", "dates": "B", "groups": "C", "outcomes": "D", "amounts": "E",
                         "touches": "F", "deal_ids": "A", "close_dates": "B", "open_dates": "B",
                         "opened": "B", "closed": "B", "values": "E"}
DEFAULT_EXAMPLE = generate_functions.ROLE_EXAMPLE


def rows(col, last=4):
    return f"$Log.{col}1:{col}{last}"


def declared():
    return generate_functions.load(DECLARATION)[1]


def call(f, values):
    """The formula: the given values by argument index, trailing empties dropped."""
    args = [values.get(i, "") for i in range(len(f["arguments"]))]
    while args and args[-1] == "":
        args.pop()
    return f"={f['display']}({';'.join(args)})"


def base(f, column=lambda role: rows(COLUMN_OF_ROLE[role])):
    """Every column argument (required or not), each required argument's example, and the
    example of an optional argument that has one."""
    values = {}
    for i, a in enumerate(f["arguments"]):
        if a["role"] in COLUMN_OF_ROLE:
            values[i] = column(a["role"])
        elif not a["optional"] or "example" in a:
            values[i] = a.get("example", DEFAULT_EXAMPLE.get(a["role"], ""))
    return values


def bad_inputs(a, f):
    """(what, value, expected) for argument `a` of function `f`, by its role."""
    role, cases = a["role"], []
    columns = sum(b["role"] in COLUMN_OF_ROLE for b in f["arguments"])
    if role in COLUMN_OF_ROLE:
        if a["reference"]:
            cases += [("an error cell read by the add-in", rows("F"), ERR),
                      ("a block of two columns", "$Log.A1:B4", ERR),
                      ("an inline array instead of a reference", '{"a";"b";"c";"d"}', E504)]
            if columns > 1:
                cases.append(("a range shorter than the others", rows(COLUMN_OF_ROLE[role], 3), ERR))
        else:
            cases.append(("an error cell, refused by Calc", rows("F"), E504))
        if role in ("amounts", "touches"):
            cases.append(("texts under a title", rows("G"), ERR))
        if role in DATE_ROLES:
            cases += [("texts that are not dates", rows("G"), ERR),
                      ("serials beyond any date", rows("H"), ERR)]
    elif role in ("start", "end", "date"):
        cases += [("a text that is not a date", q + "someday" + q, ERR)]
    elif role == "code":
        cases += [("an unknown word", q + "nonsense" + q, ERR)]
    elif role == "number":
        cases += [("a text", q + "many" + q, ERR)]
    elif role == "array":
        cases += [("a text", q + "many" + q, ERR), ("a range of texts", rows("G"), ERR)]
    elif role == "numbers":
        cases += [("texts", '{"a";"b";"c";"d"}', ERR)]
    elif role == "keys":
        cases += [("a block of two columns", "$Log.A1:B4", ERR)]
    if role in ("start", "end", "date", "code", "number", "keys", "value", "array"):
        cases.append(("an error value", "1/0", DIV0))
    return cases


def roles_badinput():
    cases = []
    for f in declared():
        good = base(f)
        # Calc itself refuses a call without a required reference; other arguments may all
        # be left out, and then there is nothing to compute.
        refused = any(a["reference"] for a in f["arguments"])
        cases.append((f"{f['display']}: no argument", f"={f['display']}()", E504 if refused else NA))
        for i, a in enumerate(f["arguments"]):
            if a["role"] == "filters":
                values = {**good, i: rows("E", 3), i + 1: q + "East" + q}
                cases.append((f"{f['display']} Filters: a range shorter than the others",
                              call(f, values), ERR))
                values = {**good, i: rows("E")}
                cases.append((f"{f['display']} Filters: a range without its value",
                              call(f, values), ERR))
                continue
            for what, value, expected in bad_inputs(a, f):
                cases.append((f"{f['display']} {a['name']['en']}: {what}",
                              call(f, {**good, i: value}), expected))
    return {"sheets": {"Log": LOG}, "cases": cases}


def roles_sheets():
    """Whole columns over the title row of TITLED equal the rows below it, for every function
    that reads columns: the header rule is applied the same way by all. The rows below the
    title must give a figure, not an error, so that the comparison cannot pass on two
    errors."""
    cases = []
    for f in declared():
        if not any(a["role"] in COLUMN_OF_ROLE for a in f["arguments"]):
            continue
        formula = call(f, base(f, column=lambda role: "{" + TITLED_COLUMN_OF_ROLE[role] + "}"))
        whole = formula[1:].format(**{c: f"$Titled.{c}:{c}" for c in "ABCDEF"})
        exact = formula[1:].format(**{c: f"$Titled.{c}2:{c}41" for c in "ABCDEF"})
        if any(a["role"] == "deal_ids" for a in f["arguments"]):
            # A result row per deal row (TOUCHESBEFORE): the title row's stays empty, so the
            # whole columns give the same numbers with one more row.
            cases.append((f"{f['display']}: whole columns under a title = rows below it",
                          f"=ABS(SUM({whole})-SUM({exact}))+ABS(COUNT({whole})-COUNT({exact}))"
                          f"+ABS(ROWS({whole})-ROWS({exact})-1)+(COUNT({exact})=0)", 0.0))
            continue
        # The same numbers in the same shape (texts are counted: Calc's = tells no two texts
        # of an add-in array equal), and a figure, not an error, below the title.
        num = "IFERROR(({})*1;0)"
        texts = "SUMPRODUCT(ISTEXT({})*1)"
        cases.append((f"{f['display']}: whole columns under a title = rows below it",
                      f"=SUMPRODUCT(ABS({num.format(whole)}-{num.format(exact)}))"
                      f"+ABS({texts.format(whole)}-{texts.format(exact)})+ISERROR(SUM({exact}))", 0.0))
    return {"sheets": {"Titled": TITLED}, "cases": cases}


DOCS = {"roles_badinput": roles_badinput, "roles_sheets": roles_sheets}
