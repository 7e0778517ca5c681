import subprocess
import sys


def test_core_imports_neither_asyncio_nor_qt():
    code = ("import sys, mailtester.protocol.smtp, mailtester.protocol.sasl; "
            "bad = [m for m in ('asyncio', 'PySide6', 'socket', 'ssl') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_command_line_imports_no_qt():
    code = "import sys, mailtester.cli; sys.exit(1 if 'PySide6' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
