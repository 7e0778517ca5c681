"""Drive a sans-I/O core with a scripted server: whole, byte by byte, or with trailing data."""

from __future__ import annotations

from dataclasses import dataclass, field

from mailtester.protocol.events import CommandSent, Event, Finished, NoteAdded, Outcome, ReplyReceived, TlsRequested
from mailtester.protocol.session import LoginSession

MODES = ["whole", "bytes", "trailing"]


@dataclass
class Conversation:
    session: LoginSession
    sent: list[bytes] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    replies: list[ReplyReceived] = field(default_factory=list)
    outcome: Outcome | None = None
    forms: list[str] = field(default_factory=list)

    def take(self, events: list[Event]) -> None:
        for e in events:
            if isinstance(e, CommandSent):
                self.sent.append(e.data)
                self.shown.append(e.shown)
                self.forms.extend(e.secret_forms)
            elif isinstance(e, ReplyReceived):
                self.replies.append(e)
            elif isinstance(e, NoteAdded):
                self.notes.append(e.key)
            elif isinstance(e, TlsRequested):
                self.take(self.session.tls_established())
            elif isinstance(e, Finished):
                self.outcome = e.outcome

    def feed(self, data: bytes, mode: str = "whole") -> None:
        if mode == "bytes":
            for b in range(len(data)):
                self.take(self.session.receive_data(data[b:b + 1]))
        else:
            self.take(self.session.receive_data(data))


def converse(session: LoginSession, replies: list[str | bytes], mode: str = "whole",
             trailing: bytes = b"* OK junk after the end\r\n", implicit_tls: bool = False) -> Conversation:
    """Feed the server's replies in turn (each after the client's previous command)."""
    c = Conversation(session)
    if implicit_tls:
        c.take(session.tls_established())
    for i, reply in enumerate(replies):
        data = reply.encode() if isinstance(reply, str) else reply
        if mode == "trailing" and i == len(replies) - 1:
            data += trailing
        c.feed(data, mode)
    return c
