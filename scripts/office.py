"""Start a private headless LibreOffice with the freshly built add-in and talk to it.

No installation needed: the add-in's type library and .components are handed to the office
through URE_MORE_TYPES / URE_MORE_SERVICES, and the profile is a fresh folder. Run with
Debian's /usr/bin/python3 (it has the uno module).
"""
import os
import shutil
import subprocess
import tempfile
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

# The office to run: the system's, or another one such as the LibreOffice 25.2 that
# scripts/lo25.sh sets up (then run with PYTHONPATH pointing at that office's uno.py).
PROGRAM = os.environ.get("CA_LO_PROGRAM", "/usr/lib/libreoffice/program")


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


# No document lock files (a killed office would leave them behind and block the next
# load); no "replace the contents?" question on paste (a headless office answers Cancel);
# optionally another UI language.
PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseDocumentOOoLockFile" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseDocumentSystemFileLocking" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Input"><prop oor:name="ReplaceCellsWarning" oor:op="fuse"><value>false</value></prop></item>
{language}</oor:items>
"""
LANGUAGE = """<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>{0}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>{0}</value></prop></item>
"""


class Office:
    """A headless office with the add-in from `addin_dir` (the build's addin/oxt folder).

    addin_dir=None starts an office without the add-in."""

    def __init__(self, addin_dir=None, ui_language=None, installed=False, profile=None, more=(),
                 headless=True):
        """installed=True: the office as a user runs it, with whatever extensions are
        installed (no add-in is handed over), in `profile` or else the user's own one.
        more: further folders, each with a type library (.rdb) and a .components file, such
        as the benchmarks' floor add-in."""
        self.addin_dir = addin_dir
        self.more = more
        self.ui_language = ui_language
        self.installed = installed
        self.headless = headless  # False: a real window, on $DISPLAY (screenshots)
        self.keep_profile = installed
        self.profile = profile if installed else tempfile.mkdtemp(prefix="ca-profile-")
        self.pipe = "ca_" + uuid.uuid4().hex[:12]
        self.proc = None
        self.desktop = None

    def _args(self):
        window = ["--headless", "--invisible"] if self.headless else []
        office = [PROGRAM + "/soffice.bin", *window, "--norestore", "--nologo", "--nodefault",
                  "--nolockcheck", f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext"]
        if self.installed:
            return office + (["-env:UserInstallation=" + url(self.profile)] if self.profile else [])
        types = [f"<{url(PROGRAM + '/types')}>*"]
        services = [f"<{url(PROGRAM + '/services')}>*"]
        if self.addin_dir:
            types.append(url(os.path.join(self.addin_dir, "customeranalytics.rdb")))
            services.append(url(os.path.join(self.addin_dir, "customeranalytics.components")))
        for folder in self.more:
            for name in sorted(os.listdir(folder)):
                if name.endswith(".rdb"):
                    types.append(url(os.path.join(folder, name)))
                elif name.endswith(".components"):
                    services.append(url(os.path.join(folder, name)))
        return office + [
            "-env:UserInstallation=" + url(self.profile),
            "-env:URE_MORE_TYPES=" + " ".join(types),
            "-env:URE_MORE_SERVICES=" + " ".join(services),
        ]

    def start(self, timeout=60):
        if self.profile and not self.keep_profile:
            os.makedirs(os.path.join(self.profile, "user"), exist_ok=True)
            with open(os.path.join(self.profile, "user", "registrymodifications.xcu"), "w") as f:
                language = LANGUAGE.format(self.ui_language) if self.ui_language else ""
                f.write(PROFILE.format(language=language))
        env = dict(os.environ, SAL_USE_VCLPLUGIN="svp" if self.headless else "gen")
        for attempt in range(3):
            # The first start on a fresh profile may exit with 81 (restart wanted).
            self.proc = subprocess.Popen(self._args(), env=env, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL)
            if self._connect(timeout):
                return self
            self.proc.kill()
            self.proc.wait()
        raise RuntimeError("LibreOffice did not start")

    def _connect(self, timeout):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                self.ctx = resolver.resolve(
                    f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext")
                self.smgr = self.ctx.ServiceManager
                self.desktop = self.smgr.createInstanceWithContext(
                    "com.sun.star.frame.Desktop", self.ctx)
                return True
            except NoConnectException:
                time.sleep(0.2)
        return False

    def service(self, name):
        return self.smgr.createInstanceWithContext(name, self.ctx)

    def version(self):
        """The running office's version, such as 7.4.7.2 or 25.2.3.2."""
        provider = self.service("com.sun.star.configuration.ConfigurationProvider")
        product = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            (prop("nodepath", "/org.openoffice.Setup/Product"),))
        return product.getByName("ooSetupVersionAboutBox")

    def load(self, path, hidden=True):
        # A lock file left by a killed office makes loading fail silently.
        folder, name = os.path.split(os.path.abspath(path))
        lock = os.path.join(folder, f".~lock.{name}#")
        if os.path.exists(lock):
            os.remove(lock)
        doc = self.desktop.loadComponentFromURL(url(path), "_blank", 0, (prop("Hidden", hidden),))
        if doc is None:
            raise RuntimeError(f"LibreOffice could not load {path}")
        return doc

    def new_sheet(self):
        return self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                                 (prop("Hidden", True),))

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self):
        try:
            if self.desktop is not None and self.alive():
                components = self.desktop.Components.createEnumeration()
                while components.hasMoreElements():
                    components.nextElement().close(True)
                self.desktop.terminate()
        except Exception:
            pass
        if self.proc is not None:
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.profile and not self.keep_profile:
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def fill(sheet, rows):
    """Writes rows of values (None: an empty cell) from A1 in one call; texts starting with
    "=" become formulas. Returns the number of rows."""
    if not rows:
        return 0
    width = max(len(r) for r in rows)
    data = tuple(tuple("" if v is None else v for v in list(r) + [None] * (width - len(r)))
                 for r in rows)
    sheet.getCellRangeByPosition(0, 0, width - 1, len(rows) - 1).setDataArray(data)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if isinstance(v, str) and v.startswith("="):
                sheet.getCellByPosition(c, r).setFormula(v)
    return len(rows)


def sort_rows(block, column, ascending=True):
    """Sorts the rows of a cell range by its column `column` (0 = the first), as Data > Sort
    does."""
    field = uno.createUnoStruct("com.sun.star.table.TableSortField")
    field.Field, field.IsAscending = column, ascending
    fields = uno.Any("[]com.sun.star.table.TableSortField", (field,))
    uno.invoke(block, "sort", ((prop("SortFields", fields),),))


def store(doc, path, filter_name):
    doc.storeToURL(url(path), (prop("FilterName", filter_name),))
