"""The small stand-ins a check uses instead of modules that cost its start-up
(issue 14): each must give exactly what the module it replaces gives."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from urllib.parse import quote, quote_plus

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mailtester.cli import Formatter, main
from mailtester.protocol.redaction import percent_encoded


@given(st.text())
def test_percent_encoding_is_urllib_quote(value: str) -> None:
    assert percent_encoded(value) == quote(value, safe="")
    assert percent_encoded(value, plus=True) == quote_plus(value, safe="")


@pytest.mark.parametrize("columns", [None, "60", "200", "0", "junk"])
def test_help_is_as_wide_as_argparse_makes_it(monkeypatch: pytest.MonkeyPatch, columns: str | None) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert Formatter("mailtester")._width == argparse.HelpFormatter("mailtester")._width


@pytest.mark.parametrize("zone", ["UTC", "Europe/Istanbul", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham"])
def test_start_time_is_the_local_time_datetime_gives(zone: str) -> None:
    code = ("from datetime import datetime; from mailtester.driver.client import _local_now\n"
            "a = datetime.now().astimezone().isoformat(timespec='seconds'); b = _local_now()\n"
            "c = datetime.now().astimezone().isoformat(timespec='seconds')\n"
            "print(b in (a, c), a, b)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       env=dict(os.environ, TZ=zone))
    assert r.stdout.startswith("True"), r.stdout + r.stderr


@pytest.mark.parametrize("argv", [["check", "--demo", "--json"], ["detect", "someone@gmail.com", "--offline"]])
def test_collection_is_on_again_once_start_up_is_done(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """The installed command turns the collector off for its imports (mailtester.console); every command
    turns it back on before its real work, so a long batch or window never runs without it."""
    import gc

    gc.disable()
    try:
        assert main(argv) == 0
        assert gc.isenabled()
    finally:
        gc.enable()
