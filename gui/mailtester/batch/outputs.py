"""The batch's outputs, written as rows finish (nothing is collected in memory):

- CSV: the sheet's columns (the plain password column blanked) plus the result columns;
- JSON Lines: one check JSON (knowledge/report.py's) per row, plus "row", "status" and "email", and
  for a row that logged in with OAuth2 the "oauth" part `check --oauth --json` gives (never a token);
- HTML: a self-contained summary (no external resources): counts per outcome and per domain, then
  each row's diagnosis and redacted timeline. The rows go to a private temporary file as they come,
  and close() puts the counts above them.

Every file is created readable by the user only: it names servers, users and what they said.
Server words reach the files only as the driver shows them (control characters as visible marks),
HTML-escaped in the HTML, and defused against spreadsheet formulas in the CSV.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import tempfile
from collections.abc import Iterable
from typing import Any

from ..knowledge.report import open_private
from ..protocol.replies import show_controls
from .engine import BatchSummary, RowResult, RowStatus
from .sheet import Sheet
from .texts import html_text

RESULT_COLUMNS = ("ok", "status", "protocol", "server", "stage", "diagnosis_id", "reply", "elapsed", "checked_at")
STATUS_ORDER = [RowStatus.OK, RowStatus.REFUSED, RowStatus.FAILED, RowStatus.NO_SERVER, RowStatus.DEFERRED,
                RowStatus.CANCELLED]

def _formula_safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP's CSV injection advice)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def reply_text(result: RowResult) -> str:
    """The deciding reply in one line: "535 5.7.8 Error: ...", "NO [AUTHENTICATIONFAILED] ...", "-ERR ..."."""
    r = result.report.result.outcome.reply if result.report is not None else None
    if r is None:
        return result.detail
    head = str(r.code) if r.code is not None else " ".join(x for x in (r.status, f"[{r.response_code}]"
                                                                       if r.response_code else "") if x)
    return show_controls(" ".join([head, *r.lines]).strip())


def result_fields(result: RowResult) -> dict[str, str]:
    report, s = result.report, result.settings
    server = f"{s.host}:{s.effective_port}" if s is not None else ""
    return {
        "ok": "yes" if result.status is RowStatus.OK else "no",
        "status": result.status.value,
        "protocol": s.protocol.value if s is not None else "",
        "server": server,
        "stage": report.result.outcome.stage.value if report is not None else "",
        "diagnosis_id": result.diagnosis_id or "",
        "reply": reply_text(result),
        "elapsed": f"{result.elapsed:.3f}" if result.elapsed is not None else "",
        "checked_at": result.checked_at.isoformat(timespec="seconds") if result.checked_at else "",
    }


class CsvWriter:
    def __init__(self, path: str, sheet: Sheet) -> None:
        self._f = open_private(path, newline="")
        taken = set(sheet.headers)
        self._names = {c: (c if c not in taken else f"mailtester_{c}") for c in RESULT_COLUMNS}
        self._headers = sheet.headers
        self._csv = csv.writer(self._f)
        self._csv.writerow([*sheet.headers, *self._names.values()])
        self._f.flush()

    def write(self, result: RowResult) -> None:
        fields = result_fields(result)
        values = result.row.values  # the password cell is blank already (sheet.py)
        self._csv.writerow([values.get(h, "") for h in self._headers]
                           + [_formula_safe(fields[c]) for c in RESULT_COLUMNS])
        self._f.flush()

    def close(self) -> None:
        self._f.close()


def row_json(result: RowResult) -> dict[str, Any]:
    """The check JSON of the row (or, for a row that never connected, what is known), with its number."""
    if result.report is not None:
        out = result.report.as_dict()
        if result.oauth is not None:
            out["oauth"] = result.oauth
    else:
        s = result.settings
        out = {"schema": 2, "protocol": s.protocol.value if s else None, "ok": False, "stage": None,
               "reply": None, "diagnosis": {"id": result.diagnosis_id, "explanation": result.detail},
               "timeline": [], "settings": s.public_dict() if s else None, "elapsed": result.elapsed}
    return {"row": result.row.number, "email": result.row.email, "status": result.status.value, **out}


class JsonlWriter:
    def __init__(self, path: str) -> None:
        self._f = open_private(path, newline="")

    def write(self, result: RowResult) -> None:
        self._f.write(json.dumps(row_json(result), ensure_ascii=False) + "\n")
        self._f.flush()

    def close(self) -> None:
        self._f.close()


_CSS = ("body{font-family:sans-serif;margin:2em auto;padding:0 1.5em;max-width:70em;color:#222}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .7em;"
        "text-align:left;vertical-align:top}th{background:#f0f0f0}td.n{text-align:right}"
        "pre{background:#f6f6f6;padding:.7em;overflow-x:auto;white-space:pre-wrap}"
        "details{border-bottom:1px solid #ddd;padding:.3em 0}summary{cursor:pointer}"
        ".ok{color:#1a7f37}.refused,.failed,.no-server{color:#c62828}.deferred,.cancelled{color:#9a6700}"
        ".mark{font-weight:bold;display:inline-block;min-width:6.5em}")


class HtmlWriter:
    def __init__(self, path: str, lang: str = "en") -> None:
        self._path, self._lang = path, lang
        self._title = html_text("title", lang)
        folder = os.path.dirname(os.path.abspath(path))
        fd, self._tmp = tempfile.mkstemp(prefix=".mailtester-rows-", suffix=".html", dir=folder)
        self._rows = open(fd, "wb")  # noqa: SIM115 (mkstemp: 0600 already; closed in close())
        # Where each row's section is in the temporary file: close() copies them in sheet order,
        # the rows that need attention first.
        self._index: list[tuple[bool, int, int, int]] = []  # (ok, row number, offset, length)
        self._titles: dict[str, str] = {}  # diagnosis id -> its title (or, for batch ids, the reason)

    def _text(self, key: str) -> str:
        return html_text(key, self._lang)

    def write(self, result: RowResult) -> None:
        e = html.escape
        row, report = result.row, result.report
        status = result.status.value
        t = self._text
        head = (f'<span class="mark {status}">{e(t(status))}</span> '
                f"{e(t('row').format(number=row.number))}: {e(row.email)}")
        if result.settings is not None:
            s = result.settings
            head += f" — {e(s.host)}:{s.effective_port} ({e(s.protocol.value)})"
        if result.diagnosis_id:
            head += f" — <code>{e(result.diagnosis_id)}</code>"
        parts = [f'<details id="row-{row.number}"><summary>{head}</summary>']
        d = report.diagnosis if report is not None else None
        if d is not None:
            parts.append(f"<p><strong>{e(d.title)}</strong></p><p>{e(d.explanation)}</p>")
            if d.server_said:
                parts.append(f"<p>{e(t('said'))}</p><pre>" + e("\n".join(d.server_said)) + "</pre>")
            if d.fixes:
                parts.append("<ol>" + "".join(f"<li>{e(f)}</li>" for f in d.fixes) + "</ol>")
        elif report is None and result.detail:
            parts.append(f"<p>{e(result.detail)}</p>")
        if report is not None:
            from ..knowledge.report import transcript_line

            parts.append("<pre>" + e("\n".join(transcript_line(t) for t in report.result.timeline)) + "</pre>")
        parts.append("</details>\n")
        data = "".join(parts).encode("utf-8")
        self._index.append((result.status is RowStatus.OK, row.number, self._rows.tell(), len(data)))
        self._rows.write(data)
        if result.diagnosis_id and result.diagnosis_id not in self._titles:
            self._titles[result.diagnosis_id] = d.title if d is not None else result.detail

    def close(self, summary: BatchSummary) -> None:
        e = html.escape
        self._rows.close()
        statuses = [s.value for s in STATUS_ORDER]
        out = io.StringIO()
        out.write(f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{e(self._title)}</title>'
                  f"<style>{_CSS}</style></head><body><h1>{e(self._title)}</h1>\n")
        t = self._text
        note = t("stopped") if summary.stopped else ""
        out.write(f"<p>{e(t('rows').format(total=summary.total, seconds=f'{summary.elapsed:.1f}'))}{e(note)}.</p>\n")
        if summary.throttled_hosts:
            out.write(f"<p>{e(t('throttled'))} "
                      + ", ".join(f"<code>{e(h)}</code>" for h in summary.throttled_hosts) + "</p>\n")
        out.write(f"<h2>{e(t('outcomes'))}</h2><table><tr><th>{e(t('outcome'))}</th><th>{e(t('count'))}</th></tr>"
                  + "".join(f'<tr><td class="{s}">{e(t(s))}</td><td class="n">{summary.counts[s]}</td>'
                            "</tr>" for s in statuses if summary.counts[s]) + "</table>\n")
        if summary.diagnoses:
            out.write(f"<h2>{e(t('diagnoses'))}</h2><table><tr><th>{e(t('diagnosis'))}</th><th>{e(t('id'))}</th>"
                      f"<th>{e(t('count'))}</th></tr>"
                      + "".join(f'<tr><td>{e(self._titles.get(k, ""))}</td><td><code>{e(k)}</code></td>'
                                f'<td class="n">{v}</td></tr>' for k, v in summary.diagnoses.most_common())
                      + "</table>\n")
        shown = [s for s in statuses if summary.counts[s]]
        out.write(f"<h2>{e(t('domains'))}</h2><table><tr><th>{e(t('domain'))}</th>"
                  + "".join(f"<th>{e(t(s))}</th>" for s in shown) + "</tr>"
                  + "".join(f"<tr><td>{e(d)}</td>" + "".join(f'<td class="n">{c[s] or ""}</td>' for s in shown)
                            + "</tr>" for d, c in sorted(summary.domains.items())) + "</table>\n")
        self._index.sort()
        with open_private(self._path, newline="") as f, open(self._tmp, "rb") as rows:
            f.write(out.getvalue())
            for i, (ok, _number, offset, length) in enumerate(self._index):
                if i == 0 or ok != self._index[i - 1][0]:
                    f.write(f"<h2>{e(t('fine' if ok else 'attention'))}</h2>\n")
                rows.seek(offset)
                f.write(rows.read(length).decode("utf-8"))
            f.write("</body></html>\n")
        os.unlink(self._tmp)

    def discard(self) -> None:
        self._rows.close()
        if os.path.exists(self._tmp):
            os.unlink(self._tmp)


class ResultWriters:
    """The outputs asked for (any of CSV, JSON Lines, HTML), fed each row as it finishes."""

    def __init__(self, sheet: Sheet, *, csv_path: str | None = None, jsonl_path: str | None = None,
                 html_path: str | None = None, lang: str = "en") -> None:
        self._csv = CsvWriter(csv_path, sheet) if csv_path else None
        self._jsonl = JsonlWriter(jsonl_path) if jsonl_path else None
        self._html = HtmlWriter(html_path, lang) if html_path else None

    def _all(self) -> Iterable[CsvWriter | JsonlWriter | HtmlWriter]:
        return [w for w in (self._csv, self._jsonl, self._html) if w is not None]

    def write(self, result: RowResult) -> None:
        for w in self._all():
            w.write(result)

    def close(self, summary: BatchSummary) -> None:
        if self._csv:
            self._csv.close()
        if self._jsonl:
            self._jsonl.close()
        if self._html:
            self._html.close(summary)
