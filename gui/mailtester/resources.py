"""Where the data files are: inside the package when installed or frozen,
the repository's resources/ folder when running from a checkout."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

# os.path, not pathlib: a check reads one resource, and pathlib's import would be a
# twentieth of its start-up (issue 14's budget).
_HERE = os.path.dirname(os.path.realpath(__file__))


def resource_file(*parts: str) -> str:
    for root in (os.path.join(_HERE, "resources"), os.path.join(os.path.dirname(os.path.dirname(_HERE)), "resources")):
        if os.path.isdir(root):
            return os.path.join(root, *parts)
    raise FileNotFoundError("the mailtester resources folder is missing")


def resource_path(*parts: str) -> Path:
    from pathlib import Path

    return Path(resource_file(*parts))
