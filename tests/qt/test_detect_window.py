"""Finding the settings in the window (issue 13, point 4), against real servers on loopback: a private
NSD for DNS and aiohttp web servers with a trustme certificate for the autoconfig files (the servers
of tests/detect, started here with this file's own zone and routes), and the suite's Postfix and
Dovecot as the mail servers the autoconfig file names."""

from __future__ import annotations

import contextlib
import os
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme
from PySide6.QtCore import QSettings, Qt

from mailtester.app import create_window
from mailtester.qt.controllers.accounts import Keychain
from mailtester.qt.controllers.check import Side
from mailtester.qt.i18n import install
from tests.conftest import unavailable
from tests.servers.https import Response, WebServers, autoconfig_xml, start_web_servers
from tests.servers.nsd import NsdServer, missing

from .test_i18n import clipped
from .test_keyboard import check_state
from .test_window import run_account

PATH = "/mail/config-v1.1.xml"
PF_DOMAIN = "test.localhost"  # the Postfix/Dovecot users' domain (tests/servers/postfix.py)
HOSTS = [f"autoconfig.{PF_DOMAIN}", "autoconfig.plain.test", "autoconfig.evil.test", "autoconfig.drip.test"]
# A hostile file: a user name with a bidi override and markup, shown as neutral text, never interpreted.
EVIL_USER = "\u202e<b>boss</b>\u200b"  # (control characters are not XML: the parser refuses them)


@pytest.fixture(scope="module")
def web(ca: trustme.CA) -> Iterator[WebServers]:
    if os.geteuid() != 0:
        unavailable("the window's detection tests bind 127.0.0.x:443 and :80, which needs root (CI runs as root)")
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*HOSTS).configure_cert(tls)
    routes = {("http", "autoconfig.plain.test", PATH): Response(autoconfig_xml(
        "plain.test", ("imap", "imap.plain.test", 993, "SSL"), ("smtp", "smtp.plain.test", 465, "SSL"))),
        ("https", "autoconfig.evil.test", PATH): Response(autoconfig_xml(
            "evil.test", ("imap", "imap.evil.test", 993, "SSL"), user=EVIL_USER))}
    try:
        servers = start_web_servers(44, tls, routes)  # after tests/detect's servers, if they still run
    except OSError as exc:
        unavailable(f"cannot start the test web servers: {exc}")
    try:
        yield servers
    finally:
        servers.stop()


@pytest.fixture(scope="module")
def nsd(web: WebServers) -> Iterator[NsdServer]:
    need = missing()
    if need:
        unavailable(f"the window's detection tests need {need}: run `bash tests/run.sh` or .ci/run")
    server = NsdServer.start({f"{PF_DOMAIN}.": f"autoconfig IN A {web.ip}",
                              "test.": f"autoconfig.plain IN A {web.ip}\nautoconfig.evil IN A {web.ip}\n"
                                       f"autoconfig.drip IN A {web.drip_ip}"})
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def online(window, nsd, web, ca_file, tmp_path) -> WebServers:
    """The window's detection pointed at this file's DNS server; the web servers' CA under Advanced."""
    web.log.clear()
    window.detection.controller.dns_server = nsd.address
    window.form.ca_file_edit.setText(ca_file)
    return web


def find_settings(qtbot, window, address: str) -> object:
    """Type the address as a person does and wait for detection's answer."""
    with qtbot.waitSignal(window.detection.controller.finished, timeout=15000) as blocker:
        qtbot.keyClicks(window.form.user_edit, address)
    return blocker.args[0]


def fields(window, side: Side) -> tuple[str, int, str]:
    f = window.form
    return (f.host_edit_for(side).text(), f.port_spin_for(side).value(), f.security_combo_for(side).currentData())


@pytest.mark.postfix
def test_autoconfig_fills_both_sides_and_the_account_then_logs_in(qtbot, window, online, postfix, ca_file,
                                                                  tmp_path):
    user, password = postfix.user(0)
    online.routes[("https", f"autoconfig.{PF_DOMAIN}", PATH)] = Response(autoconfig_xml(
        PF_DOMAIN, ("imap", postfix.mail_host, postfix.imaps, "SSL"),
        ("imap", postfix.mail_host, postfix.imap, "STARTTLS"),
        ("smtp", "127.0.0.1", postfix.submission, "STARTTLS")))  # names go to the test DNS: an IP
    both = tmp_path / "both-ca.pem"  # the web servers' CA and the mail servers' CA, as a person's CA file
    both.write_bytes(Path(ca_file).read_bytes() + Path(postfix.ca_file).read_bytes())
    window.form.ca_file_edit.setText(str(both))
    d = window.detection
    result = find_settings(qtbot, window, user)
    assert result.found
    assert fields(window, Side.INCOMING) == (postfix.mail_host, postfix.imaps, "tls")
    assert window.form.incoming_protocol_combo.currentData() == "imap"
    assert fields(window, Side.OUTGOING) == ("127.0.0.1", postfix.submission, "starttls")
    for side in (Side.INCOMING, Side.OUTGOING):
        assert d.sides[side].source.isVisible()
        assert d.sides[side].source.text().startswith("Found in: the provider's autoconfig file")
        assert not d.sides[side].flag.isVisible()
    assert d.sides[Side.INCOMING].combo.count() == 2  # the STARTTLS port can be picked instead
    lines = d.lines.text().splitlines()
    assert f"autoconfig.{PF_DOMAIN}\u2026 found" in lines and "Provider database\u2026 not found" in lines
    assert d.status.text() == f"Settings found for {PF_DOMAIN}."
    for side in (Side.INCOMING, Side.OUTGOING):  # the chosen servers were probed, credential-free
        assert "It answered a check made without your password." in d.sides[side].source.text()
    qtbot.keyClicks(window.form.password_edit, password)
    report = run_account(qtbot, window)
    assert report.ok and report.incoming.result.ok and report.outgoing.result.ok
    # detection never had the password: no request carried it, in any form
    assert online.log and all(password not in repr(q) and "alice-Secret" not in repr(q) for q in online.log)
    # another candidate picked from the list goes into the fields
    d.sides[Side.INCOMING].combo.activated.emit(1)
    assert fields(window, Side.INCOMING) == (postfix.mail_host, postfix.imap, "starttls")


def test_nothing_found_says_so_and_the_form_stays_editable(qtbot, window, online):
    result = find_settings(qtbot, window, "zed@nobody.test")
    assert not result.found
    d = window.detection
    assert d.status.text() == "No settings found for nobody.test."
    assert "Ask your provider or administrator" in d.note.text()
    assert "autoconfig.nobody.test\u2026 not found" in d.lines.text().splitlines()
    assert window.form.host_edit.text() == "" and window.form.incoming_host_edit.text() == ""
    assert not d.sides[Side.OUTGOING].combo.isVisible()
    assert window.form.host_edit.isEnabled()
    qtbot.keyClicks(window.form.host_edit, "smtp.nobody.test")
    assert window.form.host_edit.text() == "smtp.nobody.test"


def test_a_plain_http_result_waits_for_a_click(qtbot, window, online):
    find_settings(qtbot, window, "carol@plain.test")
    d = window.detection
    assert ("http", "autoconfig.plain.test", PATH) in [(q.scheme, q.host, q.path) for q in online.log]
    for side in (Side.INCOMING, Side.OUTGOING):
        assert window.form.host_edit_for(side).text() == ""  # not applied
        assert d.sides[side].flag.isVisible() and "plain HTTP" in d.sides[side].flag_text.text()
        assert d.sides[side].accept_button.isVisible()
    assert not window.test_button.isEnabled()
    d.sides[Side.OUTGOING].accept_button.click()
    assert fields(window, Side.OUTGOING) == ("smtp.plain.test", 465, "tls")
    assert not d.sides[Side.OUTGOING].flag.isVisible()
    assert window.form.incoming_host_edit.text() == ""  # the other side still waits
    d.sides[Side.INCOMING].accept_button.click()
    assert fields(window, Side.INCOMING) == ("imap.plain.test", 993, "tls")


def test_offline_setting_asks_only_the_bundled_database_and_is_kept(qtbot, settings_file, window, online):
    d = window.detection
    window.form.advanced_button.setChecked(True)
    d.online_check.setChecked(False)
    result = find_settings(qtbot, window, "kim@web.de")
    assert [s.source for s in result.sources] == ["bundled"]
    assert online.log == []  # no request went out
    assert fields(window, Side.INCOMING) == ("imap.web.de", 993, "tls")  # web.de's own, not GMX's
    assert fields(window, Side.OUTGOING)[0] == "smtp.web.de"
    assert not window.form.suggestion.isVisible()  # the GMX preset's offer gave way
    assert "online lookup is off" in d.note.text()
    from .test_keyboard import tab_walk  # the new controls in reading order

    assert tab_walk(qtbot, window, window.form.user_edit, limit=2)[1] is d.find_button
    assert tab_walk(qtbot, window, window.form.language_combo, limit=2)[1] is d.online_check
    # a server typed by hand stops auto-filling that side; the other follows the address
    window.form.host_edit.selectAll()
    qtbot.keyClicks(window.form.host_edit, "smtp.mine.test")
    window.form.user_edit.clear()
    find_settings(qtbot, window, "kim@gmx.net")
    assert window.form.incoming_host_edit.text() == "imap.gmx.net"
    assert window.form.host_edit.text() == "smtp.mine.test"
    assert d.sides[Side.OUTGOING].source.text().startswith("Your own server is kept")
    window.form.user_edit.clear()
    find_settings(qtbot, window, "kim@nothing.example")  # nothing found: gmx.net's server does not stay
    assert window.form.incoming_host_edit.text() == "" and window.form.host_edit.text() == "smtp.mine.test"
    window.close()
    again = create_window(QSettings(str(settings_file), QSettings.Format.IniFormat), Keychain())
    qtbot.addWidget(again)
    assert not again.detection.online_check.isChecked()
    again.close()


@pytest.mark.parametrize("lang", ["en", "tr", "pseudo"])
def test_states_keyboard_and_layout(qtbot, qloop, memory_keyring, tmp_path, nsd, web, ca_file, lang):
    """Found, flagged and nothing found: no duplicate mnemonic, every control named, nothing clipped at
    900x600 and 1366x900."""
    w = create_window(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), Keychain(), lang=lang)
    qtbot.addWidget(w)
    try:
        w.detection.controller.dns_server = nsd.address
        w.form.ca_file_edit.setText(ca_file)
        w.show()
        qtbot.waitExposed(w)
        w.form.advanced_button.setChecked(True)
        for address in ("kim@web.de", "carol@plain.test", "zed@nobody.test"):
            w.form.user_edit.clear()
            w.form.host_edit.clear()
            w.form.incoming_host_edit.clear()
            find_settings(qtbot, w, address)
            check_state(w, address)
            for size in ((900, 600), (1366, 900)):
                w.resize(*size)
                qtbot.wait(50)
                for widget in (w.detection.lines, *[w.detection.sides[s].flag for s in Side]):
                    if widget.isVisible():
                        w.form_scroll.ensureWidgetVisible(widget)
                # wrapped labels take a few layout passes to settle after a resize on a busy machine
                with contextlib.suppress(qtbot.TimeoutError):
                    qtbot.waitUntil(lambda: clipped(w) == [], timeout=2000)
                assert clipped(w) == [], (address, size)
        assert Qt.FocusPolicy.NoFocus != w.detection.find_button.focusPolicy()
    finally:
        w.close()
        install("en")


def test_a_preset_uses_the_servers_of_the_address_domain(qtbot, window):
    """The GMX preset for a web.de address fills web.de's own servers (the catalogue's variant), as
    detection does; for a gmx.net address, GMX's."""
    from .test_window import select_provider

    f = window.form
    f.user_edit.setText("kim@web.de")
    select_provider(window, "gmx")
    assert (f.host_edit.text(), f.port_spin.value()) == ("smtp.web.de", 587)
    assert f.incoming_host_edit.text() == "imap.web.de"
    f.incoming_protocol_combo.setCurrentIndex(f.incoming_protocol_combo.findData("pop3"))
    assert f.incoming_host_edit.text() == "pop3.web.de"
    select_provider(window, "")
    f.user_edit.setText("kim@gmx.net")
    select_provider(window, "gmx")
    assert (f.host_edit.text(), f.incoming_host_edit.text()) == ("mail.gmx.net", "pop.gmx.net")


@pytest.mark.postfix
def test_a_certificate_that_does_not_verify_waits_for_a_click(qtbot, window, online, postfix):
    """Without the mail servers' CA, the probe of the chosen servers sees certificates that do not
    verify: nothing is filled in until the click, and the warning says why."""
    user, _ = postfix.user(0)
    online.routes[("https", f"autoconfig.{PF_DOMAIN}", PATH)] = Response(autoconfig_xml(
        PF_DOMAIN, ("imap", postfix.mail_host, postfix.imaps, "SSL"),
        ("smtp", "127.0.0.1", postfix.submissions, "SSL")))
    find_settings(qtbot, window, user)
    d = window.detection
    for side in (Side.INCOMING, Side.OUTGOING):
        assert window.form.host_edit_for(side).text() == ""
        assert "certificate could not be verified" in d.sides[side].flag_text.text()
    d.sides[Side.OUTGOING].accept_button.click()
    assert fields(window, Side.OUTGOING) == ("127.0.0.1", postfix.submissions, "tls")


def test_a_hostile_files_words_are_shown_neutral(qtbot, window, online):
    find_settings(qtbot, window, "mallory@evil.test")
    source = window.detection.sides[Side.INCOMING].source
    assert source.textFormat() == Qt.TextFormat.PlainText
    text = source.text()
    assert "<U+202E><b>boss</b><U+200B>" in text and "\u202e" not in text and "\u200b" not in text
    assert window.form.incoming_host_edit.text() == "imap.evil.test"


def test_closing_the_window_mid_lookup_ends_it(qtbot, window, online):
    """A server that drips its answer a byte at a time: the window closes at once and the lookup ends."""
    d = window.detection
    with qtbot.waitSignal(d.controller.progress, timeout=10000):  # under way, the dripping file still coming
        qtbot.keyClicks(window.form.user_edit, "dan@drip.test")
    assert d.controller.running
    answered: list[object] = []
    d.controller.finished.connect(answered.append)
    window.close()
    qtbot.waitUntil(lambda: not d.controller.running, timeout=2000)  # not the 5 s the source may take
    assert answered == []  # stopped, not answered into a closed window
