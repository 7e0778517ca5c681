"""The placeholders of autoconfig files (%EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN%), expanded
for an address. Apart from the parser so that the bundled lookup loads neither it nor the XML reader."""

from __future__ import annotations

import re

PLACEHOLDERS = ("%EMAILADDRESS%", "%EMAILLOCALPART%", "%EMAILDOMAIN%")
_PLACEHOLDER = re.compile("|".join(PLACEHOLDERS))


def expand(template: str, local_part: str | None, domain: str) -> str:
    """The template with the address's parts put in. Without a local part (a domain was given, not an
    address), %EMAILADDRESS% and %EMAILLOCALPART% stay as they are."""
    values = {"%EMAILDOMAIN%": domain}
    if local_part is not None:
        values |= {"%EMAILADDRESS%": f"{local_part}@{domain}", "%EMAILLOCALPART%": local_part}
    # One pass: text put in (a local part that itself reads %EMAILDOMAIN%) is never expanded again.
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(0), m.group(0)), template)
