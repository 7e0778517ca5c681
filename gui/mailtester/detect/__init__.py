"""Find my settings: candidate servers for an e-mail address.

This version answers from the bundled database only (the ISPDB snapshot and the provider
catalogue). It opens no socket and imports no asyncio, so the window and the command can use it
cheaply; the online sources (autoconfig over HTTPS, the live ISPDB, MX, SRV, probes) come later.
"""

from __future__ import annotations

from .address import Address, parse_address
from .bundled import lookup_bundled
from .candidates import Candidate, DetectResult, SourceReport, rank

__all__ = ["Address", "Candidate", "DetectResult", "SourceReport", "lookup_bundled", "parse_address", "rank"]
