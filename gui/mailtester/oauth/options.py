"""The OAuth2 options of `mailtester check`, and what is wrong with them: loaded with the parser, so
nothing heavier than argparse."""

from __future__ import annotations

import argparse

PROVIDERS = ("google", "microsoft", "issuer")


def add_arguments(check: argparse.ArgumentParser, batch: bool = False) -> None:
    """`batch`: no browser at all (each row's refresh token comes from the keychain), so neither
    --no-browser nor --oauth-remember."""
    g = check.add_argument_group("OAuth2 sign-in (instead of a password)")
    g.add_argument("--oauth", choices=PROVIDERS,
                   help="log every row in with an access token from the refresh token remembered in the "
                        "keychain for its user (check --oauth ... --oauth-remember keeps one); no browser"
                   if batch else
                   "sign in in the system browser and log in with the token (XOAUTH2, or OAUTHBEARER "
                   "where offered); issuer = any OpenID Connect provider, by --oauth-issuer")
    g.add_argument("--oauth-client-id", metavar="ID", default="",
                   help="your organisation's registered app (client) id; none is built in")
    g.add_argument("--oauth-client-secret", metavar="SECRET", default="",
                   help="Google Desktop clients only: the client secret Google issues with the id (Google "
                        "does not treat it as confidential); never sent to Microsoft or an issuer")
    g.add_argument("--oauth-tenant", metavar="T", default="",
                   help="Microsoft: common (default), organizations, consumers or your tenant id")
    g.add_argument("--oauth-issuer", metavar="URL", default="",
                   help="--oauth issuer: the https issuer; its URL/.well-known/openid-configuration is read")
    g.add_argument("--oauth-scope", metavar="SCOPE", action="append", default=[],
                   help="a scope to ask for besides the provider's own (repeatable)")
    if batch:
        return
    g.add_argument("--no-browser", action="store_true",
                   help="print the sign-in address on standard error (for another device) and wait")
    g.add_argument("--oauth-remember", action="store_true",
                   help="keep the refresh token in the system keychain; the next run signs in with it, "
                        "without the browser")


def usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the OAuth options, before anything is sent."""
    extra = [name for name, value in (("--oauth-client-id", args.oauth_client_id),
                                      ("--oauth-client-secret", args.oauth_client_secret),
                                      ("--oauth-tenant", args.oauth_tenant), ("--oauth-issuer", args.oauth_issuer),
                                      ("--oauth-scope", args.oauth_scope),
                                      ("--no-browser", getattr(args, "no_browser", False)),
                                      ("--oauth-remember", getattr(args, "oauth_remember", False))) if value]
    if not args.oauth:
        return f"{extra[0]} needs --oauth" if extra else None
    if any(getattr(args, name, None) for name in ("password_env", "password_stdin", "token_env")):
        return "--oauth signs in for a token: leave out --password-env, --password-stdin and --token-env"
    if getattr(args, "mechanism", "auto") not in ("auto", "XOAUTH2", "OAUTHBEARER"):  # `account` has neither
        return f"--oauth logs in with XOAUTH2 or OAUTHBEARER, not {args.mechanism}"
    if args.oauth == "issuer" and not args.oauth_issuer:
        return "--oauth issuer needs --oauth-issuer URL"
    if args.oauth != "issuer" and args.oauth_issuer:
        return "--oauth-issuer is for --oauth issuer"
    if args.oauth_tenant and args.oauth != "microsoft":
        return "--oauth-tenant is for --oauth microsoft"
    if args.oauth_client_secret and args.oauth != "google":
        return "--oauth-client-secret is for Google's Desktop clients only"
    if not args.oauth_client_id:
        return "--oauth needs --oauth-client-id: your organisation's registered app id (see the README)"
    return None
