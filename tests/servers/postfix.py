"""A private Postfix with Dovecot SASL on loopback, configured in a temporary
directory and started by the tests (never the system instance).

Ports:
- submission: STARTTLS required (smtpd_tls_security_level=encrypt), AUTH only after TLS
- submissions: implicit TLS (smtpd_tls_wrappermode)
- plain: no TLS at all, offering PLAIN, LOGIN and CRAM-MD5

The same Dovecot also serves IMAP and POP3 (maildir under the root):
- imap: STARTTLS; LOGINDISABLED, and only AUTH=CRAM-MD5 until TLS
- imaps: implicit TLS
- pop3: STLS; USER/PASS and AUTH PLAIN/LOGIN refused until TLS
- pop3s: implicit TLS
- imap_plain: no TLS at all (no STARTTLS); plaintext login allowed

Connect to imap, imaps, pop3 and pop3s at `mail_host` (127.0.0.2, an IP in
the certificate), not `host`: Dovecot 2.3 counts a connection whose client IP
equals its server IP as secured (plaintext allowed, no LOGINDISABLED; no
setting turns that off, login_trusted_networks can only add trust), and a
client of 127.0.0.1 comes from 127.0.0.1. A client of 127.0.0.2 still comes
from 127.0.0.1, and a `local` block disables plaintext auth there.
imap_plain and Postfix listen on `host` (127.0.0.1).
DISABLED_USER has the right password, but Dovecot refuses it by policy.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import trustme

DOMAIN = "test.localhost"
USERS = {
    f"alice@{DOMAIN}": "alice-Secret-123",
    f"bjorn@{DOMAIN}": "pässwörd€ mit Leerzeichen ",  # non-ASCII, spaces kept
}
# Right password, but the passdb says nologin: IMAP "NO [CONTACTADMIN] Login
# disabled for this user", POP3 "-ERR [AUTH] Login disabled for this user".
DISABLED_USER = (f"carol@{DOMAIN}", "carol-Secret-456")
MECHANISMS = "plain login cram-md5"
MAIL_HOST = "127.0.0.2"  # loopback, but not the client's address (see above)
# Round trip (tests/roundtrip): mail to DOMAIN goes into Dovecot's mailboxes over LMTP. These logins
# meet a real obstacle each: SENDER_REFUSED_USER's address belongs to another login (Postfix
# smtpd_sender_login_maps), HELD_USER's mail is accepted and held in Postfix's queue (HOLD), and
# JUNK_USER's Sieve script files everything into Junk (a \Junk special-use folder).
SENDER_REFUSED_USER = (f"dave@{DOMAIN}", "dave-Secret-789")
HELD_USER = (f"erin@{DOMAIN}", "erin-Secret-012")
JUNK_USER = (f"frank@{DOMAIN}", "frank-Secret-345")


def missing_binaries() -> list[str]:
    missing = [b for b in ("postfix", "dovecot", "doveadm") if shutil.which(b) is None
               and not Path("/usr/sbin", b).exists()]
    # The round trip's delivery: Dovecot's LMTP server and Sieve plugin (dovecot-lmtpd, dovecot-sieve).
    parts = (("dovecot-lmtpd", "lmtp"), ("dovecot-sieve", "modules/lib90_sieve_plugin.so"))
    return missing + [name for name, path in parts if not Path("/usr/lib/dovecot", path).exists()]


def _free_port() -> int:
    """A port free on both loopback addresses the servers listen on."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        with socket.socket() as s:
            try:
                s.bind((MAIL_HOST, port))
            except OSError:
                continue
        return port


def _wait_port(host: str, port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"Postfix or Dovecot did not listen on {host}:{port}")


MASTER_SERVICES = """\
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
lmtp      unix  -       -       n       -       -       lmtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
"""


@dataclass
class PostfixServer:
    root: Path
    ca_file: Path
    submission: int = field(default_factory=_free_port)
    submissions: int = field(default_factory=_free_port)
    plain: int = field(default_factory=_free_port)
    imap: int = field(default_factory=_free_port)
    imaps: int = field(default_factory=_free_port)
    pop3: int = field(default_factory=_free_port)
    pop3s: int = field(default_factory=_free_port)
    imap_plain: int = field(default_factory=_free_port)
    host: str = "localhost"  # a name in the certificate; resolves to 127.0.0.1
    mail_host: str = MAIL_HOST  # imap, imaps, pop3, pop3s; an IP in the certificate
    users: dict[str, str] = field(default_factory=lambda: dict(USERS))

    @property
    def log(self) -> str:
        parts = []
        for name in ("postfix.log", "dovecot.log"):
            p = self.root / name
            if p.exists():
                parts.append(p.read_text(errors="replace"))
        return "\n".join(parts)

    # -- lifecycle ---------------------------------------------------------------

    @classmethod
    def start(cls, users: dict[str, str] | None = None) -> PostfixServer:
        """users: the accounts instead of USERS (the batch tests generate hundreds)."""
        root = Path(tempfile.mkdtemp(prefix="mtpf-", dir="/tmp"))
        root.chmod(0o755)  # the postfix and dovecot users must reach their files
        ca = trustme.CA(organization_name="mailtester test CA")
        leaf = ca.issue_cert("localhost", f"mail.{DOMAIN}", "127.0.0.1", MAIL_HOST)
        ca.cert_pem.write_to_path(str(root / "ca.pem"))
        leaf.private_key_and_cert_chain_pem.write_to_path(str(root / "server.pem"))
        # Dovecot takes the certificate chain and the key from separate files.
        (root / "cert.pem").write_bytes(b"".join(pem.bytes() for pem in leaf.cert_chain_pems))
        leaf.private_key_pem.write_to_path(str(root / "key.pem"))
        for name in ("server.pem", "key.pem"):
            (root / name).chmod(0o600)  # Postfix's master and Dovecot's config read them as root
        server = cls(root=root, ca_file=root / "ca.pem", **({"users": dict(users)} if users is not None else {}))
        server._configure()
        server._run()
        return server

    def _configure(self) -> None:
        r = self.root
        (r / "postfix").mkdir()
        (r / "data").mkdir()
        (r / "spool").mkdir(mode=0o755)
        shutil.chown(r / "data", "postfix", "postfix")
        (r / "postfix" / "main.cf").write_text(f"""\
compatibility_level = 3.6
queue_directory = {r}/spool
data_directory = {r}/data
mail_owner = postfix
myhostname = mail.{DOMAIN}
mydomain = {DOMAIN}
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.1/32
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
smtpd_recipient_restrictions = check_recipient_access inline:{{ {HELD_USER[0]}=HOLD }},
  permit_sasl_authenticated, reject
smtpd_sender_login_maps = inline:{{ {SENDER_REFUSED_USER[0]}=someone-else@{DOMAIN} }}
smtpd_sender_restrictions = reject_known_sender_login_mismatch
virtual_mailbox_domains = {DOMAIN}
virtual_transport = lmtp:unix:private/dovecot-lmtp
default_transport = discard
relay_transport = discard
local_transport = discard
alias_maps =
alias_database =
biff = no
smtputf8_enable = no
maillog_file = {r}/postfix.log
maillog_file_prefixes = {r}
smtpd_sasl_type = dovecot
smtpd_sasl_path = private/auth
smtpd_tls_chain_files = {r}/server.pem
smtpd_tls_security_level = may
smtpd_error_sleep_time = 0
smtpd_soft_error_limit = 100
smtpd_hard_error_limit = 100
smtpd_client_auth_rate_limit = 0
""")
        (r / "postfix" / "master.cf").write_text(f"""\
127.0.0.1:{self.submission} inet n - n - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_tls_auth_only=yes
  -o smtpd_sasl_auth_enable=yes
127.0.0.1:{self.submissions} inet n - n - - smtpd
  -o syslog_name=postfix/submissions
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
127.0.0.1:{self.plain} inet n - n - - smtpd
  -o syslog_name=postfix/plain
  -o smtpd_tls_security_level=none
  -o smtpd_sasl_auth_enable=yes
{MASTER_SERVICES}""")
        users = "".join(f"{u}:{{PLAIN}}{p}\n" for u, p in self.users.items())
        # passwd-file: user:password:uid:gid:gecos:home:shell:extra fields. nologin
        # refuses even the right password. (A reason= can't hold spaces: the extra
        # fields are split on them, quotes included.)
        user, password = DISABLED_USER
        users += f"{user}:{{PLAIN}}{password}::::::nologin\n"
        users += "".join(f"{u}:{{PLAIN}}{p}\n" for u, p in (SENDER_REFUSED_USER, HELD_USER, JUNK_USER))
        (r / "users").write_text(users, encoding="utf-8")
        (r / "users").chmod(0o644)
        # The mail processes run as nobody and create each user's maildir here.
        (r / "mail").mkdir(mode=0o700)
        shutil.chown(r / "mail", "nobody", "nogroup")
        home = r / "mail" / DOMAIN / JUNK_USER[0].split("@")[0]
        home.mkdir(parents=True)
        (home / ".dovecot.sieve").write_text('require "fileinto";\nfileinto "Junk";\n')
        for path in (home.parent, home, home / ".dovecot.sieve"):
            shutil.chown(path, "nobody", "nogroup")
        (r / "dovecot.conf").write_text(f"""\
base_dir = {r}/dovecot-run
state_dir = {r}/dovecot-state
instance_name = mailtester-test-{r.name}
log_path = {r}/dovecot.log
protocols = imap pop3 lmtp
listen = 127.0.0.1
ssl = yes
ssl_cert = <{r}/cert.pem
ssl_key = <{r}/key.pem
# Kept for Postfix's plain port. `local` blocks match the server IP, not a
# listener: hence the second loopback address (see the module docstring).
disable_plaintext_auth = no
local {self.mail_host} {{
  disable_plaintext_auth = yes
}}
# imap_plain: no TLS at all, like Postfix's plain port.
local 127.0.0.1 {{
  ssl = no
}}
auth_mechanisms = {MECHANISMS}
auth_failure_delay = 0
auth_verbose = yes
# Dovecot 2.3 still holds failures for its 500 ms flush timer (and counts them
# for the anvil penalty) unless the request carries nodelay. noauthenticate
# makes this passdb only add the field, which then survives a failure below.
passdb {{
  driver = static
  args = noauthenticate nodelay=yes
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {r}/users
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={r}/mail/%d/%n allow_all_users=yes
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  mailbox Junk {{
    special_use = \\Junk
    auto = create
  }}
}}
protocol lmtp {{
  mail_plugins = $mail_plugins sieve
}}
plugin {{
  sieve = file:~/sieve;active=~/.dovecot.sieve
}}
service lmtp {{
  unix_listener {r}/spool/private/dovecot-lmtp {{
    mode = 0600
    user = postfix
    group = postfix
  }}
}}
# Tests open many sessions from one IP at once.
mail_max_userip_connections = 1000
mail_fsync = never
service auth {{
  unix_listener {r}/spool/private/auth {{
    mode = 0660
    user = postfix
    group = postfix
  }}
}}
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service imap-login {{
  inet_listener imap {{
    address = {self.mail_host}
    port = {self.imap}
  }}
  inet_listener imaps {{
    address = {self.mail_host}
    port = {self.imaps}
    ssl = yes
  }}
  inet_listener imap_plain {{
    address = 127.0.0.1
    port = {self.imap_plain}
  }}
}}
service pop3-login {{
  inet_listener pop3 {{
    address = {self.mail_host}
    port = {self.pop3}
  }}
  inet_listener pop3s {{
    address = {self.mail_host}
    port = {self.pop3s}
    ssl = yes
  }}
}}
""", encoding="utf-8")

    def _cmd(self, *args: str) -> None:
        with open(self.root / "commands.log", "ab") as out:
            # Daemons inherit our descriptors: never give them a pipe.
            subprocess.run(args, stdin=subprocess.DEVNULL, stdout=out, stderr=out, check=True, timeout=60)

    def _run(self) -> None:
        deadline = time.monotonic() + 30
        self._cmd("postfix", "-c", str(self.root / "postfix"), "start")
        self._cmd("dovecot", "-c", str(self.root / "dovecot.conf"))
        for port in (self.submission, self.submissions, self.plain, self.imap_plain):
            _wait_port("127.0.0.1", port, deadline)
        for port in (self.imap, self.imaps, self.pop3, self.pop3s):
            _wait_port(self.mail_host, port, deadline)
        auth = self.root / "spool" / "private" / "auth"
        while not auth.exists():
            if time.monotonic() > deadline:
                raise RuntimeError("Dovecot's auth socket did not appear:\n" + self.log)
            time.sleep(0.05)

    def stop(self) -> None:
        for args in (("postfix", "-c", str(self.root / "postfix"), "stop"),
                     ("doveadm", "-c", str(self.root / "dovecot.conf"), "stop")):
            with contextlib.suppress(subprocess.SubprocessError, OSError):
                self._cmd(*args)
        shutil.rmtree(self.root, ignore_errors=True)

    # -- helpers for tests -------------------------------------------------------

    def user(self, index: int = 0) -> tuple[str, str]:
        return list(self.users.items())[index]

    def __repr__(self) -> str:
        return (f"PostfixServer(root={self.root}, ports={self.submission}/{self.submissions}/{self.plain}, "
                f"imap={self.imap}/{self.imaps}/{self.imap_plain}, pop3={self.pop3}/{self.pop3s})")
