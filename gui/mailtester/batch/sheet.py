"""Reading a help desk's list of accounts: CSV (a file or pasted text) or XLSX.

Columns are matched case-insensitively by their usual names, including those of the common migration
sheets: Microsoft 365's IMAP migration CSV (`EmailAddress,UserName,Password`), Google Workspace's bulk
user upload (`Email Address [Required]`, `Password [Required]`) and imapsync's header-less
`host1;user1;password1;host2;user2;password2;` file (the source account, checked over IMAP; a mapping
can point at the destination's columns instead). A plain password is never kept in the row's values:
the cell is blanked and the value held apart, as a Secret, until its row runs.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import field
from pathlib import Path

from ..protocol.credentials import Secret
from ..protocol.kinds import DEFAULT_PORTS, Protocol, Security
from ..protocol.record import Record
from ..settings import MECHANISM_CHOICES, InvalidInput, check_port, check_secret, check_user, normalize_host

FIELDS = ("email", "user", "password", "password_ref", "host", "port", "security", "protocol", "mechanism")
# Header names, compared after _key(): lower case, "[Required]"-style notes and separators removed.
ALIASES: dict[str, tuple[str, ...]] = {
    "email": ("email", "emailaddress", "mail", "address", "mailaddress", "primaryemail", "account"),
    # The login name; it is the address too when the sheet has no address column.
    "user": ("user", "username", "login", "loginname", "userid", "user1"),
    "password": ("password", "pass", "passwd", "pwd", "password1"),
    "password_ref": ("passwordref", "secret", "secretref", "passwordreference", "passref"),
    "host": ("host", "server", "hostname", "servername", "mailserver", "host1"),
    "port": ("port", "port1", "serverport"),
    "security": ("security", "encryption", "ssl", "tls", "sockettype", "connectionsecurity"),
    "protocol": ("protocol", "service", "type"),
    "mechanism": ("mechanism", "auth", "authentication", "authmechanism", "method"),
}
IMAPSYNC_HEADERS = ["host1", "user1", "password1", "host2", "user2", "password2"]
SECURITY_WORDS = {"tls": Security.TLS, "ssl": Security.TLS, "ssl/tls": Security.TLS, "implicit": Security.TLS,
                  "starttls": Security.STARTTLS, "stls": Security.STARTTLS, "none": Security.NONE,
                  "plain": Security.NONE, "no": Security.NONE, "off": Security.NONE}
PROTOCOL_WORDS = {"smtp": "smtp", "submission": "smtp", "imap": "imap", "pop3": "pop3", "pop": "pop3"}
IMPLICIT_TLS_PORTS = frozenset(ports[Security.TLS] for ports in DEFAULT_PORTS.values())  # 465, 993, 995
MAX_ROWS = 100_000
MAX_FILE_BYTES = 64 * 1024 * 1024


class BatchInputError(ValueError):
    """A sheet that cannot be used. `id` names the problem for translation, `params` fill its text."""

    def __init__(self, id: str, message: str, headers: list[str] | None = None, **params: object) -> None:
        super().__init__(message)
        self.id = id
        self.params = params
        self.headers = list(headers or [])  # the sheet's header row, when the problem is in it


class SheetRow(Record):
    number: int  # 1-based data row number
    values: dict[str, str]  # header -> cell text as read; the password cell is blanked
    email: str
    host: str | None
    port: int | None
    security: str | None
    protocol: str | None
    mechanism: str | None
    user: str | None = None  # a login name of its own (Microsoft's UserName), else the address is used
    password_ref: str | None = None  # env:VAR, file:PATH or prompt[:LABEL], when the row uses a reference

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2].lower()


class Sheet(Record):
    headers: list[str]
    columns: dict[str, str]  # canonical field -> the header it was matched to
    rows: list[SheetRow]
    holds_passwords: bool  # a plain password column with values
    # Plain passwords by row number, apart from the values so that nothing that shows a row shows them.
    passwords: dict[int, Secret] = field(default_factory=dict, repr=False, compare=False)

    @property
    def blanked(self) -> str | None:
        """The header whose cells were blanked (the plain password column), if any."""
        return self.columns.get("password")


def _key(header: str) -> str:
    text = re.sub(r"\[[^\]]*\]|\([^)]*\)", "", header.lower())
    return re.sub(r"[\s_\-.:]", "", text)


def match_columns(headers: list[str], mapping: dict[str, str] | None = None) -> dict[str, str]:
    """canonical field -> header. A mapping wins over the aliases; it must name headers of the sheet."""
    columns: dict[str, str] = {}
    taken: set[str] = set()
    for name, header in (mapping or {}).items():
        if name not in FIELDS:
            raise BatchInputError("batch.unknown-field", f"Unknown column role {name!r}; use one of "
                                  f"{', '.join(FIELDS)}.", field=name)
        if header not in headers:
            raise BatchInputError("batch.no-such-header", f"The sheet has no column {header!r}.", header=header)
        columns[name] = header
        taken.add(header)
    for name in FIELDS:
        if name in columns:
            continue
        for header in headers:
            if header not in taken and _key(header) in ALIASES[name]:
                columns[name] = header
                taken.add(header)
                break
    if "email" not in columns and "user" in columns:  # only a login column: it is the address
        columns["email"] = columns.pop("user")
    return columns


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BatchInputError("batch.not-utf8", "The file is not UTF-8 text. Save it as \"CSV UTF-8\" "
                              "or as an Excel workbook (.xlsx).") from None


def _csv_rows(text: str) -> list[list[str]]:
    """The rows, blank ones and `#` comments (imapsync's files have them) left out. The separator is the
    one the first such line uses most; quoted cells may hold separators and line breaks."""
    first = next((line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)
            if any(c.strip() for c in row) and not row[0].lstrip().startswith("#")]


def _xlsx_rows(path: Path) -> list[list[str]]:
    import zipfile

    import openpyxl  # type: ignore[import-untyped]  # only for workbooks (it ships no type hints)

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise BatchInputError("batch.bad-xlsx", f"This is not a readable Excel workbook ({type(exc).__name__}).") \
            from None
    try:
        sheet = book.worksheets[0]
        out = []
        for values in sheet.iter_rows(values_only=True):
            cells = ["" if v is None else str(int(v) if isinstance(v, float) and v.is_integer() else v)
                     for v in values]
            if any(c.strip() for c in cells):
                out.append(cells)
            if len(out) > MAX_ROWS + 1:
                break
        return out
    finally:
        book.close()


def _plausible_host(cell: str) -> bool:
    """A server's name as imapsync's lines give it: with a dot (or an IP address, or localhost), so that a
    header word such as "Mitarbeiter" is not one."""
    cell = cell.strip()
    try:
        host = normalize_host(cell)
    except InvalidInput:
        return False
    return bool(host) and ("." in host or ":" in host or host.lower() == "localhost")


def _is_imapsync(table: list[list[str]]) -> bool:
    """imapsync's file has no header: every line is host1;user1;password1[;host2;user2;password2;…]. Taken
    for one only when every line has that shape and the first names no column the aliases know."""
    if any(match_columns([c.strip() for c in table[0]]).values()):
        return False
    for row in table:
        if len(row) < 3 or not _plausible_host(row[0]) or not row[1].strip() or not row[2].strip():
            return False
        if len(row) >= 4 and row[3].strip() and not _plausible_host(row[3]):
            return False
    return True


def read_sheet(path: Path | None = None, *, text: str | None = None,
               mapping: dict[str, str] | None = None) -> Sheet:
    """The sheet in a CSV or XLSX file (by its suffix), or in pasted CSV text."""
    if (path is None) == (text is None):
        raise ValueError("give a path or text")
    if path is not None:
        path = Path(path)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise BatchInputError("batch.too-large", f"The file is larger than "
                                      f"{MAX_FILE_BYTES // 1024 // 1024} MB.")
            if path.suffix.lower() in (".xlsx", ".xlsm"):
                table = _xlsx_rows(path)
            else:
                table = _csv_rows(_decode(path.read_bytes()))
        except OSError as exc:
            raise BatchInputError("batch.unreadable", f"Cannot read {path}: {exc.strerror or exc}.",
                                  path=str(path)) from None
    else:
        assert text is not None
        table = _csv_rows(text.removeprefix("\ufeff"))
    if not table:
        raise BatchInputError("batch.empty", "The sheet is empty: it needs a header row and one row per account.")
    if mapping is None and _is_imapsync(table):
        width = max(len(r) for r in table)
        headers = IMAPSYNC_HEADERS + [f"extra{i}" for i in range(1, width - len(IMAPSYNC_HEADERS) + 1)]
        body, default_protocol = table, "imap"
    else:
        headers = [h.strip() for h in table[0]]
        body, default_protocol = table[1:], None
    if len(body) > MAX_ROWS:
        raise BatchInputError("batch.too-many-rows", f"The sheet has more than {MAX_ROWS} rows.")
    columns = match_columns(headers, mapping)
    if "email" not in columns:
        raise BatchInputError("batch.no-email-column", "No column of e-mail addresses or user names was found "
                              "(a header such as email, username or login).", headers=headers)
    rows: list[SheetRow] = []
    passwords: dict[int, Secret] = {}
    for number, cells in enumerate(body, 1):
        values = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(headers)}
        if not any(values.values()):
            continue
        row, secret = _row(number, values, columns, default_protocol)
        rows.append(row)
        if secret is not None:
            passwords[number] = secret
    if not rows:
        raise BatchInputError("batch.empty", "The sheet is empty: it needs a header row and one row per account.")
    return Sheet(headers=headers, columns=columns, rows=rows, holds_passwords=bool(passwords), passwords=passwords)


def _row(number: int, values: dict[str, str], columns: dict[str, str],
         default_protocol: str | None) -> tuple[SheetRow, Secret | None]:
    def cell(name: str) -> str:
        return values.get(columns[name], "") if name in columns else ""

    def bad(what: str, message: str) -> BatchInputError:
        return BatchInputError("batch.bad-cell", f"Row {number}, {what}: {message}", row=number, column=what)

    email = cell("email")
    if not email:
        raise bad(columns["email"], "no address or user name.")
    secret = None
    if "password" in columns:
        # Passwords are sent as typed: the cell as read, not stripped.
        raw = values[columns["password"]]
        values[columns["password"]] = ""
        if raw:
            try:
                secret = Secret(check_secret(raw))
            except InvalidInput as exc:
                raise bad(columns["password"], str(exc)) from None
    ref = cell("password_ref") or None
    if ref is not None and not re.match(r"^(env:.+|file:.+|prompt(:.*)?)$", ref):
        raise bad(columns["password_ref"], f"{ref!r} is not env:VARIABLE, file:PATH or prompt.")
    try:
        check_user(email)
        host = cell("host") or None
        if host is not None:
            normalize_host(host)
        port = None
        if cell("port"):
            if not cell("port").isdigit():
                raise bad(columns["port"], f"{cell('port')!r} is not a port number.")
            port = check_port(int(cell("port")))
    except InvalidInput as exc:
        raise bad(columns.get(exc.field, exc.field), str(exc)) from None
    security = None
    if cell("security"):
        word = SECURITY_WORDS.get(cell("security").lower())
        if word is None:
            raise bad(columns["security"], f"{cell('security')!r} is not tls, starttls or none.")
        security = word.value
    protocol = default_protocol
    if cell("protocol"):
        protocol = PROTOCOL_WORDS.get(cell("protocol").lower())
        if protocol is None:
            raise bad(columns["protocol"], f"{cell('protocol')!r} is not smtp, imap or pop3.")
    mechanism = None
    if cell("mechanism"):
        mechanism = next((m for m in MECHANISM_CHOICES if m.lower() == cell("mechanism").lower()), None)
        if mechanism is None:
            raise bad(columns["mechanism"], f"{cell('mechanism')!r} is not one of {', '.join(MECHANISM_CHOICES)}.")
    return SheetRow(number=number, values=values, email=email, host=host, port=port, security=security,
                    protocol=protocol, mechanism=mechanism, user=cell("user") or None, password_ref=ref), secret


def row_security(row: SheetRow) -> Security:
    """The row's security, else what its port implies (implicit TLS ports), else STARTTLS."""
    if row.security:
        return Security(row.security)
    return Security.TLS if row.port in IMPLICIT_TLS_PORTS else Security.STARTTLS


def row_protocol(row: SheetRow, default: str | None) -> Protocol:
    return Protocol(row.protocol or default or "smtp")
