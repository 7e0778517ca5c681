"""`mailtester batch` end to end, as a separate process: outputs, terminal, exit codes, Ctrl+C."""

from __future__ import annotations

import csv
import json
import os
import pty
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.batch.conftest import password_of, user
from tests.secret_search import find_secrets
from tests.servers.postfix import DOMAIN, PostfixServer

pytestmark = pytest.mark.postfix


def batch(*args: str, env: dict[str, str] | None = None, stderr_tty: bool = False) -> tuple[int, str, str]:
    """Run the command; with stderr_tty its standard error is a terminal (for the progress bar)."""
    cmd = [sys.executable, "-m", "mailtester", "batch", *args]
    if "--lang" not in args:
        cmd += ["--lang", "en"]  # the words these tests look for
    full_env = {**os.environ, **(env or {}), "COLUMNS": "100"}
    if not stderr_tty:
        p = subprocess.run(cmd, capture_output=True, text=True, env=full_env, timeout=120, stdin=subprocess.DEVNULL)
        return p.returncode, p.stdout, p.stderr
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL, env=full_env)
    os.close(slave)
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    out, _ = proc.communicate(timeout=120)
    reader.join(timeout=10)
    os.close(master)
    return proc.returncode, out.decode(), b"".join(chunks).decode(errors="replace")


def test_every_secret_form_and_three_outputs_without_a_password(many: PostfixServer, tmp_path: Path) -> None:
    secrets: list[str] = []
    rows = [["EmailAddress", "Password", "password_ref", "Server", "Port", "Security"]]
    env: dict[str, str] = {}
    for n, i in enumerate(range(200, 224)):
        right = n % 3 != 2
        pw = password_of(i) if right else f"Not-{password_of(i)}"
        secrets.append(pw)
        form = n % 3 if right else n % 2  # plain, env, file for right passwords; plain or env for wrong ones
        ref = ""
        if form == 1:
            env[f"MT_BATCH_{i}"] = pw
            ref, pw = f"env:MT_BATCH_{i}", ""
        elif form == 2:
            path = tmp_path / f"pw{i}"
            path.write_text(pw + "\n")
            path.chmod(0o600)
            ref, pw = f"file:{path}", ""
        rows.append([user(i), pw, ref, "localhost", str(many.submission), "STARTTLS"])
    sheet = tmp_path / "accounts.csv"
    with open(sheet, "w", newline="") as f:
        csv.writer(f).writerows(rows)
    out_csv, out_jsonl, out_html = tmp_path / "r.csv", tmp_path / "r.jsonl", tmp_path / "r.html"
    code, stdout, stderr = batch(str(sheet), "--out", str(out_csv), "--jsonl", str(out_jsonl), "--html",
                                 str(out_html), "--ca-file", str(many.ca_file), env=env, stderr_tty=True)
    assert code == 1, (stdout, stderr)  # some rows were refused
    refused = sum(1 for n in range(24) if n % 3 == 2)
    assert "24 rows in " in stdout and f"{24 - refused} ok" in stdout and f"{refused} refused" in stdout
    assert stderr.count("holds passwords in plain text (column Password)") == 1
    assert f"refused {refused}" in stderr and "/s" in stderr and "left" in stderr  # the progress bar

    table = list(csv.DictReader(out_csv.open()))
    assert [r["EmailAddress"] for r in table] != [] and len(table) == 24
    assert all(r["Password"] == "" for r in table)
    assert {r["EmailAddress"]: r["status"] for r in table} == {
        user(i): ("refused" if n % 3 == 2 else "ok") for n, i in enumerate(range(200, 224))}
    assert all(r["ok"] == ("yes" if r["status"] == "ok" else "no") and r["protocol"] == "smtp" for r in table)
    assert {r["stage"] for r in table} == {"done", "auth"} and all(r["checked_at"] and r["elapsed"] for r in table)
    assert {r["diagnosis_id"] for r in table if r["status"] == "refused"} == {"auth.credentials-rejected"}
    assert all(r["reply"].startswith("535 5.7.8") for r in table if r["status"] == "refused")

    lines = [json.loads(line) for line in out_jsonl.read_text().splitlines()]
    assert sorted(x["row"] for x in lines) == list(range(1, 25))
    assert all(x["schema"] == 2 and x["timeline"] and x["settings"]["port"] == many.submission for x in lines)

    page = out_html.read_text()
    assert "<script" not in page and "http://" not in page.split("<h2>Rows")[0]  # self-contained
    assert f'<td class="n">{refused}</td>' in page and DOMAIN in page and page.count("<details") == 24
    for name, text in (("csv", out_csv.read_text()), ("jsonl", out_jsonl.read_text()), ("html", page),
                       ("stdout", stdout), ("stderr", stderr)):
        assert find_secrets(text, secrets) == [], name
    for path in (out_csv, out_jsonl, out_html):
        assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".mailtester")] == []


def test_plain_terminal_output_and_usage_errors(many: PostfixServer, tmp_path: Path) -> None:
    sheet = tmp_path / "a.csv"
    sheet.write_text(f"user;pass;host;port\n{user(224)};{password_of(224)};localhost;{many.submission}\n")
    code, stdout, stderr = batch(str(sheet), "--ca-file", str(many.ca_file))
    assert code == 0 and f"row     1  {user(224)}  ok" in stdout and "\r" not in stderr  # no bar: not a terminal
    assert find_secrets(stdout + stderr, [password_of(224)]) == []
    code, stdout, stderr = batch(str(sheet), "--ca-file", str(many.ca_file), "--lang", "tr", "--out",
                                 str(tmp_path / "r.csv"))
    assert code == 0 and "1 satır, " in stdout and "parolalar düz metin olarak duruyor (pass sütunu)" in stderr
    (tmp_path / "bad.csv").write_text("name\nx\n")
    for args, words in (([str(tmp_path / "bad.csv")], "No column of e-mail addresses"),
                        ([str(sheet), "--per-host", "0"], "--per-host must be"),
                        ([str(sheet), "--out", str(tmp_path / "no" / "r.csv")], "does not exist"),
                        ([str(sheet), "--out", str(sheet)], "the input sheet itself"),
                        ([str(tmp_path / "prompt.csv")], "no terminal")):
        (tmp_path / "prompt.csv").write_text("email,password_ref\na@x.example,prompt\n")
        code, _out, err = batch(*args)
        assert code == 2 and words in err, (args, err)


def test_ctrl_c_ends_cleanly_with_every_row_written(many: PostfixServer, tmp_path: Path) -> None:
    silent = socket.create_server(("127.0.0.1", 0))  # never greets
    port = silent.getsockname()[1]
    sheet = tmp_path / "a.csv"
    lines = ["email,password,host,port"] + [f"{user(i)},{password_of(i)},127.0.0.1,{port}" for i in range(225, 240)]
    sheet.write_text("\n".join(lines) + "\n")
    out = tmp_path / "r.csv"
    proc = subprocess.Popen([sys.executable, "-m", "mailtester", "batch", str(sheet), "--out", str(out),
                             "--per-host", "2", "--ca-file", str(many.ca_file), "--lang", "en"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    try:
        silent.settimeout(20)
        held = [silent.accept()[0] for _ in range(2)]  # the first two checks are waiting for a greeting
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=20)
    finally:
        silent.close()
        for conn in locals().get("held", []):
            conn.close()
    assert time.monotonic() - started < 5
    assert proc.returncode == 130 and "Traceback" not in stderr and "(stopped)" in stdout
    table = list(csv.DictReader(out.open()))
    assert len(table) == 15 and {r["status"] for r in table} == {"cancelled"}
    assert sum(r["elapsed"] != "" for r in table) == 2  # the two that were running


def test_an_excel_workbook_with_google_workspace_headers(many: PostfixServer, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["First Name [Required]", "Email Address [Required]", "Password [Required]", "Server", "Port",
               "Protocol"])
    ws.append(["Ann", user(265), password_of(265), many.mail_host, many.imap, "IMAP"])
    ws.append(["Bob", user(266), "not-" + password_of(266), "127.0.0.1", many.submission, "SMTP"])
    book.save(tmp_path / "users.xlsx")
    out = tmp_path / "r.csv"
    code, stdout, stderr = batch(str(tmp_path / "users.xlsx"), "--out", str(out), "--ca-file", str(many.ca_file))
    assert code == 1, stderr
    table = sorted(csv.DictReader(out.open()), key=lambda r: r["First Name [Required]"])  # rows come as they end
    assert [(r["First Name [Required]"], r["Password [Required]"], r["protocol"], r["status"]) for r in table] == [
        ("Ann", "", "imap", "ok"), ("Bob", "", "smtp", "refused")]
    assert find_secrets(out.read_text() + stdout + stderr, [password_of(265), "not-" + password_of(266)]) == []


def test_one_row_is_counted_as_one_row(tmp_path: Path) -> None:
    sheet = tmp_path / "one.csv"
    sheet.write_text("email,password_ref,host,port,security\nsomeone@example.test,env:NOPE,127.0.0.1,1,tls\n")
    code, stdout, _ = batch(str(sheet), "--quiet", "--lang", "en", env={"NOPE": "x"})
    assert code == 1 and "1 row in " in stdout and "1 rows" not in stdout, stdout
