"""Where the data files are: inside the package when installed or frozen,
the repository's resources/ folder when running from a checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    for root in (_HERE / "resources", _HERE.parents[1] / "resources"):
        if root.is_dir():
            return root.joinpath(*parts)
    raise FileNotFoundError("the mailtester resources folder is missing")
