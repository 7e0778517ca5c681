"""Checking many accounts at once: the sheet, the secrets, the lockout-safe run and its outputs.

Each row is one ordinary check (driver/client.py) with its ordinary report (knowledge/report.py).
Nothing here imports Qt; the command (`mailtester batch`) and the window's batch view share it.
"""

from .engine import BatchOptions, BatchRun, BatchSummary, RowResult, RowStatus
from .outputs import ResultWriters
from .secrets import Secrets, SecretUnavailable
from .sheet import BatchInputError, Sheet, SheetRow, read_sheet

__all__ = ["BatchInputError", "BatchOptions", "BatchRun", "BatchSummary", "ResultWriters", "RowResult", "RowStatus",
           "SecretUnavailable", "Secrets", "Sheet", "SheetRow", "read_sheet"]
