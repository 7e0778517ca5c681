"""The one config-v1.1 parser: untrusted text, tolerant reading, typed records."""

from __future__ import annotations

import pytest
from defusedxml import DefusedXmlException, DTDForbidden

from mailtester.detect.autoconfig import MAX_CONFIG_BYTES, ConfigError, expand, parse_config
from mailtester.protocol.kinds import Protocol, Security

GOOD = b"""<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.org">
    <domain>example.org</domain>
    <domain>Example.NET</domain>
    <domain>example.org</domain>
    <displayName>Example Mail</displayName>
    <incomingServer type="imap">
      <hostname>imap.%EMAILDOMAIN%</hostname><port>993</port><socketType>SSL</socketType>
      <username>%EMAILLOCALPART%</username><authentication>OAuth2</authentication>
      <authentication>password-cleartext</authentication>
      <futureElement>ignored</futureElement>
    </incomingServer>
    <incomingServer type="exchange"><hostname>ews.example.org</hostname></incomingServer>
    <incomingServer type="pop3"><hostname>pop.example.org</hostname><port>99999</port>
      <socketType>SSL</socketType></incomingServer>
    <incomingServer type="pop3"><hostname>pop.example.org</hostname><port>110</port>
      <socketType>TLS-1.9</socketType><socketType>STARTTLS</socketType>
      <username>%EMAILADDRESS%</username></incomingServer>
    <outgoingServer type="smtp"><hostname>SMTP.example.org</hostname><port>25</port>
      <socketType>plain</socketType></outgoingServer>
  </emailProvider>
</clientConfig>"""


def test_records_are_typed_and_unknown_things_ignored():
    c = parse_config(GOOD)
    assert (c.id, c.name, c.domains) == ("example.org", "Example Mail", ("example.org", "example.net"))
    imap, pop3 = c.incoming  # exchange skipped; the pop3 with port 99999 skipped; first known socketType
    assert (imap.protocol, imap.host, imap.port, imap.security, imap.user, imap.auth) == (
        Protocol.IMAP, "imap.%EMAILDOMAIN%", 993, Security.TLS, "%EMAILLOCALPART%", ("OAuth2", "password-cleartext"))
    assert (pop3.protocol, pop3.port, pop3.security, pop3.user) == (Protocol.POP3, 110, Security.STARTTLS,
                                                                    "%EMAILADDRESS%")
    (smtp,) = c.outgoing
    assert (smtp.host, smtp.port, smtp.security, smtp.user) == ("smtp.example.org", 25, Security.NONE, "")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE clientConfig [
 <!ENTITY a "aaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<clientConfig><emailProvider id="x"><displayName>&c;</displayName></emailProvider></clientConfig>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE clientConfig [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<clientConfig><emailProvider id="x"><displayName>&secret;</displayName></emailProvider></clientConfig>"""

DTD_ONLY = b"""<?xml version="1.0"?>
<!DOCTYPE clientConfig SYSTEM "http://example.invalid/config.dtd">
<clientConfig version="1.1"><emailProvider id="x"/></clientConfig>"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL, DTD_ONLY], ids=["entity-expansion", "external", "dtd"])
def test_dtd_and_entities_are_refused_by_defusedxml(data):
    with pytest.raises(ConfigError) as caught:
        parse_config(data)
    assert isinstance(caught.value.__cause__, DefusedXmlException)
    assert isinstance(caught.value.__cause__, DTDForbidden)  # refused at the DOCTYPE, before any entity


@pytest.mark.parametrize(("data", "message"), [
    (b"<clientConfig><emailProvider id='x'>", "not well-formed"),
    (b"<html><body>not found</body></html>", "not clientConfig"),
    (b"<clientConfig/>", "no emailProvider"),
    (b"<clientConfig><emailProvider id='x'><domain>x</domain></emailProvider></clientConfig>", "no usable"),
    (b" " * (MAX_CONFIG_BYTES + 1), "larger than"),
])
def test_unusable_files_are_refused_with_a_reason(data, message):
    with pytest.raises(ConfigError, match=message):
        parse_config(data)


def test_control_characters_in_texts_become_spaces():
    # XML 1.0 has no C0 controls but tab and line ends; C1 controls (here NEL, U+0085) are allowed.
    data = GOOD.replace(b"Example Mail", b"Example&#9;\xc2\x85&#x9b;31m Mail&#10;x")
    assert parse_config(data).name == "Example 31m Mail x"


@pytest.mark.parametrize(("template", "local", "expected"), [
    ("%EMAILADDRESS%", "alice", "alice@example.org"),
    ("%EMAILLOCALPART%", "alice", "alice"),
    ("%EMAILLOCALPART%.%EMAILDOMAIN%", "alice", "alice.example.org"),
    ("mail.%EMAILDOMAIN%", None, "mail.example.org"),
    ("%EMAILADDRESS%", None, "%EMAILADDRESS%"),  # a domain alone: the template stays
    ("%EMAILLOCALPART%", "%EMAILDOMAIN%", "%EMAILDOMAIN%"),  # text put in is not expanded again
    ("", "alice", ""),
])
def test_placeholders_expand_in_one_pass(template, local, expected):
    assert expand(template, local, "example.org") == expected
