"""The address a person typed, checked before any lookup: one clear message for what is wrong."""

from __future__ import annotations

import unicodedata

from ..protocol.record import Record
from ..settings import InvalidInput, normalize_host

MAX_LOCAL_OCTETS = 64  # RFC 5321 4.5.3.1.1
MAX_ADDRESS_OCTETS = 254  # RFC 5321 4.5.3.1.3 (a 256-octet path less its angle brackets)
# Bidirectional controls make text read other than it is; never part of an address.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Never in an unquoted local part (RFC 5322 specials); usually a pasted "Name <address>" or a list.
_SPECIALS = '<>()[]\\,;:"'


class Address(Record):
    text: str  # as typed, without surrounding spaces
    local: str | None  # None when only a domain was given
    domain: str  # the domain as typed (for user names: the address the person uses)
    ascii_domain: str  # IDNA, lower case: for lookups

    @property
    def example(self) -> str:
        return f"{self.local or 'you'}@{self.domain}"


def _refuse(message: str) -> InvalidInput:
    return InvalidInput("address", message)


def parse_address(text: str) -> Address:
    """An address (you@example.com) or a bare domain (example.com), or InvalidInput saying what is wrong."""
    for c in text:
        category = unicodedata.category(c)
        if category == "Cs":
            raise _refuse("The address is not valid UTF-8 text.")
        if category in ("Cc", "Zl", "Zp") or c in _BIDI_CONTROLS:
            if c in "\r\n":
                raise _refuse("The address contains a line break.")
            raise _refuse(f"The address contains a control character (U+{ord(c):04X}).")
    text = text.strip()
    if not text:
        raise _refuse("Enter an e-mail address, for example you@example.com.")
    if any(c.isspace() for c in text):
        raise _refuse("An e-mail address has no spaces: enter only the address, for example you@example.com.")
    if len(text.encode("utf-8")) > MAX_ADDRESS_OCTETS:
        raise _refuse(f"The address is longer than {MAX_ADDRESS_OCTETS} bytes, which no mail server accepts.")
    if text.count("@") > 1:
        raise _refuse("An e-mail address has one @: enter a single address, for example you@example.com.")
    local: str | None
    if "@" in text:
        local, _, domain = text.partition("@")
        if not local:
            raise _refuse("Nothing before the @: enter the whole address, for example you@example.com.")
        if not domain:
            raise _refuse("Nothing after the @: enter the whole address, for example you@example.com.")
        _check_local(local)
    else:
        local, domain = None, text
        if "." not in domain.strip("."):
            raise _refuse(f"This is not an e-mail address: enter the whole address, for example "
                          f"{text}@example.com, or a domain such as example.com.")
    where = "The part after the @" if local is not None else "This"
    return Address(text=text, local=local, domain=domain.rstrip("."), ascii_domain=_check_domain(domain, where))


def _check_local(local: str) -> None:
    special = next((c for c in local if c in _SPECIALS), None)
    if special is not None:
        raise _refuse(f"The part before the @ contains {special!r}: enter only the address, without a name, "
                      "quotes or angle brackets.")
    if local.startswith(".") or local.endswith(".") or ".." in local:
        raise _refuse("The part before the @ cannot start or end with a dot, or have two dots in a row.")
    if len(local.encode("utf-8")) > MAX_LOCAL_OCTETS:
        raise _refuse(f"The part before the @ is longer than {MAX_LOCAL_OCTETS} bytes, which no mail server "
                      "accepts.")


def _check_domain(domain: str, where: str) -> str:
    if domain.startswith("[") or domain.replace(".", "").isdigit() or ":" in domain:
        raise _refuse(f"{where} is an IP address: settings are found from a domain name, such as example.com.")
    try:
        return normalize_host(domain)
    except InvalidInput:
        raise _refuse(f"{where} is not a valid domain name: use letters, digits, dots and hyphens, "
                      "as in example.com.") from None
