"""Runs "find my settings" on the Qt event loop (qasync) and reports as signals.

Online: `detect.online.detect()`, every source at once, a `progress` signal as each one ends.
Offline: the bundled database alone (`lookup_bundled`), no network. The address is all that is
given: detection has no way to the password. A newer lookup supersedes one still running.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from ...detect import Address, DetectResult, SourceReport, lookup_bundled, parse_address
from ...knowledge.providers import Provider
from ...settings import InvalidInput

log = logging.getLogger("mailtester.qt")

DETECT_TIMEOUT = 5.0  # seconds per source, as `mailtester detect`


def complete_address(text: str) -> Address | None:
    """The address, once it has a part before the @ and a domain with a dot; else None."""
    if "@" not in text:
        return None
    try:
        addr = parse_address(text)
    except InvalidInput:
        return None
    return addr if addr.local and "." in addr.ascii_domain.strip(".") else None


def preset_for(provider: Provider, address: str) -> Provider:
    """A preset as an address at one of its variant domains uses it (web.de's own servers under the GMX
    preset, Outlook.com's under Microsoft's), as the bundled lookup answers for that address."""
    addr = complete_address(address)
    variant = provider.variant_for(addr.ascii_domain) if addr is not None else None
    if variant is None:
        return provider
    return replace(provider, submission=variant.submission, incoming=variant.incoming, user_form=variant.user_form)


def _preload() -> None:
    """What the first online lookup would otherwise load on the GUI thread (about 0.3 s): the HTTP
    and DNS libraries, the trust store, the bundled database and the public suffix list."""
    import aiohttp  # noqa: F401
    import dns.asyncresolver  # noqa: F401
    import truststore  # noqa: F401

    from ...detect import online

    lookup_bundled("preload@example.com")
    online._psl()


class DetectController(QObject):
    started = Signal(object)  # Address
    progress = Signal(object)  # SourceReport
    finished = Signal(object)  # DetectResult
    failed = Signal(str)  # a message for people (an unusable CA file, for instance)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task: asyncio.Task[None] | None = None
        self._preloaded = False
        self.dns_server: str | None = None  # None: the system's resolver (the tests point it at theirs)
        self.timeout = DETECT_TIMEOUT

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self, address: Address, online: bool, ca_file: str | None = None) -> None:
        self.cancel()
        self._task = asyncio.ensure_future(self._run(address, online, ca_file))

    def cancel(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()

    async def _run(self, address: Address, online: bool, ca_file: str | None) -> None:
        task = asyncio.current_task()

        def report(r: SourceReport) -> None:
            if task is self._task:
                self.progress.emit(r)

        self.started.emit(address)
        try:
            if online:
                if not self._preloaded:
                    await asyncio.to_thread(_preload)
                    self._preloaded = True
                from ...detect.online import detect

                result: DetectResult = await detect(address, dns_server=self.dns_server, ca_file=ca_file,
                                                    timeout=self.timeout, progress=report)
            else:
                result = await asyncio.to_thread(lookup_bundled, address)  # its first call reads the database
                report(result.sources[0])
        except asyncio.CancelledError:
            return
        except InvalidInput as exc:
            if task is self._task:
                self.failed.emit(str(exc))
            return
        except Exception:  # a bug in detection must not take the window down
            log.exception("detection failed")
            if task is self._task:
                self.failed.emit("internal error")
            return
        if task is self._task:
            self.finished.emit(result)
