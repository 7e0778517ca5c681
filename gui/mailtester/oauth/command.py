"""`mailtester check --oauth ...`: sign in (browser, or a stored refresh token), then the check runs
with the access token. No Qt; the token is in memory only, the refresh token only in the keychain."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
import webbrowser
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TextIO

from ..protocol.kinds import Protocol
from . import store
from .flow import NOTES, OAuthSettings, SignInError, Tokens, endpoints, refresh, sign_in, wait_time

if TYPE_CHECKING:
    from ..model import CheckSettings

EXIT_SIGN_IN = 7  # as "authentication impossible": no login was tried

# The failure's title, by language; the explanation is SignInError's text (English) or TEXTS_TR.
TITLES = {"en": "The OAuth2 sign-in did not complete", "tr": "OAuth2 oturum açma tamamlanmadı"}
TEXTS_TR = {
    "oauth.timeout": "Tarayıcı {0} saniye içinde geri dönmedi. Yeniden oturum açın ve açılan tarayıcıda "
                     "sağlayıcının sayfalarını tamamlayın.",
    "oauth.cancelled": "Oturum açma tarayıcıda iptal edildi ya da izin verilmedi ({0}).",
    "oauth.denied": "Sağlayıcı oturum açmayı reddetti: {0}",
    "oauth.state-mismatch": "Bu oturum açmaya ait olmayan bir yanıt geldi (yanlış state); reddedildi. Yeniden "
                            "oturum açın; bu tekrarlanırsa başka bir program araya giriyor olabilir.",
    "oauth.issuer-mismatch": "Oturum açma yanıtı istenenden başka bir yayıncıyı ({0}) gösteriyor; reddedildi "
                             "(RFC 9207 karışıklık koruması).",
    "oauth.token-refused": "Sağlayıcı oturum açmayı bir belirteçle değiştirmedi: {0}",
    "oauth.discovery": "Yayıncının oturum açma ayarları okunamadı: {0}",
    "oauth.network": "Oturum açma sunucusuna ulaşılamıyor: {0}",
    "oauth.config": "{0}",
}


def settings_of(args: argparse.Namespace, user: str) -> OAuthSettings:
    return OAuthSettings(provider=args.oauth, client_id=args.oauth_client_id, client_secret=args.oauth_client_secret,
                         tenant=args.oauth_tenant, issuer=args.oauth_issuer, scopes=tuple(args.oauth_scope),
                         ca_file=args.ca_file, login_hint=user, timeout=args.timeout)


async def obtain(o: OAuthSettings, settings: CheckSettings, *, no_browser: bool, remember: bool,
                 note: Any, stderr: TextIO, protocols: tuple[Protocol, ...] = ()) -> Tokens:
    """Tokens for this check (or these protocols: one sign-in for both sides of an account): a
    stored refresh token if one works, else the browser sign-in."""
    wanted = protocols or (settings.protocol,)
    ep = await endpoints(o)
    entry = store.key(ep.issuer, o.client_id, settings.credentials.user)
    if remember:
        stored = await store.off_loop(store.load, entry)
        if stored is not None:
            try:
                tokens = await refresh(o, wanted, stored, note=note, ep=ep)
            except SignInError:
                await store.off_loop(store.delete, entry)  # revoked or expired: sign in afresh
            else:
                if tokens.refresh is not None and tokens.refresh.reveal() != stored.reveal():
                    await store.off_loop(store.save, entry, tokens.refresh)
                return tokens
    loop = asyncio.get_running_loop()

    def show(url: str) -> None:
        print(url, file=stderr, flush=True)  # alone on its line: the address is the whole output

    def open_url(url: str) -> None:
        if no_browser:
            note("oauth-url")
            show(url)
            return
        note("oauth-browser", ep.name)
        # webbrowser may wait for the browser command: never on the loop that must answer the redirect.
        opened = loop.run_in_executor(None, webbrowser.open, url)
        opened.add_done_callback(lambda f: None if not f.cancelled() and f.exception() is None and f.result()
                                 else loop.call_soon_threadsafe(show, url))

    tokens = await sign_in(o, wanted, open_url=open_url, wait=wait_time(settings.timeout),
                           note=note, ep=ep)
    if remember and tokens.refresh is not None and not await store.off_loop(store.save, entry, tokens.refresh):
        note("oauth-no-keychain")  # never a file instead
    return tokens


async def signed_in(settings: CheckSettings, args: argparse.Namespace,
                    stdout: TextIO) -> tuple[CheckSettings, dict[str, Any]] | int:
    """The settings with the access token, and the JSON "oauth" part; or, after printing why the
    sign-in failed, the exit status."""
    got = await signed_in_all([settings], args, stdout)
    return got if isinstance(got, int) else (got[0][0], got[1])


async def signed_in_all(sides: list[CheckSettings], args: argparse.Namespace,
                        stdout: TextIO) -> tuple[list[CheckSettings], dict[str, Any]] | int:
    """One sign-in for all these checks (`mailtester account`'s two sides too)."""
    from ..knowledge.report import SCHEMA, transcript_line
    from ..model import TimelineEntry

    start = time.monotonic()
    first = sides[0]
    o = settings_of(args, first.credentials.user)

    def note(key: str, *a: str) -> None:
        if not args.json:
            entry = TimelineEntry(t=time.monotonic() - start, direction="-", tls=False,
                                  text=NOTES[key].format(*a), key=key, args=a)
            print(transcript_line(entry), file=stdout, flush=True)

    public = {"provider": o.provider, "issuer": o.issuer or None, "scopes": list(o.scopes), "expires_in": None}
    try:
        tokens = await obtain(o, first, no_browser=args.no_browser, remember=args.oauth_remember, note=note,
                              stderr=sys.stderr, protocols=tuple(dict.fromkeys(s.protocol for s in sides)))
    except SignInError as exc:
        text = TEXTS_TR[exc.id].format(exc.detail) if args.lang == "tr" else str(exc)
        if args.json:
            json.dump({"schema": SCHEMA, "protocol": first.protocol.value, "ok": False, "stage": "oauth",
                       "diagnosis": {"id": exc.id, "title": TITLES[args.lang], "explanation": text},
                       "oauth": public, "settings": first.public_dict()}, stdout)
            stdout.write("\n")
        else:
            print(f"\n{'BAŞARISIZ' if args.lang == 'tr' else 'FAILED'}: {TITLES[args.lang]}  [{exc.id}]\n\n{text}",
                  file=stdout)
        return EXIT_SIGN_IN
    return [replace(s, credentials=replace(s.credentials, password=None, token=tokens.access))
            for s in sides], tokens.public_dict()
