"""The kinds every layer names: protocols, security modes, stages and endings."""

from __future__ import annotations

from enum import StrEnum


class Protocol(StrEnum):
    SMTP = "smtp"
    IMAP = "imap"
    POP3 = "pop3"

    @property
    def incoming(self) -> bool:
        return self is not Protocol.SMTP


class Stage(StrEnum):
    """How far a run got. The order is the order of a run."""

    DNS = "dns"
    CONNECT = "connect"
    TLS = "tls"
    GREETING = "greeting"
    EHLO = "ehlo"  # SMTP's capabilities
    CAPABILITY = "capability"  # IMAP CAPABILITY, POP3 CAPA
    STARTTLS = "starttls"
    AUTH = "auth"
    AFTER_LOGIN = "after-login"  # the harmless command that proves the login is usable
    DONE = "done"


class Security(StrEnum):
    TLS = "tls"  # implicit TLS from the first byte
    STARTTLS = "starttls"
    NONE = "none"


# RFC 8314 (465, 993, 995), RFC 6409 (587), RFC 3501 (143), RFC 1939 (110).
DEFAULT_PORTS = {
    Protocol.SMTP: {Security.TLS: 465, Security.STARTTLS: 587, Security.NONE: 25},
    Protocol.IMAP: {Security.TLS: 993, Security.STARTTLS: 143, Security.NONE: 143},
    Protocol.POP3: {Security.TLS: 995, Security.STARTTLS: 110, Security.NONE: 110},
}


def default_port(protocol: Protocol, security: Security) -> int:
    return DEFAULT_PORTS[protocol][security]


class Ending(StrEnum):
    """Why a run ended, in protocol terms (the diagnosis adds the meaning)."""

    AUTHENTICATED = "authenticated"
    AUTH_REJECTED = "auth-rejected"  # 4xx/5xx final reply to AUTH
    AUTH_NOT_OFFERED = "auth-not-offered"
    MECHANISM_UNSUPPORTED = "mechanism-unsupported"
    PLAINTEXT_REFUSED = "plaintext-refused"  # our own refusal, nothing sent
    STARTTLS_UNAVAILABLE = "starttls-unavailable"
    STARTTLS_FAILED = "starttls-failed"
    SERVICE_CLOSING = "service-closing"  # 421 at any point
    GREETING_REJECTED = "greeting-rejected"  # SMTP 5xx, IMAP * BYE, POP3 -ERR greeting
    EHLO_REJECTED = "ehlo-rejected"
    WRONG_SERVICE = "wrong-service"  # another protocol's greeting; nothing more sent
    PREAUTHENTICATED = "preauthenticated"  # IMAP PREAUTH: the credentials were never tested
    LOGIN_DISABLED = "login-disabled"  # IMAP LOGINDISABLED and no SASL way to log in
    AFTER_LOGIN_REFUSED = "after-login-refused"  # login accepted, the next command refused
    UNEXPECTED_CHALLENGE = "unexpected-challenge"
    UNEXPECTED_SUCCESS = "unexpected-success"
    MALFORMED = "malformed"
    CLOSED = "closed"
    # Set by the driver:
    DNS_FAILED = "dns-failed"
    REFUSED = "refused"
    UNREACHABLE = "unreachable"
    CONNECT_TIMEOUT = "connect-timeout"
    TLS_FAILED = "tls-failed"
    EXPECTS_TLS = "expects-tls"  # no greeting, and a probe found TLS spoken from the first byte
    TIMEOUT = "timeout"
    CANCELLED = "cancelled"
    INTERNAL_ERROR = "internal-error"  # a bug of the tool's own, reported instead of a traceback
