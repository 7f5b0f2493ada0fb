"""Every setting, read from the environment and typed, in one place, with defaults that run a
real event on one laptop. README's "Configuration" lists them for people.

`create_app` reads them all (`from_environment`) into the app's config. The one setting needed
earlier is the async mode (`async_mode`): see its docstring.
"""

import os

from .core.state.room import DEFAULT_MAX_PARTICIPANTS

DEFAULT_ASYNC_MODE = "eventlet"
DEFAULTS: dict[str, object] = {
    "HOST": "0.0.0.0",  # noqa: S104  (listen on the venue wifi, so phones can reach the laptop)
    "PORT": 5000,
    "PUBLIC_URL": "",  # e.g. https://facilitator.example.org; empty: the machine's LAN address
    "DATABASE_URL": "",  # empty: SQLite in the instance folder
    "REDIS_URL": "",  # set: Socket.IO message queue, so several processes serve one event
    # Names this app's Redis keys and channel, so apps (or test runs) sharing a Redis never meet
    "REDIS_PREFIX": "facilitator",
    "ASYNC_MODE": DEFAULT_ASYNC_MODE,  # eventlet, gevent or threading
    "SECRET_KEY": "",
    "MAX_PARTICIPANTS": DEFAULT_MAX_PARTICIPANTS,  # largest room
    # Serving (facilitator/serving.py, facilitator/__main__.py)
    "MAX_CONNECTIONS": 10_000,  # eventlet's cap on simultaneous connections (its own is 1,024)
    # Socket.IO connections one address may hold (facilitator/events/connections.py): two for
    # each person of the largest room, all behind one venue NAT
    "MAX_CONNECTIONS_PER_ADDRESS": 2 * DEFAULT_MAX_PARTICIPANTS,
    "WEBSOCKET_COMPRESSION": False,  # per-message compression: CPU per phone (docs/benchmarks.md)
    # Connections that send nothing this long are closed: half-sent requests, silent WebSockets
    # (longer than a ping and its answer may take); idle between requests: KEEPALIVE_SECONDS
    "SOCKET_TIMEOUT_SECONDS": 60.0,
    "KEEPALIVE_SECONDS": 15.0,
    # Engine.IO: the server pings every screen this often, and drops one that doesn't answer
    # within the timeout (python-engineio's defaults, made settings)
    "PING_INTERVAL_SECONDS": 25.0,
    "PING_TIMEOUT_SECONDS": 20.0,
    # Security and housekeeping (facilitator/security.py, facilitator/housekeeping.py)
    "ALLOWED_ORIGINS": "",  # comma-separated origins besides the app's own, e.g. https://a.org
    # Names (besides any IP address, localhost, this machine's name and PUBLIC_URL's) requests
    # may be addressed to, comma-separated; ".example.org" takes subdomains (trusted_hosts.py)
    "ALLOWED_HOSTS": "",
    "FORCE_HTTPS": False,  # redirect http to https and mark cookies Secure (behind TLS only)
    "PROXY_HOPS": 0,  # reverse proxies in front that set X-Forwarded-*: trust that many
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_CREATE_ROOM": "10 per minute;100 per day",  # per client address
    "RATELIMIT_JOIN": "120 per minute",  # per client address (a venue NAT is one address)
    "RATELIMIT_SOCKET_EVENTS": "25 per second;600 per minute",  # per connection
    # A watch's answer is the room's whole snapshot. Per connection: a screen watches when it
    # connects and when it finds itself behind. Per address: a venue's 500 phones behind one NAT
    # all reconnecting at once after the wifi drops, twice over.
    "RATELIMIT_WATCH": "10 per 10 seconds;30 per minute",
    "RATELIMIT_WATCH_PER_ADDRESS": "1000 per minute",
    # Asks and offers per address: every person of the largest room posting in the same minute
    # from behind one venue NAT. One person's share is smaller still (25 on the board, 10 a
    # minute: core/state/board.py); this bounds what one machine's many joined bots can post.
    "RATELIMIT_POSTS_PER_ADDRESS": f"{DEFAULT_MAX_PARTICIPANTS} per minute",
    # Unknown event codes per address (code_guesses.py); past it, lookups by code from there
    # wait. Pages named by a code, per address: a venue's 500 phones behind one NAT, twice over.
    "RATELIMIT_ROOM_MISSES": "20 per minute;200 per hour",
    "RATELIMIT_PAGES": "1000 per minute",
    # The costliest work a room can ask for (docs/benchmarks.md, "What one message can cost"):
    # exports and the summary per address, reseating the tables per room
    "RATELIMIT_EXPORTS": "10 per minute",
    "RATELIMIT_RESEATING": "6 per minute",
    # Moves to another table by its QR, per person: a wrong sign scanned, then the right one
    "RATELIMIT_MOVES": "2 per minute",
    # Largest Socket.IO message accepted; a larger one closes its connection unread. The largest
    # a screen sends is the host's new speaking order, 13 bytes a person: 6.5 KB for a table of
    # 500, so this leaves room for rooms of 2,000 (each message a script sends costs the server
    # its size to read: docs/benchmarks.md, "What one message can cost").
    "MAX_MESSAGE_BYTES": 32_000,
    # Largest HTTP request body (Flask's own setting), refused with 413 before it is read. The
    # largest a page sends is a custom deck (40,000 characters, each at most 12 bytes encoded).
    "MAX_CONTENT_LENGTH": 512 * 1024,
    "ROOM_TTL_HOURS": 48.0,  # a room nobody ended, untouched this long, is deleted
    "RETENTION_DAYS": 30.0,  # an ended event's follow-up pages last this long, then it is deleted
    "HOUSEKEEPING_INTERVAL_SECONDS": 600,  # how often to look for them; 0: never (use the CLI)
    # Email (facilitator/mail.py): off unless SMTP_URL is set
    "SMTP_URL": "",  # smtp://[user:password@]host[:port] (STARTTLS if offered) or smtps://...
    "MAIL_FROM": "",  # e.g. Breakfast club <hello@example.org>; needed with SMTP_URL
    "MAIL_TIMEOUT_SECONDS": 10.0,  # a mail server slower than this counts as a failed try
    "MAIL_MAX_ATTEMPTS": 5,  # tries per message before giving up
    "MAIL_RETRY_SECONDS": 60.0,  # wait before the 2nd try, doubling for each one after
}


def async_mode() -> str:
    """ASYNC_MODE, read before the app exists: eventlet and gevent must patch the standard
    library before anything else is imported (Flask, SQLAlchemy, psycopg), so the entry points
    need the mode first, and build the app, which reads every setting, only after patching."""
    return os.environ.get("ASYNC_MODE") or DEFAULT_ASYNC_MODE


def from_environment() -> dict[str, object]:
    """The settings the environment overrides (typed like the defaults)."""
    settings = {}
    for key, default in DEFAULTS.items():
        raw = os.environ.get(key)
        if raw is not None and raw != "":
            settings[key] = _typed(raw, default)
    return settings


def setting(key: str) -> object:
    """One setting as the app reads it, for a program that has no app (the benchmark's
    baseline server)."""
    return from_environment().get(key, DEFAULTS[key])


def _typed(raw: str, default: object) -> object:
    if isinstance(default, bool):  # before int: a bool is an int
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    return raw
