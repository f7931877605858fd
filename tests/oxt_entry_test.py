#!/usr/bin/python3
"""The Extension Manager's entry, checked without pixels: the .oxt's description.xml
names the extension in English and Japanese, its publisher, a description in both
languages and an icon, each file it points to is in the package (the icon a 42 x 42
PNG), the package carries the license, and the version is the project's.

Usage: oxt_entry_test.py customeranalytics.oxt VERSION
"""
import struct
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"d": "http://openoffice.org/extensions/description/2006",
      "xlink": "http://www.w3.org/1999/xlink"}
HREF = "{http://www.w3.org/1999/xlink}href"


def main():
    oxt, version = sys.argv[1], sys.argv[2]
    problems, checks = [], [0]
    with zipfile.ZipFile(oxt) as z:
        names = set(z.namelist())
        root = ET.fromstring(z.read("description.xml"))

        def need(cond, what):
            checks[0] += 1
            if not cond:
                problems.append(what)

        need(root.find("d:version", NS).get("value") == version, f"version is not {version}")
        for lang in ("en", "ja"):
            need(root.find(f"d:display-name/d:name[@lang='{lang}']", NS) is not None, f"no {lang} name")
            name = root.find(f"d:publisher/d:name[@lang='{lang}']", NS)
            need(name is not None and name.text.strip(), f"no {lang} publisher")
            src = root.find(f"d:extension-description/d:src[@lang='{lang}']", NS)
            path = src.get(HREF) if src is not None else None
            need(path in names, f"the {lang} description {path} is not in the package")
            if path in names:
                need(len(z.read(path).decode("utf-8").strip()) > 100, f"the {lang} description is short")
        icon = root.find("d:icon/d:default", NS)
        path = icon.get(HREF) if icon is not None else None
        need(path in names, f"the icon {path} is not in the package")
        if path in names:
            png = z.read(path)
            need(png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (42, 42),
                 "the icon is not a 42 x 42 PNG")
        need("LICENSE" in names and b"Mozilla Public License" in z.read("LICENSE"),
             "the package carries no MPL-2.0 LICENSE")
    for p in problems:
        print(p)
    print(f"{checks[0] - len(problems)} passed, {len(problems)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
