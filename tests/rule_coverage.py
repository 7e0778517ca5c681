"""Which diagnosis rules the suite's recorded transcripts reach.

Every run that gets a diagnosis, in the test process or in a command started
by `tests.helpers.mailtester`, appends the number of the rule that decided it
to the file named by MAILTESTER_RULE_LOG; tests/test_zz_rule_coverage.py, run
last, fails on a rule that nothing reached.

    python -m tests.rule_coverage ARGS...   the command, with recording
"""

from __future__ import annotations

import os
import sys
from typing import Any

from mailtester.knowledge import rules

LOG = "MAILTESTER_RULE_LOG"


def install() -> None:
    """Wrap the rule lookup once, in this process, when a log is asked for."""
    path = os.environ.get(LOG)
    if not path or getattr(rules.matching_rule, "recording", False):
        return
    original = rules.matching_rule

    def recording(facts: Any) -> rules.Rule:
        rule = original(facts)
        with open(path, "a", encoding="ascii") as f:
            f.write(f"{rules.rules().index(rule)}\n")
        return rule

    recording.recording = True  # type: ignore[attr-defined]
    rules.matching_rule = recording  # type: ignore[assignment]


if __name__ == "__main__":
    install()
    from mailtester.cli import main

    sys.exit(main(sys.argv[1:]))
