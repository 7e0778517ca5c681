"""The round trip's I/O: both logins through `run_check`, each going on over
its own connection (`after=`) with the sans-I/O cores of protocol/transaction.py
and protocol/mailbox.py.

The incoming side logs in and starts watching (IMAP: INBOX selected, the Junk
folder found; POP3: the messages already there noted) before anything is
sent; the outgoing side sends only then, so a message is never sent that the
test could not find and delete. Then the incoming side waits for it until the
time is up (IMAP IDLE when offered, else polling; POP3 by logging in again),
reads its Received and Authentication-Results fields, and deletes exactly it.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from datetime import datetime

from ..knowledge.roundtrip import RoundTrip
from ..model import CheckResult, CheckSettings, TimelineEntry
from ..protocol.continuation import Continuation
from ..protocol.events import CommandSent, Protocol, ReplyReceived
from ..protocol.imap import ImapSession
from ..protocol.limits import QUIT_WAIT
from ..protocol.mailbox import ImapMailbox, Pop3Maildrop, reported
from ..protocol.smtp import SmtpSession
from ..protocol.transaction import MailTransaction, compose
from .client import _Run, _show_reply, run_check

# How often a folder that IDLE does not watch (Junk, or everything without IDLE) is looked at.
POLL = 1.0
# IDLE is started again at least this often (RFC 2177: servers may end an IDLE of 30 minutes).
IDLE_SLICE = 300.0
# POP3 shows new mail only to a new session: a login after 2 s, then a second later each time, at most
# every 10 s (logins in quick succession can look like an attack to a provider).
POP3_POLL, POP3_POLL_MAX = 2.0, 10.0
DEFAULT_WAIT = 60.0

Entry = Callable[[TimelineEntry], None] | None


async def drive(run: _Run, core: Continuation, timeout: float, until: Callable[[], bool] | None = None) -> bool:
    """Write what the core sends and feed it what arrives: until it awaits no
    reply (True), or, with `until`, until that holds or `timeout` passes
    (True). False when the server closed, stopped answering or broke the protocol."""
    stream = run.stream
    assert stream is not None and stream.transport is not None
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        for event in core.take():
            if isinstance(event, CommandSent):
                run.sent(event)
                if not stream.transport.is_closing():
                    stream.transport.write(event.data)
            elif isinstance(event, ReplyReceived):
                _show_reply(run, event)
        if core.broken:
            return False
        if until() if until is not None else not core.waiting:
            return True
        try:
            async with asyncio.timeout_at(deadline):
                data = await stream.read()
        except TimeoutError:
            if until is not None:
                return True
            core.stop(f"no reply within {timeout:g} s")
            run.note("no-reply", f"{timeout:g}")
            return False
        if not data:  # closed: nothing more can come (reading again would return at once, forever)
            run.note("closed")
            core.connection_lost()
            for event in core.take():
                if isinstance(event, ReplyReceived):
                    _show_reply(run, event)
            return not core.broken and not core.waiting and until is None
        core.receive_data(data)


async def round_trip(outgoing: CheckSettings, incoming: CheckSettings, address: str, wait: float = DEFAULT_WAIT,
                     on_outgoing: Entry = None, on_incoming: Entry = None
                     ) -> tuple[CheckResult, CheckResult, RoundTrip]:
    """Both logins at once, then one message from `address` to itself, watched
    for and deleted. `address` is the account's own: nothing goes anywhere else."""
    loop = asyncio.get_running_loop()
    token = secrets.token_hex(8)
    now = datetime.now().astimezone().replace(microsecond=0)  # as the Date field says it
    message = compose(address, token, now)
    rt = RoundTrip(message_id=message.message_id, address=address, wait=wait, date=now)
    watching, finished_sending = asyncio.Event(), asyncio.Event()
    sent_at = 0.0
    seen: set[str] = set()  # POP3 unique ids looked at

    async def send(run: _Run) -> None:
        nonlocal sent_at
        session = run.session
        assert isinstance(session, SmtpSession)
        await watching.wait()
        tx = MailTransaction(message, session.extensions)
        if not rt.watching:  # the incoming side cannot look: send nothing
            tx.quit()
            await drive(run, tx, min(QUIT_WAIT, outgoing.timeout))
            return
        tx.begin()
        await drive(run, tx, outgoing.timeout)
        rt.queue_id, rt.sent = tx.queue_id, tx.accepted
        sent_at = loop.time()
        if not tx.accepted:
            rt.fail(tx.step if tx.refused else "connection", tx.reply, tx.broken)
        finished_sending.set()
        tx.quit()
        await drive(run, tx, min(QUIT_WAIT, outgoing.timeout))

    async def watch_imap(run: _Run) -> None:
        session = run.session
        assert isinstance(session, ImapSession)
        mb = ImapMailbox(session.capabilities, message.message_id, token)
        t = incoming.timeout
        mb.list_folders()
        await drive(run, mb, t)  # mb.junk: the spam folder it names, if any
        junk_next = None
        if mb.junk:
            mb.status(mb.junk)
            if await drive(run, mb, t) and mb.ok:
                junk_next = mb.uidnext
        mb.select("INBOX")
        if not (await drive(run, mb, t) and mb.ok):
            rt.fail("incoming", mb.reply, mb.broken or "the INBOX could not be opened")
            mb.logout()
            await drive(run, mb, min(QUIT_WAIT, t))
            return
        rt.watching = True
        watching.set()
        await finished_sending.wait()
        if rt.sent:
            uid = await _wait_imap(run, mb, t, sent_at + wait, junk_next)
            if uid is not None:
                await _read_and_delete(run, mb, t, uid)
        mb.logout()
        await drive(run, mb, min(QUIT_WAIT, t))

    async def _wait_imap(run: _Run, mb: ImapMailbox, t: float, deadline: float, junk_next: int | None) -> int | None:
        idle = "IDLE" in mb.capabilities
        while True:
            mb.changed = False
            mb.search()
            if not await drive(run, mb, t):
                _lost(mb)
                return None
            if mb.ok and mb.uids:
                rt.arrived_in(loop.time() - sent_at, "INBOX", junk=False)
                return mb.uids[-1]
            if mb.junk and junk_next is not None:
                mb.status(mb.junk)
                if not await drive(run, mb, t):
                    _lost(mb)
                    return None
                if mb.uidnext is not None and mb.uidnext != junk_next:
                    junk_next = mb.uidnext
                    uid = await _look_in(run, mb, t, mb.junk)
                    if uid is not None:
                        return uid
                    if rt.step:
                        return None
            remaining = deadline - loop.time()
            if remaining <= 0:
                rt.fail("arrival", None, "")
                rt.looked_in = ["INBOX", *([mb.junk] if mb.junk else [])]
                return None
            slice_ = min(remaining, POLL) if (mb.junk or not idle) else min(remaining, IDLE_SLICE)
            if idle:
                mb.idle()
                if not await drive(run, mb, t):
                    _lost(mb)
                    return None
                await drive(run, mb, slice_, until=lambda: mb.changed)
                mb.done()
                if not await drive(run, mb, t):
                    _lost(mb)
                    return None
            else:
                await asyncio.sleep(slice_)
                mb.noop()
                if not await drive(run, mb, t):
                    _lost(mb)
                    return None

    async def _look_in(run: _Run, mb: ImapMailbox, t: float, folder: str) -> int | None:
        """Search another folder, leaving it selected when the message is there."""
        mb.select(folder)
        if await drive(run, mb, t) and mb.ok:
            mb.search()
            if await drive(run, mb, t) and mb.ok and mb.uids:
                rt.arrived_in(loop.time() - sent_at, folder, junk=True)
                return mb.uids[-1]
        mb.select("INBOX")
        if not (await drive(run, mb, t) and mb.ok):
            _lost(mb)
        return None

    def _lost(mb: ImapMailbox | Pop3Maildrop) -> None:
        rt.fail("connection", mb.reply, mb.broken or "the incoming server stopped answering")

    async def _read_and_delete(run: _Run, mb: ImapMailbox, t: float, uid: int) -> None:
        mb.fetch(uid)
        if not (await drive(run, mb, t) and mb.ok and mb.is_ours):  # never delete another message
            rt.fail("delete", mb.reply, mb.broken or "the message found does not carry the Message-ID sent")
            return
        rt.received, rt.authentication_results = reported(mb.headers)
        mb.delete(uid)
        if not (await drive(run, mb, t) and mb.ok):
            rt.fail("delete", mb.reply, mb.broken)
            return
        if not mb.can_expunge_one:
            # EXPUNGE or CLOSE would also remove every other message marked deleted: never.
            rt.fail("delete", None, "marked as deleted; the server offers no UID EXPUNGE for one message")
            return
        mb.expunge(uid)
        if not (await drive(run, mb, t) and mb.ok):
            rt.fail("delete", mb.reply, mb.broken)
            return
        mb.search()  # the proof: it is gone
        if await drive(run, mb, t) and mb.ok:
            rt.deleted = not mb.uids
            if not rt.deleted:
                rt.fail("delete", mb.reply, "the message is still there after it was deleted")

    async def pop3_first(run: _Run) -> None:
        box = Pop3Maildrop(message.message_id, seen)
        box.uidl()
        if not (await drive(run, box, incoming.timeout) and box.ok):
            rt.fail("incoming", box.reply, box.broken or "the server did not list its messages (UIDL)")
            box.quit()
            await drive(run, box, min(QUIT_WAIT, incoming.timeout))
            return
        seen.update(uid for _, uid in box.listing)  # there before the message was sent
        rt.watching = True
        watching.set()
        await finished_sending.wait()
        box.quit()
        await drive(run, box, min(QUIT_WAIT, incoming.timeout))

    async def pop3_look(run: _Run) -> None:
        box = Pop3Maildrop(message.message_id, seen)
        t = incoming.timeout
        box.uidl()
        if not (await drive(run, box, t) and box.ok):
            _lost(box)
            return
        while box.found is None and box.top_next():
            if not await drive(run, box, t):
                _lost(box)
                return
        if box.found is not None:
            rt.arrived_in(loop.time() - sent_at, "INBOX", junk=False)
            rt.received, rt.authentication_results = reported(box.headers)
            box.dele(box.found)
            if not (await drive(run, box, t) and box.ok):
                rt.fail("delete", box.reply, box.broken)
        box.quit()
        await drive(run, box, min(QUIT_WAIT, t))
        if box.found is not None and not rt.step:
            rt.deleted = box.deleted
            if not box.deleted:
                rt.fail("delete", box.reply, "the server did not confirm the deletion at QUIT")

    pop3 = incoming.protocol is Protocol.POP3

    async def outgoing_side() -> CheckResult:
        try:
            return await run_check(outgoing, on_outgoing, after=send)
        finally:
            finished_sending.set()

    async def incoming_side() -> CheckResult:
        try:
            return await run_check(incoming, on_incoming, after=pop3_first if pop3 else watch_imap)
        finally:
            watching.set()  # whatever happened: the sending side stops waiting

    out_result, in_result = await asyncio.gather(outgoing_side(), incoming_side())
    if not out_result.ok or not in_result.ok:
        rt.fail("login", None, "")
    elif pop3 and rt.sent and not rt.step:
        deadline, pause = sent_at + wait, POP3_POLL
        while not rt.arrived and not rt.step:
            if not (await run_check(incoming, None, after=pop3_look)).ok:  # its transcript is not kept
                rt.fail("connection", None, "a later POP3 login failed")
                break
            if rt.arrived or rt.step:
                break
            if loop.time() >= deadline:
                rt.fail("arrival", None, "")
                rt.looked_in = ["INBOX"]
                break
            await asyncio.sleep(min(pause, max(0.0, deadline - loop.time())))
            pause = min(pause + 1, POP3_POLL_MAX)
    rt.finish()
    return out_result, in_result, rt

