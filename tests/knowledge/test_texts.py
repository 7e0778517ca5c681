"""Every diagnosis text, rendered as people read it, reads as a sentence.

Each id in every language, for an outgoing and an incoming check, generic and
for every provider with a variant of it, on the command line and in the
window, with and without STARTTLS seen, filled with sample facts that include
an empty and a lowercase detail: no placeholder left, no broken join, no flag
in the window and no window control on the command line.
"""

from __future__ import annotations

import re

import pytest

from mailtester.knowledge import diagnose as module
from mailtester.knowledge.diagnose import diagnose, texts
from mailtester.knowledge.providers import providers
from mailtester.knowledge.rules import Facts
from mailtester.protocol.events import Ending, Outcome, Protocol, Security, Stage
from mailtester.protocol.replies import Reply
from mailtester.resources import resource_path

LANGS = ("en", "tr")
PROTOCOLS = (Protocol.SMTP, Protocol.IMAP)
SURFACES = ("cli", "window")
# Window controls, by language: never on the command line.
CONTROLS = ("Advanced", "Gelişmiş", "Security: None", "Güvenlik: Yok")  # the window's controls, by name
# Names that start in lower case by their own spelling.
LOWERCASE_NAMES = ("iCloud", "http://", "https://")


def _reply(protocol: Protocol) -> Reply:
    if protocol is Protocol.SMTP:
        return Reply(535, ("5.7.8 Authentication failed",), ("535 5.7.8 Authentication failed",))
    return Reply(None, ("Authentication failed.",), ("a1 NO [AUTHENTICATIONFAILED] Authentication failed.",), "NO",
                 "AUTHENTICATIONFAILED")


def samples(protocol: Protocol, starttls: bool) -> list[tuple[Facts, str, str]]:
    """(facts, host, user): an empty detail and no reply; a lowercase detail with
    a reply and offered mechanisms, with and without encryption; the ending after
    a probe found SSL/TLS from the first byte."""
    other = Protocol.IMAP if protocol is Protocol.SMTP else Protocol.SMTP
    empty = Outcome(ok=False, ending=Ending.AUTH_REJECTED, stage=Stage.AUTH, starttls_offered=starttls,
                    answered_by=other)
    lowercase = Outcome(
        ok=False, ending=Ending.AUTH_REJECTED, stage=Stage.AUTH, reply=_reply(protocol), mechanism="CRAM-MD5",
        offered=("PLAIN", "LOGIN"), starttls_offered=starttls, detail="the server closed the connection",
        oauth_error=(("status", "400"), ("scope", "https://mail.google.com/")), answered_by=other)
    expects_tls = Outcome(
        ok=False, ending=Ending.EXPECTS_TLS, stage=Stage.GREETING, starttls_offered=starttls,
        detail="this port expects SSL/TLS from the first byte", mechanism="XOAUTH2", offered=("XOAUTH2",),
        answered_by=other)
    return [
        (Facts(empty, Security.NONE, 25, protocol=protocol), "mail.example.org", ""),
        (Facts(lowercase, Security.STARTTLS, 587, protocol=protocol), "smtp.example.org", "alice"),
        (Facts(lowercase, Security.NONE, 143, protocol=protocol), "mail.example.org", "alice@example.org"),
        (Facts(expects_tls, Security.TLS, 465, protocol=protocol), "mail.example.org", "alice"),
    ]


def variants(did: str, protocol: Protocol) -> list[str | None]:
    """None, then every provider with a text of its own for this id and protocol."""
    entry = texts("en")[did]
    table = entry.get("incoming", {}) if protocol.incoming else entry
    return [None, *table.get("providers", {})]


def problems(text: str, surface: str, host: str) -> list[str]:
    """What is wrong in one rendered text (a host name may start a sentence, as in Turkish)."""
    names = (*LOWERCASE_NAMES, host)
    found = [bad for bad in ("{", "}", "..", " .", " ,", "()", "  ", ":.", ": .", "(.", "( ", " )") if bad in text]
    for m in re.finditer(r"[.!?] (\S+)", text):
        if m.group(1)[0].islower() and not m.group(1).startswith(names):
            found.append(f"lowercase after a full stop: {m.group(0)!r}")
    if text[:1].islower() and not text.startswith(names):
        found.append("starts in lower case")
    if text.rstrip().endswith((":", ",", ";", "(")):
        found.append("ends on a join")
    if surface == "window" and "--" in text:
        found.append("a command-line flag in the window")
    if surface == "cli" and any(word in text for word in CONTROLS):
        found.append("a window control on the command line")
    return found


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("did", sorted(texts("en")))
def test_every_text_reads_well(did, lang, monkeypatch):
    monkeypatch.setattr(module, "diagnosis_id", lambda facts: did)
    by_id = {p.id: p for p in providers()}
    failures: dict[str, str] = {}  # problem and text -> the first case that shows it
    rendered = 0
    for protocol in PROTOCOLS:
        for pid in variants(did, protocol):
            assert pid is None or pid in by_id, f"{did}: a text for an unknown provider {pid}"
            provider = by_id[pid] if pid else None
            for starttls in (True, False):
                for facts, host, user in samples(protocol, starttls):
                    facts = Facts(facts.outcome, facts.security, facts.port, provider, facts.tls_failure,
                                  facts.protocol, facts.probe)
                    for surface in SURFACES:
                        d = diagnose(facts, host=host, user=user, lang=lang, surface=surface)
                        assert d is not None and d.id == did
                        rendered += 1
                        where = f"{protocol.value} {pid} {surface} starttls={starttls} port={facts.port}"
                        parts = [("title", d.title), ("explanation", d.explanation),
                                 *(("cause", c) for c in d.causes), *(("fix", f) for f in d.fixes)]
                        found = [(kind, p, text) for kind, text in parts for p in problems(text, surface, host)]
                        found += [(kind, "not a finished sentence", text) for kind, text in parts
                                  if kind in ("explanation", "fix") and not text.endswith((".", "!", "?"))]
                        found += [(kind, "the server's reply pasted into the text", text) for kind, text in parts
                                  if any(line in text for line in d.server_said)]
                        if d.title.endswith("."):
                            found.append(("title", "ends in a full stop", d.title))
                        for kind, problem, text in found:
                            failures.setdefault(f"{kind}: {problem}\n    {text}", where)
    assert rendered
    assert not failures, f"{did} ({lang}):\n" + "\n".join(f"[{w}] {f}" for f, w in failures.items())


@pytest.mark.parametrize("lang", LANGS)
def test_no_reply_pasted_into_texts(lang):
    """The deciding reply is quoted beside the texts (server_said), never inside them."""
    data = resource_path("diagnoses", f"{lang}.toml").read_text(encoding="utf-8")
    assert "{reply}" not in data


@pytest.mark.parametrize("lang", LANGS)
def test_no_flag_written_into_texts(lang):
    """Settings are named by placeholders, so the command names its flag and the window its control."""
    data = resource_path("diagnoses", f"{lang}.toml").read_text(encoding="utf-8")
    flags = [line for line in data.splitlines() if not line.startswith("#") and re.search(r"(?<![\w-])--[a-z]", line)]
    assert flags == []


def test_turkish_says_unencrypted_not_passwordless():
    data = resource_path("diagnoses", "tr.toml").read_text(encoding="utf-8")
    assert "şifresiz" not in data.lower()


@pytest.mark.parametrize("lang", LANGS)
def test_options_are_named_for_the_surface(lang, monkeypatch):
    monkeypatch.setattr(module, "diagnosis_id", lambda facts: "auth.plaintext-refused")
    facts = Facts(Outcome(ok=False, ending=Ending.PLAINTEXT_REFUSED, stage=Stage.AUTH), Security.NONE, 25)
    cli = " ".join(diagnose(facts, lang=lang, surface="cli").fixes)
    window = " ".join(diagnose(facts, lang=lang, surface="window").fixes)
    assert "--allow-plaintext-auth" in cli and "--allow-plaintext-auth" not in window
    assert any(word in window for word in CONTROLS)
