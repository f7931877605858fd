#!/usr/bin/env python3
"""Assembles the .oxt from the platform-independent files and one library per platform.

Each platform gets a folder platform/<token>/ holding its library and a .components file
naming it, with the C++ bridge of that platform (gcc3, or mscx for Windows x64: the wrong
one aborts the office at load). META-INF/manifest.xml lists one uno-components entry per
LibreOffice platform name, and LibreOffice registers only the entry that fits the
platform it runs on (desktop/source/deployment, dp_platform.cxx). description.xml lists
the platforms carried.

The local build makes an .oxt for the machine it runs on; a release assembles the
libraries of every platform's build:

  assemble_oxt.py OUT.oxt --common build/addin/oxt \\
      --platform linux_x86_64=linux/customeranalytics.uno.so \\
      --platform windows_x86_64=windows/customeranalytics.uno.dll \\
      --platform macosx=macos/customeranalytics.uno.dylib

--common is a folder with description.xml, customeranalytics.rdb, LICENSE, icon.png and
description/ (the build's addin/oxt folder).
"""
import argparse
import os
import re
import sys
import zipfile

# token -> (LibreOffice platform names the manifest lists, description.xml tokens, bridge).
# A universal macOS library serves both architectures.
PLATFORMS = {
    "linux_x86_64": (["Linux_x86_64"], ["linux_x86_64"], "gcc3"),
    "linux_aarch64": (["Linux_AARCH64"], ["linux_aarch64"], "gcc3"),
    "windows_x86_64": (["Windows_x86_64"], ["windows_x86_64"], "mscx"),
    "macosx": (["MacOSX_x86_64", "MacOSX_aarch64"], ["macosx_x86_64", "macosx_aarch64"], "gcc3"),
}
# The .components file of one platform: the build's own template.
TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "addin", "package",
                        "customeranalytics.components.in")
ENTRY = ('  <manifest:file-entry manifest:media-type="{type}"\n'
         '                       manifest:full-path="{path}"/>\n')
TYPELIB = "application/vnd.sun.star.uno-typelibrary;type=RDB"
COMPONENTS_TYPE = "application/vnd.sun.star.uno-components;platform={platform}"


def components_file(bridge, library):
    with open(TEMPLATE, encoding="utf-8") as f:
        return f.read().replace("@CA_UNO_BRIDGE@", bridge).replace("@CA_LIBRARY@", library)


def assemble(out, common, libraries):
    """libraries: {token: path}. Writes `out` and returns its member names."""
    unknown = set(libraries) - set(PLATFORMS)
    if unknown:
        raise SystemExit(f"unknown platform {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(PLATFORMS)}")
    manifest = ['<?xml version="1.0" encoding="UTF-8"?>\n',
                '<manifest:manifest xmlns:manifest="http://openoffice.org/2001/manifest">\n',
                ENTRY.format(type=TYPELIB, path="customeranalytics.rdb")]
    tokens = []
    with open(os.path.join(common, "description.xml"), encoding="utf-8") as f:
        description = f.read()
    tmp = out + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for token, library in sorted(libraries.items()):
            names, description_tokens, bridge = PLATFORMS[token]
            folder = f"platform/{token}"
            z.write(library, f"{folder}/{os.path.basename(library)}")
            z.writestr(f"{folder}/customeranalytics.components",
                       components_file(bridge, os.path.basename(library)))
            for name in names:
                manifest.append(ENTRY.format(type=COMPONENTS_TYPE.format(platform=name),
                                             path=f"{folder}/customeranalytics.components"))
            tokens += description_tokens
        manifest.append("</manifest:manifest>\n")
        z.writestr("META-INF/manifest.xml", "".join(manifest))
        description, n = re.subn(r'<platform value="[^"]*"/>',
                                 f'<platform value="{",".join(tokens)}"/>', description)
        if n != 1:
            raise SystemExit("description.xml has no <platform value=.../> element")
        z.writestr("description.xml", description)
        for name in ("customeranalytics.rdb", "LICENSE", "icon.png"):
            z.write(os.path.join(common, name), name)
        for name in sorted(os.listdir(os.path.join(common, "description"))):
            z.write(os.path.join(common, "description", name), f"description/{name}")
        members = z.namelist()
    os.replace(tmp, out)
    return members


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--common", required=True)
    ap.add_argument("--platform", action="append", required=True, metavar="TOKEN=LIBRARY")
    args = ap.parse_args()
    libraries = dict(p.split("=", 1) for p in args.platform)
    assemble(args.out, args.common, libraries)


if __name__ == "__main__":
    sys.exit(main())
