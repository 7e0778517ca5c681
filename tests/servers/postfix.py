"""A private Postfix with Dovecot SASL on loopback, configured in a temporary
directory and started by the tests (never the system instance).

Ports:
- submission: STARTTLS required (smtpd_tls_security_level=encrypt), AUTH only after TLS
- submissions: implicit TLS (smtpd_tls_wrappermode)
- plain: no TLS at all, offering PLAIN, LOGIN and CRAM-MD5
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
MECHANISMS = "plain login cram-md5"


def missing_binaries() -> list[str]:
    return [b for b in ("postfix", "dovecot", "doveadm") if shutil.which(b) is None
            and not Path("/usr/sbin", b).exists()]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_port(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"Postfix did not listen on port {port}")


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
    host: str = "localhost"  # a name in the certificate; resolves to 127.0.0.1
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
    def start(cls) -> PostfixServer:
        root = Path(tempfile.mkdtemp(prefix="mtpf-", dir="/tmp"))
        root.chmod(0o755)  # the postfix and dovecot users must reach their files
        ca = trustme.CA(organization_name="mailtester test CA")
        leaf = ca.issue_cert("localhost", f"mail.{DOMAIN}", "127.0.0.1")
        ca.cert_pem.write_to_path(str(root / "ca.pem"))
        leaf.private_key_and_cert_chain_pem.write_to_path(str(root / "server.pem"))
        (root / "server.pem").chmod(0o600)
        server = cls(root=root, ca_file=root / "ca.pem")
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
smtpd_recipient_restrictions = permit_sasl_authenticated, reject
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
        (r / "users").write_text(users, encoding="utf-8")
        (r / "users").chmod(0o644)
        (r / "dovecot.conf").write_text(f"""\
base_dir = {r}/dovecot-run
state_dir = {r}/dovecot-state
instance_name = mailtester-test-{r.name}
log_path = {r}/dovecot.log
protocols =
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = {MECHANISMS}
auth_failure_delay = 0
auth_verbose = yes
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {r}/users
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home=/nonexistent
}}
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
""", encoding="utf-8")

    def _cmd(self, *args: str) -> None:
        with open(self.root / "commands.log", "ab") as out:
            # Daemons inherit our descriptors: never give them a pipe.
            subprocess.run(args, stdin=subprocess.DEVNULL, stdout=out, stderr=out, check=True, timeout=60)

    def _run(self) -> None:
        deadline = time.monotonic() + 30
        self._cmd("postfix", "-c", str(self.root / "postfix"), "start")
        self._cmd("dovecot", "-c", str(self.root / "dovecot.conf"))
        for port in (self.submission, self.submissions, self.plain):
            _wait_port(port, deadline)
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
        return f"PostfixServer(root={self.root}, ports={self.submission}/{self.submissions}/{self.plain})"
