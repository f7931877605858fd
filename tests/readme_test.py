#!/usr/bin/python3
"""README.md and README.ja.md give the same commands: the first code block of each (the
two commands a user starts with) and every `unopkg` line are identical but for their
comments, which each README writes in its language."""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def commands(name):
    with open(os.path.join(ROOT, name), encoding="utf-8") as f:
        text = f.read()
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    command = lambda line: line.split("#")[0].strip()  # noqa: E731
    first = [command(line) for line in blocks[0].splitlines()] if blocks else []
    unopkg = [command(line) for b in blocks for line in b.splitlines()
              if line.startswith(("unopkg", "sudo unopkg"))]
    return first, unopkg


def main():
    en, ja = commands("README.md"), commands("README.ja.md")
    problems = []
    if not en[0]:
        problems.append("README.md has no command block")
    if en[0] != ja[0]:
        problems.append(f"the first commands differ:\n  en {en[0]}\n  ja {ja[0]}")
    if en[1] != ja[1]:
        problems.append(f"the unopkg lines differ:\n  en {en[1]}\n  ja {ja[1]}")
    for p in problems:
        print(p)
    print(f"{2 - len(problems)} passed, {len(problems)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
