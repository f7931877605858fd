#!/usr/bin/python3
"""Calc's FunctionDescriptions service lists every function of the table with its texts:
in English under an English UI, in Japanese under a Japanese one.

Usage: function_wizard_test.py BUILD/addin/oxt BUILD/addin/catalog_dump
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
from office import Office  # noqa: E402


def wizard_entries(office):
    descriptions = office.service("com.sun.star.sheet.FunctionDescriptions")
    entries = {}
    for i in range(descriptions.getCount()):
        d = {p.Name: p.Value for p in descriptions.getByIndex(i)}
        entries[d["Name"]] = d
    return entries


def compare(table, entries, lang):
    problems = []
    for f in table["functions"]:
        e = entries.get(f["display"])
        if e is None:
            problems.append(f"{lang}: {f['display']} missing from the Function Wizard")
            continue
        if e["Description"] != f["description"][lang]:
            problems.append(f"{lang}: {f['display']} description {e['Description']!r}")
        shown = [(a.Name, a.Description) for a in e["Arguments"]]
        wanted = [(a["name"][lang], a["description"][lang]) for a in f["arguments"]]
        if shown != wanted:
            problems.append(f"{lang}: {f['display']} arguments {shown!r} != {wanted!r}")
    return problems


def main():
    addin_dir, dump = sys.argv[1], sys.argv[2]
    table = json.loads(subprocess.run([dump], check=True, capture_output=True, text=True).stdout)
    problems = []
    for lang in ("en", "ja"):
        with Office(addin_dir, ui_language=None if lang == "en" else "ja") as office:
            entries = wizard_entries(office)
            problems += compare(table, entries, lang)
            sample = entries.get("AVGTOUCHPOINTS", {}).get("Description")
            print(f"{lang}: AVGTOUCHPOINTS: {sample}")
    for p in problems:
        print(p)
    print(f"{len(table['functions'])} functions checked in en and ja: "
          f"{'OK' if not problems else str(len(problems)) + ' problems'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
