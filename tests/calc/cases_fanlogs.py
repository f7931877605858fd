"""Calc test cases for fans checked regularly (ファン度の定期確認): OPENITEMS and LATESTVALUE
on a small hand-made log and on a generated (seeded) one, and FANSCORE, FANLEVEL and FANGAP
over arrays.

Expected values come from a reference written here in plain Python and pandas from the
contract (SPEC.md, "Fans checked regularly" and "Fans"), never from the add-in:
- OPENITEMS: an item is open at the end of AsOf when Opened <= AsOf and (Closed empty or
  Closed > AsOf); a row without Opened or without a customer is skipped; AsOf omitted: the
  latest Opened or Closed date of the rows kept.
- LATESTVALUE: the value of the latest row dated on or before AsOf, the highest in the
  sheet among rows of that date; a row without a value, a date or a customer is skipped.
- Keys and filter values match after NFKC, trimming and case folding; a number matches
  its shortest decimal text. Dates: serials (time of day ignored) or text dates.
- FANSCORE per position: rating (r-1)/4*100, troubles max(0, 100-30n), growth
  clamp(50+250g, 0, 100), issues max(0, 100-25n), the weighted mean of the parts present.
Array results are read with INDEX(...;i;j), ROWS() and COLUMNS(); an empty cell of an
array result is checked as INDEX(...)="" (TRUE, compared with 1).
"""
import datetime
import random
import re
import unicodedata

import pandas as pd

from common import ERR, NA, serial

q = chr(34)
EPOCH = datetime.date(1899, 12, 30)


# ---------------------------------------------------------------- the reference

def fold(value):
    """A key as the contract matches it: NFKC, trimmed, case-folded; a number as its
    shortest decimal text. None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, float):
        return repr(int(value)) if value == int(value) else repr(value)
    text = unicodedata.normalize("NFKC", value).strip().casefold()
    return text or None


def day(value):
    """A date cell as a date (None when empty); the text forms the sheets below use."""
    if value is None or value == "":
        return None
    if isinstance(value, float):
        return EPOCH + datetime.timedelta(days=int(value))
    m = (re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value) or re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", value)
         or re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", value))
    if not m:
        raise ValueError(f"not a date: {value}")
    return datetime.date(*map(int, m.groups()))


def open_items(rows, as_of=None, keys=None, kind=None):
    """OPENITEMS over rows [customer, opened, closed, kind]: one number (keys None) or a
    list of counts, one per key."""
    kept = [(fold(c), day(o), day(cl)) for c, o, cl, k, *_ in rows
            if fold(c) is not None and day(o) is not None and (kind is None or fold(k) == fold(kind))]
    as_of = day(as_of) if as_of is not None else max(d for _, o, cl in kept for d in (o, cl) if d)
    open_ = [c for c, o, cl in kept if o <= as_of and (cl is None or cl > as_of)]
    if keys is None:
        return float(len(open_))
    return [float(sum(1 for c in open_ if c == fold(k))) for k in keys]


def latest_value(rows, as_of=None, key=None, channel=None):
    """LATESTVALUE over rows [customer, date, value, channel]; None where there is none."""
    best = None
    for c, d, v, ch, *_ in rows:
        if fold(c) is None or day(d) is None or v is None or v == "":
            continue
        if channel is not None and fold(ch) != fold(channel):
            continue
        if key is not None and fold(c) != fold(key):
            continue
        if as_of is not None and day(d) > day(as_of):
            continue
        if best is None or day(d) > best[0]:  # a later row of the same date never wins
            best = (day(d), v)
    return None if best is None else best[1]


def fan_score(r, t, g, n, weights=(1, 1, 1, 1)):
    """FANSCORE of one position; None when every input is empty."""
    parts = [None if r is None else (r - 1) / 4 * 100,
             None if t is None else max(0.0, 100 - 30 * t),
             None if g is None else min(100.0, max(0.0, 50 + 250 * g)),
             None if n is None else max(0.0, 100 - 25 * n)]
    present = [(p, w) for p, w in zip(parts, weights) if p is not None]
    if not present:
        return None
    return sum(p * w for p, w in present) / sum(w for _, w in present)


def fan_level(score, ja=False):
    if score is None:
        return None
    i = 0 if score >= 80 else 1 if score >= 60 else 2 if score >= 40 else 3
    return (["ファン", "支持者", "中立", "要注意"] if ja else ["fan", "supporter", "neutral", "at risk"])[i]


TARGETS = {"partner": 80, "長期": 80, "grow": 60, "拡大": 60, "maintain": 40, "維持": 40, "distance": 0, "距離": 0}


def fan_gap(score, goal):
    return None if score is None else TARGETS[fold(goal)] - score


def plain(value):
    """An expected single value: #N/A for none, a text, or a Python float."""
    return NA if value is None else value if isinstance(value, str) else float(value)


def cell_case(title, formula, want):
    """A case for one element of an array result: its value, or an empty cell."""
    if want is None:
        return (title + " (empty cell: TRUE)", f'={formula}=""', 1.0)
    return (title, "=" + formula, want if isinstance(want, str) else float(want))


# ---------------------------------------------------------------- OPENITEMS by hand

# Customer, opened, closed, kind. Rows 2..12 of sheet Troubles.
TROUBLES = [
    ["Customer", "Opened", "Closed", "Kind"],
    [" abc商事 ", "2024-04-01", None, "trouble"],                           # 2 open, never closed
    ["ＡＢＣ商事", serial("2024-05-10"), "2024/6/30", "issue"],                # 3 closed on 6/30
    [1001.0, "2024年6月30日", None, "Trouble"],                              # 4 opened on 6/30
    ["1001", serial("2024-03-01"), serial("2024-04-15"), "trouble"],        # 5
    ["C3", None, "2024-09-01", "trouble"],                                   # 6 no opened: skipped
    [None, serial("2024-08-01"), None, "trouble"],                           # 7 no customer: skipped
    ["c3 ", "2024/5/20", serial("2024-07-10"), "issue"],                     # 8 latest date kept
    ["C4", "2024-06-01", serial("2024-06-15") + 0.9, "trouble"],            # 9 closed 6/15 at night
    ["abc商事", serial("2024-07-05") + 0.25, None, "issue"],                 # 10
    ["1001", "2024/6/1", "2024/6/29", "issue"],                              # 11 closed on 6/29
    ["C4", "2024-06-20", "2024-06-20", "issue"],                             # 12 opened and closed 6/20
]
T_ROWS = TROUBLES[1:]
TC, TO, TL, TK = (f"$Troubles.{c}2:{c}{len(TROUBLES)}" for c in "ABCD")
# Keys: a column A1:A5 (with a missing key) and a row C1:G1.
KEY_COL = ["ABC商事", "nobody", 1001.0, "c3", "C4"]
KEY_ROW = ["1001", "Ａｂｃ商事", "C3", "zzz", " c4"]
KEYS_SHEET = [KEY_COL[:1] + [None] + KEY_ROW] + [[k] for k in KEY_COL[1:]]
KC, KR = "$Keys.A1:A5", "$Keys.C1:G1"
# Errors: closed before opened (C2), a word in closed (D2) and in opened (E2).
BAD = [
    ["X", "2024-04-01", "2024-04-10", "2024-04-10", "2024-04-01"],
    ["Y", "2024-05-01", "2024-04-30", "soon", "yesterday"],
    ["Z", serial("2024-05-01"), None, None, "2024-05-01"],
    ["T", serial("2024-06-01") + 0.9, serial("2024-06-01") + 0.25],  # closed that morning
]


def openitems():
    def oi(as_of="", keys="", filters=""):
        return f"OPENITEMS({TC};{TO};{TL};{as_of};{keys}{filters})".replace(";;)", ")").replace(";)", ")")
    as_ofs = [("text 2024-06-29", '"2024-06-29"', "2024-06-29"),
              ("serial of 2024-06-30", str(serial("2024-06-30")), serial("2024-06-30")),
              ("text 2024/6/15", '"2024/6/15"', "2024/6/15"),
              ("text 2024年6月20日", '"2024年6月20日"', "2024年6月20日"),
              ("DATE(2024;7;10)", "DATE(2024;7;10)", "2024-07-10"),
              ("2024年3月31日", '"2024年3月31日"', "2024年3月31日"),
              ("2024-12-31", '"2024-12-31"', "2024-12-31"),
              ("before every item", '"2024-01-01"', "2024-01-01")]
    cases = [
        # AsOf omitted: the latest date kept is 2024-07-10 (row 8's Closed; rows 6 and 7
        # are skipped). Then only items without Closed are open: rows 2, 4 and 10.
        ("AsOf omitted: the items never closed", f"=OPENITEMS({TC};{TO};{TL})", open_items(T_ROWS)),
        ("the same as AsOf 2024-07-10", f"={oi('DATE(2024;7;10)')}", open_items(T_ROWS, "2024-07-10")),
        ("the same as the items without Closed (SUMPRODUCT)",
         f'=SUMPRODUCT(({TL}="")*({TO}<>"")*({TC}<>""))', 3.0),
    ]
    for title, arg, ref in as_ofs:
        cases.append((f"all customers at {title}", f"={oi(arg)}", open_items(T_ROWS, ref)))
    # 2024-06-30: row 2 open, 3 closed on AsOf (not open), 4 opened on AsOf (open), 8 open,
    # 9 closed, 10 not yet opened, 11 closed, 12 closed.
    at = '"2024-06-30"'
    cases += [
        ("6/30 by hand: rows 2, 4 and 8", f"={oi(at)}", 3.0),
        ("6/29 by hand: rows 2, 3 (closed 6/30), 8; row 11 closed on 6/29", f'={oi(q + "2024-06-29" + q)}', 3.0),
        ("6/15: rows 2, 3, 8, 11; row 9 closed that evening is not open", f'={oi(q + "2024-06-15" + q)}', 4.0),
        ("6/14: rows 2, 3, 8, 9, 11", f'={oi(q + "2024-06-14" + q)}', 5.0),
    ]
    for key in ["ABC商事", " abc商事 ", "ＡＢＣ商事", "1001", "c3", "C4", "nobody"]:
        cases.append((f"6/30, one key {key!r}", f'={oi(at, q + key + q)}', open_items(T_ROWS, "2024-06-30", [key])[0]))
    cases += [
        ("6/30, one key: the number 1001", f"={oi(at, '1001')}", open_items(T_ROWS, "2024-06-30", ["1001"])[0]),
        ("6/29, 1001 as number and text: rows 4 not yet, 11 closed on AsOf",
         f'={oi(q + "2024-06-29" + q, "1001")}', 0.0),
        ("6/28, 1001: row 11 open", f'={oi(q + "2024-06-28" + q, "1001")}', 1.0),
        ("6/30, one key in a cell holding the number 1001", f"={oi(at, '$Keys.A3')}", 1.0),
        ("6/30, abc商事: row 2 (row 3 closed on AsOf)", f'={oi(at, q + "abc商事" + q)}', 1.0),
        ("6/29, ABC商事: rows 2 and 3", f'={oi(q + "2024-06-29" + q, q + "abc商事" + q)}', 2.0),
        ("AsOf omitted, one key: ABC商事 rows 2 and 10", f'={oi("", q + "ABC商事" + q)}', 2.0),
    ]
    # A column of keys gives a column, a row of keys a row; a missing key 0.
    for title, arg, ref in as_ofs[:5]:
        col = oi(arg, KC)
        want = open_items(T_ROWS, ref, KEY_COL)
        for i, (k, w) in enumerate(zip(KEY_COL, want), start=1):
            cases.append((f"column of keys at {title}: {k!r}", f"=INDEX({col};{i};1)", w))
        row = oi(arg, KR)
        want = open_items(T_ROWS, ref, KEY_ROW)
        for j, (k, w) in enumerate(zip(KEY_ROW, want), start=1):
            cases.append((f"row of keys at {title}: {k!r}", f"=INDEX({row};1;{j})", w))
    cases += [
        ("column of keys: 5 rows", f"=ROWS({oi(at, KC)})", 5.0),
        ("column of keys: 1 column", f"=COLUMNS({oi(at, KC)})", 1.0),
        ("row of keys: 1 row", f"=ROWS({oi(at, KR)})", 1.0),
        ("row of keys: 5 columns", f"=COLUMNS({oi(at, KR)})", 5.0),
        ("column of keys: the missing key is 0, not empty", f"=INDEX({oi(at, KC)};2;1)", 0.0),
        ("column of keys: the counts of listed keys add up", f"=SUM({oi(at, KC)})",
         sum(open_items(T_ROWS, "2024-06-30", KEY_COL))),
        ("AsOf omitted, a column of keys: C3 (row 8 closed on the latest date)",
         f"=INDEX({oi('', KC)};4;1)", open_items(T_ROWS, None, KEY_COL)[3]),
        ("AsOf omitted, a column of keys: ABC商事", f"=INDEX({oi('', KC)};1;1)", open_items(T_ROWS, None, KEY_COL)[0]),
        ("an inline column of keys", f'=INDEX({oi(at, "{" + q + "x" + q + "|" + q + "ＡＢＣ商事" + q + "}")};2;1)', 1.0),
    ]
    # Filter Kind = trouble (folded: row 4 says "Trouble").
    kind = f';{TK};"TROUBLE"'
    cases += [
        ("filter trouble, AsOf omitted", f"={oi('', '', kind)}", open_items(T_ROWS, None, None, "trouble")),
        ("filter trouble, 6/30: rows 2 and 4", f"={oi(at, '', kind)}", open_items(T_ROWS, "2024-06-30", None, "trouble")),
        ("filter trouble, 6/14: rows 2 and 9", f'={oi(q + "2024-06-14" + q, "", kind)}',
         open_items(T_ROWS, "2024-06-14", None, "trouble")),
        ("filter issue, 6/29: rows 3 and 8", f'={oi(q + "2024-06-29" + q, "", ";" + TK + ";" + q + "issue" + q)}',
         open_items(T_ROWS, "2024-06-29", None, "issue")),
        ("filter trouble, one key 1001 at 6/30: row 4", f"={oi(at, '1001', kind)}",
         open_items(T_ROWS, "2024-06-30", ["1001"], "trouble")[0]),
        ("filter and a column of keys: C4 at 6/14", f'=INDEX({oi(q + "2024-06-14" + q, KC, kind)};5;1)',
         open_items(T_ROWS, "2024-06-14", KEY_COL, "trouble")[4]),
        ("filter on the customers: a second filter", f'={oi(at, "", kind + ";" + TC + ";" + q + "abc商事" + q)}', 1.0),
    ]
    # The header row: the first row of the ranges is skipped when a date column's cell there
    # is a text that is not a date ("Opened").
    cases += [
        ("a header row in the ranges is skipped",
         '=OPENITEMS($Troubles.A1:A12;$Troubles.B1:B12;$Troubles.C1:C12;"2024-06-30")', 3.0),
        ("whole columns", '=OPENITEMS($Troubles.A:A;$Troubles.B:B;$Troubles.C:C;"2024-06-30")', 3.0),
    ]
    # Errors.
    cases += [
        ("opened and closed the same day: not open at its end",
         '=OPENITEMS($Bad.A1:A1;$Bad.B1:B1;$Bad.E1:E1;"2024-04-01")', 0.0),
        ("closed earlier the same day: times ignored, no error",
         '=OPENITEMS($Bad.A4:A4;$Bad.B4:B4;$Bad.C4:C4;"2024-06-01")', 0.0),
        ("... nor open the day before", '=OPENITEMS($Bad.A4:A4;$Bad.B4:B4;$Bad.C4:C4;"2024-05-31")', 0.0),
        ("closed before opened", "=OPENITEMS($Bad.A1:A3;$Bad.B1:B3;$Bad.C1:C3)", ERR),
        ("closed before opened, whatever AsOf and Keys", '=OPENITEMS($Bad.A1:A3;$Bad.B1:B3;$Bad.C1:C3;"2024-12-31";"X")', ERR),
        ("a word in Closed", '=OPENITEMS($Bad.A1:A3;$Bad.B1:B3;$Bad.D1:D3;"2024-12-31")', ERR),
        ("a word in Opened, Closed empty", '=OPENITEMS($Bad.A1:A3;$Bad.E1:E3;$Bad.F1:F3;"2024-12-31")', ERR),
        ("AsOf not a date", f'={oi(q + "next week" + q)}', ERR),
        ("AsOf 2024-02-30", f'={oi(q + "2024-02-30" + q)}', ERR),
        ("Closed of another length", f"=OPENITEMS({TC};{TO};$Troubles.C2:C11;{at})", ERR),
        ("odd filter arguments", f"={oi(at, '', ';' + TK)}", ERR),
        ("a block of keys", f"=ROWS({oi(at, '$Keys.A1:C2')})", ERR),
    ]
    return {"sheets": {"Troubles": TROUBLES, "Keys": KEYS_SHEET, "Bad": BAD}, "cases": cases}


# ---------------------------------------------------------------- generated logs

def generated():
    """A seeded trouble log and a rating log of 60 customers over 2023-2024, as sheets, with
    the customer list (2 customers without rows, one full-width spelling) and pandas
    frames of the truth."""
    rng = random.Random(20241231)
    ids = [f"K{i:03d}" for i in range(1, 56)] + [9001.0 + i for i in range(5)]
    first, span = datetime.date(2023, 1, 1), 731

    def spell(cid):
        if isinstance(cid, float):
            return cid if rng.random() < 0.5 else str(int(cid))
        full_width = cid.translate({ord(c): ord(c) + 0xFEE0 for c in cid})  # Ｋ００５
        return rng.choice([cid, cid, cid, cid.lower(), f" {cid} ", full_width])

    def write(d, time=True):
        form = rng.random()
        if form < 0.6:
            return float((d - EPOCH).days) + (rng.choice([0, 0, 0.25, 0.9]) if time else 0)
        if form < 0.75:
            return d.isoformat()
        if form < 0.9:
            return f"{d.year}/{d.month}/{d.day}"
        return f"{d.year}年{d.month}月{d.day}日"

    items, truth = [["Customer", "Opened", "Closed", "Kind"]], []
    for _ in range(2000):
        cid = rng.choice(ids)
        opened = first + datetime.timedelta(days=rng.randrange(span))
        closed = None if rng.random() < 0.2 else opened + datetime.timedelta(days=int(rng.expovariate(1 / 30)))
        kind = rng.choice(["trouble", "issue", "Issue"])
        customer, o = spell(cid), write(opened)
        if rng.random() < 0.01:
            customer = None
        if rng.random() < 0.01:
            o, opened = None, None
        # Times of day only on Opened: a Closed of the same day written with an earlier
        # time would be a trap in every case of this document (the hand log has one).
        items.append([customer, o, None if closed is None else write(closed, time=False), kind])
        truth.append({"key": fold(customer) if customer is not None else None,
                      "opened": opened, "closed": closed, "kind": kind.lower()})
    items_df = pd.DataFrame(truth)

    ratings, rtruth = [["Customer", "Date", "Rating", "Channel"]], []
    for i in range(3000):
        if i > 0 and rng.random() < 0.05:  # the same customer and day as an earlier row
            j = rng.randrange(len(rtruth))
            cid, d = rtruth[j]["cid"], rtruth[j]["date"]
        else:
            cid = rng.choice(ids)
            d = first + datetime.timedelta(days=rng.randrange(span))
        u = rng.random()
        value = None if u < 0.05 else "n/a" if u < 0.1 else float(rng.randint(1, 5))
        customer, written = spell(cid), write(d) if d is not None else None
        if rng.random() < 0.01:
            customer = None
        if rng.random() < 0.01:
            written, d = None, None
        channel = rng.choice(["survey", "call", "Call"])
        ratings.append([customer, written, value, channel])
        rtruth.append({"cid": cid, "key": fold(customer) if customer is not None else None,
                       "date": d, "value": value, "row": i, "channel": channel.lower()})
    ratings_df = pd.DataFrame(rtruth)

    keys = list(ids[:30]) + ["K998"] + list(ids[30:]) + ["Ｋ００７", "K999"]
    keys[3] = "k004"
    keys[-5] = str(int(keys[-5]))  # the text of a number id: "9004"
    return items, items_df, ratings, ratings_df, keys


AS_OFS = [("2023-06-30", '"2023-06-30"'), ("2024-03-31", str(serial("2024-03-31"))),
          ("2024-12-31", '"2024/12/31"')]


def openitems_generated():
    items, df, _, _, keys = generated()
    n = len(items)
    C, O, L, K = (f"$Items.{c}2:{c}{n}" for c in "ABCD")
    kept = df[df.key.notna() & df.opened.notna()]
    cases = []

    def counts(as_of, frame):
        d = pd.Timestamp(as_of).date()
        is_open = (frame.opened <= d) & (frame.closed.isna() | (frame.closed > d))
        return frame[is_open].groupby("key").size()

    latest = max(kept.opened.max(), kept.closed.dropna().max())
    cases.append(("pandas: AsOf omitted, all customers", f"=OPENITEMS({C};{O};{L})",
                  float(counts(latest, kept).sum())))
    for as_of, arg in AS_OFS:
        per = counts(as_of, kept)
        table = f"OPENITEMS({C};{O};{L};{arg};$Customers.A1:A{len(keys)})"
        cases.append((f"pandas: {as_of} all customers", f"=OPENITEMS({C};{O};{L};{arg})", float(per.sum())))
        cases.append((f"{as_of}: one count per key", f"=ROWS({table})", float(len(keys))))
        for i, k in enumerate(keys, start=1):
            cases.append((f"pandas: {as_of} open items of {k}", f"=INDEX({table};{i};1)", float(per.get(fold(k), 0))))
        troubles = counts(as_of, kept[kept.kind == "trouble"])
        cases.append((f"pandas: {as_of} open troubles", f'=OPENITEMS({C};{O};{L};{arg};;{K};"Trouble")',
                      float(troubles.sum())))
        for k in keys[:5]:
            cases.append((f"pandas: {as_of} open troubles of {k} (one key)",
                          f'=OPENITEMS({C};{O};{L};{arg};$Customers.A{keys.index(k) + 1};{K};"trouble")',
                          float(troubles.get(fold(k), 0))))
    return {"sheets": {"Items": items, "Customers": [[k] for k in keys]}, "cases": cases}


def latestvalue_generated():
    _, _, ratings, df, keys = generated()
    n = len(ratings)
    C, D, V, H = (f"$Ratings.{c}2:{c}{n}" for c in "ABCD")
    kept = df[df.key.notna() & df.date.notna() & df.value.notna()]
    cases = []

    def latest(as_of, frame):
        d = pd.Timestamp(as_of).date()
        f = frame[frame.date <= d].sort_values(["date", "row"], ascending=[False, True])
        return f.drop_duplicates("key").set_index("key").value, (f.value.iloc[0] if len(f) else None)

    for as_of, arg in AS_OFS:
        per, whole = latest(as_of, kept)
        table = f"LATESTVALUE({C};{D};{V};{arg};$Customers.A1:A{len(keys)})"
        cases.append((f"pandas: {as_of} the latest answer of all", f"=LATESTVALUE({C};{D};{V};{arg})", plain(whole)))
        cases.append((f"{as_of}: one value per key", f"=ROWS({table})", float(len(keys))))
        for i, k in enumerate(keys, start=1):
            cases.append(cell_case(f"pandas: {as_of} latest rating of {k}", f"INDEX({table};{i};1)", per.get(fold(k))))
        for k in keys[:3] + keys[-3:]:
            want = per.get(fold(k))
            cases.append((f"pandas: {as_of} latest rating of {k} (one key)",
                          f"=LATESTVALUE({C};{D};{V};{arg};$Customers.A{keys.index(k) + 1})",
                          plain(want)))
    per, whole = latest("2099-12-31", kept)
    cases.append(("pandas: no AsOf, the latest answer of all", f"=LATESTVALUE({C};{D};{V})", plain(whole)))
    for i in (1, 2, 8, 31):
        cases.append(cell_case(f"pandas: no AsOf, {keys[i - 1]}", f"INDEX(LATESTVALUE({C};{D};{V};;$Customers.A1:A{len(keys)});{i};1)",
                               per.get(fold(keys[i - 1]))))
    calls = kept[kept.channel == "call"]
    per, _ = latest("2024-03-31", calls)
    for i in (1, 2, 3):
        cases.append(cell_case(f"pandas: 2024-03-31 by call, {keys[i - 1]}",
                               f'INDEX(LATESTVALUE({C};{D};{V};"2024-03-31";$Customers.A1:A{len(keys)};{H};"call");{i};1)',
                               per.get(fold(keys[i - 1]))))
    return {"sheets": {"Ratings": ratings, "Customers": [[k] for k in keys]}, "cases": cases}


# ---------------------------------------------------------------- LATESTVALUE by hand

# Customer, date, value, channel. Rows 2..13 of sheet Ratings.
RATINGS = [
    ["Customer", "Date", "Rating", "Channel"],
    ["A社", "2024-04-01", 3.0, "survey"],                    # 2
    ["a社 ", "2024/5/1", 4.0, "call"],                       # 3 wins the tie of 5/1
    ["Ａ社", serial("2024-05-01"), 2.0, "survey"],           # 4 same day, lower in the sheet
    ["A社", "2024-06-01", None, "survey"],                   # 5 no value: skipped
    ["B社", serial("2024-05-15"), "n/a", "call"],            # 6 a text value
    ["B社", serial("2024-04-01"), 5.0, "survey"],            # 7
    [None, serial("2024-07-01"), 1.0, "call"],                # 8 no customer: skipped
    ["B社", None, 2.0, "call"],                              # 9 no date: skipped
    [1001.0, "2024年4月10日", 4.0, "call"],                  # 10 1001 as a number ...
    ["1001", "2024-04-10", 1.0, "call"],                     # 11 ... and as text, same day
    ["C社", serial("2024-06-20") + 0.6, 5.0, "survey"],      # 12 time of day ignored
    ["C社", "2024-06-21", "", "survey"],                     # 13 an empty text: not a value
]
R_ROWS = RATINGS[1:]
RC, RD, RV, RH = (f"$Ratings.{c}2:{c}{len(RATINGS)}" for c in "ABCD")
R_KEYS = ["ａ社", "B社", 1001.0, "nobody", "c社"]


def latestvalue():
    def lv(as_of="", keys="", filters=""):
        return f"LATESTVALUE({RC};{RD};{RV};{as_of};{keys}{filters})".replace(";;)", ")").replace(";)", ")")

    def want(as_of=None, key=None, channel=None):
        v = latest_value(R_ROWS, as_of, key, channel)
        return NA if v is None else v
    cases = [
        ("no AsOf, no keys: C社's 6/20 (6/21 and 7/1 skipped)", f"=LATESTVALUE({RC};{RD};{RV})", want()),
        ("by hand", f"=LATESTVALUE({RC};{RD};{RV})", 5.0),
        ("AsOf 6/19, no keys: B社's text on 5/15", f'={lv(q + "2024-06-19" + q)}', "n/a"),
        ("AsOf 5/1, no keys: the tie of 5/1, row 3 first", f'={lv(q + "2024-05-01" + q)}', 4.0),
        ("AsOf 4/10 as a serial: the tie of 1001, the number first", f'={lv(str(serial("2024-04-10")))}', 4.0),
        ("AsOf before every row, no keys", f'={lv(q + "2020-01-01" + q)}', NA),
        ("a key: A社 on 5/1, the higher of two rows", f'={lv("", q + "A社" + q)}', 4.0),
        ("the reference function agrees", f'={lv("", q + "A社" + q)}', want(None, "A社")),
        ("a key spelled Ａ社 full-width", f'={lv("", q + "Ａ社" + q)}', 4.0),
        ("AsOf 4/30: A社's 4/1", f'={lv(q + "2024/4/30" + q, q + "a社" + q)}', 3.0),
        ("AsOf 6/1: A社's empty 6/1 is skipped", f'={lv(q + "2024年6月1日" + q, q + "a社" + q)}', 4.0),
        ("AsOf before A社's first row", f'={lv(q + "2024-03-31" + q, q + "A社" + q)}', NA),
        ("B社: the text", f'={lv("", q + "B社" + q)}', "n/a"),
        ("B社 on 5/14: 5; the undated row skipped", f'={lv("DATE(2024;5;14)", q + "B社" + q)}', 5.0),
        ("1001 as a number: the first of the same day", f'={lv("", "1001")}', 4.0),
        ('"1001" as text', f'={lv("", q + "1001" + q)}', 4.0),
        ("C社 on 6/20: the row at 14:24 counts", f'={lv(q + "2024-06-20" + q, q + "C社" + q)}', 5.0),
        ("C社 on 6/19", f'={lv(q + "2024-06-19" + q, q + "C社" + q)}', NA),
        ("C社 with no AsOf: the empty value of 6/21 is skipped", f'={lv("", q + "c社" + q)}', 5.0),
        ("nobody", f'={lv("", q + "nobody" + q)}', NA),
        ("a filter: A社 in surveys, row 4", f'={lv("", q + "A社" + q, ";" + RH + ";" + q + "SURVEY" + q)}',
         want(None, "A社", "survey")),
        ("a filter without keys: the latest call, B社's 5/15", f'={lv("", "", ";" + RH + ";" + q + "call" + q)}',
         want(None, None, "call")),
        ("a key in a cell", f'={lv("", "$RKeys.A3")}', 4.0),
    ]
    for as_of, arg in [(None, ""), ("2024-05-01", '"2024-05-01"'), ("2024-03-31", '"2024-03-31"'),
                       ("2024-06-19", str(serial("2024-06-19")))]:
        col, row = lv(arg, "$RKeys.A1:A5"), lv(arg, "$RKeys.C1:G1")
        for i, k in enumerate(R_KEYS, start=1):
            w = latest_value(R_ROWS, as_of, k)
            cases.append(cell_case(f"column of keys, AsOf {as_of}: {k}", f"INDEX({col};{i};1)", w))
            cases.append(cell_case(f"row of keys, AsOf {as_of}: {k}", f"INDEX({row};1;{i})", w))
    cases += [
        ("column of keys: 5 rows", f"=ROWS({lv('', '$RKeys.A1:A5')})", 5.0),
        ("column of keys: 1 column", f"=COLUMNS({lv('', '$RKeys.A1:A5')})", 1.0),
        ("row of keys: 5 columns", f"=COLUMNS({lv('', '$RKeys.C1:G1')})", 5.0),
        ("row of keys: 1 row", f"=ROWS({lv('', '$RKeys.C1:G1')})", 1.0),
        ("a range of keys before every row: all empty",
         f'=SUMPRODUCT({lv(q + "2020-01-01" + q, "$RKeys.A1:A5")}="")', 5.0),
        ("a header row in the ranges is skipped",
         '=LATESTVALUE($Ratings.A1:A13;$Ratings.B1:B13;$Ratings.C1:C13;"2024-05-01";"B社")', 5.0),
        ("a word in the dates", f'=LATESTVALUE({RC};{RH};{RV};;"A社")', ERR),
        ("AsOf not a date", f'={lv(q + "someday" + q, q + "A社" + q)}', ERR),
        ("values of another length", f'=LATESTVALUE({RC};{RD};$Ratings.C2:C12;;"A社")', ERR),
        ("odd filter arguments", f'={lv("", "", ";" + RH)}', ERR),
    ]
    keys_sheet = [[R_KEYS[0], None] + R_KEYS] + [[k] for k in R_KEYS[1:]]
    return {"sheets": {"Ratings": RATINGS, "RKeys": keys_sheet}, "cases": cases}


# ---------------------------------------------------------------- FANSCORE etc. over arrays

# Six customers, rows 2..7 of sheet Fans: rating, troubles, growth, issues (B..E), a goal (F),
# a score (G), goals without blanks (H), and columns with one bad position each (I..M).
FANS = [
    ["Name", "Rating", "Troubles", "Growth", "Issues", "Goal", "Score", "Goal2",
     "BadRating", "BadTroubles", "TextGrowth", "BadScore", "BadGoal"],
    ["A", 5.0, 1.0, 0.1, 2.0, "grow", 85.0, "partner", 5.0, 1.0, 0.1, 85.0, "grow"],
    ["B", 3.0, None, None, 1.0, "長期", 60.0, "grow", 7.0, None, None, 60.0, "長期"],
    ["C", None, None, None, None, None, None, "maintain", None, None, "good", None, "maintain"],
    ["D", 1.0, 4.0, -0.3, 5.0, "maintain", 39.5, "distance", 1.0, 4.0, -0.3, 101.0, "maintain"],
    ["E", 4.5, 0.0, 1.0, 0.0, " Partner ", 100.0, "拡大", 4.5, -1.0, 1.0, 100.0, "friend"],
    ["F", 2.0, 2.0, -0.05, 3.0, "距離", 40.0, "維持", 2.0, 2.0, -0.05, 40.0, "距離"],
]
F_ROWS = [r[1:] for r in FANS[1:]]
WEIGHTS = [2.0, 1.0, 1.0, 0.0]


def fans_sheet():
    """FANS with the scalar form beside the array form: N the scalar (a blank passed as ""),
    O the same position of the array form."""
    rows = [FANS[0] + ["Scalar", "Array"]]
    for i, r in enumerate(FANS[1:], start=2):
        args = ";".join(f'IF({c}{i}="";"";{c}{i})' for c in "BCDE")
        rows.append(r + [f"=FANSCORE({args})", f"=INDEX(FANSCORE($B$2:$B$7;$C$2:$C$7;$D$2:$D$7;$E$2:$E$7);{i - 1};1)"])
    return rows


def column(j):
    return [r[j] for r in F_ROWS]


def fanscore_arrays():
    B, C, D, E, F, G, H, I, J, K, L, M = (f"$Fans.{c}2:{c}7" for c in "BCDEFGHIJKLM")
    ratings, troubles, growth, issues = column(0), column(1), column(2), column(3)
    goals, scores, goals2 = column(4), column(5), column(6)
    fs = f"FANSCORE({B};{C};{D};{E})"
    cases = [
        ("six positions", f"=ROWS({fs})", 6.0),
        ("one column", f"=COLUMNS({fs})", 1.0),
        ("by hand: A (100+70+75+50)/4", f"=INDEX({fs};1;1)", 73.75),
        ("by hand: B rating and issues only (50+75)/2", f"=INDEX({fs};2;1)", 62.5),
        ("by hand: D the worst", f"=INDEX({fs};4;1)", 0.0),
    ]
    per = [fan_score(*x) for x in zip(ratings, troubles, growth, issues)]
    for i, w in enumerate(per, start=1):
        cases.append(cell_case(f"position {i}", f"INDEX({fs};{i};1)", w))
    # The array form and the scalar form side by side (N scalar, O array, in sheet Fans).
    for i, w in enumerate(per, start=2):
        if w is None:
            cases.append((f"row {i}: the scalar of all-empty inputs is #N/A", f"=$Fans.N{i}", NA))
            continue
        cases.append((f"row {i}: the scalar form", f"=$Fans.N{i}", w))
        cases.append((f"row {i}: the array form beside it", f"=$Fans.O{i}", w))
        cases.append((f"row {i}: the two agree", f"=$Fans.N{i}=$Fans.O{i}", 1.0))
    cases.append(("the scalar form with cells agrees on A", "=FANSCORE($Fans.B2;$Fans.C2;$Fans.D2;$Fans.E2)", per[0]))
    cases.append(("the scalar form with cells agrees on F", "=FANSCORE($Fans.B7;$Fans.C7;$Fans.D7;$Fans.E7)", per[5]))
    # One value for every position.
    fs1 = f"FANSCORE({B};0;{D};0)"
    for i, r in enumerate(ratings, start=1):
        cases.append(cell_case(f"troubles and issues 0 for all: position {i}", f"INDEX({fs1};{i};1)",
                               fan_score(r, 0, growth[i - 1], 0)))
    fs2 = f"FANSCORE(4;{C};;{E})"
    for i in range(1, 7):
        cases.append(cell_case(f"rating 4 for all, growth omitted: position {i}", f"INDEX({fs2};{i};1)",
                               fan_score(4, troubles[i - 1], None, issues[i - 1])))
    cases.append(("one value for all: six positions", f"=ROWS({fs1})", 6.0))
    # Weights 2, 1, 1, 0 stay one list.
    fw = f"FANSCORE({B};{C};{D};{E};$W.A1:D1)"
    for i, x in enumerate(zip(ratings, troubles, growth, issues), start=1):
        cases.append(cell_case(f"weights 2,1,1,0: position {i}", f"INDEX({fw};{i};1)", fan_score(*x, WEIGHTS)))
    cases.append(("inline weights", f"=INDEX(FANSCORE({B};{C};{D};{E};{{2;1;1;0}});6;1)", fan_score(*F_ROWS[5][:4], WEIGHTS)))
    # A two-by-two inline array, growth one value.
    m = "FANSCORE({5;3|1;2};{1;0|0;2};0.1;{2;0|1;4})"
    for i, j, x in [(1, 1, (5, 1, 0.1, 2)), (1, 2, (3, 0, 0.1, 0)), (2, 1, (1, 0, 0.1, 1)), (2, 2, (2, 2, 0.1, 4))]:
        cases.append((f"2x2 inline: ({i};{j})", f"=INDEX({m};{i};{j})", fan_score(*x)))
    cases += [("2x2 inline: 2 rows", f"=ROWS({m})", 2.0), ("2x2 inline: 2 columns", f"=COLUMNS({m})", 2.0)]
    # A row of ratings: the result is a row.
    cases.append(("a row of ratings gives a row", "=COLUMNS(FANSCORE($W.A3:F3;0;0;0))", 6.0))
    cases.append(("a row of ratings: the 6th", "=INDEX(FANSCORE($W.A3:F3;0;0;0);1;6)", fan_score(2.0, 0, 0, 0)))
    # One cell of all-empty inputs stays #N/A.
    cases.append(("a result of one cell, all empty, stays #N/A",
                  "=FANSCORE($Fans.B4:B4;$Fans.C4:C4;$Fans.D4:D4;$Fans.E4:E4)", NA))
    # Errors: the whole result.
    cases += [
        ("shapes differ: 6 and 5 rows", f"=ROWS(FANSCORE({B};$Fans.C2:C6;{D};{E}))", ERR),
        ("shapes differ: a column and a row of 6", f"=ROWS(FANSCORE($W.A3:F3;{C};0;0))", ERR),
        ("shapes differ: 6 rows and a 2x2 array", f"=ROWS(FANSCORE({B};{{1;0|0;2}};0;0))", ERR),
        ("a rating 7 at position 2", f"=ROWS(FANSCORE({I};{C};{D};{E}))", ERR),
        ("a rating 7 at position 2: position 1 too", f"=INDEX(FANSCORE({I};{C};{D};{E});1;1)", ERR),
        ("a negative trouble count at position 5", f"=INDEX(FANSCORE({B};{J};{D};{E});1;1)", ERR),
        ("a text growth at position 3", f"=INDEX(FANSCORE({B};{C};{K};{E});1;1)", ERR),
        ("weights still four numbers", f"=INDEX(FANSCORE({B};{C};{D};{E};$W.A1:C1);1;1)", ERR),
    ]
    # FANLEVEL over an array, in English and Japanese.
    fl, fj = f"FANLEVEL({G})", f'FANLEVEL({G};"ja")'
    for i, s in enumerate(scores, start=1):
        cases.append(cell_case(f"FANLEVEL position {i}", f"INDEX({fl};{i};1)", fan_level(s)))
        cases.append(cell_case(f"FANLEVEL ja position {i}", f"INDEX({fj};{i};1)", fan_level(s, True)))
    cases.append(("FANLEVEL: six positions", f"=ROWS({fl})", 6.0))
    for i, w in enumerate(per, start=1):
        cases.append(cell_case(f"FANLEVEL of the array FANSCORE, position {i}",
                               f"INDEX(FANLEVEL({fs});{i};1)", fan_level(w)))
    cases.append(("FANLEVEL of an inline row", '=INDEX(FANLEVEL({10;90};"JA");1;2)', "ファン"))
    cases.append(("FANLEVEL: a score 101 at position 4", f"=INDEX(FANLEVEL({L});1;1)", ERR))
    cases.append(("FANLEVEL: a range as Language", f"=INDEX(FANLEVEL({G};{F});1;1)", ERR))
    # FANGAP over arrays of scores and goals, and one goal or one score for all.
    fg = f"FANGAP({G};{F})"
    for i, (s, g) in enumerate(zip(scores, goals), start=1):
        cases.append(cell_case(f"FANGAP position {i}", f"INDEX({fg};{i};1)", fan_gap(s, g)))
    cases.append(("FANGAP: six positions", f"=ROWS({fg})", 6.0))
    for i, g in enumerate(goals2, start=1):
        cases.append(cell_case(f"FANGAP one score 70 for all: position {i}", f"INDEX(FANGAP(70;{H});{i};1)",
                               fan_gap(70.0, g)))
    for i, s in enumerate(scores, start=1):
        if s is not None:
            cases.append(cell_case(f"FANGAP one goal 拡大 for all: position {i}", f'INDEX(FANGAP({G};"拡大");{i};1)',
                                   fan_gap(s, "grow")))
    cases.append(("FANGAP one goal for all, no score at position 3: an empty cell (decision)",
                  f'=INDEX(FANGAP({G};"grow");3;1)=""', 1.0))
    for i, w in enumerate(per, start=1):
        if w is not None:
            cases.append(cell_case(f"FANGAP of the array FANSCORE and Goal2, position {i}",
                                   f"INDEX(FANGAP({fs};{H});{i};1)", fan_gap(w, goals2[i - 1])))
    cases += [
        ("FANGAP: shapes differ", f"=INDEX(FANGAP({G};$Fans.H2:H6);1;1)", ERR),
        ("FANGAP: an unknown goal at position 5", f"=INDEX(FANGAP({G};{M});1;1)", ERR),
        ("FANGAP: a score 101 at position 4", f"=INDEX(FANGAP({L};{H});1;1)", ERR),
    ]
    weights = [WEIGHTS, [], [2.0, 5.0, 3.0, 4.5, 1.0, 2.0]]
    return {"sheets": {"Fans": fans_sheet(), "W": weights}, "cases": cases}


DOCS = {
    "openitems": openitems,
    "openitems_generated": openitems_generated,
    "latestvalue": latestvalue,
    "latestvalue_generated": latestvalue_generated,
    "fanscore_arrays": fanscore_arrays,
}
