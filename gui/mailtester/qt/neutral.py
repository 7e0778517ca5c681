"""Server-controlled text as the window shows it: neutral, and never taken for markup.

The engine already hands over server text neutral (control characters as
control pictures, bidi and format characters as <U+NNNN>); the window applies
the same conversion once more where it shows such text (it changes nothing
that is already neutral), and escapes it wherever Qt would read rich text:
rich-text labels, and tooltips, which Qt renders as rich text whenever their
first line looks like HTML.
"""

from __future__ import annotations

import html

from ..protocol.replies import show_controls


def neutral(text: str) -> str:
    """Plain text, safe to show: no control, bidi or invisible format characters."""
    return show_controls(text)


def rich(text: str) -> str:
    """Neutral text escaped for a rich-text label: markup in it shows literally."""
    return html.escape(show_controls(text))


def tooltip(text: str) -> str:
    """A tooltip that shows `text` literally: escaped inside a paragraph, so Qt's
    guess at rich text cannot turn a server's <b> into bold."""
    return f'<p style="white-space:pre-wrap">{rich(text)}</p>'
