"""The bundled ISPDB data against the snapshot it was made from."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from mailtester.detect import lookup_bundled
from mailtester.knowledge.providers import by_domain
from tests.detect import snapshot as snap

RESOURCE = snap.ROOT / "resources" / "providers"


def catalogue_servers(domain: str) -> set[tuple[str, str, int, str]]:
    provider = by_domain(domain)
    if provider is None:
        return set()
    v = provider.variant_for(domain)
    sub, inc = (v.submission, v.incoming) if v else (provider.submission, provider.incoming)
    entries = [("smtp", sub), *inc.items()]
    return {(k, str(e["host"]), int(e["port"]), str(e["security"])) for k, e in entries if e.get("host")}


def test_every_domain_of_every_file_answers_exactly_its_servers():
    checked = 0
    for path in snap.files():
        for domain in snap.domains(path):
            expected = snap.servers(path, domain)
            r = lookup_bundled(f"someone@{domain}")
            got = {(c.protocol.value, c.host, c.port, c.security.value) for c in r.incoming + r.outgoing}
            assert r.found and r.domain == domain, (path.name, domain)
            # Every server of the file is offered; anything more comes from the catalogue, which knows
            # the provider's own page (web.de, Outlook.com...).
            assert expected <= got, (path.name, domain, expected - got)
            assert got - expected <= catalogue_servers(domain), (path.name, domain, got - expected)
            if by_domain(domain) is None:
                assert got == expected, (path.name, domain)
            checked += 1
    assert checked >= 962  # 963 domain elements at c6ad796, one listed twice


def test_resource_is_up_to_date(tmp_path):
    """The committed file is what the converter makes from the snapshot, byte for byte, every time."""
    source = snap.snapshot()
    outputs = []
    for run in ("first", "second"):
        out = tmp_path / run / "ispdb.json"
        out.parent.mkdir()
        r = subprocess.run([sys.executable, str(snap.ROOT / "packaging" / "convert_ispdb.py"), "--snapshot",
                            str(source), "--output", str(out)], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        outputs.append(out.read_bytes())
        assert (out.parent / "ISPDB-LICENSE").read_bytes() == (source / "LICENSE").read_bytes()
    assert outputs[0] == outputs[1], "two runs of the converter differ"
    assert outputs[0] == (RESOURCE / "ispdb.json").read_bytes(), \
        "resources/providers/ispdb.json is stale: run packaging/convert_ispdb.py"


def test_licence_and_upstream_commit_beside_the_data():
    source = snap.snapshot()
    assert (RESOURCE / "ISPDB-LICENSE").read_bytes() == (source / "LICENSE").read_bytes()
    assert "Mozilla Public License Version 2.0" in (RESOURCE / "ISPDB-LICENSE").read_text(encoding="utf-8")
    data = json.loads((RESOURCE / "ispdb.json").read_bytes())
    commit = re.search(r"\b[0-9a-f]{40}\b", (source / "SOURCE.md").read_text(encoding="utf-8")).group(0)
    assert data["commit"] == commit and commit in data["source"]
    assert data["license"] == "MPL-2.0" and data["license_file"] == "ISPDB-LICENSE"
    assert set(data["providers"]) == {p.name.removesuffix(".xml") for p in snap.files()}


def test_each_record_keeps_the_files_name_and_id():
    data = json.loads((RESOURCE / "ispdb.json").read_bytes())
    web = data["providers"]["web.de"]
    assert (web["id"], web["name"]) == ("web.de", "WEB.DE Freemail")
    assert data["domains"]["outlook.com"] == "hotmail.com"
    assert data["providers"]["hotmail.com"]["name"] == "Outlook.com (Microsoft)"
