"""Render the window finding settings from an address (views/detect.py), against real servers on
loopback started here: the tests' private NSD (DNS) and web servers with a trustme certificate
(tests/servers/), so nothing leaves the machine.

- detect-progress: the lookup under way, the provider's autoconfig server still answering (slowly);
- detect-found: the provider's autoconfig file over HTTPS fills both sides, "Found in: …" beside each;
- detect-nothing: no source knows the domain;
- detect-flagged: the only file came over plain HTTP: nothing is filled in until "Use this server".

    .venv/bin/python packaging/screenshots_detect.py [OUTDIR] [--lang=tr]

Needs root (the web servers bind 127.0.0.x ports 443 and 80), nsd and the test packages (trustme).
"""

from __future__ import annotations

import asyncio
import os
import ssl
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.servers
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync  # noqa: E402
import trustme  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from screenshots import LANG, OUT, SUFFIX, settle  # noqa: E402
from tests.servers.https import Response, WebServers, autoconfig_xml  # noqa: E402
from tests.servers.nsd import NsdServer  # noqa: E402

from mailtester.app import application, create_window  # noqa: E402

PATH = "/mail/config-v1.1.xml"


async def shoot(web: WebServers, nsd: NsdServer, ca_file: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    window = create_window(QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat),
                           lang=LANG)
    window.resize(1100, 760)
    window.show()
    d, form = window.detection, window.form
    d.controller.dns_server = nsd.address
    form.ca_file_edit.setText(ca_file)

    async def find(address: str, wait: bool = True) -> None:
        for edit in (form.user_edit, form.host_edit, form.incoming_host_edit):
            edit.clear()
        form.user_edit.setText(address)
        form.user_edit.textEdited.emit(address)  # as typed
        done = asyncio.get_running_loop().create_future()
        d.controller.finished.connect(lambda _r: done.done() or done.set_result(None))
        if wait:
            await asyncio.wait_for(done, 15)
        await settle()

    async def shot(name: str) -> None:
        await settle()
        window.grab().save(str(OUT / f"{name}{SUFFIX}.png"))
        print("wrote", OUT / f"{name}{SUFFIX}.png")

    await find("alice@slow.example", wait=False)
    await asyncio.sleep(2.0)  # the debounce, then every source but the dripping one
    await shot("detect-progress")
    await find("alice@example.com")
    await shot("detect-found")
    await find("bob@nothing.example")
    await shot("detect-nothing")
    await find("carol@example.org")
    window.form_scroll.ensureWidgetVisible(d.sides[next(iter(d.sides))].flag)
    await shot("detect-flagged")
    window.close()


def main() -> None:
    app = application()
    ca = trustme.CA(organization_name="mailtester screenshots")
    ca_file = Path(tempfile.mkdtemp()) / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("autoconfig.example.com", "autoconfig.example.org", "autoconfig.slow.example").configure_cert(tls)
    web = WebServers("127.0.0.62", "127.0.0.63", tls, routes={
        ("https", "autoconfig.example.com", PATH): Response(autoconfig_xml(
            "example.com", ("imap", "imap.example.com", 993, "SSL"), ("imap", "imap.example.com", 143, "STARTTLS"),
            ("pop3", "pop.example.com", 995, "SSL"), ("smtp", "smtp.example.com", 465, "SSL"),
            ("smtp", "smtp.example.com", 587, "STARTTLS"), name="Example Mail")),
        ("http", "autoconfig.example.org", PATH): Response(autoconfig_xml(
            "example.org", ("imap", "mail.example.org", 993, "SSL"), ("smtp", "mail.example.org", 465, "SSL"),
            name="Example Mail"))})
    web.start()
    nsd = NsdServer.start({"example.com.": f"autoconfig IN A {web.ip}", "example.org.": f"autoconfig IN A {web.ip}",
                           "slow.example.": f"autoconfig IN A {web.drip_ip}", "nothing.example.": ""})
    try:
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            runner.run(shoot(web, nsd, str(ca_file)))
    finally:
        nsd.stop()
        web.stop()


if __name__ == "__main__":
    main()
