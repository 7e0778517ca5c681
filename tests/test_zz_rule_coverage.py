"""Runs last (by name): every diagnosis rule must be reached by some recorded transcript of the suite.

A rule nothing reaches is either dead or untested; either way it cannot be
trusted. tests/run.sh (and so CI) runs the whole suite with the rule log on;
a partial run has no log to judge and says so.
"""

from __future__ import annotations

import os

import pytest

from mailtester.knowledge.rules import rules


def test_every_rule_is_reached_by_a_recorded_transcript():
    path = os.environ.get("MAILTESTER_RULE_LOG")
    if not path:
        pytest.skip("the rule log is kept only for a whole run: bash tests/run.sh")
    with open(path, encoding="ascii") as f:
        reached = {int(line) for line in f if line.strip()}
    unreached = [f"{i + 1}: {r.id} ({', '.join(f'{k}={v}' for k, v in vars(r).items() if v is not None and k != 'id')})"
                 for i, r in enumerate(rules()) if i not in reached]
    assert unreached == [], "rules no transcript of the suite reaches:\n" + "\n".join(unreached)
