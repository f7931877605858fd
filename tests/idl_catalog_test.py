#!/usr/bin/python3
"""The function table (catalog.cpp) and the interface (the type library built from idl/)
agree: the same methods, the same arguments in the same order, a cell reference exactly
where the table says so, the trailing filters as sequence<any>. The adapters cannot drift
from the interface either: a method the IDL declares and addin.cxx lacks does not compile.

Usage: idl_catalog_test.py catalog_dump customeranalytics.rdb
"""
import json
import re
import subprocess
import sys

PROGRAM = "/usr/lib/libreoffice/program"
SDK = "/usr/lib/libreoffice/sdk"


def idl_methods(rdb):
    text = subprocess.run([f"{SDK}/bin/unoidl-read", f"{PROGRAM}/types.rdb",
                           f"{PROGRAM}/types/offapi.rdb", rdb],
                          check=True, capture_output=True, text=True).stdout
    methods = {}
    for name, params in re.findall(r"any (\w+)\((.*?)\) raises", text):
        methods[name] = [re.match(r"(?:\[in\] )?(.+) \w+$", p.strip()).group(1)
                         for p in params.split(", [in] ")]
    return methods


def main():
    catalog = json.loads(subprocess.run([sys.argv[1]], check=True, capture_output=True,
                                        text=True).stdout)
    idl = idl_methods(sys.argv[2])
    problems = []
    table = {f["method"]: f for f in catalog["functions"]}
    if set(table) != set(idl):
        problems.append(f"only in the table: {sorted(set(table) - set(idl))}, "
                        f"only in the IDL: {sorted(set(idl) - set(table))}")
    for name in sorted(set(table) & set(idl)):
        params = idl[name]
        if not params or params[0] != "::com::sun::star::beans::XPropertySet":
            problems.append(f"{name}: the hidden options must come first")
            continue
        args = table[name]["arguments"]
        if len(args) != len(params) - 1:
            problems.append(f"{name}: {len(args)} arguments in the table, {len(params) - 1} in the IDL")
            continue
        for a, t in zip(args, params[1:]):
            want = ("sequence< any >" if a["repeated"] else
                    "::com::sun::star::table::XCellRange" if a["reference"] else "any")
            if t != want:
                problems.append(f"{name}: {a['name']['en']} is {t} in the IDL, the table wants {want}")
            if a["optional"] and a["reference"]:
                problems.append(f"{name}: {a['name']['en']} optional but a reference")
    for p in problems:
        print(p)
    print(f"{len(table) - len(problems)} passed, {len(problems)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
