import pytest

from mailtester.protocol.errors import RemoteProtocolError
from mailtester.protocol.limits import MAX_LINE_LENGTH, MAX_REPLY_LINES
from mailtester.protocol.replies import ReplyParser, printable

GMAIL_535 = (b"535-5.7.8 Username and Password not accepted. Learn more at\r\n"
             b"535 5.7.8  https://support.google.com/mail/?p=BadCredentials i5sm8565805wrv.34 - gsmtp\r\n")


def parse_all(data: bytes, chunk: int | None = None):
    p = ReplyParser()
    out = []
    pieces = [data] if chunk is None else [data[i:i + chunk] for i in range(0, len(data), chunk)]
    for piece in pieces:
        p.feed(piece)
        while (r := p.next_reply()) is not None:
            out.append(r)
    return out, p


@pytest.mark.parametrize("chunk", [None, 1, 7])
def test_multiline_reply_with_enhanced_code(chunk):
    (reply,), p = parse_all(GMAIL_535, chunk)
    assert reply.code == 535
    assert reply.enhanced == "5.7.8"
    assert len(reply.lines) == 2
    assert "BadCredentials" in reply.text
    assert not p.has_unparsed_data


def test_trailing_data_stays_buffered():
    replies, p = parse_all(b"220 hi\r\n250 partial")
    assert [r.code for r in replies] == [220]
    assert p.has_unparsed_data


def test_bare_lf_and_bare_cr_and_nul_are_tolerated_and_visible():
    (reply,), _ = parse_all(b"250 a\rb\x00c\n")
    assert reply.lines == ("a\u240db\u2400c",)


def test_non_utf8_text_falls_back_to_latin1():
    (reply,), _ = parse_all("535 5.7.8 Authentifizierung fehlgeschlagen: Benutzer ungültig\r\n".encode("latin-1"))
    assert "ungültig" in reply.text


def test_enhanced_code_must_match_class():
    (reply,), _ = parse_all(b"535 2.7.0 odd\r\n")
    assert reply.enhanced is None


@pytest.mark.parametrize("data", [b"2x0 nope\r\n", b"99 short\r\n", b"hello\r\n", b"250_x\r\n", b"650 nope\r\n"])
def test_bad_codes_are_protocol_errors(data):
    with pytest.raises(RemoteProtocolError):
        parse_all(data)


def test_codes_that_disagree_in_one_reply():
    with pytest.raises(RemoteProtocolError, match="changed its code"):
        parse_all(b"250-a\r\n251 b\r\n")


def test_line_length_limit_without_line_end():
    p = ReplyParser()
    p.feed(b"250 " + b"x" * MAX_LINE_LENGTH)
    with pytest.raises(RemoteProtocolError, match="longer than"):
        p.next_reply()


def test_reply_lines_limit():
    with pytest.raises(RemoteProtocolError, match="lines"):
        parse_all(b"250-x\r\n" * (MAX_REPLY_LINES + 1))


def test_printable_never_fails():
    assert printable(bytes(range(256)))
