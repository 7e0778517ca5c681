"""OAuth2 sign-in in the system browser (RFC 8252) for XOAUTH2 / OAUTHBEARER logins."""
