"""The ISPDB snapshot the bundled data is made from: packaging/ispdb (MAILTESTER_ISPDB_SNAPSHOT overrides).

Read here with the standard library's xml.etree, on purpose not with the project's parser: the trusted
snapshot is the reference the bundled data is checked against.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = Path(os.environ.get("MAILTESTER_ISPDB_SNAPSHOT", ROOT / "packaging" / "ispdb"))
SECURITY = {"SSL": "tls", "STARTTLS": "starttls", "plain": "none"}


def snapshot() -> Path:
    assert (SNAPSHOT / "SOURCE.md").is_file(), f"the ISPDB snapshot is not at {SNAPSHOT}"
    return SNAPSHOT


def files() -> list[Path]:
    return sorted(snapshot().glob("*.xml"))


def servers(path: Path, domain: str) -> set[tuple[str, str, int, str]]:
    """(protocol, host, port, security) of every IMAP, POP3 and SMTP server the file lists, for a domain."""
    root = ET.parse(path).getroot()
    out = set()
    for element in root.iter():
        kind = element.get("type")
        if element.tag in ("incomingServer", "outgoingServer") and kind in ("imap", "pop3", "smtp"):
            host = element.findtext("hostname").strip().replace("%EMAILDOMAIN%", domain).lower()
            out.add((kind, host, int(element.findtext("port")), SECURITY[element.findtext("socketType").strip()]))
    return out


def domains(path: Path) -> list[str]:
    return [d.text.strip().lower() for d in ET.parse(path).getroot().iter("domain")]
