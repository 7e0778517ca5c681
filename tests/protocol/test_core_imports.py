import subprocess
import sys

import pytest


@pytest.mark.parametrize(("modules", "forbidden"), [
    # The sans-I/O cores: no sockets, TLS, asyncio or Qt.
    ("mailtester.protocol.smtp, mailtester.protocol.imap, mailtester.protocol.pop3, mailtester.protocol.sasl",
     ("asyncio", "PySide6", "socket", "ssl")),
    # The shared data types: usable by reports and the window without the driver.
    ("mailtester.model", ("asyncio", "PySide6", "ssl")),
])
def test_core_and_data_types_import_neither_asyncio_nor_qt(modules, forbidden):
    code = (f"import sys, {modules}; bad = [m for m in {forbidden!r} if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_command_line_imports_no_qt():
    code = "import sys, mailtester.cli; sys.exit(1 if 'PySide6' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
