"""The round trip against the suite's Postfix and Dovecot: Postfix delivers into Dovecot's
mailboxes over LMTP, so a message from an address to itself really arrives; the failure cases
meet real obstacles (a sender the login does not own, Postfix's hold queue, a Sieve rule
filing into Junk)."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess

import pytest

from mailtester.driver.roundtrip import round_trip
from mailtester.knowledge.report import build_report
from mailtester.knowledge.roundtrip import as_dict, diagnosis_of, summary_lines
from mailtester.model import CheckSettings
from mailtester.protocol.credentials import Credentials, Secret
from mailtester.protocol.kinds import Protocol, Security
from tests.secret_search import find_secrets
from tests.servers.postfix import DOMAIN, HELD_USER, JUNK_USER, SENDER_REFUSED_USER, PostfixServer

ALICE = (f"alice@{DOMAIN}", "alice-Secret-123")


def messages(server: PostfixServer, user: str) -> list[str]:
    """Every message file in the user's maildir, all folders."""
    home = server.root / "mail" / DOMAIN / user.split("@")[0] / "Maildir"
    return sorted(str(p.relative_to(home)) for p in home.glob("**/*")
                  if p.is_file() and p.parent.name in ("new", "cur"))


def run(server: PostfixServer, account: tuple[str, str], protocol: Protocol = Protocol.IMAP, wait: float = 10):
    user, password = account
    creds = Credentials(user, Secret(password))
    outgoing = CheckSettings(host=server.host, port=server.submission, security=Security.STARTTLS,
                             credentials=creds, ca_file=str(server.ca_file), timeout=5)
    port = server.imaps if protocol is Protocol.IMAP else server.pop3s
    incoming = CheckSettings(host=server.mail_host, port=port, security=Security.TLS, protocol=protocol,
                             credentials=creds, ca_file=str(server.ca_file), timeout=5)
    out, inc, rt = asyncio.run(round_trip(outgoing, incoming, user, wait))
    diagnosis = diagnosis_of(rt, host=server.host)
    everything = json.dumps([as_dict(rt, diagnosis), build_report(out).as_dict(), build_report(inc).as_dict(),
                             summary_lines(rt)])
    assert find_secrets(everything, [password]) == []
    assert out.ok and inc.ok, (out.outcome, inc.outcome)
    return out, inc, rt, diagnosis


@pytest.mark.parametrize("protocol", [Protocol.IMAP, Protocol.POP3])
def test_arrives_in_inbox_is_reported_and_deleted(postfix, protocol):
    before = messages(postfix, ALICE[0])
    out, _inc, rt, diagnosis = run(postfix, ALICE, protocol)
    assert diagnosis is None and rt.ok and rt.sent and rt.arrived and rt.deleted, (rt.step, rt.detail, rt.reply)
    assert rt.folder == "INBOX" and 0 <= rt.seconds < 10
    assert re.fullmatch(r"<mailtester\.[0-9a-f]{16}@test\.localhost>", rt.message_id)
    # The queue id Postfix gave is the one its log shows for this message.
    assert rt.queue_id and f"{rt.queue_id}: message-id={rt.message_id}" in postfix.log
    # The chain, newest first: Dovecot's LMTP hop on top of Postfix's submission hop.
    assert len(rt.received) == 2
    assert "with LMTP" in rt.received[0]
    assert f"by mail.{DOMAIN} (Postfix) with ESMTPSA id {rt.queue_id}" in rt.received[1]
    assert rt.authentication_results == []  # the test servers add none
    # What was sent: only to the address itself, with the subject's token.
    sent = [e.text for e in out.timeline if e.direction == "C"]
    assert f"RCPT TO:<{ALICE[0]}>" in sent and any(t.startswith(f"MAIL FROM:<{ALICE[0]}>") for t in sent)
    assert f"Subject: Mail Account Tester round trip {rt.message_id[12:28]}" in sent
    assert messages(postfix, ALICE[0]) == before  # the mailbox as it was
    text = "\n".join(summary_lines(rt))
    assert "arrived in" in text and "in INBOX and was deleted" in text and "2 hops" in text
    assert re.search(rf"1\. mail\.{re.escape(DOMAIN)}, \+\d+ s", text), text  # since the message's Date


def test_junk_folder_is_found_reported_and_emptied(postfix):
    _out, inc, rt, diagnosis = run(postfix, JUNK_USER)
    assert rt.arrived and rt.folder == "Junk" and rt.deleted
    assert diagnosis is not None and diagnosis.id == "roundtrip.junk" and diagnosis.exit_code == 5
    assert messages(postfix, JUNK_USER[0]) == []
    assert any(e.text.startswith("r") and "LIST (SPECIAL-USE)" in e.text for e in inc.timeline)


def test_sender_not_owned_is_refused_and_nothing_is_sent(postfix):
    out, _inc, rt, diagnosis = run(postfix, SENDER_REFUSED_USER)
    assert not rt.sent and not rt.arrived and rt.queue_id is None
    assert diagnosis is not None and diagnosis.id == "roundtrip.sender-refused" and diagnosis.exit_code == 1
    assert any("not owned by user" in line for line in diagnosis.server_said)
    assert not any(e.text == "DATA" for e in out.timeline)
    assert messages(postfix, SENDER_REFUSED_USER[0]) == []


@pytest.mark.parametrize(("protocol", "looked_in", "logins"), [
    (Protocol.IMAP, ["INBOX", "Junk"], (1,)), (Protocol.POP3, ["INBOX"], (3, 4))])
def test_held_message_times_out_with_its_queue_id(postfix, protocol, looked_in, logins):
    login = f"-login: Info: Login: user=<{HELD_USER[0]}>"
    before = postfix.log.count(login)
    _out, _inc, rt, diagnosis = run(postfix, HELD_USER, protocol, wait=2.5)
    assert rt.sent and not rt.arrived and rt.queue_id
    assert diagnosis is not None and diagnosis.id == "roundtrip.not-arrived" and diagnosis.exit_code == 6
    assert rt.looked_in == looked_in
    # POP3 looked again by logging in again (at once, after 2 s, at the deadline unless the machine was
    # slow); IMAP kept its one login.
    assert postfix.log.count(login) - before in logins
    held = subprocess.run(["postqueue", "-c", str(postfix.root / "postfix"), "-j"], capture_output=True, text=True)
    queued = [json.loads(line) for line in held.stdout.splitlines()]
    assert any(q["queue_id"] == rt.queue_id and q["queue_name"] == "hold" for q in queued), held
    text = "\n".join(summary_lines(rt))
    assert f"queue id {rt.queue_id}" in text and "did not arrive within 2.5 s" in text


def test_round_trip_never_sends_before_the_incoming_side_watches(postfix):
    """A refused incoming login: the outgoing side logs in but sends nothing."""
    user, password = ALICE
    good = Credentials(user, Secret(password))
    outgoing = CheckSettings(host=postfix.host, port=postfix.submissions, security=Security.TLS,
                             credentials=good, ca_file=str(postfix.ca_file), timeout=5)
    incoming = CheckSettings(host=postfix.mail_host, port=postfix.imaps, security=Security.TLS,
                             protocol=Protocol.IMAP, credentials=Credentials(user, Secret("wrong")),
                             ca_file=str(postfix.ca_file), timeout=5)
    out, inc, rt = asyncio.run(round_trip(outgoing, incoming, user, 5))
    assert out.ok and not inc.ok and not rt.sent
    assert diagnosis_of(rt).id == "roundtrip.not-attempted"
    sent = [e.text for e in out.timeline if e.direction == "C"]
    assert not any(t.startswith("MAIL FROM") for t in sent) and sent[-1] == "QUIT"  # a polite goodbye
