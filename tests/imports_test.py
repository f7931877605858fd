#!/usr/bin/python3
"""Safe by construction: the add-in's library imports no call that opens a file or a
network connection, starts a program or loads code (only the C++ and UNO runtimes), and
needs no library beside LibreOffice's and the C++ runtime (no ICU, no utf8proc: it is
linked in), so that it loads wherever LibreOffice runs.

Usage: imports_test.py BUILD/addin/customeranalytics.uno.so
"""
import re
import subprocess
import sys

FORBIDDEN = re.compile(
    r"^(socket|connect|bind|listen|accept4?|getaddrinfo|gethostbyname\w*|send\w*|recv\w*"
    r"|open(64|at|at64)?|fopen(64)?|freopen(64)?|creat(64)?|popen|system|fork|vfork|clone"
    r"|exec\w*|posix_spawn\w*|dlopen|osl_openFile|osl_createDirectory\w*|osl_executeProcess\w*"
    r"|osl_\w*Socket\w*|osl_loadModule\w*)$")


# LibreOffice's UNO runtime and the C and C++ runtimes.
ALLOWED = ("libuno_", "libstdc++", "libm.", "libgcc_s", "libc.", "ld-linux")


def main():
    out = subprocess.run(["nm", "-D", "--undefined-only", sys.argv[1]], check=True,
                         capture_output=True, text=True).stdout
    symbols = [line.split()[-1].split("@")[0] for line in out.splitlines() if line.strip()]
    bad = [s for s in symbols if FORBIDDEN.match(s)]
    print(f"{len(symbols)} imported symbols; forbidden: {bad or 'none'}")
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.*?)\]", subprocess.run(
        ["readelf", "-d", sys.argv[1]], check=True, capture_output=True, text=True).stdout)
    foreign = [n for n in needed if not n.startswith(ALLOWED)]
    print(f"needs {', '.join(needed)}; beyond LibreOffice and the C++ runtime: {foreign or 'none'}")
    return 1 if bad or foreign else 0


if __name__ == "__main__":
    sys.exit(main())
