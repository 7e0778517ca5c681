"""Real Qt windows on the offscreen platform, driven through qasync's loop."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import tempfile

# A 1600x1000 offscreen screen (the default 800x800 is smaller than the window).
_SCREEN = os.path.join(tempfile.mkdtemp(prefix="mt-qt-"), "screen.json")
with open(_SCREEN, "w") as f:
    json.dump({"screens": [{"name": "test", "x": 0, "y": 0, "width": 1600, "height": 1000,
                            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}, f)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

import keyring  # noqa: E402
import pytest  # noqa: E402
import qasync  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QSettings  # noqa: E402

from mailtester.app import create_window  # noqa: E402
from mailtester.qt.controllers.accounts import Keychain  # noqa: E402


class MemoryKeyring(KeyringBackend):
    """An in-memory keychain: tests never touch the real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


# The first keyring call loads its backends (entry points): slow on a busy machine.
KEYCHAIN_WAIT = 30000


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _qt_objects_end_on_the_gui_thread(qapp):
    """Delete what the test closed here, on the GUI thread, once everything else is torn down.

    pytest-qt closes a test's windows with deleteLater(), which no running event loop
    carries out here (qasync's loop is only marked running): the windows were left to
    Python's cycle collector, which runs in whichever thread allocates at that moment,
    the keychain's worker thread too, and a window destroyed there ends the process
    ("Timers cannot be stopped from another thread", then a segmentation fault)."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def questions(monkeypatch):
    """QMessageBox.question answered Yes, each question kept (title, text): a modal
    dialog would wait for a person. A test sets `questions.answer` to say otherwise."""
    from PySide6.QtWidgets import QMessageBox

    class Asked(list):
        answer = QMessageBox.StandardButton.Yes

    asked = Asked()

    def question(_parent, title, text, *_a, **_k):
        asked.append((title, text))
        return asked.answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture
def qloop(qapp):
    """A qasync loop marked running, so tasks run while qtbot spins Qt."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    for task in asyncio.all_tasks(loop):
        task.cancel()
    for _ in range(10):
        qapp.processEvents()
    # loop.stop() would call QApplication.exit() and break the next test's waits.
    qapp.aboutToQuit.disconnect(loop._after_run_forever)
    loop._after_run_forever()
    loop._QEventLoop__is_running = False  # private; qasync is pinned
    asyncio.events._set_running_loop(None)
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def serve(qtbot, qloop):
    """Start an async context manager (a test server) on the Qt loop; stopped at teardown,
    before the loop closes, even when the test fails."""
    started = []

    def start(server):
        task = asyncio.ensure_future(server.__aenter__())
        qtbot.waitUntil(task.done, timeout=10000)
        started.append(server)
        return task.result()

    yield start
    for server in reversed(started):
        task = asyncio.ensure_future(server.__aexit__(None, None, None))
        qtbot.waitUntil(task.done, timeout=10000)


@pytest.fixture
def settings_file(tmp_path):
    return tmp_path / "settings.ini"


@pytest.fixture
def window(qtbot, qloop, memory_keyring, settings_file):
    w = create_window(QSettings(str(settings_file), QSettings.Format.IniFormat), Keychain())
    qtbot.addWidget(w)
    w.resize(1100, 760)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)  # window shortcuts (Enter, Esc) need an active window
    return w
