"""`python -m mailtester.detect ADDRESS [options]`: detection with every option of its contract."""

from __future__ import annotations

import sys

from .command import main

sys.exit(main())
