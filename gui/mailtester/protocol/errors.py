"""Errors raised by the sans-I/O core (after h11's split of blame)."""


class ProtocolError(Exception):
    """Base class: the dialogue cannot go on."""


class LocalProtocolError(ProtocolError):
    """We were asked to do something the protocol does not allow."""


class RemoteProtocolError(ProtocolError):
    """The server sent something that breaks the protocol or our limits.

    `line` is the offending line, when there is one: the timeline shows it."""

    def __init__(self, message: str, line: bytes | None = None) -> None:
        super().__init__(message)
        self.line = line
