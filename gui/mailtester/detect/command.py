"""`mailtester detect ADDRESS [--json] [--dns-server IP[:PORT]] [--ca-file PEM] [--offline] [--timeout S]
[--lang {en,tr}]`.

With --offline: the bundled database only, no asyncio and no network. Without it, the online sources
too (detect/online.py), loaded only then, each line printed as its source finishes.
`python -m mailtester.detect` and `mailtester detect` take the same options (add_arguments).
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import sys
from typing import TextIO

from ..hardening import speaks_utf8
from ..protocol.kinds import Protocol, Security, default_port
from ..protocol.replies import show_controls
from ..settings import InvalidInput
from .bundled import lookup_bundled
from .candidates import Candidate, DetectResult, SourceReport

EXIT_FOUND, EXIT_NOT_FOUND, EXIT_USAGE = 0, 1, 2
DEFAULT_TIMEOUT = 5.0
# The words of the text output, English and Turkish (--lang, as for `check`).
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "tls": "SSL/TLS", "starttls": "STARTTLS", "none": "no encryption",
        "src-bundled": "from the provider database", "src-autoconfig": "from the provider's autoconfig file",
        "src-well-known": "from the provider's web site (.well-known)",
        "src-ispdb": "from Thunderbird's online database (ISPDB)",
        "src-autodiscover": "Microsoft 365, from Microsoft's Autodiscover",
        "src-mx": "found through the MX record", "src-srv": "from the domain's SRV records",
        "src-probe": "found by probing common names",
        "res-found": "found", "res-none": "not found", "res-error": "error",
        "db": "Provider database", "ispdb": "Online database (ISPDB) for {0}", "autodiscover": "Autodiscover for {0}",
        "mx": "MX of {0}", "srv": "SRV records of {0}", "guess": "Probe of common names of {0}",
        "probe": "Probe of {0}", "plain-http": "{0} (plain HTTP)",
        "incoming": "Incoming", "outgoing": "Outgoing", "nothing-side": "none found",
        "port": "port", "user": "user {0}", "no-user": "no user name in the database",
        "unencrypted": " (unencrypted: the password would cross the network readable)",
        "confirmed": "a probe saw it answer", "cert-ok": "certificate verified",
        "cert-bad": "certificate NOT verified: {0}",
        "others": "Other candidates:",
        "flagged": "Flagged: a chosen server came over a channel that is not authenticated (plain HTTP, DNS or a "
                   "guessed name); check the name with your provider before you send a password there.",
        "untested": "Not tested: detection asks for no password and logs in nowhere. To test:",
        "nothing-online": "None of the sources above has settings for {0}; ask the provider or administrator for "
                          "the server names, then test them with `mailtester check`.",
        "nothing-offline": "The bundled database (--offline: no network is used) has no settings for {0}; ask the "
                           "provider or administrator for the server names, then test them with `mailtester check`.",
        "%EMAILADDRESS%": "your full address", "%EMAILLOCALPART%": "the part of your address before the @",
    },
    "tr": {
        "tls": "SSL/TLS", "starttls": "STARTTLS", "none": "şifreleme yok",
        "src-bundled": "sağlayıcı veritabanından", "src-autoconfig": "sağlayıcının autoconfig dosyasından",
        "src-well-known": "sağlayıcının web sitesinden (.well-known)",
        "src-ispdb": "Thunderbird'ün çevrim içi veritabanından (ISPDB)",
        "src-autodiscover": "Microsoft 365, Microsoft'un Autodiscover hizmetinden",
        "src-mx": "MX kaydı üzerinden bulundu", "src-srv": "alan adının SRV kayıtlarından",
        "src-probe": "yaygın adlar yoklanarak bulundu",
        "res-found": "bulundu", "res-none": "bulunamadı", "res-error": "hata",
        "db": "Sağlayıcı veritabanı", "ispdb": "{0} için çevrim içi veritabanı (ISPDB)",
        "autodiscover": "{0} için Autodiscover", "mx": "{0} alan adının MX kaydı",
        "srv": "{0} alan adının SRV kayıtları", "guess": "{0} için yaygın sunucu adlarının yoklanması",
        "probe": "{0} yoklaması", "plain-http": "{0} (şifresiz HTTP)",
        "incoming": "Gelen", "outgoing": "Giden", "nothing-side": "bulunamadı",
        "port": "bağlantı noktası", "user": "kullanıcı {0}", "no-user": "veritabanında kullanıcı adı yok",
        "unencrypted": " (şifresiz: parola ağdan okunabilir biçimde geçer)",
        "confirmed": "yoklamada yanıt verdi", "cert-ok": "sertifika doğrulandı",
        "cert-bad": "sertifika DOĞRULANMADI: {0}",
        "others": "Diğer adaylar:",
        "flagged": "Dikkat: seçilen bir sunucu doğrulanmamış bir yoldan geldi (şifresiz HTTP, DNS ya da tahmin "
                   "edilen bir ad); oraya parola göndermeden önce adı sağlayıcınıza doğrulatın.",
        "untested": "Sınanmadı: ayar bulma parola istemez ve hiçbir yerde oturum açmaz. Sınamak için:",
        "nothing-online": "Yukarıdaki kaynakların hiçbirinde {0} için ayar yok; sunucu adlarını sağlayıcınıza "
                          "ya da yöneticinize sorun, sonra `mailtester check` ile sınayın.",
        "nothing-offline": "Programla gelen veritabanında (--offline: ağ kullanılmaz) {0} için ayar yok; sunucu "
                           "adlarını sağlayıcınıza ya da yöneticinize sorun, sonra `mailtester check` ile sınayın.",
        "%EMAILADDRESS%": "tam adresiniz", "%EMAILLOCALPART%": "adresinizin @ işaretinden önceki kısmı",
    },
}
# The engine's own reasons (SourceReport.detail) in Turkish; anything else (a server's or TLS library's
# words, a provider's name) is shown as it came.
DETAILS_TR = ((re.compile(r"^no server$"), "sunucu yok"),
              (re.compile(r"^no answer within (\S+) s$"), r"\1 sn içinde yanıt yok"),
              (re.compile(r"^not needed: the provider database answered$"),
               "gerek kalmadı: sağlayıcı veritabanı yanıt verdi"),
              (re.compile(r"^not needed: (\S+) answered$"), r"gerek kalmadı: \1 yanıt verdi"),
              (re.compile(r"^certificate verified$"), "sertifika doğrulandı"),
              (re.compile(r"^certificate: (.*)$"), r"sertifika: \1"),
              (re.compile(r"^certificate not trusted \((.*)\)$"), r"sertifikaya güvenilmiyor (\1)"),
              (re.compile(r"^(MX \S+), the address's own domain$"), r"\1, adresin kendi alan adı"),
              (re.compile(r"^not a mailbox in Exchange Online$"), "Exchange Online'da bir posta kutusu değil"),
              (re.compile(r"^needs an address, not only a domain$"), "yalnızca alan adı değil, adres gerekir"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..cli import system_language
    from ..settings import LANGUAGES

    parser.add_argument("address", metavar="ADDRESS",
                        help="the e-mail address, e.g. you@example.com (a bare domain also works)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the text")
    parser.add_argument("--offline", action="store_true",
                        help="answer from the bundled database only, without network access")
    parser.add_argument("--dns-server", metavar="IP[:PORT]",
                        help="ask this DNS server for every name (MX, SRV, the web and mail servers' addresses)")
    parser.add_argument("--ca-file", metavar="PEM",
                        help="also trust these CA certificates (autoconfig web servers, probed mail servers)")
    parser.add_argument("--timeout", metavar="S", type=float, default=DEFAULT_TIMEOUT,
                        help=f"time limit per source in seconds (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--lang", choices=list(LANGUAGES), default=system_language(),
                        help="language of the text output (default: the system's)")


DESCRIPTION = ("Find the incoming (IMAP, POP3) and outgoing (SMTP) servers for an e-mail address, best first: "
               "the provider's autoconfig file over HTTPS (over plain HTTP only as a flagged candidate), the "
               "bundled provider database, Thunderbird's online database (ISPDB), Microsoft 365 (Autodiscover), "
               "MX and SRV records, all at once, and last a credential-free probe of common names. No password "
               "is asked for or sent. Exit status: 0 found, 1 nothing found, 2 not an address.")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mailtester detect", description=DESCRIPTION)
    add_arguments(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run_detect(args, sys.stdout, sys.stderr)


def source_label(source: str, query: str, lang: str = "en") -> str:
    w = WORDS[lang]
    if source == "bundled":
        return w["db"]
    if source in ("autoconfig", "well-known"):
        scheme, _, rest = query.partition("://")
        host, _, _path = rest.partition("/")
        where = host if source == "autoconfig" else f"{host}/.well-known"
        return w["plain-http"].format(where) if scheme == "http" else where
    if source == "ispdb":
        return w["ispdb"].format(query.rstrip("/").rpartition("/")[2])
    if source == "autodiscover":
        return w["autodiscover"].format(query.removeprefix("autodiscover."))
    if source == "probe":
        return w["probe" if ":" in query else "guess"].format(query)
    return w[source].format(query)


def translate_detail(detail: str, lang: str) -> str:
    if lang == "tr":
        for pattern, template in DETAILS_TR:
            if pattern.match(detail):
                return pattern.sub(template, detail)
    return detail


def format_report(report: SourceReport, lang: str = "en") -> str:
    """One source's line. The detail may quote a server (a provider's name from its file, a TLS
    error): shown with control and bidi characters made visible."""
    text = f"{source_label(report.source, report.query, lang)}… {WORDS[lang]['res-' + report.result]}"
    return f"{text}: {show_controls(translate_detail(report.detail, lang))}" if report.detail else text


def run_detect(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    online = not args.offline
    lang = getattr(args, "lang", "en")
    timeout = getattr(args, "timeout", DEFAULT_TIMEOUT)
    if not 0 < timeout <= 600:
        print("mailtester: error: --timeout must be more than 0 and at most 600 seconds", file=stderr)
        return EXIT_USAGE
    try:
        if online:
            import asyncio

            from .online import detect

            def progress(report: SourceReport) -> None:
                if not args.json:
                    print(format_report(report, lang), file=stdout, flush=True)

            result = asyncio.run(detect(args.address, dns_server=getattr(args, "dns_server", None),
                                        ca_file=getattr(args, "ca_file", None), timeout=timeout,
                                        progress=progress))
        else:
            result = lookup_bundled(args.address)
    except InvalidInput as exc:
        print(f"mailtester: error: {exc}", file=stderr)
        return EXIT_USAGE
    if args.json:
        json.dump(result.as_dict(), stdout, ensure_ascii=not speaks_utf8(stdout))
        stdout.write("\n")
    else:
        print(format_result(result, online=online, lang=lang), file=stdout)
    return EXIT_FOUND if result.found else EXIT_NOT_FOUND


def describe(c: Candidate, lang: str = "en") -> str:
    w = WORDS[lang]
    user = w["user"].format(show_controls(w.get(c.user, c.user))) if c.user else w["no-user"]
    warning = w["unencrypted"] if c.security is Security.NONE else ""
    text = f"{c.protocol.value.upper()} {c.host} {w['port']} {c.port}, {w[c.security.value]}{warning}, {user}"
    seen = []
    if c.confirmed:
        seen.append(w["confirmed"])
    if c.certificate is not None:
        seen.append(w["cert-ok"] if c.certificate.verified
                    else w["cert-bad"].format(show_controls(c.certificate.problem or "")))
    return f"{text}; {', '.join(seen)}" if seen else text


def check_command(c: Candidate) -> str:
    """The `mailtester check` line that tests this candidate."""
    words = ["mailtester", "check"]
    if c.protocol is not Protocol.SMTP:
        words += ["--protocol", c.protocol.value]
    words += ["--host", c.host]
    if c.port != default_port(c.protocol, c.security):
        words += ["--port", str(c.port)]
    words += ["--security", c.security.value]
    if c.user and "%" not in c.user:  # a template (only a domain was given): the person adds --user
        words += ["--user", c.user]
    return show_controls(shlex.join(words))  # a user name from a server's file may carry bidi characters


def format_result(result: DetectResult, online: bool = False, lang: str = "en") -> str:
    """The settings chosen, with their source, and the others; offline, the database's line first
    (online, each source's line was printed as it finished)."""
    w = WORDS[lang]
    head = [] if online else [format_report(result.sources[0], lang) if not result.found
                              else f"{w['db']}… {w['res-found']}: {show_controls(', '.join(result.names))}"]
    if not result.found:
        return "\n".join([*head, "", w["nothing-online" if online else "nothing-offline"].format(result.domain)])
    out = [*head, ""]
    chosen = result.incoming[:1] + result.outgoing[:1]
    for label, group in (("incoming", result.incoming), ("outgoing", result.outgoing)):
        if group:
            out.append(f"{w[label]}: {describe(group[0], lang)}  ({w.get('src-' + group[0].source, group[0].source)})")
        else:
            out.append(f"{w[label]}: {w['nothing-side']}")
    others = result.incoming[1:] + result.outgoing[1:]
    if others:
        out += ["", w["others"]]
        out += [f"  {describe(c, lang)}  ({w.get('src-' + c.source, c.source)})" for c in others]
    if any(c.insecure for c in chosen):
        out += ["", w["flagged"]]
    out += ["", w["untested"]]
    out += [f"  {check_command(c)}" for c in chosen]
    return "\n".join(out)
