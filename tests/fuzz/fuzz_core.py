"""atheris target for the sans-I/O cores (SMTP, IMAP, POP3): any bytes from a server give events or
a protocol error, never another exception, and memory stays bounded.

    pip install atheris
    PYTHONPATH=gui python tests/fuzz/fuzz_core.py -max_total_time=600 -rss_limit_mb=512

The same properties run on every CI build through hypothesis
(tests/protocol/test_properties.py); this target is for longer runs.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from mailtester.protocol.credentials import Credentials, Secret
    from mailtester.protocol.errors import ProtocolError
    from mailtester.protocol.events import Finished, Security, TlsRequested
    from mailtester.protocol.imap import ImapParser, ImapSession
    from mailtester.protocol.pop3 import Pop3Session
    from mailtester.protocol.replies import ReplyParser
    from mailtester.protocol.sasl import decode_challenge
    from mailtester.protocol.smtp import SessionConfig, SmtpSession

CREDS = Credentials("user@example.test", Secret("fuzz-password"))


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 5)
    payload = fdp.ConsumeBytes(fdp.remaining_bytes())
    if mode == 0:
        parser = ReplyParser()
        try:
            for i in range(0, len(payload), 7):
                parser.feed(payload[i:i + 7])
                while parser.next_reply() is not None:
                    pass
        except ProtocolError:
            pass
    elif mode == 1:
        decode_challenge(payload.decode("latin-1"))
    elif mode == 2:
        imap = ImapParser()
        try:
            for i in range(0, len(payload), 7):
                imap.feed(payload[i:i + 7])
                while imap.next_line() is not None:
                    pass
        except ProtocolError:
            pass
    else:
        session_type = {3: SmtpSession, 4: ImapSession, 5: Pop3Session}[mode]
        session = session_type(SessionConfig(Security.STARTTLS, CREDS, mechanism="auto"))
        for chunk in payload.split(b"|"):
            for event in session.receive_data(chunk):
                if isinstance(event, TlsRequested):
                    session.tls_established()
                if isinstance(event, Finished):
                    return


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
