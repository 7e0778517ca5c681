"""The bundled lookup: ranking, the catalogue's corrections, user names, addresses, and its imports."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from mailtester.detect import Candidate, lookup_bundled, parse_address, rank
from mailtester.detect import bundled as bundled_module
from mailtester.knowledge.providers import providers, recognize
from mailtester.protocol.kinds import Protocol, Security
from mailtester.settings import InvalidInput


def servers(candidates):
    return [(c.protocol.value, c.host, c.port, c.security.value) for c in candidates]


def candidate(protocol, security, host="h.example"):
    return Candidate(protocol=Protocol(protocol), host=host, port=1, security=Security(security), user="u",
                     source="test", confirmed=False, insecure=False, certificate=None)


def test_ranking_tls_before_starttls_imap_before_pop3_plaintext_never_first():
    given = [candidate("pop3", "tls"), candidate("imap", "none"), candidate("imap", "starttls"),
             candidate("pop3", "starttls"), candidate("imap", "tls"), candidate("pop3", "none")]
    assert [(c.protocol.value, c.security.value) for c in rank(given)] == [
        ("imap", "tls"), ("imap", "starttls"), ("pop3", "tls"), ("pop3", "starttls"), ("imap", "none"),
        ("pop3", "none")]
    smtp = [candidate("smtp", "none"), candidate("smtp", "starttls"), candidate("smtp", "tls")]
    assert [c.security.value for c in rank(smtp)] == ["tls", "starttls", "none"]
    # The same key keeps the sources' order.
    a, b = candidate("smtp", "tls", "a.example"), candidate("smtp", "tls", "b.example")
    assert rank([a, b]) == (a, b) and rank([b, a]) == (b, a)


def test_gmail_both_submission_ports_implicit_tls_first():
    r = lookup_bundled("alice@gmail.com")
    assert servers(r.outgoing) == [("smtp", "smtp.gmail.com", 465, "tls"), ("smtp", "smtp.gmail.com", 587, "starttls")]
    assert servers(r.incoming) == [("imap", "imap.gmail.com", 993, "tls"), ("pop3", "pop.gmail.com", 995, "tls")]


def test_web_de_gets_its_own_servers_not_gmx():
    r = lookup_bundled("alice@web.de")
    assert servers(r.incoming) == [("imap", "imap.web.de", 993, "tls"), ("imap", "imap.web.de", 143, "starttls"),
                                   ("pop3", "pop3.web.de", 995, "tls"), ("pop3", "pop3.web.de", 110, "starttls")]
    assert servers(r.outgoing) == [("smtp", "smtp.web.de", 465, "tls"), ("smtp", "smtp.web.de", 587, "starttls")]
    assert not any("gmx" in c.host for c in r.incoming + r.outgoing)
    assert {c.user for c in r.incoming + r.outgoing} == {"alice"}  # web.de.xml: %EMAILLOCALPART%
    # GMX itself is unchanged, and web.de is still recognised as the GMX family (its diagnosis texts).
    assert servers(lookup_bundled("bob@gmx.de").outgoing)[-1] == ("smtp", "mail.gmx.net", 587, "starttls")
    assert recognize("", (), "alice@web.de").id == "gmx"


@pytest.mark.parametrize("domain", ["outlook.com", "hotmail.com", "live.com", "msn.com", "hotmail.de"])
def test_outlook_com_addresses_get_outlook_com_servers(domain):
    r = lookup_bundled(f"bob@{domain}")
    assert servers(r.outgoing) == [("smtp", "smtp-mail.outlook.com", 587, "starttls")]
    assert servers(r.incoming) == [("imap", "outlook.office365.com", 993, "tls"),
                                   ("pop3", "outlook.office365.com", 995, "tls")]
    assert {c.user for c in r.incoming + r.outgoing} == {f"bob@{domain}"}


def test_microsoft_365_keeps_its_own_submission_host():
    r = lookup_bundled("it@contoso.onmicrosoft.com")  # not a listed domain: the catalogue lists onmicrosoft.com
    assert not r.found
    r = lookup_bundled("it@onmicrosoft.com")
    assert servers(r.outgoing) == [("smtp", "smtp.office365.com", 587, "starttls")]
    assert recognize("", (), "bob@hotmail.com").id == "microsoft365"


@pytest.mark.parametrize(("address", "host"), [
    ("a@gmx.com", "mail.gmx.com"), ("a@zoho.eu", "smtp.zoho.eu"), ("a@zohomail.eu", "smtp.zoho.eu"),
    ("a@zoho.in", "smtp.zoho.in"), ("a@zoho.com", "smtp.zoho.com"),
])
def test_regional_services_get_their_own_submission_host(address, host):
    assert {c.host for c in lookup_bundled(address).outgoing} == {host}


def test_every_variant_names_its_source_and_the_providers_domains():
    variants = [(p, v) for p in providers() for v in p.variants]
    assert {v.name for _, v in variants} >= {"WEB.DE", "Outlook.com"}
    for p, v in variants:
        assert v.source.startswith("https://"), v.name
        assert set(v.domains) <= set(p.domains)
        assert v.submission.get("host") and v.incoming


@pytest.mark.parametrize(("address", "users"), [
    ("taro@iijmio-mail.jp", {"taro.iijmio-mail.jp"}),  # %EMAILLOCALPART%.%EMAILDOMAIN%
    ("hanako@bb-niigata.jp", {"hanako"}),  # %EMAILLOCALPART%
    ("Alice.Smith@yahoo.com", {"Alice.Smith@yahoo.com"}),  # %EMAILADDRESS%, as typed
    ("yahoo.com", {"%EMAILADDRESS%"}),  # only a domain: the template stays
])
def test_user_template_resolved_for_the_address(address, users):
    r = lookup_bundled(address)
    assert {c.user for c in r.incoming + r.outgoing} == users


def test_host_template_resolved_for_the_domain():
    r = lookup_bundled("a@inbox.eu")  # inbox.lv.xml: mail.%EMAILDOMAIN%
    assert {c.host for c in r.incoming + r.outgoing} == {"mail.inbox.eu"}


def test_unknown_domain_finds_nothing():
    r = lookup_bundled("someone@example.org")
    assert not r.found and r.incoming == r.outgoing == ()
    assert [(s.source, s.query, s.result) for s in r.sources] == [("bundled", "example.org", "none")]


def test_case_and_trailing_dot_do_not_matter_for_the_lookup():
    r = lookup_bundled("  Alice@WEB.DE.  ")
    assert r.found and r.domain == "web.de" and r.address == "Alice@WEB.DE."
    assert {c.user for c in r.incoming} == {"Alice"}


def test_international_domain_is_looked_up_by_its_idna_form(monkeypatch):
    fake = {"domains": {"xn--bcher-kva.example": "buecher"},
            "providers": {"buecher": {"id": "bücher.example", "name": "Bücher", "servers": [
                {"protocol": "imap", "host": "imap.%EMAILDOMAIN%", "port": 993, "security": "tls",
                 "user": "%EMAILADDRESS%", "auth": []}]}}}
    monkeypatch.setattr(bundled_module, "ispdb", lambda: fake)
    r = lookup_bundled("müller@Bücher.example")
    assert r.domain == "xn--bcher-kva.example"
    (c,) = r.incoming
    assert c.host == "imap.xn--bcher-kva.example"  # a host name in the form resolvers and TLS want
    assert c.user == "müller@Bücher.example"  # the login name the person uses


@pytest.mark.parametrize(("text", "message"), [
    ("", "Enter an e-mail address"),
    ("@example.com", "Nothing before the @"),
    ("alice@", "Nothing after the @"),
    ("a@b@example.com", "one @"),
    ("alice smith@example.com", "no spaces"),
    ("<alice@example.com>", "angle brackets"),
    ("alice@exa_mple..com", "not a valid domain"),
    ("alice@-.com", "not a valid domain"),
    ("alice@[192.0.2.1]", "IP address"),
    ("alice@192.0.2.1", "IP address"),
    (".alice@example.com", "dot"),
    ("alice", "not an e-mail address"),
    ("alice\n@example.com", "line break"),
    ("alice\x1b[2J@example.com", "control character (U+001B)"),
    ("alice\u202e@example.com", "control character (U+202E)"),
    ("alice\udcff@example.com", "UTF-8"),
    ("a" * 65 + "@example.com", "longer than 64"),
    ("a@" + "b" * 260 + ".com", "longer than 254"),
])
def test_text_that_is_not_an_address_is_refused_clearly(text, message):
    with pytest.raises(InvalidInput, match=re.escape(message)):
        parse_address(text)


def test_lookup_imports_no_asyncio_and_reads_the_json_only_when_asked():
    code = ("import sys, mailtester.detect as d; import mailtester.detect.command; "
            "assert 'asyncio' not in sys.modules and 'socket' not in sys.modules, 'network modules'; "
            "assert d.bundled.ispdb.cache_info().currsize == 0, 'read at import'; "
            "d.lookup_bundled('a@gmail.com'); assert 'asyncio' not in sys.modules and 'ssl' not in sys.modules; "
            "assert 'defusedxml' not in sys.modules, 'the XML parser is for the converter and the online part'; "
            "assert 'PySide6' not in sys.modules")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_the_check_command_does_not_load_the_detect_package():
    code = "import sys, mailtester.cli; sys.exit(1 if 'mailtester.detect' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
