"""Thunderbird's autoconfig format (config-v1.1.xml) -> typed records.

One parser for every place the format is read: the ISPDB snapshot when
packaging/convert_ispdb.py builds resources/providers/ispdb.json, and, later,
the files a provider serves itself. The text is untrusted: defusedxml refuses
DTDs, entity declarations and external references before anything is built,
the size is capped, and the reader is tolerant as the format asks (unknown
elements, attributes and server types are ignored; a server missing a
required field is skipped, not the whole file).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..protocol.kinds import Protocol, Security
from ..protocol.record import Record
from .templates import PLACEHOLDERS, expand

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

__all__ = ["PLACEHOLDERS", "ConfigError", "ProviderConfig", "ServerRecord", "expand", "parse_config"]

MAX_CONFIG_BYTES = 256 * 1024  # the largest ISPDB file is 9 KB; a provider's own file has no reason to be larger

# socketType -> our security mode (the draft: SSL = implicit TLS, STARTTLS = mandatory upgrade, plain = none).
SOCKET_TYPES = {"SSL": Security.TLS, "STARTTLS": Security.STARTTLS, "plain": Security.NONE}
INCOMING_TYPES = {"imap": Protocol.IMAP, "pop3": Protocol.POP3}  # exchange, ews, owa, graph: not ours
OUTGOING_TYPES = {"smtp": Protocol.SMTP}

# A host name, possibly with the domain's placeholder (mail.%EMAILDOMAIN%); checked again once expanded.
_HOST_TEMPLATE = re.compile(r"^(?:[a-z0-9_.-]|%EMAILDOMAIN%)+$")
_DOMAIN = re.compile(r"^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$")
_MAX_TEXT = 255


class ConfigError(ValueError):
    """The text is not a usable config-v1.1 file (the message says why)."""


class ServerRecord(Record):
    """One incomingServer or outgoingServer, as the file gives it (templates not expanded)."""

    protocol: Protocol
    host: str  # may hold %EMAILDOMAIN%
    port: int
    security: Security
    user: str  # the username template, e.g. %EMAILADDRESS%; "" when the file names none
    auth: tuple[str, ...]  # the authentication values in the file's order, e.g. ("OAuth2", "password-cleartext")


class ProviderConfig(Record):
    """One emailProvider: who it is, the domains it serves, its servers in the file's order."""

    id: str
    name: str
    domains: tuple[str, ...]
    incoming: tuple[ServerRecord, ...]
    outgoing: tuple[ServerRecord, ...]

    @property
    def servers(self) -> tuple[ServerRecord, ...]:
        return self.incoming + self.outgoing


def parse_config(data: bytes) -> ProviderConfig:
    """Parse one config-v1.1 file; raise ConfigError for invalid XML, a DTD or an entity, or no usable server."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"the file is larger than {MAX_CONFIG_BYTES} bytes")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:  # DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
        raise ConfigError(f"refused: {type(exc).__name__}") from exc
    except ParseError as exc:
        raise ConfigError(f"not well-formed XML: {exc}") from None
    if root.tag != "clientConfig":
        raise ConfigError(f"the root element is {root.tag!r}, not clientConfig")
    provider = root.find("emailProvider")
    if provider is None:
        raise ConfigError("no emailProvider element")
    incoming = tuple(s for s in (_server(e, INCOMING_TYPES) for e in provider.findall("incomingServer")) if s)
    outgoing = tuple(s for s in (_server(e, OUTGOING_TYPES) for e in provider.findall("outgoingServer")) if s)
    if not incoming and not outgoing:
        raise ConfigError("no usable IMAP, POP3 or SMTP server")
    domains: list[str] = []
    for element in provider.findall("domain"):
        domain = _text(element).lower().rstrip(".")
        if _DOMAIN.match(domain) and domain not in domains:
            domains.append(domain)
    pid = _clean(provider.get("id", ""))
    name = next((t for t in (_text(provider.find(tag)) for tag in ("displayName", "displayShortName",
                                                                   "displayNameShort")) if t), pid)
    return ProviderConfig(id=pid, name=name, domains=tuple(domains), incoming=incoming, outgoing=outgoing)


def _clean(text: str) -> str:
    """Text from the file on one line: control characters become spaces, runs of spaces one."""
    return " ".join("".join(" " if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in text).split())[:_MAX_TEXT]


def _text(element: Element | None) -> str:
    return _clean(element.text or "") if element is not None else ""


def _server(element: Element, types: dict[str, Protocol]) -> ServerRecord | None:
    protocol = types.get(element.get("type", ""))
    host = "%EMAILDOMAIN%".join(part.lower() for part in _text(element.find("hostname")).split("%EMAILDOMAIN%"))
    host = host.rstrip(".")
    port_text = _text(element.find("port"))
    # Thunderbird takes the first socketType it supports.
    security = next((SOCKET_TYPES[t] for t in (_text(e) for e in element.findall("socketType"))
                     if t in SOCKET_TYPES), None)
    if protocol is None or security is None or not host or not _HOST_TEMPLATE.match(host):
        return None
    if not port_text.isascii() or not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        return None
    auth = tuple(t for t in (_text(e) for e in element.findall("authentication")) if t)
    return ServerRecord(protocol=protocol, host=host, port=int(port_text), security=security,
                        user=_text(element.find("username")), auth=auth)

