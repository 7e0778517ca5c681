"""The command as a user runs it: subprocess, exit codes, one JSON object."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.helpers import mailtester


def test_demo_succeeds_with_decoded_prompts():
    r = mailtester("check", "--demo")
    assert r.code == 0, r.stderr
    assert 'server asks "Username:"' in r.stdout and 'server asks "Password:"' in r.stdout
    assert "This account can log in and send" in r.stdout
    assert r.stderr == ""


def test_demo_fail_shows_535_and_exit_1():
    r = mailtester("check", "--demo-fail", "--json")
    assert r.code == 1
    out = json.loads(r.stdout)  # exactly one JSON object
    assert out["reply"]["code"] == 535 and out["diagnosis"]["id"] == "auth.credentials-rejected"
    assert set(out) >= {"ok", "stage", "provider", "mechanism", "reply", "diagnosis", "tls", "timeline"}
    assert {"t", "dir", "tls", "text", "decoded"} <= set(out["timeline"][0])


def test_human_failure_output_lists_fixes():
    r = mailtester("check", "--demo-fail")
    assert r.code == 1
    assert "FAILED: The server refused the user name or password  [auth.credentials-rejected]" in r.stdout
    assert "What to do:\n  1. " in r.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--host", "smtp://mail.example.com"], "without a prefix"),
    (["--host", "mail example.com"], "spaces"),
    (["--host", ""], "--host is required"),
    (["--host", "mail.example.com", "--port", "0"], "1 to 65535"),
    (["--host", "mail.example.com", "--port", "70000"], "1 to 65535"),
    (["--host", "mail.example.com:587"], "own field"),
    (["--host", "mail.example.com", "--user", "a\nb"], "line break"),
    (["--host", "mail.example.com", "--user", "u", "--password-env", "MT_UNSET_VARIABLE"], "not set"),
    (["--host", "mail.example.com", "--user", "u"], "no password given"),
    (["--host", "mail.example.com", "--mechanism", "XOAUTH2", "--user", "u"], "token"),
    (["--host", "mail.example.com", "--timeout", "-1"], "--timeout"),
    (["--host", "mail.example.com", "--user", "", "--password-env", "HOME"], "--user is required"),
    (["--host", "[::1", "--user", "u", "--password-env", "HOME"], "not a valid IPv6 address"),
    (["--host", "mail.ex ample.com\t"], "spaces"),
    (["--host", "mail.example.com", "--ca-file", "/nonexistent/ca.pem"], "no such file"),
])
def test_bad_input_is_a_usage_error(args, message):
    r = mailtester("check", *args)
    assert r.code == 2
    assert message in r.stderr
    assert "Traceback" not in r.stderr


def test_a_ca_file_without_a_usable_certificate_is_a_usage_error(tmp_path):
    """The file is loaded as the check will load it (into its cached context), before anything is sent."""
    broken = tmp_path / "broken.pem"
    broken.write_text("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n")
    key_only = tmp_path / "key.pem"
    key_only.write_text("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
    for path, message in ((broken, "holds no usable certificate"), (key_only, "not a PEM file with a certificate")):
        r = mailtester("check", "--host", "127.0.0.1", "--port", "1", "--user", "u", "--ca-file", str(path),
                       password="x")
        assert r.code == 2 and message in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_password_with_line_break_refused_before_anything_is_sent():
    r = mailtester("check", "--host", "127.0.0.1", "--user", "u", password="a\r\nMAIL FROM:<x>")
    assert r.code == 2 and "line break" in r.stderr


def test_password_stdin_keeps_spaces_and_idn_host_is_encoded():
    # The name lookup fails (no such domain), which shows the IDN was encoded and used.
    r = mailtester("check", "--host", "mail.bücher.invalid", "--user", "u", "--password-stdin", "--json",
                   stdin=" spaced password \n")
    assert r.code == 3, r.stdout + r.stderr
    out = json.loads(r.stdout)
    assert out["diagnosis"]["id"] == "dns.not-found"
    assert "xn--bcher-kva.invalid" in out["timeline"][0]["text"]


@pytest.mark.parametrize("host", ["[::1]", "::1", "127.0.0.1", "localhost.", " localhost "])
def test_host_forms_are_accepted(host):
    # Port 1 on loopback: refused (or unreachable without IPv6), which shows the host was usable.
    r = mailtester("check", "--host", host, "--port", "1", "--user", "u", "--security", "tls",
                   "--json", password="x")
    assert r.code == 3, r.stderr
    assert json.loads(r.stdout)["diagnosis"]["id"] in ("connect.refused", "connect.unreachable")


def test_help_version_and_no_display():
    assert "check" in mailtester("--help").stdout
    r = mailtester(unset=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"), timeout=30)
    assert r.code == 2 and "no display found" in r.stderr
    r = mailtester("--version")
    assert r.code == 0 and r.stdout.startswith("mailtester ")


def test_self_test_runs_the_window_offscreen():
    r = mailtester("--self-test", timeout=60)
    assert r.code == 0, r.stdout + r.stderr
    assert r.stdout.splitlines()[0] == "window shown"
    assert "demo: ok=True" in r.stdout and "demo-fail: ok=False diagnosis=auth.credentials-rejected" in r.stdout


def test_retry_suggested_runs_exactly_once_more():
    plain = mailtester("check", "--demo-fail", "--json")
    assert plain.json["diagnosis"]["suggestions"][0] == {"kind": "user", "value": "demo", "port": None,
                                                          "label": "Try the user name demo"}
    assert plain.stdout.count('"first_attempt"') == 0
    r = mailtester("check", "--demo-fail", "--retry-suggested", "--json")
    out = r.json
    assert out["first_attempt"]["diagnosis"]["id"] == "auth.credentials-rejected"
    assert out["settings"]["user"] == "demo" and out["first_attempt"]["settings"]["user"] == "demo@example.test"
    assert r.code == 1


def test_turkish_diagnosis_from_the_command_line():
    r = mailtester("check", "--demo-fail", "--lang", "tr")
    assert "BAŞARISIZ: Sunucu kullanıcı adını veya parolayı reddetti" in r.stdout
    assert "Ne yapmalı:" in r.stdout and "--retry-suggested" in r.stdout


@pytest.mark.parametrize("protocol", ["imap", "pop3"])
def test_incoming_demo_succeeds_and_fails(protocol):
    ok = mailtester("check", "--demo", "--protocol", protocol, "--json")
    assert ok.code == 0, ok.stdout + ok.stderr
    out = ok.json
    assert out["protocol"] == protocol and out["ok"] and out["tls"]["verified"]
    assert [e["decoded"] for e in out["timeline"] if e["dir"] == "S" and e["decoded"]] == ["Username:", "Password:"]
    bad = mailtester("check", "--demo-fail", "--protocol", protocol, "--json")
    assert bad.code == 1 and bad.json["diagnosis"]["id"] == "auth.credentials-rejected"
    assert bad.json["reply"]["status"] == ("NO" if protocol == "imap" else "-ERR")
    human = mailtester("check", "--demo", "--protocol", protocol)
    assert "receive mail" in human.stdout and "[redacted]" in human.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--mechanism", "NATIVE"], "not a login method of SMTP"),
    (["--protocol", "imap", "--mechanism", "APOP"], "not a login method of IMAP"),
])
def test_login_methods_must_fit_the_protocol(args, message):
    r = mailtester("check", "--host", "mail.example.com", "--user", "u", *args, password="p")
    assert r.code == 2 and message in r.stderr


def test_demo_needs_no_name_resolution():
    # A minimal system without a hosts entry for localhost: names do not resolve, the demo still works.
    code = ("import socket, sys\n"
            "real = socket.getaddrinfo\n"
            "def numeric_only(host, *a, **k):\n"
            "    if host and not host.replace('.', '').isdigit():\n"
            "        raise socket.gaierror(socket.EAI_NONAME, 'Name or service not known')\n"
            "    return real(host, *a, **k)\n"
            "socket.getaddrinfo = numeric_only\n"
            "from mailtester.cli import main\n"
            "sys.exit(main(['check', '--demo', '--json']))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr


def test_report_for_a_ticket_says_when_where_and_with_what(tmp_path):
    path = tmp_path / "r.md"
    r = mailtester("check", "--demo", "--report", str(path), "--json")
    out, text = r.json, path.read_text()
    assert out["started"][:4].isdigit() and ("+" in out["started"][10:] or "-" in out["started"][10:])  # zone
    assert out["addresses"]["local"].startswith("127.0.0.1:") and out["addresses"]["remote"].startswith("127.0.0.1:")
    for words in ("| Tested at | ", "| This computer | 127.0.0.1:", "| Server address | 127.0.0.1:",
                  "| Security | STARTTLS |", "| IP version | Automatic |", "| Unencrypted login allowed | no |",
                  "Mail Account Tester 0.", " on Linux"):
        assert words in text, words
    assert "family" not in text and "allow plaintext auth" not in text  # no raw keys
