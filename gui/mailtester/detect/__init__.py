"""Find my settings: candidate servers for an e-mail address.

The bundled database (the ISPDB snapshot and the provider catalogue) opens no socket and imports no
asyncio, so the window and the command can use it cheaply. The online sources (autoconfig over HTTPS,
the online ISPDB, Microsoft 365's Autodiscover, MX, SRV, and the credential-free probe of probe.py)
live in `online.py` and are loaded only when asked for: `online.detect()`.
"""

from __future__ import annotations

from .address import Address, parse_address
from .bundled import lookup_bundled
from .candidates import Candidate, DetectResult, SourceReport, rank

__all__ = ["Address", "Candidate", "DetectResult", "SourceReport", "lookup_bundled", "parse_address", "rank"]
