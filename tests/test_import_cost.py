"""What `mailtester check` loads (issue 14: one check within 1.5x swaks's time).

Start-up is most of a check's time, and most of start-up is importing. Each
module named below costs time and is not needed where it is listed; a change
that imports one of them at module level again (or adds a command's options
to the parser eagerly instead of through cli.LazyParser) fails here. Module
lists, not timings: they are exact where time on a shared machine is not.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from tests.servers.postfix import PostfixServer

# Not for `import mailtester.cli` (the parser and --help need none of them).
NOT_AT_IMPORT = ("asyncio", "ssl", "tomllib", "mailtester.driver", "mailtester.knowledge", "mailtester.detect",
                 "mailtester.batch.engine", "mailtester.qt", "PySide6", "getpass")
# Not for a successful SMTP check: other commands, other protocols, the
# diagnosis machinery (a success has no diagnosis), the report file formats,
# tomllib (the provider catalogue is read from its JSON form), pathlib (resources
# are found with os.path); shutil (argparse's help width: cli.Formatter), datetime
# (the start time: client._local_now), urllib and the ipaddress it imports
# (redaction.percent_encoded; settings loads ipaddress only for an IP literal).
NOT_FOR_A_CHECK = ("mailtester.detect", "mailtester.batch.engine", "mailtester.batch.sheet", "mailtester.account",
                   "mailtester.qt", "PySide6", "mailtester.knowledge.diagnose", "mailtester.knowledge.rules",
                   "mailtester.protocol.imap", "mailtester.driver.demo", "html", "platform", "getpass", "dns",
                   "aiohttp", "openpyxl", "keyring", "truststore", "trustme", "tomllib",
                   "pathlib", "mailtester.protocol.pop3", "shutil", "datetime", "ipaddress", "urllib")

# Runs the real entry point, then lists what it loaded.
LIST_MODULES = ("import json, sys\n"
                "from mailtester.cli import main\n"
                "rc = main(sys.argv[1:]) if len(sys.argv) > 1 else 0\n"
                "sys.stdout.flush()\n"
                "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
                "sys.exit(rc)\n")


def loaded(*argv: str, env: dict[str, str] | None = None) -> tuple[set[str], str, int]:
    r = subprocess.run([sys.executable, "-c", LIST_MODULES, *argv], capture_output=True, text=True, timeout=60,
                       env=env, cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return set(json.loads(r.stderr.strip().splitlines()[-1])), r.stdout, r.returncode


def offending(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


HINT = "loaded where not needed: import it inside the function that uses it (a command's options: cli.LazyParser)"


def test_importing_the_command_loads_no_engine() -> None:
    modules, _, rc = loaded()
    assert rc == 0
    assert "mailtester.cli" in modules
    assert offending(modules, NOT_AT_IMPORT) == [], HINT


def test_a_successful_check_loads_only_what_it_needs(postfix: PostfixServer) -> None:
    user, password = postfix.user(0)
    modules, out, rc = loaded(
        "check", "--host", postfix.host, "--port", str(postfix.submission), "--security", "starttls",
        "--mechanism", "LOGIN", "--user", user, "--password-env", "MT_PASSWORD", "--ca-file", str(postfix.ca_file),
        "--json", env=dict(os.environ, MT_PASSWORD=password))
    assert rc == 0 and json.loads(out)["ok"], out
    # The list is a real check's: the engine and the report did run.
    assert {"mailtester.driver.client", "mailtester.knowledge.report", "mailtester.protocol.smtp"} <= modules
    assert offending(modules, NOT_FOR_A_CHECK) == [], HINT


def test_a_failed_check_loads_the_diagnosis() -> None:
    """The other side of the lazy loading: a failure is still explained."""
    with socket.socket() as s:  # a port nobody listens on once closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    modules, out, rc = loaded(
        "check", "--host", "127.0.0.1", "--port", str(port), "--security", "starttls", "--user", "a@example.test",
        "--password-env", "MT_PASSWORD", "--json", env=dict(os.environ, MT_PASSWORD="x"))
    assert rc != 0 and json.loads(out)["diagnosis"]["id"] == "connect.refused", out
    assert {"mailtester.knowledge.diagnose", "mailtester.knowledge.rules"} <= modules


def test_the_installed_command_ends_a_check_with_all_its_output(postfix: PostfixServer, tmp_path: Path) -> None:
    """The console entry skips the interpreter's teardown after a check: nothing may be lost to it."""
    import tomllib

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, "pyproject.toml"), "rb") as f:
        assert tomllib.load(f)["project"]["scripts"]["mailtester"] == "mailtester:console"
    user, password = postfix.user(0)
    report = tmp_path / "report.md"
    r = subprocess.run(
        [sys.executable, "-c", "from mailtester import console; console()", "check", "--host", postfix.host,
         "--port", str(postfix.submission), "--security", "starttls", "--user", user, "--password-env", "MT_PASSWORD",
         "--ca-file", str(postfix.ca_file), "--json", "--report", str(report)],
        capture_output=True, text=True, timeout=60, cwd=root, env=dict(os.environ, MT_PASSWORD=password))
    assert r.returncode == 0 and json.loads(r.stdout)["ok"], r.stdout + r.stderr
    written = report.read_text(encoding="utf-8")  # to its last line, the program's version
    assert "221 2.0.0 Bye" in written and written.rstrip().splitlines()[-1].startswith("_Mail Account Tester"), written
    with socket.socket() as s:  # refused: exit 3, the whole explanation written
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = subprocess.run([sys.executable, "-c", "from mailtester import console; console()", "check", "--host",
                        "127.0.0.1", "--port", str(port), "--security", "starttls", "--user", "a@example.test",
                        "--password-env", "MT_PASSWORD"], capture_output=True, text=True, timeout=60, cwd=root,
                       env=dict(os.environ, MT_PASSWORD="x"))
    assert r.returncode == 3 and r.stdout.endswith("\n"), r.stdout + r.stderr
    assert "What to do:" in r.stdout
