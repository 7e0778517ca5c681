"""Every install opens in every language: the compiled translations (.qm) are committed
beside their reviewed sources (.ts), so a wheel, `pip install .`, an editable install,
the bundle and the .deb (both copy resources/) all carry them."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def test_the_committed_qm_is_what_lrelease_makes_of_the_ts(tmp_path):
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    sources = sorted(TRANSLATIONS.glob("*.ts"))
    assert sources
    for ts in sources:
        fresh = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(fresh)], check=True, capture_output=True)
        committed = ts.with_suffix(".qm")
        assert committed.exists(), f"{committed.name} missing: run pyside6-lrelease (packaging/ui_tr.py says how)"
        assert committed.read_bytes() == fresh.read_bytes(), f"{committed.name} is stale: run pyside6-lrelease"
    tracked = subprocess.run(["git", "ls-files", "resources/translations"], cwd=ROOT, capture_output=True,
                             text=True).stdout.split()
    if tracked:  # in a checkout: the .qm is committed, not only built here
        assert {f"resources/translations/{ts.with_suffix('.qm').name}" for ts in sources} <= set(tracked)


# Run inside the fresh environment: the window, in Turkish, from the installed wheel only.
_OPEN_IN_TURKISH = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import mailtester
from mailtester.resources import resource_path
from PySide6.QtCore import QSettings
from mailtester.app import application, create_window
assert mailtester.__file__.startswith(sys.prefix), mailtester.__file__
assert str(resource_path("translations")).startswith(sys.prefix)
app = application()
w = create_window(QSettings(sys.argv[1], QSettings.Format.IniFormat), lang="tr")
w.show()
app.processEvents()
print(w.test_button.text())
print(w.panes[next(iter(w.panes))].panel.verdict.text())
w.close()
"""


def test_a_wheel_installed_in_a_fresh_environment_opens_in_turkish(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-c", "import sys; from hatchling.build import build_wheel; "
                    "print(build_wheel(sys.argv[1]))", str(dist)], cwd=ROOT, check=True, capture_output=True)
    wheel = next(dist.glob("mailtester-*.whl"))
    env = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / "bin" / "python"
    # The trick that keeps it quick: the dependencies (PySide6 and the rest) come from the
    # project's .venv through a path line in a .pth file, instead of being downloaded. Path
    # lines are only appended to sys.path; the .pth files inside that folder (among them
    # the editable install's pointer to gui/) are not read, so mailtester comes from the
    # wheel alone, and the wheel's own folder comes first.
    target = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                            check=True, capture_output=True, text=True).stdout.strip()
    Path(target, "project-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True)
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QT_QPA_PLATFORM")}
    shown = subprocess.run([str(python), "-c", _OPEN_IN_TURKISH, str(tmp_path / "s.ini")], cwd=tmp_path, env=clean,
                           capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    button, verdict = shown.stdout.splitlines()[:2]
    assert button == "Hesabı &test et"  # the window's strings come from the wheel's .qm
    assert "Hazır." in verdict
