"""A batch builds one TLS context per CA file, not one per row; an edited CA file gets a new one."""

from __future__ import annotations

import os
from pathlib import Path

import trustme

from mailtester.driver.tls import make_context


def test_one_context_per_ca_file_until_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "ca.pem"
    trustme.CA().cert_pem.write_to_path(str(path))
    first = make_context(str(path))
    assert make_context(str(path)) is first
    other = tmp_path / "other.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    assert make_context(str(other)) is not first
    trustme.CA().cert_pem.write_to_path(str(path))  # a new CA in the same file
    os.utime(path, ns=(0, 10**18))
    changed = make_context(str(path))
    assert changed is not first and changed.get_ca_certs() != first.get_ca_certs()  # it trusts the new CA
    assert make_context(str(path), pinned_sha256="ab" * 32).verify_mode.name == "CERT_NONE"
