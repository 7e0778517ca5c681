"""What a round trip found, its diagnosis and its words (JSON, command, window).

The diagnosis comes from the `[[roundtrip]]` rules in resources/diagnoses/rules.toml:
tried in order, the first whose every key matches names the id; keys: step (where it
ended: login, incoming, smtputf8, mail, rcpt, data, message, arrival, junk, delete,
connection), code, code_class, enhanced, text (a case-insensitive pattern over the reply).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from ..protocol.events import Ending, Outcome, Protocol, Security, Stage
from ..protocol.mailbox import auth_summary, hops
from ..protocol.record import Record
from ..protocol.replies import Reply
from .diagnose import Diagnosis, Facts, diagnose
from .rules import RuleError, _data

STEPS = frozenset({"login", "incoming", "smtputf8", "mail", "rcpt", "data", "message", "arrival", "junk", "delete",
                   "connection"})


@dataclass
class RoundTrip:
    message_id: str
    address: str
    wait: float
    date: datetime | None = None  # the message's Date
    queue_id: str | None = None
    watching: bool = False  # the incoming side was ready before anything was sent
    sent: bool = False  # the outgoing server accepted the message (250 after DATA)
    arrived: bool = False
    seconds: float | None = None  # from that 250 until it was found
    folder: str | None = None
    received: list[str] = field(default_factory=list)
    authentication_results: list[str] = field(default_factory=list)
    deleted: bool = False
    looked_in: list[str] = field(default_factory=list)
    step: str = ""  # where it failed ("" while nothing did)
    reply: Reply | None = None  # the deciding reply
    detail: str = ""

    def fail(self, step: str, reply: Reply | None, detail: str) -> None:
        if not self.step:  # the first failure decides
            self.step, self.reply, self.detail = step, reply, detail

    def arrived_in(self, seconds: float, folder: str, junk: bool) -> None:
        self.arrived, self.seconds, self.folder = True, round(max(seconds, 0.0), 2), folder
        if junk:
            self.fail("junk", None, folder)

    def finish(self) -> None:
        if not self.step and not (self.arrived and self.deleted):
            self.fail("connection", None, "")

    @property
    def ok(self) -> bool:
        return not self.step


class RoundTripRule(Record):
    id: str
    step: str | None = None
    code: int | None = None
    code_class: int | None = None
    enhanced: str | None = None
    text: re.Pattern[str] | None = None

    def matches(self, rt: RoundTrip) -> bool:
        reply = rt.reply
        code = reply.code if reply else None
        checks = ((self.step, rt.step), (self.code, code), (self.code_class, code // 100 if code else None),
                  (self.enhanced, reply.enhanced if reply else None))
        if any(want is not None and want != have for want, have in checks):
            return False
        return self.text is None or (reply is not None and self.text.search(reply.text) is not None)


@cache
def roundtrip_rules() -> tuple[RoundTripRule, ...]:
    out = []
    for i, raw in enumerate(_data()["roundtrip"]):
        where = f"rules.toml roundtrip rule {i + 1}"
        unknown = set(raw) - {"id", "step", "code", "code_class", "enhanced", "text"}
        if unknown or "id" not in raw:
            raise RuleError(f"{where}: unknown key(s) {sorted(unknown)} or no id")
        if raw.get("step") is not None and raw["step"] not in STEPS:
            raise RuleError(f"{where}: unknown step {raw['step']!r}")
        out.append(RoundTripRule(raw["id"], raw.get("step"), raw.get("code"), raw.get("code_class"),
                                 raw.get("enhanced"), re.compile(raw["text"], re.I) if "text" in raw else None))
    return tuple(out)


def diagnosis_of(rt: RoundTrip, *, host: str = "", lang: str = "en", surface: str = "cli") -> Diagnosis | None:
    if rt.ok:
        return None
    did = next(r.id for r in roundtrip_rules() if r.matches(rt))  # the last rule matches every step
    detail = rt.detail
    if rt.step == "arrival":
        detail = ", ".join(rt.looked_in)
    outcome = Outcome(ok=False, ending=Ending.AUTHENTICATED, stage=Stage.DONE, reply=rt.reply, detail=detail)
    facts = Facts(outcome, Security.TLS, 0, protocol=Protocol.SMTP)
    return diagnose(facts, host=host, user=rt.address, lang=lang, surface=surface, did=did)


def as_dict(rt: RoundTrip, diagnosis: Diagnosis | None) -> dict[str, Any]:
    return {"ok": rt.ok, "message_id": rt.message_id, "queue_id": rt.queue_id, "arrived": rt.arrived,
            "seconds": rt.seconds, "folder": rt.folder, "received": list(rt.received),
            "authentication_results": list(rt.authentication_results), "deleted": rt.deleted,
            "diagnosis": diagnosis.as_dict() if diagnosis else None}


WORDS = {
    "en": {"arrived": "The test message arrived in {seconds} s in {folder}",
           "deleted": "and was deleted", "not-deleted": "but was not deleted",
           "sent": "The outgoing server accepted the test message{queue}.",
           "queue": " (queue id {queue_id})", "not-sent": "The test message was not sent.",
           "not-arrived": "It did not arrive within {wait} s.",
           "hops": "Path ({count} {hop_word}, oldest first):", "hop-word": "hop", "hops-word": "hops",
           "hop": "  {n}. {by}{delay}", "delay": ", {delay} s",
           "checks": "Sender checks (Authentication-Results): {checks}", "no-checks":
               "The receiving server added no Authentication-Results (no SPF, DKIM or DMARC verdict).",
           "title": "Round trip", "ok": "OK", "failed": "FAILED"},
    "tr": {"arrived": "Deneme iletisi {seconds} sn içinde {folder} klasörüne ulaştı",
           "deleted": "ve silindi", "not-deleted": "ama silinmedi",
           "sent": "Giden posta sunucusu deneme iletisini kabul etti{queue}.",
           "queue": " (kuyruk kimliği {queue_id})", "not-sent": "Deneme iletisi gönderilmedi.",
           "not-arrived": "{wait} sn içinde ulaşmadı.",
           "hops": "Yol ({count} {hop_word}, en eskisi önce):", "hop-word": "durak", "hops-word": "durak",
           "hop": "  {n}. {by}{delay}", "delay": ", {delay} sn",
           "checks": "Gönderen denetimleri (Authentication-Results): {checks}", "no-checks":
               "Alan sunucu Authentication-Results eklemedi (SPF, DKIM ya da DMARC sonucu yok).",
           "title": "Gidiş-dönüş", "ok": "TAMAM", "failed": "BAŞARISIZ"},
}


def _number(value: float, lang: str, signed: bool = False) -> str:
    text = f"{value:+g}" if signed else "<0.01" if 0 <= value < 0.01 else f"{value:g}"
    return text.replace(".", ",") if lang == "tr" else text  # Turkish writes 0,5


def summary_lines(rt: RoundTrip, lang: str = "en") -> list[str]:
    """The result in words, without the diagnosis: what was sent, where it arrived, the path, the checks."""
    w = WORDS.get(lang, WORDS["en"])
    lines = []
    if rt.sent:
        lines.append(w["sent"].format(queue=w["queue"].format(queue_id=rt.queue_id) if rt.queue_id else ""))
    else:
        lines.append(w["not-sent"])
    if rt.arrived:
        lines.append(w["arrived"].format(seconds=_number(rt.seconds or 0.0, lang), folder=rt.folder) + " "
                     + (w["deleted"] if rt.deleted else w["not-deleted"]) + ".")
        chain = hops(rt.received, rt.date)
        if chain:
            word = w["hop-word" if len(chain) == 1 else "hops-word"]
            lines.append(w["hops"].format(count=len(chain), hop_word=word))
            for n, hop in enumerate(chain, 1):
                delay = w["delay"].format(delay=_number(hop.delay, lang, signed=True)) if hop.delay is not None else ""
                lines.append(w["hop"].format(n=n, by=hop.by or hop.text[:80], delay=delay))
        checks = auth_summary(rt.authentication_results)
        lines.append(w["checks"].format(checks=", ".join(f"{k}={v}" for k, v in checks)) if checks
                     else w["no-checks"])
    elif rt.sent:
        lines.append(w["not-arrived"].format(wait=_number(rt.wait, lang)))
    return lines
