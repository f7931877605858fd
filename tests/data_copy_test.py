#!/usr/bin/python3
"""tests/data holds unchanged copies of ../shared/data: every file must equal its source
byte for byte. Skipped (77) where ../shared/data is not beside the checkout.

Usage: data_copy_test.py
"""
import filecmp
import glob
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COPIES = os.path.join(HERE, "data")
SOURCE = os.path.join(HERE, "..", "..", "shared", "data")


def main():
    if not os.path.isdir(SOURCE):
        print(f"no {SOURCE}: nothing to compare")
        return 77
    files = sorted(glob.glob(os.path.join(COPIES, "*", "*")))
    differ = [f for f in files
              if not filecmp.cmp(f, os.path.join(SOURCE, os.path.relpath(f, COPIES)), shallow=False)]
    print(f"{len(files) - len(differ)}/{len(files)} copies equal their source")
    for f in differ:
        print("  differs:", os.path.relpath(f, COPIES))
    return 1 if differ or not files else 0


if __name__ == "__main__":
    sys.exit(main())
