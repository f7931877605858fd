#!/usr/bin/python3
"""The README's "Past a million rows" commands work as written: every `node scripts/sql.mjs`
line of README.md runs from the checkout's root with the freshly built extension, and
README.ja.md gives the same lines.

Usage: readme_test.py EXTENSION
"""
import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def sql_lines(name):
    with open(os.path.join(ROOT, name), encoding="utf-8") as f:
        blocks = re.findall(r"```sh\n(.*?)```", f.read(), re.S)
    return [line for b in blocks for line in b.splitlines() if line.startswith("node scripts/sql.mjs")]


def main():
    en, ja = sql_lines("README.md"), sql_lines("README.ja.md")
    failures = []
    if not en or en != ja:
        failures.append(f"README.md and README.ja.md give other SQL commands:\n{en}\n{ja}")
    os.makedirs(os.path.join(ROOT, "build"), exist_ok=True)
    env = dict(os.environ, CA_DUCKDB_EXTENSION=os.path.abspath(sys.argv[1]))
    for line in en:
        run = subprocess.run(line, shell=True, cwd=ROOT, env=env, capture_output=True, text=True)
        print(run.stdout[-600:])
        if run.returncode != 0 or "│" not in run.stdout:
            failures.append(f"{line}\n{run.stderr}")
    for f in failures:
        print("FAILED", f)
    print(f"{len(en) + 1 - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
