"""Throwaway: the private Dovecot's IMAP/POP3 listeners, checked on the wire."""

from __future__ import annotations

import base64
import hashlib
import hmac
import imaplib
import poplib
import socket
import ssl
import time

import pytest

from tests.servers.postfix import DISABLED_USER, PostfixServer

pytestmark = pytest.mark.postfix
LOG: list[str] = []


@pytest.fixture(scope="module")
def srv():
    t = time.monotonic()
    server = PostfixServer.start()
    LOG.append(f"start() took {time.monotonic() - t:.2f}s")
    try:
        yield server
    finally:
        t = time.monotonic()
        server.stop()
        print(f"\nstop() took {time.monotonic() - t:.2f}s")
        print("\n".join(LOG))


def ctx(server):
    return ssl.create_default_context(cafile=str(server.ca_file))


class Raw:
    def __init__(self, server, port, tls=False, host=None):
        self.host = host or server.mail_host
        self.ctx = ctx(server)
        self.s = socket.create_connection((self.host, port), timeout=5)
        if tls:
            self.s = self.ctx.wrap_socket(self.s, server_hostname=self.host)
        self.f = self.s.makefile("rb")
        self.greeting = self.line()

    def line(self):
        line = self.f.readline().decode().rstrip("\r\n")
        LOG.append(f"S: {line}")
        return line

    def send(self, text):
        LOG.append(f"C: {text}")
        self.s.sendall(text.encode() + b"\r\n")

    def until(self, prefix):
        lines = []
        while True:
            lines.append(self.line())
            if lines[-1].startswith(prefix):
                return lines

    def starttls(self):
        self.s = self.ctx.wrap_socket(self.s, server_hostname=self.host)
        self.f = self.s.makefile("rb")


def b64(text):
    return base64.b64encode(text.encode()).decode()


def test_imaps_login_select_and_plain_utf8(srv):
    LOG.append("== imaps")
    user, password = srv.user(0)
    c = imaplib.IMAP4_SSL(srv.mail_host, srv.imaps, ssl_context=ctx(srv))
    LOG.append(f"greeting: {c.welcome.decode()}")
    assert c.login(user, password)[0] == "OK"
    assert c.select("INBOX")[0] == "OK"
    assert c.list()[0] == "OK"
    assert c.noop()[0] == "OK"
    c.logout()
    user, password = srv.user(1)
    c = imaplib.IMAP4_SSL(srv.mail_host, srv.imaps, ssl_context=ctx(srv))
    typ, data = c.authenticate("PLAIN", lambda _: f"\0{user}\0{password}".encode())
    assert typ == "OK", data
    assert c.select("INBOX")[0] == "OK"
    c.logout()


def test_imap_starttls_and_logindisabled(srv):
    LOG.append("== imap (STARTTLS)")
    user, password = srv.user(0)
    r = Raw(srv, srv.imap)
    assert "STARTTLS" in r.greeting and "LOGINDISABLED" in r.greeting
    r.send(f"a LOGIN {user} {password}")
    assert r.until("a ")[-1].startswith("a NO [PRIVACYREQUIRED]")
    r.send(f"b AUTHENTICATE PLAIN {b64(chr(0) + user + chr(0) + password)}")
    assert r.until("b ")[-1].startswith("b NO")
    r.send("c STARTTLS")
    assert r.until("c ")[-1].startswith("c OK")
    r.starttls()
    r.send("d CAPABILITY")
    caps = r.until("d ")
    assert "LOGINDISABLED" not in caps[0] and "AUTH=PLAIN" in caps[0]
    r.send(f"e LOGIN {user} {password}")
    assert r.until("e ")[-1].startswith("e OK")
    r.send("f SELECT INBOX")
    assert r.until("f ")[-1].startswith("f OK")
    r.send("g LOGOUT")
    r.until("g ")
    # imaplib's own starttls path too
    c = imaplib.IMAP4(srv.mail_host, srv.imap)
    c.starttls(ssl_context=ctx(srv))
    assert c.login(user, password)[0] == "OK"
    c.logout()


def test_imap_plain_allows_cleartext_login(srv):
    LOG.append("== imap_plain")
    user, password = srv.user(1)
    r = Raw(srv, srv.imap_plain, host="127.0.0.1")
    assert "LOGINDISABLED" not in r.greeting and "AUTH=PLAIN" in r.greeting
    r.send("a CAPABILITY")
    r.until("a ")
    r.send("b STARTTLS")
    r.until("b ")
    r.send("c LOGOUT")
    r.until("c ")
    c = imaplib.IMAP4(srv.host, srv.imap_plain)
    assert c.login(*srv.user(0))[0] == "OK"
    assert c.select("INBOX")[0] == "OK"
    c.logout()
    c = imaplib.IMAP4(srv.host, srv.imap_plain)
    assert c.authenticate("PLAIN", lambda _: f"\0{user}\0{password}".encode())[0] == "OK"
    c.logout()


def test_imap_wrong_password_disabled_and_auth_login(srv):
    LOG.append("== imaps: wrong password, disabled account, AUTHENTICATE LOGIN, CRAM-MD5")
    user, password = srv.user(0)
    r = Raw(srv, srv.imaps, tls=True)
    t = time.monotonic()
    for i in range(5):
        r.send(f"w{i} LOGIN {user} wrong")
        assert r.until(f"w{i} ")[-1] == f"w{i} NO [AUTHENTICATIONFAILED] Authentication failed."
    LOG.append(f"5 wrong passwords took {time.monotonic() - t:.3f}s")
    r.send(f"x LOGIN {DISABLED_USER[0]} {DISABLED_USER[1]}")
    assert r.until("x ")[-1].startswith("x NO [CONTACTADMIN]")
    r.send(f"y LOGIN {DISABLED_USER[0]} wrong")
    r.until("y ")
    r.send(f"z AUTHENTICATE PLAIN {b64(chr(0) + DISABLED_USER[0] + chr(0) + DISABLED_USER[1])}")
    assert r.until("z ")[-1].startswith("z NO [CONTACTADMIN]")
    r.send("a AUTHENTICATE LOGIN")
    assert r.line() == "+ VXNlcm5hbWU6"
    r.send(b64(user))
    assert r.line() == "+ UGFzc3dvcmQ6"
    r.send(b64(password))
    assert r.until("a ")[-1].startswith("a OK")
    r.send("b LOGOUT")
    r.until("b ")
    r = Raw(srv, srv.imaps, tls=True)
    r.send("c AUTHENTICATE CRAM-MD5")
    challenge = base64.b64decode(r.line()[2:])
    digest = hmac.new(password.encode(), challenge, hashlib.md5).hexdigest()
    r.send(b64(f"{user} {digest}"))
    assert r.until("c ")[-1].startswith("c OK")
    u1, p1 = srv.user(1)  # non-ASCII key
    r = Raw(srv, srv.imaps, tls=True)
    r.send("d AUTHENTICATE CRAM-MD5")
    challenge = base64.b64decode(r.line()[2:])
    digest = hmac.new(p1.encode(), challenge, hashlib.md5).hexdigest()
    r.send(base64.b64encode(f"{u1} {digest}".encode()).decode())
    assert r.until("d ")[-1].startswith("d OK")


def test_pop3s(srv):
    LOG.append("== pop3s")
    user, password = srv.user(0)
    r = Raw(srv, srv.pop3s, tls=True)
    r.send("CAPA")
    r.until(".")
    r.send(f"USER {user}")
    r.line()
    r.send("PASS wrong")
    assert r.line().startswith("-ERR [AUTH] ")
    r.send(f"USER {DISABLED_USER[0]}")
    r.line()
    r.send(f"PASS {DISABLED_USER[1]}")
    assert r.line().startswith("-ERR [AUTH] ")
    r.send(f"AUTH PLAIN {b64(chr(0) + DISABLED_USER[0] + chr(0) + DISABLED_USER[1])}")
    assert r.line().startswith("-ERR [AUTH] ")
    r.send(f"USER {user}")
    r.line()
    r.send(f"PASS {password}")
    assert r.line().startswith("+OK")
    r.send("STAT")
    assert r.line().startswith("+OK")
    r.send("QUIT")
    r.line()
    c = poplib.POP3_SSL(srv.mail_host, srv.pop3s, context=ctx(srv))
    u1, p1 = srv.user(1)
    c.user(u1)
    assert c.pass_(p1).startswith(b"+OK")
    assert c.stat() == (0, 0)
    c.quit()


def test_pop3_stls(srv):
    LOG.append("== pop3 (STLS)")
    user, password = srv.user(0)
    r = Raw(srv, srv.pop3)
    r.send("CAPA")
    capa = r.until(".")
    assert "STLS" in capa and "USER" not in capa
    r.send(f"USER {user}")
    assert r.line().startswith("-ERR")
    r.send(f"PASS {password}")
    assert r.line().startswith("-ERR")
    r.send(f"AUTH PLAIN {b64(chr(0) + user + chr(0) + password)}")
    assert r.line().startswith("-ERR")
    r.send("STLS")
    assert r.line().startswith("+OK")
    r.starttls()
    r.send("CAPA")
    assert "USER" in r.until(".")
    r.send(f"USER {user}")
    r.line()
    r.send(f"PASS {password}")
    assert r.line().startswith("+OK")
    r.send("STAT")
    assert r.line() == "+OK 0 0"
    r.send("QUIT")
    r.line()
    c = poplib.POP3(srv.mail_host, srv.pop3)
    c.stls(context=ctx(srv))
    c.user(user)
    assert c.pass_(password).startswith(b"+OK")
    c.quit()


def test_many_concurrent_sessions(srv):
    conns = []
    for _ in range(15):
        c = imaplib.IMAP4_SSL(srv.mail_host, srv.imaps, ssl_context=ctx(srv))
        assert c.login(*srv.user(0))[0] == "OK"
        conns.append(c)
    for c in conns:
        c.logout()
