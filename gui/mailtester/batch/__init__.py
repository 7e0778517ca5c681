"""Checking many accounts at once: the sheet, the secrets, the lockout-safe run and its outputs.

Each row is one ordinary check (driver/client.py) with its ordinary report (knowledge/report.py).
Nothing here imports Qt; the command (`mailtester batch`) and the window's batch view share it.
The names load on first use, so that the command line's parser can name the batch options
without loading the engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import BatchOptions, BatchRun, BatchSummary, RowResult, RowStatus
    from .outputs import ResultWriters
    from .secrets import Secrets, SecretUnavailable
    from .sheet import BatchInputError, Sheet, SheetRow, read_sheet

_WHERE = {"BatchOptions": "engine", "BatchRun": "engine", "BatchSummary": "engine", "RowResult": "engine",
          "RowStatus": "engine", "ResultWriters": "outputs", "Secrets": "secrets", "SecretUnavailable": "secrets",
          "BatchInputError": "sheet", "Sheet": "sheet", "SheetRow": "sheet", "read_sheet": "sheet"}
__all__ = ["BatchInputError", "BatchOptions", "BatchRun", "BatchSummary", "ResultWriters", "RowResult", "RowStatus",
           "SecretUnavailable", "Secrets", "Sheet", "SheetRow", "read_sheet"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
