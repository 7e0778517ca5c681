"""Every scenario, every output channel: the password and token never appear."""

from __future__ import annotations

import base64
import io
import logging
import os
import pickle
import tempfile

import pytest

from mailtester import cli
from mailtester.protocol.credentials import Credentials, Secret
from tests.secret_search import find_secrets
from tests.servers import aiosmtpd_server as srv
from tests.servers.scripted import Conn, ScriptedServer
from tests.test_hostile import SCENARIOS as HOSTILE

PASSWORD = "Zebra-Ünïcode €uro pass "  # non-ASCII, inner and trailing spaces
TOKEN = "ya29.Distinctive-Token-Value_0123456789"
USER = srv.USER


QUOTED_PASSWORD = 'Quote"Back\\slash pass'  # IMAP quoted-specials: sent as a quoted string


def imap_quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def forbidden_forms(user: str, password: str) -> set[str]:
    # The secrets, their UTF-8 bytes read as Latin-1, the IMAP quoted string, and every SASL message carrying them.
    forms = {password, TOKEN, password.strip(), password.encode().decode("latin-1"), imap_quoted(password),
             imap_quoted(password)[1:-1]}
    messages = [
        password.encode(),  # LOGIN
        b"\0" + user.encode() + b"\0" + password.encode(),  # PLAIN
        user.encode() + b"\0" + user.encode() + b"\0" + password.encode(),  # PLAIN with authzid
        f"user={user}\x01auth=Bearer {TOKEN}\x01\x01".encode(),  # XOAUTH2
        f"n,a={user},\x01auth=Bearer {TOKEN}\x01\x01".encode(),  # OAUTHBEARER
        TOKEN.encode(),
    ]
    for m in messages:
        forms.add(base64.b64encode(m).decode())
        forms.add(base64.b64encode(m).decode().rstrip("="))
    return forms


def scan(text: str, user: str = USER, password: str = PASSWORD) -> list[str]:
    messages = [b"\0" + user.encode() + b"\0" + password.encode(), f"auth=Bearer {TOKEN}".encode()]
    return [f for f in forbidden_forms(user, password) if f and f in text] + find_secrets(
        text, [password, TOKEN], messages)


async def echo_handler(c: Conn) -> None:
    """A server that quotes the client's AUTH data back, as Sendmail does on bad base64."""
    await c.greet_ehlo("AUTH PLAIN LOGIN XOAUTH2")
    line = await c.line()
    await c.send(f"501 5.5.4 cannot BASE64 decode '{line.decode().strip()}'\r\n")
    await c.rest()


async def login_echo_handler(c: Conn) -> None:
    await c.greet_ehlo("AUTH LOGIN")
    await c.expect("AUTH LOGIN", "334 VXNlcm5hbWU6\r\n")
    await c.expect("", "334 UGFzc3dvcmQ6\r\n")
    pw = (await c.line()).decode().strip()
    await c.send(f"535-5.7.8 got {pw}\r\n535 5.7.8 decoded {base64.b64decode(pw).decode()}\r\n")
    await c.rest()


async def run_cli(argv: list[str], monkeypatch, password: str = PASSWORD) -> str:
    """JSON and human output, plus the Markdown, HTML and JSON reports, as one text."""
    monkeypatch.setenv("MT_PW", password)
    monkeypatch.setenv("MT_TOKEN", TOKEN)
    outputs = []
    with tempfile.TemporaryDirectory() as tmp:
        for extra, report in ((["--json"], "r.md"), ([], "r.html"), ([], "r.json")):
            path = os.path.join(tmp, report)
            args = cli.build_parser().parse_args(["check", *argv, *extra, "--report", path])
            out = io.StringIO()
            await cli.run(args, io.StringIO(), out)
            outputs.append(out.getvalue())
            with open(path, encoding="utf-8") as f:
                outputs.append(f.read())
    return "\n".join(outputs)


SCENARIOS = {
    "starttls-login-ok": ("starttls", ["--mechanism", "LOGIN"], "pw"),
    "starttls-plain": ("starttls", ["--mechanism", "PLAIN"], "pw"),
    "tls-cram": ("tls", ["--security", "tls", "--mechanism", "CRAM-MD5"], "pw"),
    "tls-xoauth2": ("tls", ["--security", "tls", "--mechanism", "XOAUTH2"], "token"),
    "tls-oauthbearer": ("tls", ["--security", "tls", "--mechanism", "OAUTHBEARER"], "token"),
    "plain-allowed": ("plain", ["--security", "none", "--allow-plaintext-auth"], "pw"),
    "plain-refused": ("plain", ["--security", "none"], "pw"),
    "untrusted-cert": ("starttls", ["--no-ca"], "pw"),
}


@pytest.mark.parametrize("name", SCENARIOS)
async def test_no_secret_in_any_output_aiosmtpd(name, server_tls, ca_file, caplog, monkeypatch):
    mode, extra, secret = SCENARIOS[name]
    caplog.set_level(logging.DEBUG)
    server = await srv.start(mode, server_tls)
    async with server:
        port = str(server.sockets[0].getsockname()[1])
        argv = ["--host", "localhost", "--port", port, "--user", USER, "--timeout", "5"]
        argv += ["--password-env", "MT_PW"] if secret == "pw" else ["--token-env", "MT_TOKEN"]
        if "--no-ca" not in extra:
            argv += ["--ca-file", ca_file]
        if "--security" not in extra:
            argv += ["--security", mode if mode != "plain" else "none"]
        text = await run_cli(argv + [x for x in extra if x != "--no-ca"], monkeypatch)
    mailtester_logs = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("mailtester"))
    assert "C:" in text and mailtester_logs  # the channels were really exercised
    assert scan(text) == [] and scan(mailtester_logs) == []


@pytest.mark.parametrize(("handler", "secret"), [
    (echo_handler, "pw"), (echo_handler, "token"), (login_echo_handler, "pw")])
async def test_no_secret_when_the_server_echoes_it(handler, secret, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    async with ScriptedServer(handler) as s:
        argv = ["--host", "localhost", "--port", str(s.port), "--user", USER, "--security", "none",
                "--allow-plaintext-auth", "--timeout", "3"]
        argv += ["--password-env", "MT_PW"] if secret == "pw" else ["--token-env", "MT_TOKEN"]
        text = await run_cli(argv, monkeypatch)
    # The echoed data really arrived (and was redacted) ...
    assert "[redacted]" in text.split("S:", 1)[-1]
    # ... and no form of the secret got through, nor in the logs.
    assert scan(text) == []
    assert scan("\n".join(r.getMessage() for r in caplog.records)) == []


@pytest.mark.postfix
@pytest.mark.parametrize(("port_name", "security", "mechanism"), [
    ("submission", "starttls", "LOGIN"), ("submissions", "tls", "PLAIN"), ("plain", "none", "CRAM-MD5")])
@pytest.mark.parametrize("right", [True, False])
async def test_no_secret_against_postfix(postfix, port_name, security, mechanism, right, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    user, real = postfix.user(1)
    password = real if right else PASSWORD
    argv = ["--host", postfix.host, "--port", str(getattr(postfix, port_name)), "--security", security,
            "--mechanism", mechanism, "--user", user, "--password-env", "MT_PW",
            "--ca-file", str(postfix.ca_file), "--allow-plaintext-auth"]
    text = await run_cli(argv, monkeypatch, password)
    assert ('"ok": true' in text) is right
    assert scan(text, user, password) == []
    assert scan("\n".join(r.getMessage() for r in caplog.records), user, password) == []


@pytest.mark.parametrize("name", HOSTILE)
async def test_no_secret_with_hostile_servers(name, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    handler, _ = HOSTILE[name]
    async with ScriptedServer(handler) as s:
        argv = ["--host", "127.0.0.1", "--port", str(s.port), "--user", USER, "--security", "none",
                "--allow-plaintext-auth", "--timeout", "1.5", "--password-env", "MT_PW", "--mechanism", "LOGIN"]
        text = await run_cli(argv, monkeypatch)
    assert scan(text) == []
    assert scan("\n".join(r.getMessage() for r in caplog.records)) == []


async def imap_echo_handler(c: Conn) -> None:
    """An IMAP server that quotes the LOGIN line (or the literal) back in its refusal."""
    await c.send("* OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR AUTH=PLAIN] ready\r\n")
    line = (await c.line()).decode("utf-8", "replace").strip()
    if line.endswith("+}"):
        line += " " + (await c.line()).decode("utf-8", "replace").strip()
    tag = line.split(" ", 1)[0]
    await c.send(f"* BAD you sent {line}\r\n{tag} NO [AUTHENTICATIONFAILED] {line}\r\n".encode())
    await c.rest()


async def pop_echo_handler(c: Conn) -> None:
    await c.send("+OK ready\r\n")
    await c.expect("CAPA", "+OK\r\nUSER\r\n.\r\n")
    await c.expect("USER", "+OK\r\n")
    line = (await c.line()).decode("utf-8", "replace").strip()
    await c.send(f"-ERR [AUTH] {line} refused\r\n".encode())
    await c.rest()


@pytest.mark.parametrize(("handler", "protocol", "mechanism", "password"), [
    (imap_echo_handler, "imap", "NATIVE", QUOTED_PASSWORD), (imap_echo_handler, "imap", "NATIVE", PASSWORD),
    (imap_echo_handler, "imap", "PLAIN", PASSWORD), (pop_echo_handler, "pop3", "NATIVE", PASSWORD)])
async def test_no_secret_when_an_incoming_server_echoes_it(handler, protocol, mechanism, password, caplog,
                                                           monkeypatch):
    caplog.set_level(logging.DEBUG)
    async with ScriptedServer(handler) as s:
        argv = ["--protocol", protocol, "--host", "localhost", "--port", str(s.port), "--user", USER,
                "--security", "none", "--allow-plaintext-auth", "--timeout", "3", "--mechanism", mechanism,
                "--password-env", "MT_PW"]
        text = await run_cli(argv, monkeypatch, password)
    assert "[redacted]" in text.split("S:", 1)[-1]
    assert scan(text, USER, password) == []
    assert scan("\n".join(r.getMessage() for r in caplog.records), USER, password) == []


@pytest.mark.postfix
@pytest.mark.parametrize(("protocol", "port_name", "security"), [
    ("imap", "imaps", "tls"), ("imap", "imap", "starttls"), ("pop3", "pop3s", "tls"), ("pop3", "pop3", "starttls")])
@pytest.mark.parametrize("mechanism", ["NATIVE", "PLAIN", "LOGIN", "CRAM-MD5"])
@pytest.mark.parametrize("password", [None, PASSWORD, QUOTED_PASSWORD])  # right, wrong, wrong with quotes
async def test_no_secret_against_dovecot(postfix, protocol, port_name, security, mechanism, password, caplog,
                                         monkeypatch):
    caplog.set_level(logging.DEBUG)
    user, real = postfix.user(1)
    password = password or real
    argv = ["--protocol", protocol, "--host", postfix.mail_host, "--port", str(getattr(postfix, port_name)),
            "--security", security, "--mechanism", mechanism, "--user", user, "--password-env", "MT_PW",
            "--ca-file", str(postfix.ca_file)]
    text = await run_cli(argv, monkeypatch, password)
    assert ('"ok": true' in text) is (password == real)
    assert scan(text, user, password) == []
    assert scan("\n".join(r.getMessage() for r in caplog.records), user, password) == []


def test_credentials_never_show_their_secrets():
    creds = Credentials(USER, Secret(PASSWORD), Secret(TOKEN))
    for text in (repr(creds), str(creds), f"{creds}", repr(Secret(PASSWORD))):
        assert scan(text) == []
    with pytest.raises(TypeError):
        pickle.dumps(Secret(PASSWORD))
