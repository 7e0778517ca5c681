"""Every limit that keeps a hostile or broken server from hanging the program
or growing its memory, with the reasoning. All in one place for review."""

# RFC 5321 §4.5.3.1.5 caps a reply line at 512 octets, but real servers send
# longer ones (Google's 534-5.7.14 lines carry long URLs). 8 KiB is generous for
# any honest server and bounds the buffer for a line that never ends.
MAX_LINE_LENGTH = 8192

# An EHLO reply rarely exceeds 20 lines; 200 allows odd servers and stops an
# endless "250-" stream.
MAX_REPLY_LINES = 200

# More than a megabyte from a server in one login test is abuse, not chatter.
MAX_BYTES_PER_RUN = 1024 * 1024

# The longest honest SASL exchange here (LOGIN, or an OAuth error dance) takes
# two challenges; a server that keeps sending them is in a loop.
MAX_SASL_ROUND_TRIPS = 4

# Per-stage timeout (connect, TLS handshake, each reply): long enough for a slow
# greeting (tarpits wait 5-20 s), short enough that a person does not give up.
DEFAULT_TIMEOUT = 20.0
MIN_TIMEOUT = 1.0  # below a second a healthy server on another continent looks dead
MAX_TIMEOUT = 300.0

# The whole run may take a few stage timeouts (connect, TLS, greeting, EHLO,
# AUTH); past four of them the server is stalling on purpose. Each stage's
# timer covers a whole reply, so a server dripping one byte a second cannot
# keep resetting it.
TOTAL_TIMEOUT_FACTOR = 4

# Reading pauses when this much is buffered; the core consumes data at once, so
# this only bounds memory against a flood between two reads.
READ_HIGH_WATER = 256 * 1024

# After the outcome is known, how long to wait for the reply to QUIT.
QUIT_WAIT = 2.0

# IMAP literals from the server (RFC 3501 §4.3) during a login test come only
# in ID or LIST data, a few hundred bytes; 64 KiB bounds a "{4294967295}".
MAX_LITERAL_SIZE = 64 * 1024

# Untagged IMAP responses (or POP3 CAPA lines) answering one command: EXAMINE
# sends about ten, CAPABILITY one; a server streaming "* OK" lines forever to
# keep the per-reply timer alive is stopped here.
MAX_UNTAGGED_RESPONSES = 200

# RFC 2449 §4: a POP3 command line is at most 255 octets, so an initial
# response that would make AUTH longer is sent after the first "+" instead
# (RFC 5034 §4).
MAX_POP3_COMMAND = 255

# An OAuth error challenge (RFC 7628 §3.2.2) is a flat object of a few short
# fields; deeper or larger JSON is shown as text, never parsed (json.loads
# recurses once per level).
MAX_JSON_SIZE = 4096
MAX_JSON_DEPTH = 4

# A CA file is read whole to check it before a run; a bundle of every public
# CA is about 250 KiB.
MAX_CA_FILE = 16 * 1024 * 1024

# Silence after connecting, before a second connection tries TLS on the same
# port: an implicit-TLS port says nothing to a plain client (it waits for a
# ClientHello), while honest servers greet within a second or two; tarpits
# that greet late are still waited for, the probe only adds the answer.
PROBE_AFTER = 3.0
# A probe is one handshake or one greeting: a few seconds, well under a stage.
PROBE_TIMEOUT = 5.0
