"""A finished check with its provider and diagnosis, and its JSON form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..driver.client import CheckResult
from .diagnose import Diagnosis, Facts, diagnose
from .providers import Provider, recognize

# Exit codes of `mailtester check` (documented in the README).
EXIT_OK = 0
EXIT_USAGE = 2


@dataclass(frozen=True)
class Report:
    result: CheckResult
    provider: Provider | None
    diagnosis: Diagnosis | None

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.result.ok else (self.diagnosis.exit_code if self.diagnosis else 1)

    def as_dict(self) -> dict[str, Any]:
        r, o = self.result, self.result.outcome
        return {
            "ok": o.ok,
            "stage": o.stage.value,
            "provider": self.provider.id if self.provider else None,
            "mechanism": o.mechanism,
            "reply": ({"code": o.reply.code, "enhanced": o.reply.enhanced, "lines": list(o.reply.lines)}
                      if o.reply else None),
            "diagnosis": self.diagnosis.as_dict() if self.diagnosis else None,
            "tls": r.tls.as_dict() if r.tls else None,
            "timeline": [{"t": e.t, "dir": e.direction, "tls": e.tls, "text": e.text, "decoded": e.decoded}
                         for e in r.timeline],
            "settings": r.settings.public_dict(),
            "elapsed": r.elapsed,
        }


def build_report(result: CheckResult, lang: str = "en") -> Report:
    s = result.settings
    server_texts = [e.text for e in result.timeline if e.direction == "S"]
    provider = recognize(s.connect_host, server_texts, s.credentials.user)
    facts = Facts(outcome=result.outcome, security=s.security, port=s.effective_port,
                  provider=provider, tls_failure=result.tls_failure.kind if result.tls_failure else None)
    return Report(result, provider, diagnose(facts, host=s.host, user=s.credentials.user, lang=lang))
