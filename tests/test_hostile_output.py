"""Servers and input written to make the tool leak or lie: echoes of the secret in
every encoding, escape sequences and Markdown in server text, nested JSON, bad
input, a blocking resolver, a narrow console."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import io
import json
import os
import stat
import subprocess
import sys
import time
import unicodedata
from urllib.parse import quote

import pytest
import trustme

from mailtester import cli
from mailtester.driver import client
from mailtester.driver.client import run_check
from mailtester.knowledge.report import build_report, to_markdown
from mailtester.model import CheckSettings
from mailtester.protocol.credentials import Credentials, Secret
from mailtester.protocol.errors import RemoteProtocolError
from mailtester.protocol.events import Security
from mailtester.protocol.limits import MAX_LINE_LENGTH
from mailtester.protocol.replies import ReplyParser
from tests.helpers import mailtester
from tests.secret_search import find_secrets
from tests.servers.scripted import Conn, ScriptedServer

USER = "user@example.test"
TOKEN = "ya29.Hostile-Token-Value_987654"
ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x1b[32mOK: all fine\x1b[0m"


async def run_all_outputs(argv: list[str], monkeypatch, password: str, tmp_path) -> str:
    """Human output, JSON, and the Markdown, HTML and JSON reports of one scenario, as one text."""
    monkeypatch.setenv("MT_PW", password)
    monkeypatch.setenv("MT_TOKEN", TOKEN)
    texts = []
    for extra, name in ((["--json"], "r.md"), ([], "r.html"), ([], "r.json")):
        path = str(tmp_path / name)
        args = cli.build_parser().parse_args(["check", *argv, *extra, "--report", path])
        out = io.StringIO()
        await cli.run(args, io.StringIO(), out)
        with open(path, encoding="utf-8") as f:
            texts += [out.getvalue(), f.read()]
    return "\n".join(texts)


def smtp_argv(port: int, mechanism: str, token: bool = False) -> list[str]:
    return ["--host", "127.0.0.1", "--port", str(port), "--user", USER, "--security", "none",
            "--allow-plaintext-auth", "--timeout", "2", "--mechanism", mechanism,
            *(["--token-env", "MT_TOKEN"] if token else ["--password-env", "MT_PW"])]


# -- echoes of the secret ---------------------------------------------------------------

def login_echo(transform):
    """AUTH LOGIN, then the password's base64 (or its decoding) echoed back, transformed."""
    async def handler(c: Conn) -> None:
        await c.greet_ehlo("AUTH LOGIN")
        await c.expect("AUTH LOGIN", "334 VXNlcm5hbWU6\r\n")
        await c.expect("", "334 UGFzc3dvcmQ6\r\n")
        b64 = (await c.line()).decode().strip()
        await c.send(transform(b64, base64.b64decode(b64).decode()))
        await c.rest()
    return handler


ECHOES = {
    "short password, base64": ("pw12", lambda b, p: f"535 5.7.8 got {b}\r\n"),
    "base64 with spaces": ("Echo-Secret-77", lambda b, p: f"535 5.7.8 got {b[:5]} {b[5:]}\r\n"),
    "base64 split over two lines": ("Echo-Secret-77", lambda b, p: f"535-5.7.8 got {b[:7]}\r\n535 5.7.8 {b[7:]}\r\n"),
    "inside a Latin-1 line": ("Echo-Secret-77", lambda b, p: "535 5.7.8 \xe9chec ".encode("latin-1") + p.encode()
                              + b" \xe9\r\n"),
    "NFD": ("Zébra-Pässword", lambda b, p: f"535 5.7.8 {unicodedata.normalize('NFD', p)}\r\n"),
    "URL-encoded": ("Zébra pass/wörd", lambda b, p: f"535 5.7.8 {quote(p)}\r\n"),
    "JSON-escaped": ("Zébra \"pass\" wörd", lambda b, p: f"535 5.7.8 {json.dumps(p)}\r\n"),
    "hex": ("Echo-Secret-77", lambda b, p: f"535 5.7.8 {p.encode().hex()}\r\n"),
    "backslash and tab, raw": ("back\\slash\ttab", lambda b, p: f"535 5.7.8 {p}\r\n"),
}


@pytest.mark.parametrize("name", ECHOES)
async def test_echo_of_the_password_never_shows(name, monkeypatch, tmp_path):
    password, transform = ECHOES[name]

    def encoded(b, p):
        out = transform(b, p)
        return out if isinstance(out, bytes) else out.encode()

    async with ScriptedServer(login_echo(encoded)) as s:
        text = await run_all_outputs(smtp_argv(s.port, "LOGIN"), monkeypatch, password, tmp_path)
    assert "535" in text and "[redacted]" in text.split("S:", 1)[-1]
    assert find_secrets(text, [password]) == []


async def test_cram_md5_response_echo_never_shows(monkeypatch, tmp_path):
    password = "Cram-Secret-42"
    challenge = b"<1896.697170952@postoffice.example.net>"
    digest = hmac.new(password.encode(), challenge, hashlib.md5).hexdigest()

    async def handler(c: Conn) -> None:
        await c.greet_ehlo("AUTH CRAM-MD5")
        await c.expect("AUTH CRAM-MD5", f"334 {base64.b64encode(challenge).decode()}\r\n")
        b64 = (await c.line()).decode().strip()
        await c.send(f"535-5.7.8 got {b64}\r\n535-5.7.8 that is {base64.b64decode(b64).decode()}\r\n"
                     f"535 5.7.8 digest {digest}\r\n")
        await c.rest()

    async with ScriptedServer(handler) as s:
        text = await run_all_outputs(smtp_argv(s.port, "CRAM-MD5"), monkeypatch, password, tmp_path)
    assert digest not in text and f"{USER} {digest}" not in text
    assert find_secrets(text, [password], [f"{USER} {digest}".encode()]) == []


async def test_oauth_error_quoting_the_token_never_shows(monkeypatch, tmp_path):
    error = json.dumps({"status": "401", "scope": f"https://mail.google.com/ token={TOKEN}",
                        "schemes": ESCAPES}).encode()

    async def handler(c: Conn) -> None:
        await c.greet_ehlo("AUTH XOAUTH2")
        await c.expect("AUTH XOAUTH2", f"334 {base64.b64encode(error).decode()}\r\n")
        await c.expect("", "535 5.7.8 Username and Password not accepted\r\n")
        await c.rest()

    async with ScriptedServer(handler) as s:
        text = await run_all_outputs(smtp_argv(s.port, "XOAUTH2", token=True), monkeypatch, "unused", tmp_path)
    assert "auth.token-rejected" in text
    assert find_secrets(text, [TOKEN], [f"auth=Bearer {TOKEN}".encode()]) == []
    assert "\x1b" not in text and "\x07" not in text


async def test_a_password_that_is_a_common_word_does_not_blank_protocol_text():
    async def handler(c: Conn) -> None:
        await c.greet_ehlo("AUTH PLAIN", greeting="220 tester.example ESMTP ready\r\n")
        await c.expect("AUTH PLAIN", "535 5.7.8 no\r\n")
        await c.rest()

    async with ScriptedServer(handler) as s:
        result = await run_check(CheckSettings(
            host="127.0.0.1", port=s.port, security=Security.NONE, allow_plaintext_auth=True, timeout=2,
            credentials=Credentials(USER, Secret("tester"))))
    texts = [e.text for e in result.timeline]
    assert "EHLO mailtester.localhost" in texts and "220 tester.example ESMTP ready" in texts


# -- text that tries to take over the terminal or the report ------------------------------

async def test_escape_sequences_and_bidi_never_reach_the_terminal(monkeypatch, tmp_path):
    leaf = trustme.CA().issue_cert("localhost", common_name="evil\x1b[2J\u202eexe.gpj")
    import ssl

    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    leaf.configure_cert(ctx)

    async def handler(c: Conn) -> None:
        await c.send(f"220 hello {ESCAPES}\r\n")
        await c.rest()

    async with ScriptedServer(handler, ctx) as s:
        argv = ["--host", "localhost", "--port", str(s.port), "--user", USER, "--security", "tls", "--timeout", "2",
                "--password-env", "MT_PW"]
        text = await run_all_outputs(argv, monkeypatch, "whatever-pw", tmp_path)
    assert "<U+202E>" in text  # the override is shown, not obeyed
    assert not any(ch in text for ch in "\x1b\x07\u202e")


async def test_markdown_report_renders_server_text_inert(tmp_path):
    async def handler(c: Conn) -> None:
        await c.greet_ehlo("AUTH PLAIN")
        await c.expect("AUTH PLAIN", "535 5.7.8 see [click](http://evil.example) ![i](http://evil.example/x.png) "
                                     "<img src=x onerror=alert(1)> | broken | table `code`\r\n")
        await c.rest()

    async with ScriptedServer(handler) as s:
        result = await run_check(CheckSettings(
            host="127.0.0.1", port=s.port, security=Security.NONE, allow_plaintext_auth=True, timeout=2,
            credentials=Credentials(USER, Secret("pw-markdown"))))
    md = to_markdown(build_report(result))
    prose = md.split("## Timeline")[0]
    assert "](http://evil" not in prose.replace("\\](", "")  # no live link or image
    assert "<img" not in prose
    for row in (line for line in prose.splitlines() if line.startswith("| ")):
        assert row.replace("\\|", "").count("|") == 3  # every table row keeps its two cells
    fence = next(line for line in md.splitlines() if line.startswith("```"))
    assert md.count(fence) >= 2  # the transcript's own backticks cannot close the fence


async def test_deeply_nested_oauth_json_ends_cleanly():
    nested = base64.b64encode(b"[" * 100000 + b"]" * 100000).decode()

    async def handler(c: Conn) -> None:
        await c.greet_ehlo("AUTH XOAUTH2")
        await c.expect("AUTH XOAUTH2", f"334 {nested}\r\n")
        await c.expect("", "535 5.7.8 no\r\n")
        await c.rest()

    async with ScriptedServer(handler) as s:
        result = await run_check(CheckSettings(
            host="127.0.0.1", port=s.port, security=Security.NONE, allow_plaintext_auth=True, timeout=2,
            credentials=Credentials(USER, token=Secret(TOKEN)), mechanism="XOAUTH2"))
    report = build_report(result)
    assert (report.diagnosis.id == "auth.token-rejected" and report.exit_code == 1) or report.exit_code == 5


async def test_a_bug_of_ours_is_an_ending_not_a_traceback(monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(client, "make_session", broken)
    async with ScriptedServer(lambda c: c.rest()) as s:
        result = await run_check(CheckSettings(host="127.0.0.1", port=s.port, security=Security.NONE, timeout=2,
                                               credentials=Credentials(USER, Secret("pw-bug"))))
    report = build_report(result)
    assert report.diagnosis.id == "internal.error" and report.exit_code == 5


async def test_malformed_reply_is_shown_and_nothing_waits_for_a_quit_never_sent():
    async def handler(c: Conn) -> None:
        await c.send("garbage instead of a greeting\r\n")
        await c.rest()

    async with ScriptedServer(handler) as s:
        start = time.monotonic()
        result = await run_check(CheckSettings(host="127.0.0.1", port=s.port, security=Security.NONE, timeout=5,
                                               credentials=Credentials(USER, Secret("pw-x"))))
        elapsed = time.monotonic() - start
    assert build_report(result).diagnosis.id == "protocol.malformed-reply"
    assert any(e.direction == "S" and "garbage instead" in e.text for e in result.timeline)
    assert elapsed < 1.0


@pytest.mark.parametrize("ending", [b"\r\n", b"\n"])
def test_line_limit_counts_the_same_whatever_the_line_end(ending):
    ok, too_long = ReplyParser(), ReplyParser()
    ok.feed(b"220 " + b"x" * (MAX_LINE_LENGTH - 4) + ending)
    assert ok.next_reply() is not None
    too_long.feed(b"220 " + b"x" * (MAX_LINE_LENGTH - 3) + ending)
    with pytest.raises(RemoteProtocolError):
        too_long.next_reply()


# -- input refused before anything is sent --------------------------------------------------

@pytest.mark.parametrize(("args", "message"), [
    (["--mechanism", "PLAIN", "--token-env", "MT_TOKEN"], "needs a password, not a token"),
    (["--user", "", "--password-env", "MT_PW"], "--user is required"),
    (["--password-env", "MT_PW", "--timeout", "1e-300"], "between 1 and 300"),
    (["--password-env", "MT_PW", "--timeout", "301"], "between 1 and 300"),
    (["--password-env", "MT_PW", "--report", "/nonexistent-folder/r.md"], "does not exist"),
    (["--password-env", "MT_PW", "--report", "/tmp"], "is a folder"),
    (["--host", "fe80::1%lo", "--password-env", "MT_PW"], "zone"),
    (["--password-env", "MT_EMPTY"], "is empty"),
])
def test_bad_input_refused_before_connecting(args, message):
    base = ["check", "--host", "127.0.0.1", "--port", "9", "--user", USER]
    argv = base + args if "--host" not in args else ["check", "--user", USER, "--port", "9", *args]
    env = {**os.environ, "MT_PW": "pw", "MT_TOKEN": TOKEN, "MT_EMPTY": ""}
    r = subprocess.run([sys.executable, "-m", "mailtester", *argv], capture_output=True, text=True, env=env,
                       timeout=60)
    assert r.returncode == 2, r.stdout + r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr


def test_password_that_is_not_utf8_is_refused(tmp_path):
    env = {k.encode(): v.encode() for k, v in os.environ.items()}
    env[b"MT_PW"] = b"caf\xe9"  # Latin-1 bytes, not UTF-8
    r = subprocess.run([sys.executable, "-m", "mailtester", "check", "--host", "127.0.0.1", "--port", "9",
                        "--user", USER, "--password-env", "MT_PW"], capture_output=True, text=True, env=env,
                       timeout=60)
    assert r.returncode == 2 and "UTF-8" in r.stderr


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary", b"not a certificate"])
def test_unusable_ca_file_is_a_usage_error(tmp_path, content):
    path = tmp_path / "ca.pem"
    path.write_bytes(content)
    r = mailtester("check", "--host", "127.0.0.1", "--port", "9", "--user", USER, "--ca-file", str(path),
                   password="pw")
    assert r.code == 2 and "--ca-file" in r.stderr


@pytest.mark.parametrize(("given", "expected"), [("pw\n", "pw"), ("pw\r\n", "pw"), ("p w \n", "p w "),
                                                 ("pw", "pw")])
def test_password_stdin_strips_one_line_end(given, expected):
    assert cli._stdin_password(io.StringIO(given)) == expected


@pytest.mark.parametrize("given", ["", "\n", "\r\n"])
def test_password_stdin_refuses_empty(given):
    with pytest.raises(cli.UsageError, match="empty"):
        cli._stdin_password(io.StringIO(given))


# -- the process ---------------------------------------------------------------------------

def test_a_blocking_name_lookup_cannot_keep_the_process_alive():
    code = ("import socket, sys, time\n"
            "def slow(*a, **k):\n    time.sleep(60)\n"
            "socket.getaddrinfo = slow\n"
            "from mailtester.cli import main\n"
            "sys.exit(main(['check', '--host', 'mail.example.com', '--user', 'u', '--password-env', 'MT_PW',"
            " '--timeout', '1', '--json']))\n")
    start = time.monotonic()
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30,
                       env={**os.environ, "MT_PW": "pw"})
    assert time.monotonic() - start < 10, "the process outlived its total bound"
    assert r.returncode == 3 and json.loads(r.stdout)["diagnosis"]["id"] == "dns.not-found"


async def test_a_narrow_console_encoding_cannot_crash_the_output():
    async def handler(c: Conn) -> None:
        await c.greet_ehlo("AUTH PLAIN")
        await c.expect("AUTH PLAIN", "535 5.7.8 Kullanıcı adı ya da şifre hatalı 🙂\r\n")
        await c.rest()

    async with ScriptedServer(handler) as s:
        env = {**os.environ, "PYTHONIOENCODING": "cp1252", "MT_PW": "pw-cp"}
        for extra in ([], ["--json"]):
            proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "mailtester", "check", *smtp_argv(s.port, "PLAIN"), *extra,
                env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
            out, err = await proc.communicate()
            assert proc.returncode == 1, err.decode("cp1252", "replace")
            assert b"Traceback" not in err
            if extra:
                assert "şifre" in json.loads(out.decode("cp1252"))["reply"]["lines"][0]


async def test_reports_are_readable_by_the_user_only(tmp_path, monkeypatch):
    existing = tmp_path / "old.md"
    existing.write_text("old")
    existing.chmod(0o644)
    async with ScriptedServer(login_echo(lambda b, p: b"535 5.7.8 no\r\n")) as s:
        await run_all_outputs(smtp_argv(s.port, "LOGIN"), monkeypatch, "pw-perm", tmp_path)
        args = cli.build_parser().parse_args(["check", *smtp_argv(s.port, "LOGIN"), "--report", str(existing)])
        await cli.run(args, io.StringIO(), io.StringIO())
    for name in ("r.md", "r.html", "r.json", "old.md"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name


def test_core_dumps_are_off():
    code = ("import ctypes, resource\n"
            "from mailtester.hardening import disable_core_dumps\n"
            "disable_core_dumps()\n"
            "print(resource.getrlimit(resource.RLIMIT_CORE), ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert r.stdout.strip() == "(0, 0) 0", r.stdout + r.stderr
