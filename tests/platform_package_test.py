#!/usr/bin/python3
"""One .oxt for Linux, Windows and macOS: assembled by scripts/assemble_oxt.py from this
build's library and stand-in Windows and macOS libraries, then checked against
LibreOffice's own rules and installed here.

- META-INF/manifest.xml: the type library, and one uno-components entry per platform;
- each .components file names the library beside it and the platform's C++ bridge (gcc3
  on Linux and macOS, mscx on Windows x64: a wrong one aborts the office);
- LibreOffice's matching (dp_platform.cxx platform_fits: the entry's platform equals the
  running "$_OS_$_ARCH", or its OS alone, ignoring case): for each of Linux_X86_64,
  Windows_X86_64, MacOSX_X86_64 and MacOSX_AARCH64 exactly one entry fits, the right one;
  description.xml lists the four lowercase tokens;
- unopkg installs it for an ordinary user: only the Linux component registers, and every
  Calc test document computes as it does with the build's own add-in.

Usage: platform_package_test.py BUILD
"""
import glob
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "scripts"))
from assemble_oxt import assemble  # noqa: E402

MANIFEST = "{http://openoffice.org/2001/manifest}"
COMPONENTS = "{http://openoffice.org/2010/uno-components}"
RUNNING = {"Linux_X86_64": ("linux_x86_64", "gcc3", "platform/linux_x86_64/"),
           "Windows_X86_64": ("windows_x86_64", "mscx", "platform/windows_x86_64/"),
           "MacOSX_X86_64": ("macosx_x86_64", "gcc3", "platform/macosx/"),
           "MacOSX_AARCH64": ("macosx_aarch64", "gcc3", "platform/macosx/")}


def fits(entry_platform, running):
    """dp_platform.cxx platform_fits: the whole "$_OS_$_ARCH" or the OS alone."""
    entry, running = entry_platform.lower(), running.lower()
    return entry == running or entry == running.split("_", 1)[0]


def check(oxt):
    problems = []
    with zipfile.ZipFile(oxt) as z:
        names = set(z.namelist())
        manifest = ET.fromstring(z.read("META-INF/manifest.xml"))
        entries = [(e.get(f"{MANIFEST}media-type"), e.get(f"{MANIFEST}full-path"))
                   for e in manifest.iter(f"{MANIFEST}file-entry")]
        typelibs = [p for t, p in entries if t == "application/vnd.sun.star.uno-typelibrary;type=RDB"]
        if typelibs != ["customeranalytics.rdb"] or "customeranalytics.rdb" not in names:
            problems.append(f"type library entries: {typelibs}")
        components = {}
        for media_type, path in entries:
            if not media_type.startswith("application/vnd.sun.star.uno-components"):
                continue
            platform = media_type.split(";platform=")[1]
            if "," in platform:
                problems.append(f"a list inside a media type: {media_type}")
            if path not in names:
                problems.append(f"{path} is not in the package")
                continue
            component = ET.fromstring(z.read(path)).find(f"{COMPONENTS}component")
            library = os.path.dirname(path) + "/" + component.get("uri")
            if library not in names:
                problems.append(f"{path} names {component.get('uri')}, not beside it")
            components[platform] = (path, component.get("environment"))
        description = ET.fromstring(z.read("description.xml"))
        tokens = description.find("{http://openoffice.org/extensions/description/2006}platform")
        tokens = set(tokens.get("value").split(","))
    for running, (token, bridge, folder) in RUNNING.items():
        fitting = [(p, c) for p, c in components.items() if fits(p, running)]
        if len(fitting) != 1:
            problems.append(f"{running}: {len(fitting)} component entries fit: {fitting}")
            continue
        path, environment = fitting[0][1]
        if not path.startswith(folder) or environment != bridge:
            problems.append(f"{running} gets {path} with bridge {environment}, "
                            f"expected {folder} with {bridge}")
        if token not in tokens:
            problems.append(f"description.xml does not list {token}: {sorted(tokens)}")
    if len(components) != 4:
        problems.append(f"{len(components)} component entries, expected 4")
    return problems


def main():
    build = os.path.abspath(sys.argv[1])
    common = os.path.join(build, "addin", "oxt")
    folder = tempfile.mkdtemp(prefix="ca-platforms-")
    os.chmod(folder, 0o755)
    stand_ins = {"windows_x86_64": "customeranalytics.uno.dll",
                 "macosx": "customeranalytics.uno.dylib"}
    libraries = {"linux_x86_64": os.path.join(common, "customeranalytics.uno.so")}
    for token, name in stand_ins.items():
        path = os.path.join(folder, name)
        with open(path, "wb") as f:
            f.write(b"a stand-in for the " + token.encode() + b" build, never loaded here")
        libraries[token] = path
    oxt = os.path.join(folder, "customeranalytics.oxt")
    members = assemble(oxt, common, libraries)
    os.chmod(oxt, 0o644)
    print("\n".join(sorted(members)))
    problems = check(oxt)

    docs = sorted(glob.glob(os.path.join(build, "tests", "calc-docs", "*.fods")))  # the calc.* tests made them
    if not docs:
        problems.append("no test documents: the calc.* tests make them")
    installed = subprocess.run([sys.executable, os.path.join(HERE, "calc", "install_test.py"),
                                oxt, "--docs", *docs], capture_output=True, text=True)
    print(installed.stdout[-3000:], installed.stderr[-2000:])
    listing = installed.stdout
    registered = [line for line in listing.splitlines() if "platform/" in line]
    if installed.returncode != 0:
        problems.append("installed, the add-in did not compute every test document right")
    if "is registered: yes" not in listing:
        problems.append("unopkg did not register the package")
    for other in ("windows", "macosx"):
        if any(f"platform/{other}" in line and "is registered: yes" in line for line in registered):
            problems.append(f"the {other} component was registered")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else "FAILED")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
