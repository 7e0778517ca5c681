"""Runtime hook of the bundle, in place of PyInstaller's PySide6 hook.

That hook imports PySide6.QtCore (and with it Qt's libraries) at every start,
to register a qt.conf the PyPI wheels register themselves: a command-line
check paid for a window it never opens. This sets the same plugin path.
"""

import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(
    sys._MEIPASS, "PySide6", *(() if sys.platform == "win32" else ("Qt",)), "plugins")  # type: ignore[attr-defined]
