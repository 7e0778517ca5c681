from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def json(self) -> dict:
        return json.loads(self.stdout)


def mailtester(*args: str, password: str | None = None, token: str | None = None,
               stdin: str | None = None, timeout: float = 120, unset: tuple[str, ...] = ()) -> Run:
    """Run the real command in a subprocess, passing secrets only by environment or stdin."""
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.pop("MT_PASSWORD", None)
    if password is not None:
        env["MT_PASSWORD"] = password
        args = (*args, "--password-env", "MT_PASSWORD")
    if token is not None:
        env["MT_TOKEN"] = token
        args = (*args, "--token-env", "MT_TOKEN")
    # With a rule log asked for, the command records which diagnosis rule decided (tests/rule_coverage.py).
    module = "tests.rule_coverage" if env.get("MAILTESTER_RULE_LOG") else "mailtester"
    r = subprocess.run([sys.executable, "-m", module, *args], input=stdin or "", capture_output=True,
                       text=True, env=env, timeout=timeout)
    return Run(r.returncode, r.stdout, r.stderr)
