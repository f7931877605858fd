#!/usr/bin/python3
"""Screenshots of the add-in as a user sees it, for docs/screenshots/: under Xvfb, the
.oxt installed with unopkg into a fresh profile, Calc with its English or Japanese UI, the
Extension Manager and the Function Wizard on AVGTOUCHPOINTS. Needs xvfb and imagemagick
(apt-get install xvfb imagemagick); not part of the tests.

Usage: screenshots.py BUILD/customeranalytics.oxt OUT_DIR
"""
import os
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from office import LANGUAGE, PROFILE, PROGRAM, Office, url  # noqa: E402


def shoot(display, path):
    subprocess.run(["import", "-display", display, "-window", "root", path], check=True)
    print("wrote", path)


def main():
    oxt, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    display = ":97"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x860x24"])
    os.environ["DISPLAY"] = display
    try:
        for lang in ("en", "ja"):
            profile = tempfile.mkdtemp(prefix=f"ca-shot-{lang}-")
            user = os.path.join(profile, "user")
            os.makedirs(user)
            with open(os.path.join(user, "registrymodifications.xcu"), "w") as f:
                f.write(PROFILE.format(language=LANGUAGE.format(lang) if lang == "ja" else ""))
            env_profile = "-env:UserInstallation=" + url(profile)
            # The office creates the profile before unopkg adds to it (UNO-NOTES: 25.2).
            subprocess.run([f"{PROGRAM}/soffice", "--headless", "--terminate_after_init", env_profile],
                           capture_output=True)
            # unopkg refuses a per-user install as root: install as nobody into the profile.
            as_user = ["runuser", "-u", "nobody", "--"] if os.getuid() == 0 else []
            subprocess.run(["chmod", "-R", "a+rwX", profile], check=True)
            subprocess.run(as_user + ["env", f"HOME={profile}", f"{PROGRAM}/unopkg", "add",
                                      env_profile, oxt], check=True)
            with Office(installed=True, profile=profile, headless=False) as office:
                doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, ())
                sheet = doc.Sheets.getByIndex(0)
                sheet.getCellRangeByName("A2:B4").setDataArray(
                    (("C001", "2024-04-01"), ("c001", "2024/4/20"), ("C002", "令和6年5月2日")))
                cell = sheet.getCellRangeByName("D2")
                cell.setFormula('=AVGTOUCHPOINTS(A2:A4;B2:B4)')
                doc.CurrentController.select(cell)
                helper = office.service("com.sun.star.frame.DispatchHelper")
                frame = doc.CurrentController.Frame
                time.sleep(3)
                # Tools > Extension Manager: the dialog service the menu opens.
                manager = office.smgr.createInstanceWithArgumentsAndContext(
                    "com.sun.star.deployment.ui.PackageManagerDialog", (frame.ContainerWindow,),
                    office.ctx)
                threading.Thread(target=lambda: manager.startExecuteModal(None), daemon=True).start()
                time.sleep(6)
                shoot(display, os.path.join(out, f"extension-manager.{lang}.png"))
                subprocess.run(["xdotool", "key", "Escape"], env=dict(os.environ))
                time.sleep(1)
                # The Function Wizard is modal: open it from another thread, then look.
                threading.Thread(target=lambda: helper.executeDispatch(
                    frame, ".uno:FunctionDialog", "", 0, ()), daemon=True).start()
                time.sleep(5)
                shoot(display, os.path.join(out, f"function-wizard.{lang}.png"))
                subprocess.run(["xdotool", "key", "Escape"], env=dict(os.environ))
                time.sleep(1)
                office.proc.kill()
    finally:
        xvfb.kill()


if __name__ == "__main__":
    main()
