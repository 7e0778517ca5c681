"""Entry point of the bundled application (PyInstaller)."""

import sys

from mailtester.cli import main

sys.exit(main())
