"""What the process does for itself at start: no core dumps (they would hold
the password), and output streams that cannot fail on a narrow encoding."""

from __future__ import annotations

import io
import sys
from typing import TextIO


def disable_core_dumps() -> None:
    """RLIMIT_CORE 0 and, on Linux, not dumpable (which also keeps other
    processes of the same user from reading this one's memory through ptrace)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass  # Windows has no core files of this kind
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            pr_set_dumpable = 4
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_dumpable, 0, 0, 0, 0)
        except (OSError, AttributeError):
            pass


def safe_streams() -> None:
    """Characters the console cannot encode become "?" instead of an error."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def speaks_utf8(stream: TextIO) -> bool:
    return (getattr(stream, "encoding", "") or "").lower().replace("-", "") in ("utf8", "utf8sig")
