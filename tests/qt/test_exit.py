"""Closing the real program's window after a test (finished, running, cancelled)
ends it with exit code 0 and nothing on stderr (issue 12, point 4)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("exit_driver.py")


@pytest.mark.parametrize("when", ["idle", "finished", "running", "cancelled", "ctrl-q", "saved"])
def test_closing_the_window_exits_cleanly(tmp_path, when):
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(DRIVER), when], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.stderr == ""
    assert done.returncode == 0
