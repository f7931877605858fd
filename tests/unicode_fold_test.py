#!/usr/bin/python3
"""The core folds keys (NFKC and case folding, by utf8proc) as ICU's NFKC_Casefold does:
over the keys the tests use and a sweep of every assigned code point of the Japanese and
full-width blocks, alone and inside a key. Blanks at either end are trimmed after
folding, as the core does.

Usage: unicode_fold_test.py BUILD/key_text_tool
"""
import glob
import os
import re
import subprocess
import sys
import unicodedata

import icu

HERE = os.path.dirname(os.path.abspath(__file__))
BLOCKS = [(0x3000, 0x30FF), (0x3190, 0x31FF), (0x3200, 0x33FF), (0x4E00, 0x9FFF),
          (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]
BLANKS = " \t\n\r\u00a0\u3000"


def keys_in_tests():
    """Every non-ASCII string literal of the test sources."""
    found = set()
    for path in glob.glob(os.path.join(HERE, "calc", "*.py")) + \
            glob.glob(os.path.join(HERE, "unit", "*.cpp")):
        with open(path, encoding="utf-8") as f:
            for s in re.findall(r'"([^"\\\n]*)"', f.read()):
                if any(ord(c) > 127 for c in s):
                    found.add(s)
    return sorted(found)


def sweep():
    for lo, hi in BLOCKS:
        for cp in range(lo, hi + 1):
            c = chr(cp)
            if unicodedata.category(c) in ("Cn", "Cs", "Co", "Cc"):
                continue
            yield c
            yield f"ａ{c}Ｂ"


def main():
    fold = icu.Normalizer2.getNFKCCasefoldInstance()
    texts = [t for t in keys_in_tests() + list(sweep()) if "\n" not in t and "\r" not in t]
    out = subprocess.run([sys.argv[1]], input="\n".join(texts) + "\n", capture_output=True,
                         text=True, encoding="utf-8", check=True).stdout.split("\n")
    bad = []
    for text, got in zip(texts, out):
        want = fold.normalize(text).strip(BLANKS)
        if got != want:
            bad.append(f"{text!r} ({' '.join(f'U+{ord(c):04X}' for c in text)}): "
                       f"core {got!r}, ICU {want!r}")
    for b in bad[:50]:
        print(b)
    print(f"{len(texts) - len(bad)} of {len(texts)} texts fold as ICU {icu.ICU_VERSION} folds them")
    return 1 if bad or len(out) < len(texts) else 0


if __name__ == "__main__":
    sys.exit(main())
