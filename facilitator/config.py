"""Settings from the environment, with defaults that run a real event on one laptop."""

import os

DEFAULTS = {
    "HOST": "0.0.0.0",  # noqa: S104  (listen on the venue wifi, so phones can reach the laptop)
    "PORT": 5000,
    "PUBLIC_URL": "",  # e.g. https://facilitator.example.org; empty: the machine's LAN address
    "DATABASE_URL": "",  # empty: SQLite in the instance folder
    "REDIS_URL": "",  # set: Socket.IO message queue, so several processes serve one event
    # Names this app's Redis keys and channel, so apps (or test runs) sharing a Redis never meet
    "REDIS_PREFIX": "facilitator",
    "ASYNC_MODE": "eventlet",
    "SECRET_KEY": "",
    "MAX_PARTICIPANTS": 500,
    # Security and housekeeping (facilitator/security.py, facilitator/housekeeping.py)
    "ALLOWED_ORIGINS": "",  # comma-separated origins besides the app's own, e.g. https://a.org
    "FORCE_HTTPS": False,  # redirect http to https and mark cookies Secure (behind TLS only)
    "PROXY_HOPS": 0,  # reverse proxies in front that set X-Forwarded-*: trust that many
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_CREATE_ROOM": "10 per minute;100 per day",  # per client address
    "RATELIMIT_JOIN": "120 per minute",  # per client address (a venue NAT is one address)
    "RATELIMIT_SOCKET_EVENTS": "25 per second;600 per minute",  # per connection
    "MAX_MESSAGE_BYTES": 100_000,  # largest Socket.IO message accepted
    "ROOM_TTL_HOURS": 48.0,  # a room untouched this long is deleted
    "HOUSEKEEPING_INTERVAL_SECONDS": 600,  # how often to look for them; 0: never (use the CLI)
}


def from_environment() -> dict:
    """The settings the environment overrides (typed like the defaults)."""
    settings = {}
    for key, default in DEFAULTS.items():
        raw = os.environ.get(key)
        if raw is not None and raw != "":
            settings[key] = _typed(raw, default)
    return settings


def _typed(raw: str, default: object) -> object:
    if isinstance(default, bool):  # before int: a bool is an int
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    return raw
