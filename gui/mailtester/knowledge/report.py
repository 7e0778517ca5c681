"""A finished check with its provider and diagnosis, and its JSON form."""

from __future__ import annotations

import json
import os
import re
from typing import IO, TYPE_CHECKING, Any

from ..model import CheckResult, TimelineEntry, endpoint
from ..protocol.record import Record
from .providers import Provider, recognize

if TYPE_CHECKING:  # the diagnosis machinery (rules, texts) loads only for a failure or a warning
    from .diagnose import Diagnosis

# Exit codes of `mailtester check` (documented in the README).
EXIT_OK = 0
# The version of the JSON form (2: protocol, reply status and response code).
SCHEMA = 2


class Warning_(Record):
    """Something true of a success that a person should know (JSON `warnings`)."""

    id: str
    text: str

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "text": self.text}


class Report(Record):
    """A finished check with its provider, diagnosis and warnings."""

    result: CheckResult
    provider: Provider | None
    diagnosis: Diagnosis | None
    warnings: tuple[Warning_, ...] = ()

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.result.ok else (self.diagnosis.exit_code if self.diagnosis else 1)

    def as_dict(self) -> dict[str, Any]:
        r, o = self.result, self.result.outcome
        return {
            "schema": SCHEMA,
            "protocol": r.settings.protocol.value,
            "ok": o.ok,
            "stage": o.stage.value,
            "provider": self.provider.id if self.provider else None,
            "mechanism": o.mechanism,
            "reply": ({"code": o.reply.code, "enhanced": o.reply.enhanced, "status": o.reply.status,
                       "response_code": o.reply.response_code, "lines": list(o.reply.lines)}
                      if o.reply else None),
            "diagnosis": self.diagnosis.as_dict() if self.diagnosis else None,
            "warnings": [w.as_dict() for w in self.warnings],
            "probe": r.probe.as_dict() if r.probe else None,
            "tls": r.tls.as_dict() if r.tls else None,
            "timeline": [{"t": e.t, "dir": e.direction, "tls": e.tls, "text": e.text, "decoded": e.decoded}
                         for e in r.timeline],
            "settings": r.settings.public_dict(),
            "started": r.started,
            "addresses": {"local": r.local_address, "remote": _remote(r)},
            "elapsed": r.elapsed,
        }


def build_report(result: CheckResult, lang: str = "en", surface: str = "cli") -> Report:
    s = result.settings
    server_texts = [e.text for e in result.timeline if e.direction == "S"]
    provider = recognize(s.connect_host, server_texts, s.credentials.user)
    if result.ok:  # a success has no diagnosis: its rules and texts are not loaded
        return Report(result, provider, None, _warnings(result, lang))
    from .diagnose import Facts, diagnose

    facts = Facts(outcome=result.outcome, security=s.security, port=s.effective_port, provider=provider,
                  tls_failure=result.tls_failure.kind if result.tls_failure else None, protocol=s.protocol,
                  probe=result.probe)
    return Report(result, provider, diagnose(facts, host=s.host, user=s.credentials.user, lang=lang, surface=surface))


def _warnings(result: CheckResult, lang: str) -> tuple[Warning_, ...]:
    """On success: the password crossed the network in clear, or the success rests on a pinned certificate."""
    if result.tls is not None and result.tls.verified:
        return ()  # the usual success: no texts to load
    from .diagnose import warning_texts

    words = warning_texts(lang)
    if result.tls is None:
        key = "plaintext-starttls" if result.outcome.starttls_offered else "plaintext"
        return (Warning_("security.plaintext-auth", words[key].format(port=result.settings.effective_port)),)
    return (Warning_("tls.pinned-certificate", words["pinned"]),)


def _environment() -> dict[str, str]:
    import platform

    from .. import __version__

    return {"tool": f"Mail Account Tester {__version__}",
            "platform": f"{platform.system()} {platform.release()} ({platform.machine()}), "
                        f"Python {platform.python_version()}"}


def _verdict(report: Report) -> str:
    s = report.result.settings
    if report.result.ok:
        can = "receive mail" if s.protocol.incoming else "send"
        return (f"This account can log in and {can}: {s.host} port {s.effective_port} "
                f"({s.protocol.value.upper()}, {s.security.value}) accepted {s.credentials.user} with "
                f"{report.result.outcome.mechanism}.")
    assert report.diagnosis is not None
    return f"{report.diagnosis.title} [{report.diagnosis.id}]"


_SECURITY_WORDS = {"tls": "SSL/TLS", "starttls": "STARTTLS", "none": "None (unencrypted)"}
_FAMILY_WORDS = {"any": "Automatic", "ipv4": "IPv4 only", "ipv6": "IPv6 only"}
_METHOD_WORDS = {"auto": "Automatic", "NATIVE": "Normal password (the protocol's own login command)",
                 "APOP": "APOP"}


def _settings_rows(report: Report) -> list[tuple[str, str]]:
    """The settings in the words a person (or a help desk) uses, and where and when the test ran."""
    r, d = report.result, report.result.settings.public_dict()
    rows = [
        ("Protocol", str(d["protocol"]).upper()), ("Server", str(d["host"])), ("Port", str(d["port"])),
        ("Security", _SECURITY_WORDS[str(d["security"])]), ("User name", str(d["user"])),
        ("Method", _METHOD_WORDS.get(str(d["mechanism"]), str(d["mechanism"]))),
        ("Extra CA file", str(d["ca_file"] or "none")), ("Timeout per step", f"{d['timeout']:g} s"),
        ("IP version", _FAMILY_WORDS[str(d["family"])]),
        ("Unencrypted login allowed", "yes" if d["allow_plaintext_auth"] else "no"),
        ("Provider", report.provider.name if report.provider else "not recognized"),
        ("Tested at", r.started or "unknown"),
        ("This computer", r.local_address or "not connected"),
        ("Server address", _remote(r) or "not connected"),
    ]
    return rows


def _remote(r: CheckResult) -> str | None:
    return None if r.address is None else endpoint(r.address, r.settings.effective_port)


def _tls_rows(report: Report) -> list[tuple[str, str]]:
    t = report.result.tls
    if t is None:
        return []
    return [("version", t.version), ("cipher", t.cipher), ("verified", "yes" if t.verified else "NO"),
            ("subject", t.subject), ("issuer", t.issuer), ("names", ", ".join(t.sans)),
            ("expires", t.not_after), ("SHA-256", t.sha256)]


TRANSCRIPT_WORDS = {"asks": "server asks", "answer": "you answer", "not-b64": "not valid base64, shown as sent"}


def transcript_line(e: TimelineEntry, words: dict[str, str] = TRANSCRIPT_WORDS) -> str:
    """One timeline entry as a line of text: time, TLS mark, direction, the line, its decoding."""
    arrow = {"C": "C:", "S": "S:", "-": "  "}[e.direction]
    line = f"{e.t:7.3f}s {'TLS' if e.tls else '   '} {arrow} {e.text}"
    if e.decoded is not None:
        line += f'    <- {words["asks"] if e.direction == "S" else words["answer"]} "{e.decoded}"'
    elif e.flagged:
        line += f"    <- {words['not-b64']}"
    return line


def _transcript(report: Report) -> str:
    return "\n".join(transcript_line(e) for e in report.result.timeline)


# Brackets and backticks are what links, images and code need; * _ ~ make
# emphasis, | breaks tables; # + - start headings and lists at a line start.
_MARKDOWN = re.compile(r"([\\`*_\[\]|~])|^([#+-])")


def _md(text: str) -> str:
    """Text (server words in it included) that Markdown renders as it is: no
    links, images, HTML, emphasis or table breaks."""
    text = " ".join(text.replace("\r", " ").replace("\n", " ").split(" "))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN.sub(lambda m: "\\" + m.group(), text)


def _fence(text: str) -> str:
    """A code fence longer than any backtick run inside, so the transcript cannot close it."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def to_markdown(report: Report) -> str:
    """A redacted report for pasting into a help-desk ticket."""
    d = report.diagnosis
    out = ["# Mail Account Tester report", "", f"**Result:** {_md(_verdict(report))}", ""]
    out += [f"**Warning:** {_md(w.text)}" for w in report.warnings] + ([""] if report.warnings else [])
    if d is not None:
        out += [_md(d.explanation), ""]
        if d.server_said:
            out += ["**The server said**", ""] + [f"> {_md(line)}  " for line in d.server_said] + [""]
        if d.detail:  # the window's diagnoses quote it here instead of inside the explanation
            out += ["**Technical detail**", "", f"> {_md(d.detail)}", ""]
        if d.causes:
            out += ["**Usual causes**", ""] + [f"- {_md(c)}" for c in d.causes] + [""]
        if d.fixes:
            out += ["**What to do**", ""] + [f"{i}. {_md(f)}" for i, f in enumerate(d.fixes, 1)] + [""]
        if d.links:
            out += ["**More help**", ""] + [f"- <{link}>" for link in d.links] + [""]
    out += ["## Settings", "", "| setting | value |", "|---|---|"]
    out += [f"| {_md(k)} | {_md(v)} |" for k, v in _settings_rows(report)]
    tls = _tls_rows(report)
    if tls:
        out += ["", "## TLS", "", "| | |", "|---|---|"] + [f"| {_md(k)} | {_md(v)} |" for k, v in tls]
    transcript = _transcript(report)
    fence = _fence(transcript)
    out += ["", "## Timeline", "", fence, transcript, fence, ""]
    env = _environment()
    out += [f"_{env['tool']} on {env['platform']}_", ""]
    return "\n".join(out)


def to_html(report: Report) -> str:
    import html

    e = html.escape
    d = report.diagnosis
    parts = ["<!DOCTYPE html>", '<html><head><meta charset="utf-8"><title>Mail Account Tester report</title>',
             "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}pre{background:#f4f4f4;"
             "padding:1em;overflow-x:auto}td,th{padding:.2em .8em;text-align:left;vertical-align:top}</style>",
             "</head><body>", "<h1>Mail Account Tester report</h1>",
             f"<p><strong>Result:</strong> {e(_verdict(report))}</p>"]
    parts += [f"<p><strong>Warning:</strong> {e(w.text)}</p>" for w in report.warnings]
    if d is not None:
        parts.append(f"<p>{e(d.explanation)}</p>")
        if d.server_said:
            parts.append("<h3>The server said</h3><blockquote><pre>" + e("\n".join(d.server_said))
                         + "</pre></blockquote>")
        if d.detail:
            parts.append(f"<h3>Technical detail</h3><blockquote><pre>{e(d.detail)}</pre></blockquote>")
        if d.causes:
            parts.append("<h3>Usual causes</h3><ul>" + "".join(f"<li>{e(c)}</li>" for c in d.causes) + "</ul>")
        if d.fixes:
            parts.append("<h3>What to do</h3><ol>" + "".join(f"<li>{e(f)}</li>" for f in d.fixes) + "</ol>")
        if d.links:
            parts.append("<h3>More help</h3><ul>" + "".join(
                f'<li><a href="{e(link)}">{e(link)}</a></li>' for link in d.links) + "</ul>")

    def table(rows: list[tuple[str, str]]) -> str:
        return "<table>" + "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows) + "</table>"

    parts += ["<h2>Settings</h2>", table(_settings_rows(report))]
    if report.result.tls:
        parts += ["<h2>TLS</h2>", table(_tls_rows(report))]
    parts += ["<h2>Timeline</h2>", "<pre>" + e(_transcript(report)) + "</pre>"]
    env = _environment()
    parts += [f"<p><em>{e(env['tool'])} on {e(env['platform'])}</em></p>", "</body></html>"]
    return "\n".join(parts)


def to_json(report: Report) -> str:
    return json.dumps({**report.as_dict(), **_environment()}, ensure_ascii=False, indent=2)


def write_report(report: Report, path: str) -> None:
    """Write the report in the format its file name asks for (.md, .html, .json)."""
    lower = path.lower()
    write_private(path, to_html(report) if lower.endswith((".html", ".htm")) else (
        to_json(report) if lower.endswith(".json") else to_markdown(report)))


def open_private(path: str, newline: str | None = None) -> IO[str]:
    """A text file created (or truncated) readable by the user only: a report names servers, users and
    what they said. The caller closes it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    f = open(fd, "w", encoding="utf-8", newline=newline)  # noqa: SIM115
    if hasattr(os, "fchmod"):
        os.fchmod(f.fileno(), 0o600)  # also when the file existed with wider rights
    return f


def write_private(path: str, text: str) -> None:
    with open_private(path) as f:
        f.write(text)
