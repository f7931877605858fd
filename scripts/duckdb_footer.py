#!/usr/bin/python3
"""Makes a loadable DuckDB extension of a shared library: the library with DuckDB's metadata
footer appended, which DuckDB reads before it loads anything (extension_load.cpp,
ParseExtensionMetaData): a WebAssembly custom-section marker (22 bytes), eight 32-byte fields
that DuckDB reads in reverse (three empty, the ABI type, the extension's version, the C API
version, the platform, the magic "4"), then 256 bytes where a signature would be. Unsigned:
DuckDB loads it only when opened with allow_unsigned_extensions.

Usage: duckdb_footer.py LIBRARY OUTPUT EXTENSION_VERSION [PLATFORM]
"""
import sys

MARKER = b"\x00\x93\x04\x10duckdb_signature\x80\x04"
C_API_VERSION = "v1.2.0"  # DUCKDB_EXTENSION_API_VERSION of duckdb_extension.h


def field(text):
    data = text.encode()
    if len(data) > 32:
        sys.exit(f"duckdb_footer.py: {text!r} is longer than a field")
    return data.ljust(32, b"\0")


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    library, output, version = sys.argv[1:4]
    platform = sys.argv[4] if len(sys.argv) == 5 else "linux_amd64"
    fields = ["", "", "", "C_STRUCT", version, C_API_VERSION, platform, "4"]
    footer = MARKER + b"".join(field(f) for f in fields) + bytes(256)
    assert len(footer) == 534
    with open(library, "rb") as f:
        data = f.read()
    with open(output, "wb") as f:
        f.write(data + footer)


if __name__ == "__main__":
    main()
