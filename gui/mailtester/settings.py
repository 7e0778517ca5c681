"""The validation of what a person typed (Qt-free)."""

from __future__ import annotations

import re

from .protocol.kinds import Protocol
from .protocol.sasl import MECHANISMS
from .protocol.session import APOP, NATIVE

MECHANISM_CHOICES = ("auto", *MECHANISMS, NATIVE, APOP)
# Login methods that are not SASL, by the protocols that have them.
NON_SASL = {NATIVE: (Protocol.IMAP, Protocol.POP3), APOP: (Protocol.POP3,)}
LANGUAGES = {"en": "English", "tr": "Türkçe"}


class InvalidInput(ValueError):
    """A value typed by the user that cannot be used; the message says why."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


_LABEL = r"[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?"
_ASCII_HOST = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(\.{_LABEL})*$", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def normalize_host(text: str) -> str:
    """Return the host as an ASCII name or an IP literal, or raise InvalidInput."""
    host = text.strip()
    if not host:
        raise InvalidInput("host", "Enter the server name, for example smtp.example.com.")
    if any(c in host for c in "\r\n\0"):
        raise InvalidInput("host", "The server name contains a line break or control character.")
    if _SCHEME.match(host):
        raise InvalidInput("host", "Enter only the server name, without a prefix like smtp:// or https://.")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if "%" in host and ":" in host:
        raise InvalidInput("host", "An IPv6 address with a zone (%…) cannot be checked against the server's "
                                   "certificate: enter the server's name, or the address without the zone.")
    if ":" in host or host.replace(".", "").isdigit():  # could be an IP literal: only then load ipaddress
        import ipaddress

        try:
            return str(ipaddress.ip_address(host))
        except ValueError:
            pass
    if any(c.isspace() for c in host):
        raise InvalidInput("host", "The server name cannot contain spaces.")
    if "/" in host or "@" in host:
        raise InvalidInput("host", "Enter only the server name, without a path or an @.")
    if host.startswith("[") or host.count(":") > 1:
        raise InvalidInput("host", "This is not a valid IPv6 address.")
    if ":" in host:
        raise InvalidInput("host", "Enter the port in its own field, not after the server name.")
    host = host.rstrip(".")
    if host.isascii():
        if not _ASCII_HOST.match(host):
            raise InvalidInput("host", "This is not a valid server name: use letters, digits, dots and hyphens.")
        return host.lower()
    import idna  # only for international names; its tables are large

    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError:
        raise InvalidInput("host", "This is not a valid server name: use letters, digits, dots and hyphens.") \
            from None


def check_port(value: int) -> int:
    if not 1 <= value <= 65535:
        raise InvalidInput("port", "The port must be a number from 1 to 65535.")
    return value


def check_user(text: str) -> str:
    if any(c in text for c in "\r\n\0"):
        raise InvalidInput("user", "The user name contains a line break or control character.")
    return text


def check_secret(text: str, what: str = "password") -> str:
    """Secrets are sent exactly as typed (spaces included); only line breaks are refused."""
    if any(c in text for c in "\r\n\0"):
        message = ("The token contains a line break, which cannot be sent." if what == "token"
                   else "The password contains a line break, which cannot be sent.")
        raise InvalidInput(what, message)
    return text
