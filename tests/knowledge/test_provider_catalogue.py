"""providers.json is providers.toml's data (the program reads the JSON: issue 14's check budget)."""

from __future__ import annotations

import json
import re

from mailtester.knowledge.providers import catalogue_from_toml, providers
from mailtester.resources import resource_path


def test_the_json_catalogue_is_the_toml() -> None:
    written = json.loads(resource_path("providers", "providers.json").read_bytes())
    assert written == catalogue_from_toml(), "providers.toml changed: run python -m mailtester.knowledge.providers"


def test_every_signature_is_a_valid_pattern() -> None:
    """Signatures compile only when a check needs them: a broken one fails here, not in a user's check."""
    for p in providers():
        for s in p.signatures:
            re.compile(s, re.I)
