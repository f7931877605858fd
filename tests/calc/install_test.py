#!/usr/bin/python3
"""The .oxt as a user meets it: unopkg installs it for an ordinary user (nobody, when run
as root), Calc computes =AVGTOUCHPOINTS(...) in a document saved to disk, and after the
office is closed and started again the reopened document computes the same value. With
--docs, the installed add-in also runs those Calc test documents. Prints unopkg's listing.

Usage: install_test.py BUILD/customeranalytics.oxt [--docs DOC.fods...]
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))


def as_ordinary_user():
    """Re-runs this script as nobody with a home of its own; returns its exit code."""
    home = tempfile.mkdtemp(prefix="ca-user-")
    os.chmod(home, 0o777)
    env = f"HOME={home}"
    cmd = ["runuser", "-u", "nobody", "--", "env", env, sys.executable, os.path.abspath(__file__)]
    return subprocess.run(cmd + sys.argv[1:]).returncode


def main():
    if os.getuid() == 0:
        return as_ordinary_user()
    from office import PROGRAM, Office, store, url
    import run_calc_tests

    oxt = os.path.abspath(sys.argv[1])
    docs = [os.path.abspath(d) for d in sys.argv[3:]] if sys.argv[2:3] == ["--docs"] else []
    profile = os.path.join(os.environ["HOME"], "profile")
    env_profile = "-env:UserInstallation=" + url(profile)
    # As a user's profile is: created by the office, not by unopkg (the office resets a
    # profile that unopkg created, and the extension with it; see scripts/install.sh).
    # The office under test: the system's, or the one CA_LO_PROGRAM names.
    subprocess.run([f"{PROGRAM}/soffice", "--headless", "--terminate_after_init", env_profile],
                   env=dict(os.environ, SAL_USE_VCLPLUGIN="svp"), capture_output=True)
    subprocess.run([f"{PROGRAM}/unopkg", "add", env_profile, oxt], check=True)
    listing = subprocess.run([f"{PROGRAM}/unopkg", "list", env_profile], capture_output=True,
                             text=True).stdout
    print(listing)
    print("unopkg add as", subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip(),
          "->", "registered" if "is registered: yes" in listing else "NOT registered")

    path = os.path.join(os.environ["HOME"], "saved.ods")
    with Office(installed=True, profile=profile) as office:
        print(f"LibreOffice {office.version()}")
        doc = office.new_sheet()
        sheet = doc.Sheets.getByIndex(0)
        data = (("C001", "2024-04-01"), ("c001", "2024-04-20"), ("C002", "2024-05-02"),
                ("", "2024-05-03"), ("C003", "2024-06-30"))
        sheet.getCellRangeByName("A1:B5").setDataArray(data)
        sheet.getCellRangeByName("D1").setFormula('=AVGTOUCHPOINTS(A1:A5;B1:B5;"2024-04-01";"2024-05-31")')
        doc.calculateAll()
        before = sheet.getCellRangeByName("D1").getValue()
        store(doc, path, "calc8")
        doc.close(True)
    with Office(installed=True, profile=profile) as office:
        doc = office.load(path)
        doc.calculateAll()
        cell = doc.Sheets.getByIndex(0).getCellRangeByName("D1")
        after, formula = cell.getValue(), cell.getFormula()
        doc.close(True)
        failed = 0
        for source in docs:  # copied: nobody may not write lock files beside the sources
            doc_path = shutil.copy(source, os.environ["HOME"])
            count, failures = run_calc_tests.run(office, doc_path)
            failed += len(failures) + (count == 0)
            print(f"{os.path.basename(doc_path)}: {count - len(failures)}/{count} passed",
                  *failures, sep="\n")
    print(f"before save: {before!r}, after reopening: {after!r}, formula: {formula}")
    ok = abs(before - 1.5) < 1e-12 and abs(after - 1.5) < 1e-12  # C001 x2, C002 x1 over 2
    ok = ok and failed == 0
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
