from tests.oauth.world import browser, oauth_world

__all__ = ["browser", "oauth_world"]
