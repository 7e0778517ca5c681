"""A closed standard output (`mailtester check … | head -1`) ends the command quietly.

Python ignores SIGPIPE, so a write to a pipe whose reader has gone raises BrokenPipeError, and the
interpreter's own flush at exit would print "Exception ignored …" once more. The command stops there
with 141 (128 + SIGPIPE, what a shell shows for a program that a closed pipe ended) and no traceback;
standard output and error are pointed at the null device so that nothing later writes to the pipe."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

EXIT_CLOSED_PIPE = 141


def quiet_when_closed(command: Callable[[], int]) -> int:
    try:
        rc = command()
        sys.stdout.flush()  # inside: what is still buffered meets the closed pipe here, not at exit
        return rc
    except BrokenPipeError:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                try:
                    null = os.open(os.devnull, os.O_WRONLY)
                    os.dup2(null, stream.fileno())
                    os.close(null)
                except (OSError, ValueError):  # no descriptor (an embedded stream): nothing to point away
                    pass
        return EXIT_CLOSED_PIPE
