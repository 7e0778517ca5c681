"""One message from the account to itself after an SMTP login (RFC 5321 §3.3
and §4.5.2, RFC 1870 SIZE, RFC 6531 SMTPUTF8), sans-I/O.

MAIL FROM and RCPT TO name the same address, the account's own: nothing is
ever sent to anyone else. One command is outstanding at a time.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import format_datetime

from .continuation import Continuation
from .errors import RemoteProtocolError
from .events import ReplyReceived
from .kinds import Stage
from .record import Record
from .replies import Reply, ReplyParser

# Where servers say the queue id in the reply to the message: Postfix "queued as 4Qx9",
# Exim "OK id=1r2s3t-000abc-Zz", Microsoft "Queued mail for delivery" has none.
_QUEUE_ID = re.compile(r"queued as ([0-9A-Za-z.-]+)|\bid=([0-9A-Za-z.-]+)", re.I)


class Message(Record):
    """A round-trip test message, as sent."""

    address: str
    message_id: str  # with the angle brackets
    subject: str
    data: bytes  # the whole message, CRLF line ends, before dot-stuffing
    utf8: bool  # the address is not ASCII: only with SMTPUTF8


def compose(address: str, token: str, now: datetime) -> Message:
    """A short plain-text message from the address to itself, saying what it is
    and that it will be deleted; the token makes its Message-ID and subject unique."""
    domain = address.rpartition("@")[2]
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        domain = "mailtester.invalid"
    message_id = f"<mailtester.{token}@{domain}>"
    subject = f"Mail Account Tester round trip {token}"
    body = ("This message was sent by Mail Account Tester from this address to itself, to test that the\r\n"
            "account can send mail and receives what it sends. The test deletes it as soon as it arrives;\r\n"
            "if you can read it, the test could not delete it, and you may delete it yourself.\r\n")
    headers = [f"From: <{address}>", f"To: <{address}>", f"Date: {format_datetime(now)}",
               f"Message-ID: {message_id}", f"Subject: {subject}", "MIME-Version: 1.0",
               "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 7bit",
               "Auto-Submitted: auto-generated"]
    data = ("\r\n".join(headers) + "\r\n\r\n" + body).encode("utf-8")
    return Message(address, message_id, subject, data, not address.isascii())


def queue_id(reply: Reply) -> str | None:
    m = _QUEUE_ID.search(reply.text)
    return (m.group(1) or m.group(2)) if m else None


class MailTransaction(Continuation):
    """begin(): MAIL FROM -> RCPT TO -> DATA -> the message; quit(): QUIT (also
    without a message). `accepted` after the 250 to the message; otherwise
    `step` and `reply` say what refused."""

    def __init__(self, message: Message, extensions: dict[str, str]) -> None:
        super().__init__()
        self.message = message
        self.extensions = extensions
        self.step = "mail"
        self.reply: Reply | None = None
        self.accepted = False
        self.queue_id: str | None = None
        self._parser = ReplyParser()
        self._quitting = False

    def begin(self) -> None:
        message, extensions = self.message, self.extensions
        params = ""
        if message.utf8:
            if "SMTPUTF8" not in extensions:
                self.step = "smtputf8"
                self.stop("the address is not ASCII and the server does not offer SMTPUTF8")
                return
            params += " SMTPUTF8"
        if "SIZE" in extensions:
            params += f" SIZE={len(message.data)}"
        self._send(f"MAIL FROM:<{message.address}>{params}".encode())

    @property
    def refused(self) -> bool:
        return not self.accepted and (self.reply is not None or self.step == "smtputf8")

    def quit(self) -> None:
        if not self.closed:
            self._quitting = True
            self._send(b"QUIT")

    def _feed(self, data: bytes) -> None:
        self._parser.feed(data)
        while True:
            reply = self._parser.next_reply()
            if reply is None:
                return
            if not self.waiting:
                raise RemoteProtocolError("server sent a reply before being asked")
            self.waiting = False
            self._events.append(ReplyReceived(reply, None, Stage.DONE))
            if self._quitting:
                return
            self._handle(reply)

    def _handle(self, reply: Reply) -> None:
        self.reply = reply
        expected = 354 if self.step == "data" else 250
        if reply.code != expected and not (self.step == "rcpt" and reply.code == 251):
            return  # refused: the driver ends the transaction with QUIT
        if self.step == "mail":
            self.step = "rcpt"
            self._send(f"RCPT TO:<{self.message.address}>".encode())
        elif self.step == "rcpt":
            self.step = "data"
            self._send(b"DATA")
        elif self.step == "data":
            self.step = "message"
            lines = self.message.data.split(b"\r\n")
            for line in lines[:-1] if lines[-1] == b"" else lines:
                stuffed = b"." + line if line.startswith(b".") else line  # RFC 5321 §4.5.2
                self._send(stuffed + b"\r\n", stuffed.decode("utf-8", "replace"), expect_reply=False)
            self._send(b".")
        else:
            self.accepted = True
            self.queue_id = queue_id(reply)

