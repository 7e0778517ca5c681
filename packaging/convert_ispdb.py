"""Build resources/providers/ispdb.json from the ISPDB snapshot (Thunderbird's autoconfig database).

    .venv/bin/python packaging/convert_ispdb.py [--snapshot DIR] [--output FILE] [--license-output FILE]

The snapshot is packaging/ispdb/ in the project (MPL-2.0; SOURCE.md names the upstream
commit). Each XML file goes through the project's one autoconfig parser
(mailtester.detect.autoconfig), so the bundled data and, later, a provider's own autoconfig file are
read alike. The result stays a file of its own under MPL-2.0: its header names the upstream
repository and commit, and the licence is copied beside it as ISPDB-LICENSE. The output depends only
on the snapshot: running the script twice gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    from mailtester.detect.autoconfig import ConfigError, ProviderConfig, parse_config
except ModuleNotFoundError:  # run from a checkout without the package installed
    sys.path.insert(0, str(ROOT / "gui"))
    from mailtester.detect.autoconfig import ConfigError, ProviderConfig, parse_config

DEFAULT_SNAPSHOT = ROOT / "packaging" / "ispdb"
DEFAULT_OUTPUT = ROOT / "resources" / "providers" / "ispdb.json"
LICENSE_NAME = "ISPDB-LICENSE"
UPSTREAM = "https://github.com/thunderbird/autoconfig"
FORMAT = 1


def upstream_commit(snapshot: Path) -> str:
    text = (snapshot / "SOURCE.md").read_text(encoding="utf-8")
    found = re.search(r"\b[0-9a-f]{40}\b", text)
    if found is None:
        raise SystemExit(f"{snapshot / 'SOURCE.md'} names no upstream commit (40 hex digits)")
    return found.group(0)


def server_dict(config: ProviderConfig) -> list[dict[str, object]]:
    return [{"protocol": s.protocol.value, "host": s.host, "port": s.port, "security": s.security.value,
             "user": s.user, "auth": list(s.auth)} for s in config.servers]


def convert(snapshot: Path) -> str:
    commit = upstream_commit(snapshot)
    providers: dict[str, dict[str, object]] = {}
    domains: dict[str, str] = {}
    for path in sorted(snapshot.glob("*.xml")):
        try:
            config = parse_config(path.read_bytes())
        except ConfigError as exc:
            raise SystemExit(f"{path.name}: {exc}") from None
        key = path.name.removesuffix(".xml")
        providers[key] = {"id": config.id, "name": config.name, "servers": server_dict(config)}
        for domain in config.domains:
            if domain in domains:  # none in the snapshot: a new one needs a person to decide
                raise SystemExit(f"{domain} is in both {domains[domain]}.xml and {path.name}")
            domains[domain] = key
    header = {
        "format": FORMAT,
        "about": "Mail server settings by domain, converted by packaging/convert_ispdb.py from Thunderbird's "
                 "ISPDB (the ispdb/ folder of the repository below, at the commit below). This file is a "
                 "modification of those files and is covered by the Mozilla Public License 2.0 "
                 f"({LICENSE_NAME} beside this file); the source form is at the upstream commit.",
        "license": "MPL-2.0",
        "license_file": LICENSE_NAME,
        "upstream": UPSTREAM,
        "commit": commit,
        "source": f"{UPSTREAM}/tree/{commit}/ispdb",
    }
    # One provider and one domain per line: compact, and a new snapshot gives a readable diff.
    lines = ["{"]
    lines += [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in header.items()]
    lines.append(' "providers": {')
    lines.append(",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False, separators=(',', ':'))}"
                            for k, v in providers.items()))
    lines.append(" },")
    lines.append(' "domains": {')
    lines.append(",\n".join(f"  {json.dumps(d)}: {json.dumps(domains[d])}" for d in sorted(domains)))
    lines.append(" }")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)  # the writer above must give valid JSON
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--snapshot", type=Path, default=DEFAULT_SNAPSHOT, help="folder of the ISPDB XML files")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the JSON file to write")
    parser.add_argument("--license-output", type=Path, help=f"where to copy the licence (default: {LICENSE_NAME} "
                                                            "beside the output)")
    args = parser.parse_args(argv)
    if not (args.snapshot / "SOURCE.md").is_file():
        raise SystemExit(f"no ISPDB snapshot at {args.snapshot} (SOURCE.md is missing)")
    text = convert(args.snapshot)
    args.output.write_bytes(text.encode("utf-8"))
    shutil.copyfile(args.snapshot / "LICENSE", args.license_output or args.output.with_name(LICENSE_NAME))
    print(f"wrote {args.output} ({len(text.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
