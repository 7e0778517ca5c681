"""The round trip's sans-I/O cores and rules, fed server lines as RFC 5321, RFC 9051 and RFC 1939
spell them; and hostile servers during a round trip (bounded time, no traceback)."""

from __future__ import annotations

import asyncio
import re
import time
from datetime import UTC, datetime

import pytest

from mailtester.driver.roundtrip import round_trip
from mailtester.knowledge.roundtrip import RoundTrip, diagnosis_of
from mailtester.model import CheckSettings
from mailtester.protocol.credentials import Credentials, Secret
from mailtester.protocol.events import CommandSent
from mailtester.protocol.kinds import Protocol, Security
from mailtester.protocol.mailbox import ImapMailbox, Pop3Maildrop, auth_summary, header_fields, hops
from mailtester.protocol.replies import Reply
from mailtester.protocol.transaction import MailTransaction, Message, compose
from tests.servers.postfix import HELD_USER
from tests.servers.scripted import Conn, ScriptedServer

NOW = datetime(2026, 12, 2, 4, 49, 34, tzinfo=UTC)


def sent(core) -> list[bytes]:
    return [e.data for e in core.take() if isinstance(e, CommandSent)]


def test_message_is_from_and_to_the_address_with_a_unique_id():
    m = compose("alice@example.org", "0123456789abcdef", NOW)
    head, _, body = m.data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    assert b"From: <alice@example.org>" in lines and b"To: <alice@example.org>" in lines
    assert b"Date: Wed, 02 Dec 2026 04:49:34 +0000" in lines
    assert b"Message-ID: <mailtester.0123456789abcdef@example.org>" in lines
    assert b"Subject: Mail Account Tester round trip 0123456789abcdef" in lines
    assert b"deletes it" in body and body.endswith(b"\r\n") and b"\n" not in body.replace(b"\r\n", b"")
    assert not m.utf8 and compose("jörg@bücher.example", "t", NOW).utf8
    assert compose("jörg@bücher.example", "t", NOW).message_id == "<mailtester.t@xn--bcher-kva.example>"


def test_transaction_mail_rcpt_data_dot_stuffing_and_queue_id():
    m = Message("a@example.org", "<x@example.org>", "s", b"Subject: s\r\n\r\n.starts with a dot\r\nend\r\n", False)
    tx = MailTransaction(m, {"SIZE": "10240000", "PIPELINING": ""})
    tx.begin()
    assert sent(tx) == [b"MAIL FROM:<a@example.org> SIZE=%d\r\n" % len(m.data)]
    tx.receive_data(b"250 2.1.0 Ok\r\n")
    assert sent(tx) == [b"RCPT TO:<a@example.org>\r\n"]
    tx.receive_data(b"250 2.1.5 Ok\r\n")
    assert sent(tx) == [b"DATA\r\n"]
    tx.receive_data(b"354 End data with <CR><LF>.<CR><LF>\r\n")
    assert b"".join(sent(tx)) == b"Subject: s\r\n\r\n..starts with a dot\r\nend\r\n.\r\n"
    tx.receive_data(b"250 2.0.0 Ok: queued as 4Qx9Lm0ZzBz3\r\n")
    assert tx.accepted and tx.queue_id == "4Qx9Lm0ZzBz3" and not tx.waiting


@pytest.mark.parametrize(("reply", "queue_id"), [
    (b"250 OK id=1rABCd-000Xyz-Q1\r\n", "1rABCd-000Xyz-Q1"),  # Exim
    (b"250 2.6.0 Queued mail for delivery\r\n", None),
])
def test_queue_id_forms(reply, queue_id):
    tx = MailTransaction(Message("a@b.example", "<i@b.example>", "s", b"x\r\n", False), {})
    tx.begin()
    for answer in (b"250 ok\r\n", b"250 ok\r\n", b"354 go\r\n", reply):
        tx.receive_data(answer)
    assert tx.accepted and tx.queue_id == queue_id


def test_smtputf8_only_when_offered():
    m = compose("jörg@bücher.example", "t", NOW)
    refused = MailTransaction(m, {"SIZE": "1"})
    refused.begin()
    assert sent(refused) == [] and refused.step == "smtputf8" and refused.refused and refused.broken
    offered = MailTransaction(m, {"SMTPUTF8": ""})
    offered.begin()
    assert sent(offered) == ["MAIL FROM:<jörg@bücher.example> SMTPUTF8\r\n".encode()]


def test_refusal_stops_and_an_unasked_reply_breaks():
    tx = MailTransaction(Message("a@b.example", "<i@b.example>", "s", b"x\r\n", False), {})
    tx.begin()
    sent(tx)
    tx.receive_data(b"553 5.7.1 <a@b.example>: Sender address rejected: not owned by user a@b.example\r\n")
    assert sent(tx) == [] and tx.refused and tx.step == "mail" and tx.reply.code == 553
    tx.receive_data(b"250 surprise\r\n")
    assert tx.broken == "server sent a reply before being asked"


def test_imap_list_finds_the_junk_folder_by_special_use_then_by_name():
    mb = ImapMailbox({"SPECIAL-USE"}, "<i@x>")
    mb.list_folders()
    (line,) = sent(mb)
    assert line == b'r1 LIST (SPECIAL-USE) "" "*"\r\n'
    mb.receive_data(b'* LIST (\\HasNoChildren) "/" INBOX\r\n* LIST (\\HasNoChildren \\Junk) "/" "[Gmail]/Spam"\r\n'
                    b"r1 OK done\r\n")
    assert mb.ok and mb.junk == "[Gmail]/Spam"
    plain = ImapMailbox(set(), "<i@x>")
    plain.list_folders()
    assert sent(plain) == [b'r1 LIST "" "*"\r\n']
    plain.receive_data(b'* LIST () "." {4}\r\nSpam\r\n* LIST () "." INBOX\r\nr1 OK done\r\n')
    assert plain.junk == "Spam"


def test_imap_idle_search_fetch_and_one_uid_deleted():
    mb = ImapMailbox({"IDLE", "UIDPLUS"}, "<i@x>", "0f1e")
    mb.idle()
    mb.receive_data(b"+ idling\r\n")
    assert not mb.waiting and mb.idling
    mb.receive_data(b"* 4 EXISTS\r\n")
    assert mb.changed and mb.exists == 4
    mb.done()
    assert sent(mb) == [b"r1 IDLE\r\n", b"DONE\r\n"]
    mb.receive_data(b"r1 OK Idle completed\r\n")
    mb.search()
    assert sent(mb) == [b'r2 UID SEARCH OR HEADER Message-ID "<i@x>" SUBJECT "0f1e"\r\n']
    mb.receive_data(b"* SEARCH 17\r\nr2 OK done\r\n")
    assert mb.uids == [17]
    mb.fetch(17)
    header = (b"Received: from a.example by b.example\r\n\twith LMTP; Wed, 02 Dec 2026 04:49:35 +0000\r\n"
              b"Message-ID: <i@x>\r\n\r\n")
    mb.receive_data(b"* 4 FETCH (UID 17 BODY[HEADER.FIELDS (MESSAGE-ID RECEIVED AUTHENTICATION-RESULTS)] {%d}\r\n"
                    % len(header) + header + b")\r\nr3 OK done\r\n")
    assert mb.headers == [("Received", "from a.example by b.example with LMTP; Wed, 02 Dec 2026 04:49:35 +0000"),
                          ("Message-ID", "<i@x>")]
    assert mb.is_ours
    mb.delete(17)
    mb.expunge(17)
    assert sent(mb)[-2:] == [b"r4 UID STORE 17 +FLAGS.SILENT (\\Deleted)\r\n", b"r5 UID EXPUNGE 17\r\n"]


def test_idle_ended_by_the_server_needs_no_done():
    mb = ImapMailbox({"IDLE"}, "<i@x>")
    mb.idle()
    mb.receive_data(b"+ idling\r\n")
    mb.receive_data(b"r1 OK IDLE ended by the server\r\n")
    mb.done()
    assert sent(mb) == [b"r1 IDLE\r\n"] and not mb.waiting and not mb.broken


def test_headers_hops_and_authentication_results():
    block = ("Received: from mx.example.net by imap.example.org with LMTP; Wed, 02 Dec 2026 04:49:36 +0000\r\n"
             "Received: from client.example.org (client [192.0.2.7])\r\n by mx.example.net (Postfix) with ESMTPSA id"
             " 4Qx9;\r\n Wed, 02 Dec 2026 04:49:34 +0000\r\n"
             "Authentication-Results: imap.example.org; spf=pass smtp.mailfrom=example.org;\r\n"
             "  dkim=pass header.d=example.org; dmarc=pass header.from=example.org\r\n"
             "X-Other: \x1b[31mred\r\n")
    fields = header_fields(block)
    received = [v for n, v in fields if n == "Received"]
    chain = hops(received)
    assert [h.by for h in chain] == ["mx.example.net", "imap.example.org"]
    assert chain[0].delay is None and chain[1].delay == 2.0
    assert [h.delay for h in hops(received, datetime(2026, 12, 2, 4, 49, 33, tzinfo=UTC))] == [1.0, 2.0]
    results = [v for n, v in fields if n == "Authentication-Results"]
    assert auth_summary(results) == [("spf", "pass"), ("dkim", "pass"), ("dmarc", "pass")]
    assert all("\x1b" not in v for _, v in header_fields(block, ("X-Other",)))


def test_pop3_uidl_top_dele_quit():
    seen = {"old-1"}
    box = Pop3Maildrop("<i@x>", seen)
    box.uidl()
    box.receive_data(b"+OK\r\n1 old-1\r\n2 new-2\r\n.\r\n")
    assert box.listing == [(1, "old-1"), (2, "new-2")]
    assert box.top_next() and sent(box)[-1] == b"TOP 2 0\r\n"
    box.receive_data(b"+OK\r\nReceived: by x.example; Wed, 02 Dec 2026 04:49:34 +0000\r\nMessage-ID: <i@x>\r\n"
                     b"..dot line\r\n\r\n.\r\n")
    assert box.found == 2 and not box.top_next()
    box.dele(2)
    box.receive_data(b"+OK marked\r\n")
    box.quit()
    box.receive_data(b"+OK bye\r\n")
    assert box.deleted and seen == {"old-1", "new-2"}


def smtp(line: str) -> Reply:
    """An SMTP reply as the parser builds it."""
    from mailtester.protocol.replies import ReplyParser

    parser = ReplyParser()
    parser.feed(line.encode() + b"\r\n")
    reply = parser.next_reply()
    assert reply is not None
    return reply


# Replies as RFC 5321 §4.2.2/4.2.3, RFC 3463 and real servers (Postfix, Exim, Microsoft) give them.
RULE_CASES = [
    ("login", None, "roundtrip.not-attempted"),
    ("incoming", None, "roundtrip.not-attempted"),
    ("smtputf8", None, "roundtrip.smtputf8-unavailable"),
    ("rcpt", smtp("553 5.7.1 <a@b>: Sender address rejected: not owned by user a@b"), "roundtrip.sender-refused"),
    ("mail", smtp("550 5.1.8 Sender domain unknown"), "roundtrip.sender-refused"),
    ("data", smtp("552 Requested mail action aborted: exceeded storage allocation"), "roundtrip.size-or-quota"),
    ("rcpt", smtp("550 5.2.2 Mailbox over limit"), "roundtrip.size-or-quota"),
    ("rcpt", smtp("452 4.2.2 Mailbox full"), "roundtrip.size-or-quota"),
    ("message", smtp("554 5.3.4 Message too big for system"), "roundtrip.size-or-quota"),
    ("rcpt", smtp("550 Recipient over quota"), "roundtrip.size-or-quota"),
    ("rcpt", smtp("554 5.7.1 <a@b>: Relay access denied"), "roundtrip.relay-denied"),
    ("rcpt", smtp("550 5.7.1 Client does not have permissions to send as this sender"), "roundtrip.sender-refused"),
    ("rcpt", smtp("550 5.7.1 Not allowed"), "roundtrip.relay-denied"),
    ("rcpt", smtp("550 5.1.1 User unknown"), "roundtrip.recipient-refused"),
    ("data", smtp("554 5.5.1 No valid recipients"), "roundtrip.message-refused"),
    ("message", smtp("554 5.7.0 Message rejected as spam"), "roundtrip.message-refused"),
    ("message", smtp("451 4.3.0 Try later"), "roundtrip.temporary"),
    ("arrival", None, "roundtrip.not-arrived"),
    ("junk", None, "roundtrip.junk"),
    ("delete", None, "roundtrip.not-deleted"),
    ("connection", None, "roundtrip.interrupted"),
]


def _failed(step, reply) -> RoundTrip:
    rt = RoundTrip("<i@x>", "a@b.example", 60)
    rt.fail(step, reply, "")
    return rt


@pytest.mark.parametrize(("step", "reply", "expected"), RULE_CASES)
def test_rules(step, reply, expected):
    d = diagnosis_of(_failed(step, reply))
    assert d.id == expected
    assert d.exit_code == (6 if reply is not None and reply.code < 500 else d.exit_code)
    assert d.server_said == (reply.raw if reply else ())


def test_every_roundtrip_rule_is_reached_by_a_case():
    from mailtester.knowledge.roundtrip import roundtrip_rules

    rules = roundtrip_rules()
    reached = {next(i for i, r in enumerate(rules) if r.matches(_failed(step, reply))) for step, reply, _ in RULE_CASES}
    assert reached == set(range(len(rules)))


def test_a_server_that_stalls_after_the_login_is_bounded(postfix):
    """Outgoing: a scripted server that accepts the login, then never answers MAIL FROM."""
    user, password = postfix.user(0)

    async def stall(c: Conn) -> None:
        await c.greet_ehlo("AUTH PLAIN")
        await c.expect("AUTH PLAIN", "235 2.7.0 ok\r\n")
        await c.line()  # MAIL FROM: no answer, ever
        await asyncio.sleep(30)

    async def scenario():
        async with ScriptedServer(stall) as srv:
            creds = Credentials(user, Secret(password))
            out = CheckSettings(host="127.0.0.1", port=srv.port, security=Security.NONE, credentials=creds,
                                allow_plaintext_auth=True, timeout=1)
            inc = CheckSettings(host=postfix.mail_host, port=postfix.imaps, security=Security.TLS, credentials=creds,
                                ca_file=str(postfix.ca_file), timeout=5, protocol=Protocol.IMAP)
            return await round_trip(out, inc, user, 5)

    start = time.monotonic()
    out, inc, rt = asyncio.run(scenario())
    assert time.monotonic() - start < 8
    assert out.ok and inc.ok and not rt.sent and diagnosis_of(rt).id == "roundtrip.interrupted"
    assert "no reply within 1 s" in rt.detail


def scripted_imap(capabilities: str = "", found_after: int = 3, other_id: bool = False, idle_closes: bool = False,
                  select_refused: bool = False, junk: str = ""):
    """An IMAP server where the message shows up at the `found_after`-th search (its Message-ID taken
    from the search, or another one with `other_id`); with `idle_closes`, it closes when IDLE starts;
    with `select_refused`, SELECT is answered NO; `junk` is LISTed as a \\Junk folder."""
    caps = f"IMAP4rev1 AUTH=PLAIN SPECIAL-USE {capabilities}".strip()

    async def imap(c: Conn) -> None:
        await c.send(f"* OK [CAPABILITY {caps}] scripted\r\n")
        searches, message_id = 0, ""
        while line := await c.line():
            tag, _, rest = line.decode().rstrip("\r\n").partition(" ")
            command = rest.upper()
            if command.startswith("AUTHENTICATE"):
                await c.send("+ \r\n")
                await c.line()
                await c.send(f"{tag} OK [CAPABILITY {caps}] logged in\r\n")
            elif command.startswith("LIST"):
                spam = f'* LIST (\\HasNoChildren \\Junk) "/" {junk}\r\n' if junk else ""
                await c.send(f'* LIST (\\HasNoChildren) "/" INBOX\r\n{spam}{tag} OK done\r\n')
            elif command.startswith("UID SEARCH"):
                searches += 1
                message_id = re.search(r'Message-ID "([^"]+)"', rest).group(1)
                await c.send(f"* SEARCH{' 7' if searches >= found_after else ''}\r\n{tag} OK done\r\n")
            elif command.startswith("UID FETCH"):
                header = (f"Received: by scripted.example; Wed, 02 Dec 2026 04:49:34 +0000\r\n"
                          f"Message-ID: {'<other@example.org>' if other_id else message_id}\r\n")
                await c.send(f"* 1 FETCH (UID 7 BODY[HEADER.FIELDS (MESSAGE-ID RECEIVED AUTHENTICATION-RESULTS)] "
                             f"{{{len(header)}}}\r\n{header})\r\n{tag} OK done\r\n")
            elif command.startswith("IDLE") and idle_closes:
                await c.send("+ idling\r\n")
                return  # the connection closes
            elif command.startswith("LOGOUT"):
                await c.send(f"* BYE bye\r\n{tag} OK done\r\n")
                return
            elif command.startswith("SELECT") and select_refused:
                await c.send(f"{tag} NO [NOPERM] not for you\r\n")
            else:  # EXAMINE, SELECT, NOOP, UID STORE
                await c.send(f"{tag} OK done\r\n")

    return imap


def round_trip_against(postfix, handler, wait: float = 10):
    """Outgoing: the suite's Postfix for a login whose mail is held (nothing is delivered); incoming: `handler`."""
    user, password = HELD_USER

    async def scenario():
        async with ScriptedServer(handler) as srv:
            creds = Credentials(user, Secret(password))
            out = CheckSettings(host=postfix.host, port=postfix.submissions, security=Security.TLS, credentials=creds,
                                ca_file=str(postfix.ca_file), timeout=5)
            inc = CheckSettings(host="127.0.0.1", port=srv.port, security=Security.NONE, credentials=creds,
                                allow_plaintext_auth=True, timeout=5, protocol=Protocol.IMAP)
            result = await round_trip(out, inc, user, wait)
            return (*result, srv.received)

    return asyncio.run(scenario())


@pytest.mark.parametrize("someone_elses", [False, True])
def test_without_idle_it_polls_and_without_uidplus_it_never_expunges(postfix, someone_elses):
    """No IDLE, no UIDPLUS, the message found at the third search. When what the search found carries
    another Message-ID (a subject that happens to match), nothing is marked at all."""
    found_after = 1 if someone_elses else 3  # the polling is shown once
    out, inc, rt, received = round_trip_against(postfix, scripted_imap("", found_after, someone_elses))
    assert out.ok and inc.ok and rt.sent and rt.arrived and rt.folder == "INBOX"
    assert (found_after - 1) <= rt.seconds < found_after + 2  # a poll a second
    assert received.count(b"NOOP") >= found_after - 1 and b"IDLE" not in received
    assert (b"UID STORE 7 +FLAGS.SILENT (\\Deleted)" in received) is not someone_elses
    assert b"EXPUNGE" not in received and b"CLOSE" not in received  # would remove other deleted messages too
    assert not rt.deleted and diagnosis_of(rt).id == "roundtrip.not-deleted"
    assert rt.received == ([] if someone_elses else ["by scripted.example; Wed, 02 Dec 2026 04:49:34 +0000"])


def test_a_server_that_closes_during_idle_ends_the_wait_at_once(postfix):
    start = time.monotonic()
    out, inc, rt, received = round_trip_against(postfix, scripted_imap("IDLE", found_after=99, idle_closes=True),
                                                wait=30)
    assert time.monotonic() - start < 10  # not the 30 s of the wait
    assert out.ok and inc.ok and rt.sent and not rt.arrived and b"IDLE" in received
    assert diagnosis_of(rt).id == "roundtrip.interrupted"


def test_a_junk_folder_name_that_cannot_be_sent_is_not_looked_in(postfix):
    """8-bit folder names (a server with UTF8=ACCEPT habits) cannot be quoted: INBOX is still watched."""
    out, inc, rt, received = round_trip_against(postfix, scripted_imap(found_after=1, junk='"Courrier indésirable"'))
    assert out.ok and inc.ok and rt.sent and rt.arrived and rt.folder == "INBOX"
    assert b"STATUS" not in received


def test_an_inbox_that_cannot_be_selected_sends_nothing(postfix):
    out, inc, rt, received = round_trip_against(postfix, scripted_imap(select_refused=True))
    assert out.ok and inc.ok and not rt.sent and b"LOGOUT" in received
    assert diagnosis_of(rt).id == "roundtrip.not-attempted"
    assert not any(e.text.startswith("MAIL FROM") for e in out.timeline)


def test_summary_words_for_a_fast_arrival_and_clocks_that_go_backwards():
    from mailtester.knowledge.roundtrip import RoundTrip, summary_lines

    rt = RoundTrip(message_id="<t@example.org>", address="a@example.org", wait=60.0, sent=True, deleted=True,
                   received=["by new.example; Wed, 02 Dec 2026 04:49:30 +0000",   # newest first, but earlier
                             "by old.example; Wed, 02 Dec 2026 04:49:34 +0000"])
    rt.arrived_in(0.003, "INBOX", junk=False)
    en, tr = "\n".join(summary_lines(rt)), "\n".join(summary_lines(rt, "tr"))
    assert "arrived in <0.01 s" in en and "<0,01 sn" in tr  # not "0 s"
    assert ", -4 s" in en and "+-" not in en and ", -4 sn" in tr


def test_one_hop_whose_name_ends_at_the_date():
    from mailtester.knowledge.roundtrip import RoundTrip, summary_lines

    rt = RoundTrip(message_id="<t@example.org>", address="a@example.org", wait=60.0, sent=True, deleted=True,
                   received=["from a by mx.example.org; Wed, 02 Dec 2026 04:49:30 +0000"])
    rt.arrived_in(1.0, "INBOX", junk=False)
    text = "\n".join(summary_lines(rt))
    assert "Path (1 hop, oldest first)" in text and "1. mx.example.org" in text and "mx.example.org;" not in text
