"""TLS contexts, what a handshake tells us, and why one failed."""

from __future__ import annotations

import asyncio
import hashlib
import os
import ssl
import sys
from typing import Any

from ..model import TlsFailure, TlsInfo
from ..protocol.replies import show_controls

# OpenSSL verify codes (x509_vfy.h); stabler than the message text.
_VERIFY_KINDS = {
    9: "not-yet-valid",
    10: "expired",
    18: "untrusted",  # self-signed leaf
    19: "untrusted",  # self-signed certificate in chain
    20: "untrusted",  # unable to get local issuer
    21: "untrusted",  # unable to verify the first certificate
    62: "hostname",
    64: "hostname",  # IP address mismatch
}
_OLD_PROTOCOL = {"UNSUPPORTED_PROTOCOL", "TLSV1_ALERT_PROTOCOL_VERSION", "NO_PROTOCOLS_AVAILABLE",
                 "DH_KEY_TOO_SMALL", "VERSION_TOO_LOW"}
# A plaintext server answering a ClientHello with an SMTP line.
_NOT_TLS = {"WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "PACKET_LENGTH_TOO_LONG",
            "HTTP_REQUEST", "UNKNOWN_PROTOCOL"}


# Contexts by CA file and its modification time and size: a batch checks many accounts with the same
# trust, and a context costs more to build than a handshake needs of it. An edited CA file is a new key.
_CONTEXTS: dict[tuple[str | None, int, int], ssl.SSLContext] = {}
MAX_CONTEXTS = 8


def make_context(ca_file: str | None = None, pinned_sha256: str | None = None) -> ssl.SSLContext:
    """The operating system's trust store, plus an optional extra CA file.

    With a pinned fingerprint the chain is not verified: the caller compares
    the exact certificate instead (the user trusted that one, knowingly).
    """
    if pinned_sha256:
        return unverified_context()
    try:
        st = os.stat(ca_file) if ca_file else None
    except OSError:
        st = None  # loading it below says why
    key = (ca_file, st.st_mtime_ns if st else 0, st.st_size if st else 0)
    ctx = _CONTEXTS.get(key)
    if ctx is None:
        ctx = _new_context(ca_file)
        if len(_CONTEXTS) >= MAX_CONTEXTS:
            _CONTEXTS.clear()
        _CONTEXTS[key] = ctx
    return ctx


def _new_context(ca_file: str | None) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies chain and host name; TLS 1.2 or newer
    capath = ssl.get_default_verify_paths().capath
    if sys.platform.startswith("linux") and capath and os.path.isdir(capath):
        # The hashed directory is read per lookup; loading the whole bundle
        # (what load_default_certs does) costs tens of milliseconds per run.
        ctx.load_verify_locations(capath=capath)
    else:
        ctx.load_default_certs()
    if ca_file:
        ctx.load_verify_locations(cafile=ca_file)
    return ctx


def unverified_context() -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def failure_of(exc: BaseException) -> TlsFailure:
    """Why a handshake failed, from the exception it raised."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        code = exc.verify_code
        return TlsFailure(_VERIFY_KINDS.get(code, "untrusted"), exc.verify_message or str(exc), code)
    if isinstance(exc, ssl.SSLError):
        reason = exc.reason or ""
        if reason in _OLD_PROTOCOL:
            return TlsFailure("protocol-too-old", f"the server only offers an old TLS version ({reason})")
        if reason in _NOT_TLS:
            return TlsFailure("not-tls", f"the server did not answer in TLS: {reason.lower().replace('_', ' ')}")
        if isinstance(exc, ssl.SSLEOFError):
            return TlsFailure("closed", "the server closed the connection during the TLS handshake")
        if reason.startswith(("TLSV1_ALERT_", "SSLV3_ALERT_", "TLSV13_ALERT_")):
            # An alert the server sent: the handshake failed on its side (RFC 8446 §6.2).
            alert = reason.split("_ALERT_", 1)[1].lower().replace("_", " ")
            return TlsFailure("server-alert", f"the server ended the handshake with the alert \u201c{alert}\u201d")
        return TlsFailure("handshake", f"TLS handshake failed ({reason or exc})")
    if isinstance(exc, TimeoutError):
        return TlsFailure("timeout", "the TLS handshake did not finish in time")
    if isinstance(exc, ConnectionError):
        return TlsFailure("closed", "the server closed the connection during the TLS handshake")
    return TlsFailure("handshake", f"TLS handshake failed ({exc})")


def _name(rdns: Any) -> str:
    # Certificate fields are server-controlled text: shown neutral (no escapes, no bidi overrides).
    return show_controls(", ".join(f"{k}={v}" for rdn in rdns or () for k, v in rdn))


def tls_info(transport: asyncio.Transport, verified: bool = True) -> TlsInfo:
    sslobj = transport.get_extra_info("ssl_object")
    assert isinstance(sslobj, ssl.SSLObject)
    der = sslobj.getpeercert(binary_form=True) or b""
    cert: dict[str, Any] = dict(sslobj.getpeercert() or {}) if verified else decode_der(der)
    cipher = sslobj.cipher()
    return TlsInfo(
        version=sslobj.version() or "",
        cipher=cipher[0] if cipher else "",
        verified=verified,
        subject=_name(cert.get("subject")),
        issuer=_name(cert.get("issuer")),
        sans=tuple(show_controls(f"{k}:{v}" if k != "DNS" else str(v)) for k, v in cert.get("subjectAltName", ())),
        not_after=show_controls(str(cert.get("notAfter", ""))),
        sha256=hashlib.sha256(der).hexdigest(),
    )


def decode_der(der: bytes) -> dict[str, Any]:
    """Decode a certificate that was not verified (getpeercert gives {} then).

    Uses the ssl module's own decoder; it is private, so failure gives {}.
    """
    if not der:
        return {}
    import tempfile  # only for certificates that failed verification

    fd, path = tempfile.mkstemp(suffix=".pem")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(ssl.DER_cert_to_PEM_cert(der))
        decoded: dict[str, Any] = ssl._ssl._test_decode_cert(path)  # type: ignore[attr-defined]
        return decoded
    except Exception:
        return {}
    finally:
        os.unlink(path)
