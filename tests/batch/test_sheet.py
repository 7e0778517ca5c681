"""Reading sheets: aliases (including the migration sheets), bad input, secrets, caps. No server."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest

from mailtester.batch import BatchInputError, Secrets, read_sheet
from mailtester.batch.engine import host_cap, pick_candidate
from mailtester.batch.outputs import _formula_safe
from mailtester.batch.secrets import SecretUnavailable
from mailtester.detect.candidates import Candidate, DetectResult
from mailtester.protocol.kinds import Protocol, Security


def test_microsoft_imap_migration_csv() -> None:
    sheet = read_sheet(text="EmailAddress,UserName,Password\r\nann@example.org,ANN\\ann,s3cret ;x\r\n")
    assert sheet.columns == {"email": "EmailAddress", "user": "UserName", "password": "Password"}
    row = sheet.rows[0]
    assert (row.email, row.user, row.values["Password"]) == ("ann@example.org", "ANN\\ann", "")
    assert sheet.holds_passwords and sheet.passwords[1].reveal() == "s3cret ;x"
    assert "s3cret" not in repr(sheet)


def test_google_workspace_bulk_upload_xlsx(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["First Name [Required]", "Last Name [Required]", "Email Address [Required]", "Password [Required]",
               "Password Hash Function [UPLOAD ONLY]", "Org Unit Path [Required]", "Port"])
    ws.append(["Ann", "Lee", "ann@example.org", "pw-1", None, "/", 587])
    ws.append([None] * 7)  # an empty row is skipped
    ws.append(["Bob", "Ng", "bob@example.org", None, None, "/", None])
    book.save(tmp_path / "users.xlsx")
    sheet = read_sheet(tmp_path / "users.xlsx")
    assert sheet.columns == {"email": "Email Address [Required]", "password": "Password [Required]", "port": "Port"}
    assert [r.email for r in sheet.rows] == ["ann@example.org", "bob@example.org"]
    assert sheet.rows[0].port == 587 and sheet.rows[1].number == 2  # the n-th account, empty rows not counted
    assert list(sheet.passwords) == [1]


def test_imapsync_file_is_the_source_account_over_imap() -> None:
    sheet = read_sheet(text="# comment\nimap.old.example;joe;pw;imap.new.example;joe2;pw2;\n")
    row = sheet.rows[0]
    assert (row.host, row.email, row.protocol) == ("imap.old.example", "joe", "imap")
    # A mapping checks the destination side instead.
    dest = read_sheet(text="host1;user1;password1;host2;user2;password2\nh1;u1;p1;h2.example;u2;p2\n",
                      mapping={"email": "user2", "host": "host2", "password": "password2"})
    assert (dest.rows[0].host, dest.rows[0].email, dest.passwords[1].reveal()) == ("h2.example", "u2", "p2")


def test_semicolons_bom_and_references() -> None:
    sheet = read_sheet(text="\ufeffLogin;Secret;Server;Security;Protocol;Auth\nx@y.example;env:X_PW;mail.y.example;"
                            "SSL;POP;login\n")
    row = sheet.rows[0]
    assert (row.email, row.password_ref, row.host, row.security, row.protocol, row.mechanism) == (
        "x@y.example", "env:X_PW", "mail.y.example", "tls", "pop3", "LOGIN")
    assert not sheet.holds_passwords


@pytest.mark.parametrize(("text", "error", "words"), [
    ("", "batch.empty", "empty"),
    ("name,phone\nAnn,123\n", "batch.no-email-column", "e-mail addresses"),
    ("email,port\na@b.example,http\n", "batch.bad-cell", "Row 1, port"),
    ("email,port\na@b.example,70000\n", "batch.bad-cell", "65535"),
    ("email,host\na@b.example,smtp://x\n", "batch.bad-cell", "Row 1, host"),
    ("email,security\na@b.example,maybe\n", "batch.bad-cell", "tls, starttls or none"),
    ("email,password_ref\na@b.example,keyring:x\n", "batch.bad-cell", "env:VARIABLE"),
    ("email,password\n,pw\n", "batch.bad-cell", "no address"),
])
def test_bad_sheets_say_what_is_wrong(text: str, error: str, words: str) -> None:
    with pytest.raises(BatchInputError) as info:
        read_sheet(text=text)
    assert info.value.id == error and words in str(info.value)


def test_files_that_are_not_sheets(tmp_path: Path) -> None:
    (tmp_path / "latin1.csv").write_bytes("email\nj\xf6rg@x.example\n".encode("latin-1"))
    (tmp_path / "fake.xlsx").write_bytes(b"not a zip")
    for name, error in (("latin1.csv", "batch.not-utf8"), ("fake.xlsx", "batch.bad-xlsx"),
                        ("missing.csv", "batch.unreadable")):
        with pytest.raises(BatchInputError) as info:
            read_sheet(tmp_path / name)
        assert info.value.id == error


async def test_secret_references(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good, loose = tmp_path / "good", tmp_path / "loose"
    for path in (good, loose):
        path.write_text("from-file\n")
    good.chmod(0o600)
    loose.chmod(0o644)
    monkeypatch.setenv("MT_BATCH_PW", "from-env")
    sheet = read_sheet(text=f"email,password_ref\na@x.example,env:MT_BATCH_PW\nb@x.example,file:{good}\n"
                            f"c@x.example,file:{loose}\nd@x.example,prompt\ne@x.example,prompt\n"
                            "f@x.example,env:MT_BATCH_UNSET\n")
    asked: list[str] = []

    async def prompt(ref: str) -> str:
        asked.append(ref)
        return "typed"

    secrets = Secrets(prompt)
    await secrets.prepare(sheet)
    await secrets.prepare(sheet)
    assert asked == ["prompt"]  # once per reference, however many rows and runs
    rows = sheet.rows
    assert [secrets.resolve(sheet, r).reveal() for r in (rows[0], rows[1], rows[3], rows[4])] == [
        "from-env", "from-file", "typed", "typed"]
    for row, error in ((rows[2], "batch.secret-file-open"), (rows[5], "batch.secret-env")):
        with pytest.raises(SecretUnavailable) as info:
            secrets.resolve(sheet, row)
        assert info.value.id == error and "from-" not in str(info.value)
    assert oct(os.stat(loose).st_mode & 0o777) == "0o644"  # refused, not "fixed"


def test_public_providers_cap_connections_per_host() -> None:
    assert host_cap("smtp.gmail.com", 8) == 2
    assert host_cap("imap.gmail.com", 50) == 2  # the flag cannot raise it
    assert host_cap("outlook.office365.com", 1) == 1  # but can lower it
    assert host_cap("mail.example.org", 8) == 8


def test_detected_servers_from_insecure_sources_get_no_password() -> None:
    def cand(host: str, insecure: bool) -> Candidate:
        return Candidate(protocol=Protocol.SMTP, host=host, port=465, security=Security.TLS, user="u",
                         source="x", confirmed=False, insecure=insecure, certificate=None)

    result = DetectResult("u@x.example", "x.example", (), (cand("srv.x.example", True), cand("ok.x.example", False)),
                          ())
    assert pick_candidate(result, Protocol.SMTP).host == "ok.x.example"  # type: ignore[union-attr]
    assert pick_candidate(DetectResult("u@x.example", "x.example", (), (cand("a", True),), ()), Protocol.SMTP) is None
    assert pick_candidate(result, Protocol.IMAP) is None


def test_csv_cells_from_servers_are_not_formulas() -> None:
    assert _formula_safe("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _formula_safe("-ERR [AUTH] no") == "'-ERR [AUTH] no"
    assert _formula_safe("535 5.7.8 no") == "535 5.7.8 no"


def test_rows_that_did_not_run_are_explained_in_turkish_too(tmp_path: Path) -> None:
    from mailtester.batch import ResultWriters, RowResult, RowStatus
    from mailtester.batch.engine import BatchSummary
    from mailtester.batch.texts import ROW_TEXTS, row_text

    assert set(ROW_TEXTS["tr"]) == set(ROW_TEXTS["en"])
    assert row_text("batch.secret-env", "tr", name="MT_PW") == "MT_PW ortam değişkeni tanımlı değil ya da boş."
    sheet = read_sheet(text="email\na@x.example\n")
    writers = ResultWriters(sheet, html_path=str(tmp_path / "r.html"), lang="tr")
    result = RowResult(sheet.rows[0], RowStatus.DEFERRED, None, "batch.deferred", None, None,
                       row_text("batch.deferred", "tr"))
    summary = BatchSummary()
    summary.add(result)
    writers.write(result)
    writers.close(summary)
    page = (tmp_path / "r.html").read_text()
    assert "Ertelendi" in page and "İlgilenilmesi gereken satırlar" in page and "1. satır" in page
    assert "Denenmedi: bu sunucu" in page


def test_quoted_cells_keep_separators_and_line_breaks() -> None:
    sheet = read_sheet(text='email,notes,password\n"a@x.example","two\nlines, and a comma","p,w;1"\n\n# done\n')
    assert len(sheet.rows) == 1 and sheet.rows[0].values["notes"] == "two\nlines, and a comma"
    assert sheet.passwords[1].reveal() == "p,w;1"


@pytest.mark.parametrize("text", [
    "Mitarbeiter;Kennwort;Rechner\nann@example.org;pw;mail.example.org\n",  # a header the aliases do not know
    "mail.example.org;Passwort;Server\nann@example.org;pw;mail.example.org\n",  # a first cell that is a name
    "Name;Konto;Kennwort\nAnn;ann;pw\n",
])
def test_a_header_row_is_not_taken_for_an_imapsync_line(text: str) -> None:
    """imapsync's lines are host;user;password;…: a first row that is a header (whatever it names) is shown
    as one, to be mapped, and the headers come as a list."""
    with pytest.raises(BatchInputError) as info:
        read_sheet(text=text)
    assert info.value.id == "batch.no-email-column"
    assert info.value.headers == text.partition("\n")[0].split(";")


def test_an_imapsync_file_needs_every_line_in_its_shape() -> None:
    """host;user;password with a host name in each line's first and fourth cell (when there is one)."""
    sheet = read_sheet(text="imap.old.example;ann;pw1;imap.new.example;ann;pw2;\n"
                            "imap.old.example;bob;pw3;imap.new.example;bob;pw4;\n")
    assert [(r.host, r.email) for r in sheet.rows] == [("imap.old.example", "ann"), ("imap.old.example", "bob")]
    assert read_sheet(text="192.0.2.7;ann;pw;\n").rows[0].host == "192.0.2.7"
    with pytest.raises(BatchInputError) as info:  # a line that is not an account: the first is a header
        read_sheet(text="imap.old.example;Benutzer;Kennwort\nimap.old.example;ann\n")
    assert info.value.id == "batch.no-email-column"
