"""SASL mechanisms as small pure objects, and the exchange that the three
protocols share.

Each mechanism yields `Step`s: the raw bytes to send (the protocol layer
base64-encodes them) and whether they carry a secret. They never look at the
text of a challenge to decide what to answer, only at its position.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from dataclasses import field

from .credentials import Credentials
from .errors import LocalProtocolError
from .limits import MAX_JSON_DEPTH, MAX_JSON_SIZE, MAX_SASL_ROUND_TRIPS
from .record import Record
from .replies import printable, show_controls

OAUTH_ERROR_RESPONSE = {"XOAUTH2": b"", "OAUTHBEARER": b"\x01"}


# eq=False, repr=False: never compared or printed; fewer methods generated at start (issue 14).
class Step(Record):
    """One SASL message to send, and whether (and in which pieces) it carries a secret."""

    data: bytes
    secret: bool
    forms: tuple[str, ...] = ()  # secret pieces a server could echo alone (CRAM-MD5's digest)


class SaslFinished(LocalProtocolError):
    """The server sent another challenge after the mechanism had said all."""


class Mechanism:
    name = ""
    needs_token = False

    def __init__(self, creds: Credentials, *, initial_response: bool = True,
                 host: str = "", port: int = 0) -> None:
        self.creds = creds
        self.use_initial_response = initial_response
        self.host = host
        self.port = port
        self.challenges = 0
        self.complete = False  # True once every message that carries the credentials was sent

    def initial(self) -> Step | None:
        """The initial response to send with AUTH, or None."""
        return None

    def respond(self, challenge: bytes) -> Step:
        """Answer the n-th challenge (decoded bytes)."""
        self.challenges += 1
        return self._respond(challenge)

    def _respond(self, challenge: bytes) -> Step:
        raise SaslFinished(f"{self.name}: no answer to challenge {self.challenges}")

    def _password(self) -> bytes:
        if self.creds.password is None:
            raise LocalProtocolError(f"{self.name} needs a password")
        return self.creds.password.reveal().encode("utf-8")

    def _token(self) -> str:
        if self.creds.token is None:
            raise LocalProtocolError(f"{self.name} needs a bearer token")
        return self.creds.token.reveal()


class Plain(Mechanism):
    """RFC 4616: [authzid] NUL authcid NUL passwd."""

    name = "PLAIN"

    def _message(self) -> Step:
        self.complete = True
        msg = b"\0".join([self.creds.authzid.encode(), self.creds.user.encode(), self._password()])
        return Step(msg, secret=True)

    def initial(self) -> Step | None:
        return self._message() if self.use_initial_response else None

    def _respond(self, challenge: bytes) -> Step:
        if self.challenges == 1 and not self.complete:
            return self._message()
        return super()._respond(challenge)


class Login(Mechanism):
    """draft-murchison-sasl-login: user name, then password, by position."""

    name = "LOGIN"
    _sent_user = False

    def initial(self) -> Step | None:
        if self.use_initial_response:
            self._sent_user = True
            return Step(self.creds.user.encode(), secret=False)
        return None

    def _respond(self, challenge: bytes) -> Step:
        if not self._sent_user:
            self._sent_user = True
            return Step(self.creds.user.encode(), secret=False)
        if not self.complete:
            self.complete = True
            return Step(self._password(), secret=True)
        return super()._respond(challenge)


class CramMd5(Mechanism):
    """RFC 2195: user SP hex(HMAC-MD5(password, challenge))."""

    name = "CRAM-MD5"

    def _respond(self, challenge: bytes) -> Step:
        if self.complete:
            return super()._respond(challenge)
        self.complete = True
        digest = hmac.new(self._password(), challenge, hashlib.md5).hexdigest()
        # The digest is not the password but allows an offline guess: redact it.
        return Step(self.creds.user.encode() + b" " + digest.encode(), secret=True, forms=(digest,))


class _Bearer(Mechanism):
    needs_token = True
    _errored = False

    def _respond(self, challenge: bytes) -> Step:
        if not self.complete:  # no initial response was sent: the empty first challenge asks for it
            step = self.initial()
            assert step is not None
            return step
        # A challenge after the initial response is an error report (JSON);
        # the mechanism requires one fixed answer before the final reply.
        if not self._errored:
            self._errored = True
            return Step(OAUTH_ERROR_RESPONSE[self.name], secret=False)
        return super()._respond(challenge)


class XOAuth2(_Bearer):
    """Google/Microsoft: user=U ^A auth=Bearer T ^A^A."""

    name = "XOAUTH2"

    def initial(self) -> Step | None:
        self.complete = True
        msg = f"user={self.creds.user}\x01auth=Bearer {self._token()}\x01\x01"
        return Step(msg.encode(), secret=True)


class OAuthBearer(_Bearer):
    """RFC 7628: GS2 header, then host, port and the bearer token."""

    name = "OAUTHBEARER"

    def initial(self) -> Step | None:
        self.complete = True
        authz = self.creds.authzid or self.creds.user
        gs2 = f"n,a={_gs2_escape(authz)}," if authz else "n,,"
        parts = [gs2]
        if self.host:
            parts.append(f"host={self.host}")
        if self.port:
            parts.append(f"port={self.port}")
        parts.append(f"auth=Bearer {self._token()}")
        msg = "\x01".join(parts) + "\x01\x01"
        return Step(msg.encode(), secret=True)


def _gs2_escape(name: str) -> str:
    return name.replace("=", "=3D").replace(",", "=2C")


MECHANISMS: dict[str, type[Mechanism]] = {
    m.name: m for m in (Plain, Login, CramMd5, XOAuth2, OAuthBearer)
}

# Preference when the user leaves the choice to us. CRAM-MD5 last: servers
# that offer it need the password stored in clear, and it adds nothing over TLS.
PASSWORD_PREFERENCE = ("PLAIN", "LOGIN", "CRAM-MD5")
TOKEN_PREFERENCE = ("XOAUTH2", "OAUTHBEARER")


def choose_mechanism(offered: list[str], creds: Credentials) -> str | None:
    prefs = TOKEN_PREFERENCE if creds.token is not None else PASSWORD_PREFERENCE
    for name in prefs:
        if name in offered:
            return name
    return None


class DecodedChallenge(Record):
    """A 334 challenge as a person should see it."""

    raw: str
    text: str  # decoded (controls shown visibly), or the raw text if not base64
    is_base64: bool
    data: bytes  # decoded bytes ("" if not base64)

    @property
    def oauth_error(self) -> dict[str, object] | None:
        """The JSON error object an OAuth server sends in its challenge."""
        if not self.is_base64 or len(self.data) > MAX_JSON_SIZE or _nesting(self.data) > MAX_JSON_DEPTH:
            return None
        try:
            obj = json.loads(self.data.decode("utf-8").strip())
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(obj, dict):
            return None
        # Only flat fields are words for a person; nested values are shown as text.
        return {str(k): v if isinstance(v, str | int | float | bool) else json.dumps(v) for k, v in obj.items()}


def _nesting(data: bytes) -> int:
    """How deep brackets nest, outside strings (before json.loads can recurse on it)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            escaped, in_string = (False, True) if escaped else (byte == 0x5C, byte != 0x22)
        elif byte == 0x22:
            in_string = True
        elif byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif byte in b"]}":
            depth -= 1
    return deepest


_B64_CHARS = re.compile(rb"^[A-Za-z0-9+/]*={0,2}$")


def decode_challenge(text: str) -> DecodedChallenge:
    """Decode a 334 text leniently: missing padding, spaces and trailing
    newlines are tolerated; anything else is shown as-is and flagged."""
    compact = "".join(text.split())
    try:
        raw = compact.encode("ascii")
    except UnicodeEncodeError:
        raw = b"!"
    if not _B64_CHARS.match(raw) or len(raw.rstrip(b"=")) % 4 == 1:
        return DecodedChallenge(text, text, False, b"")
    padded = raw.rstrip(b"=") + b"=" * (-len(raw.rstrip(b"=")) % 4)
    try:
        data = base64.b64decode(padded, validate=True)
    except (binascii.Error, ValueError):
        return DecodedChallenge(text, text, False, b"")
    try:
        shown = data.decode("utf-8")
    except UnicodeDecodeError:
        shown = data.decode("latin-1")
    return DecodedChallenge(text, show_controls(shown), True, data)


def pick_mechanism(requested: str, offered: tuple[str, ...], creds: Credentials,
                   encrypted: bool = True) -> str | None:
    """The SASL mechanism to use: the one asked for if offered, else the best
    offered one for these credentials; None when there is none. Without
    encryption CRAM-MD5 comes first: the password itself then never crosses
    the network."""
    if requested == "auto":
        if not encrypted and creds.token is None and "CRAM-MD5" in offered:
            return "CRAM-MD5"
        return choose_mechanism(list(offered), creds)
    name = requested.upper()
    return name if name in offered and name in MECHANISMS else None


class SaslLine(Record):
    """One line of a SASL exchange as the protocol sends it (base64, or "*")."""

    data: bytes = field(repr=False)
    secret: bool
    decoded: str | None  # the answer as text, when it carries no secret
    secret_forms: tuple[str, ...] = field(default=(), repr=False)
    message: bytes = field(default=b"", repr=False)  # the raw message, when secret


CANCEL = SaslLine(b"*", secret=False, decoded=None)


class SaslExchange:
    """One SASL exchange, the same for SMTP (334), IMAP and POP3 (+): the
    initial-response policy, the round trips and their limit, the OAuth error
    dance and the cancel with "*" when the mechanism has nothing left to say."""

    def __init__(self, mechanism: Mechanism) -> None:
        self.mechanism = mechanism
        self.round_trips = 0
        self.aborting = False  # "*" was sent: only the final reply may follow
        self.oauth_error: tuple[tuple[str, str], ...] = ()

    @property
    def complete(self) -> bool:
        return self.mechanism.complete

    def initial(self) -> SaslLine | None:
        """The initial response ("=" when empty, RFC 4954 §4 / RFC 4959 §3), or None."""
        step = self.mechanism.initial() if self.mechanism.use_initial_response else None
        return None if step is None else _line(step, empty=b"=")

    def answer(self, challenge: DecodedChallenge) -> SaslLine:
        """The line answering a server challenge."""
        self.round_trips += 1
        if self.mechanism.needs_token and challenge.oauth_error is not None:
            self.oauth_error = tuple((show_controls(str(k)), show_controls(str(v)))
                                     for k, v in challenge.oauth_error.items())
        try:
            if self.round_trips > MAX_SASL_ROUND_TRIPS:
                raise SaslFinished("too many challenges")
            # A challenge that is not base64 is answered by position all the same.
            step = self.mechanism.respond(challenge.data if challenge.is_base64 else challenge.raw.encode())
        except SaslFinished:
            self.aborting = True
            return CANCEL
        return _line(step, empty=b"")


def _line(step: Step, empty: bytes) -> SaslLine:
    data = base64.b64encode(step.data) or empty
    if not step.secret:
        return SaslLine(data, False, printable(step.data))
    # What a server echoing the message back could show: its base64, its raw text, its pieces.
    return SaslLine(data, True, None, (data.decode("ascii"), step.data.decode("latin-1"), *step.forms), step.data)
