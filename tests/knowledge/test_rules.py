"""The rules as typed records, and the texts they point at, for every protocol."""

from __future__ import annotations

import re
import string

import pytest

from mailtester.knowledge.diagnose import diagnose, texts
from mailtester.knowledge.providers import providers
from mailtester.knowledge.rules import Facts, RuleError, exit_policy, parse_rule, rules
from mailtester.protocol.events import Ending, Outcome, Protocol, Security, Stage
from mailtester.protocol.replies import Reply
from mailtester.settings import MECHANISM_CHOICES

PLACEHOLDERS = {"host", "port", "user", "provider", "detail", "reply", "offered", "mechanism", "oauth_error",
                "protocol", "expected_ports", "answered", "answered_ports", "code", "security", "starttls_seen",
                "ca_file_option", "plaintext_option", "timeout_option", "signin_option",
                "help", "app_passwords", "oauth", "admin", "source"}


def test_every_diagnosis_has_an_exit_code():
    assert set(exit_policy().codes) == set(texts("en"))


def test_every_rule_loads_and_names_known_things():
    known_providers = {p.id for p in providers()}
    described = set(texts("en"))
    for rule in rules():
        assert rule.id in described
        assert rule.provider is None or rule.provider in known_providers
        assert rule.mechanism is None or rule.mechanism in MECHANISM_CHOICES


@pytest.mark.parametrize(("raw", "message"), [
    ({"id": "x", "ending": "auth-rejected", "colour": "red"}, "unknown key"),
    ({"ending": "auth-rejected"}, "needs an id"),
    ({"id": "x", "ending": "auth-refused"}, "ending"),
    ({"id": "x", "protocol": "nntp"}, "protocol"),
    ({"id": "x", "status": "MAYBE"}, "unknown status"),
    ({"id": "x", "tls": "sideways"}, "TLS failure kind"),
    ({"id": "x", "code": "535"}, "must be a int"),
    ({"id": "x", "incoming": "yes"}, "must be a bool"),
    ({"id": "x", "text": "(unclosed"}, "text"),
])
def test_a_bad_rule_fails_loudly(raw, message):
    with pytest.raises(RuleError, match=re.escape(message)):
        parse_rule(raw, "test")


def facts(protocol: Protocol, reply: Reply | None, ending: Ending = Ending.AUTH_REJECTED) -> Facts:
    return Facts(Outcome(False, ending, Stage.AUTH, reply), Security.TLS, 993, None, None, protocol)


@pytest.mark.parametrize(("code", "expected"), [
    ("AUTHENTICATIONFAILED", "auth.credentials-rejected"), ("EXPIRED", "auth.password-expired"),
    ("CONTACTADMIN", "auth.contact-admin"), ("PRIVACYREQUIRED", "auth.tls-required"),
    ("UNAVAILABLE", "auth.temporary-failure"), ("LIMIT", "auth.too-many-connections"),
    ("SYS/TEMP", "auth.temporary-failure"), ("SYS/PERM", "auth.contact-admin"), ("AUTH", "auth.credentials-rejected"),
    ("SYS/TEMP/DISK", "auth.temporary-failure"),  # unknown hierarchical detail is ignored (RFC 2449 §8)
])
def test_response_code_decides_before_text(code, expected):
    # A text that would mislead a text-first rule: the code wins.
    reply = Reply(None, ("Authentication failed.",), (f"a1 NO [{code}] Authentication failed.",), "NO", code)
    d = diagnose(facts(Protocol.IMAP, reply))
    assert d is not None and d.id == expected
    assert reply.is_transient is (expected in ("auth.temporary-failure", "auth.too-many-connections"))
    assert d.exit_code == (6 if reply.is_transient else exit_policy().codes[expected])


def test_a_bad_is_not_read_as_a_wrong_password():
    reply = Reply(None, ("Command received in Invalid state.",), ("a1 BAD Command received in Invalid state.",), "BAD")
    assert diagnose(facts(Protocol.IMAP, reply)).id == "auth.mechanism-unsupported"


class Recorder(dict):
    def __missing__(self, key):
        raise KeyError(key)


@pytest.mark.parametrize("lang", ["en", "tr"])
@pytest.mark.parametrize("protocol", list(Protocol))
def test_every_text_fills_with_known_placeholders(lang, protocol):
    fmt = string.Formatter()
    for did, entry in texts(lang).items():
        tables = [entry, entry.get("incoming", {}), *entry.get("providers", {}).values(),
                  *entry.get("incoming", {}).get("providers", {}).values()]
        for table in tables:
            for key in ("title", "explanation", "causes", "fixes"):
                for text in [table[key]] if isinstance(table.get(key), str) else table.get(key, []):
                    names = {name for _, name, _, _ in fmt.parse(text) if name}
                    assert names <= PLACEHOLDERS, (did, key, names - PLACEHOLDERS)


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_incoming_texts_never_speak_of_smtp_for_imap(lang):
    """An IMAP check's texts come from the incoming tables, not the SMTP ones."""
    for did in texts("en"):
        reply = Reply(None, ("Authentication failed.",), ("a1 NO Authentication failed.",), "NO")
        for p in [None, *providers()]:
            f = Facts(Outcome(False, Ending.AUTH_REJECTED, Stage.AUTH, reply), Security.TLS, 993, p, None,
                      Protocol.IMAP)
            from mailtester.knowledge import diagnose as module

            text = " ".join(str(v) for v in module._entry(did, f, lang).values())
            if "SMTP" in text:
                # Only where the text contrasts the services (wrong service) or SMTP is the subject.
                assert did in ("protocol.wrong-service",) or "IMAP" in text or "POP" in text, (did, p and p.id)
