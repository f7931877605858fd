"""Calc test cases for FANSCORE, FANLEVEL and FANGAP. Expected values by hand from the
spec's part scores: rating r -> (r-1)/4*100; unresolved troubles n -> max(0, 100-30n);
growth g -> clamp(50+250g, 0, 100); open issues n -> max(0, 100-25n)."""
from common import ERR, NA

# Inputs on a sheet, as users keep them: a weights row, blanks, text, a 1-based rating.
INPUTS = [
    ["Weights", 2, 1, 1, 0],
    ["Zero weights", 0, 0, 0, 0],
    ["Negative weight", 1, -1, 1, 1],
    ["Three weights", 1, 1, 1, None],
    ["Blank", None],
    ["Text", "good"],
    ["Weights as column", 1],
    [None, 1],
    [None, 1],
    [None, 1],
]


def fanscore():
    return {
        "sheets": {"Inputs": INPUTS},
        "cases": [
            ("all four parts, equal weights: (100+70+75+50)/4", "=FANSCORE(5;1;0.1;2)", 73.75),
            ("the worst customer", "=FANSCORE(1;4;-0.3;5)", 0.0),
            ("the best customer", "=FANSCORE(5;0;0.2;0)", 100.0),
            ("growth clamps at 100", "=FANSCORE(;;1;)", 100.0),
            ("growth clamps at 0", "=FANSCORE(;;-1;)", 0.0),
            ("troubles floor at 0: 4 -> 0", "=FANSCORE(;4;;)", 0.0),
            ("empty parts left out: rating 3 and 1 issue: (50+75)/2", "=FANSCORE(3;;;1)", 62.5),
            ('"" leaves the part out', '=FANSCORE(3;"";"";1)', 62.5),
            ('a formula giving "" leaves the part out', '=FANSCORE(3;IF(1;"");0.1-0.1;1)', (50 + 50 + 75) / 3),
            ("a blank cell reference reads as 0, as in Calc's own functions",
             "=FANSCORE(3;$Inputs.B5;$Inputs.B5;1)", (50 + 100 + 50 + 75) / 4),
            ("weights 2,1,1,0: (2*50+100+0)/4", "=FANSCORE(3;0;-1;9;$Inputs.B1:E1)", 50.0),
            ("weights renormalised over present parts: rating only", "=FANSCORE(3;;;9;$Inputs.B1:E1)", 50.0),
            ("weights as a column", "=FANSCORE(2;1;0;0;$Inputs.B7:B10)", (25 + 70 + 50 + 100) / 4),
            ("a resolved trouble costs nothing: 0 unresolved", "=FANSCORE(;0;;)", 100.0),
            ("fractional rating 4.5", "=FANSCORE(4.5;;;)", 87.5),
            ("all empty", "=FANSCORE(;;;)", NA),
            ("only a part whose weight is 0", "=FANSCORE(;;;2;$Inputs.B1:E1)", NA),
            ("rating 6", "=FANSCORE(6;0;0;0)", ERR),
            ("rating 0", "=FANSCORE(0;0;0;0)", ERR),
            ("fractional troubles", "=FANSCORE(3;1.5;0;0)", ERR),
            ("negative issues", "=FANSCORE(3;0;0;-1)", ERR),
            ("text rating", "=FANSCORE($Inputs.B6;0;0;0)", ERR),
            ("all weights zero", "=FANSCORE(3;0;0;0;$Inputs.B2:E2)", ERR),
            ("a negative weight", "=FANSCORE(3;0;0;0;$Inputs.B3:E3)", ERR),
            ("three weights", "=FANSCORE(3;0;0;0;$Inputs.B4:D4)", ERR),
            ("a range of ratings: one score per position", "=COLUMNS(FANSCORE($Inputs.B1:C1;0;0;0))", 2.0),
            ("the second position: rating 1, (0+100+50+100)/4",
             "=INDEX(FANSCORE($Inputs.B1:C1;0;0;0);1;2)", 62.5),
        ],
    }


def fanlevel():
    return {
        "sheets": {"Inputs": INPUTS},
        "cases": [
            ("100 is a fan", "=FANLEVEL(100)", "fan"),
            ("80 is a fan", "=FANLEVEL(80)", "fan"),
            ("79.99 supporter", "=FANLEVEL(79.99)", "supporter"),
            ("60 supporter", "=FANLEVEL(60)", "supporter"),
            ("59 neutral", "=FANLEVEL(59)", "neutral"),
            ("40 neutral", "=FANLEVEL(40)", "neutral"),
            ("39.5 at risk", "=FANLEVEL(39.5)", "at risk"),
            ("0 at risk", "=FANLEVEL(0)", "at risk"),
            ("ja: ファン", '=FANLEVEL(85;"ja")', "ファン"),
            ("ja: 支持者", '=FANLEVEL(65;"ja")', "支持者"),
            ("ja: 中立", '=FANLEVEL(45;"JA")', "中立"),
            ("ja: 要注意", '=FANLEVEL(5;"ja")', "要注意"),
            ("en explicitly", '=FANLEVEL(85;"en")', "fan"),
            ("from FANSCORE", "=FANLEVEL(FANSCORE(5;1;0.1;2))", "supporter"),
            ('empty score ""', '=FANLEVEL("")', NA),
            ("a blank cell reads as 0", "=FANLEVEL($Inputs.B5)", "at risk"),
            ("score above 100", "=FANLEVEL(101)", ERR),
            ("negative score", "=FANLEVEL(-1)", ERR),
            ("text score", "=FANLEVEL($Inputs.B6)", ERR),
            ("unknown language", '=FANLEVEL(50;"fr")', ERR),
        ],
    }


def fangap():
    return {
        "sheets": {"Inputs": INPUTS},
        "cases": [
            ("partner 80 - 70", '=FANGAP(70;"partner")', 10.0),
            ("grow 60 - 70: met", '=FANGAP(70;"grow")', -10.0),
            ("maintain 40 - 30", '=FANGAP(30;"maintain")', 10.0),
            ("distance 0 - 30", '=FANGAP(30;"distance")', -30.0),
            ("長期 = partner", '=FANGAP(50;"長期")', 30.0),
            ("拡大 = grow", '=FANGAP(50;"拡大")', 10.0),
            ("維持 = maintain", '=FANGAP(50;"維持")', -10.0),
            ("距離 = distance", '=FANGAP(50;"距離")', -50.0),
            ("case and blanks ignored", '=FANGAP(80;" Partner ")', 0.0),
            ("exactly met is 0", '=FANGAP(60;"grow")', 0.0),
            ("from FANSCORE", '=FANGAP(FANSCORE(5;1;0.1;2);"partner")', 6.25),
            ("fractional score", '=FANGAP(79.5;"partner")', 0.5),
            ('empty score ""', '=FANGAP("";"grow")', NA),
            ("unknown goal", '=FANGAP(50;"friend")', ERR),
            ("no goal", "=FANGAP(50;$Inputs.B5)", ERR),
            ("score above 100", '=FANGAP(120;"grow")', ERR),
            ("text score", '=FANGAP($Inputs.B6;"grow")', ERR),
        ],
    }


DOCS = {"fanscore": fanscore, "fanlevel": fanlevel, "fangap": fangap}
