"""A hostile server's words reach the batch's outputs neutralised: no markup in the HTML, no terminal
control in any file, no spreadsheet formula in the CSV."""

from __future__ import annotations

import csv
import ssl
from pathlib import Path

from mailtester.batch import BatchOptions, BatchRun, ResultWriters, RowStatus, Secrets, read_sheet
from tests.servers.scripted import Conn, ScriptedServer

EVIL = "=HYPERLINK(\"http://evil.test\") <script>alert(1)</script> <img src=x> \x1b[2J\x1b]0;owned\x07 \u202edrow"


async def hostile_pop3(conn: Conn) -> None:
    await conn.send(f"+OK {EVIL}\r\n")
    while line := await conn.line():
        word = line.split(b" ", 1)[0].strip().upper()
        reply = {b"CAPA": "+OK\r\nUSER\r\n.\r\n", b"USER": "+OK\r\n", b"QUIT": "+OK bye\r\n"}.get(
            word, f"-ERR {EVIL}\r\n")
        await conn.send(reply)


async def test_server_words_are_neutral_in_every_output(server_tls: ssl.SSLContext, ca_file: str,
                                                        tmp_path: Path) -> None:
    async with ScriptedServer(hostile_pop3, server_tls) as srv:
        sheet = read_sheet(text=f"email,password,host,port,security,protocol\n"
                                f"a@evil.test,pw-a,localhost,{srv.port},tls,pop3\n")
        paths = {k: str(tmp_path / f"r.{k}") for k in ("csv", "jsonl", "html")}
        writers = ResultWriters(sheet, csv_path=paths["csv"], jsonl_path=paths["jsonl"], html_path=paths["html"])
        summary = await BatchRun(sheet, BatchOptions(ca_file=ca_file), Secrets()).run(writers.write)
        writers.close(summary)
    assert summary.counts == {RowStatus.REFUSED.value: 1}  # a -ERR to PASS: the credentials were refused
    texts = {k: Path(p).read_text() for k, p in paths.items()}
    for name, text in texts.items():
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text, name
    assert "<script>" not in texts["html"] and "<img" not in texts["html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in texts["html"]
    (row,) = csv.DictReader(texts["csv"].splitlines())
    assert row["reply"].startswith("'-ERR") and "HYPERLINK" in row["reply"]
    assert all(not v.startswith(("=", "+", "-", "@")) for v in row.values())
