# The window's fixtures (offscreen screen, qasync loop, memory keychain, answered questions) for the
# round trip's window test.
from tests.qt.conftest import (  # noqa: F401
    _qt_objects_end_on_the_gui_thread,
    memory_keyring,
    qloop,
    questions,
    settings_file,
)
