"""Settings from the environment, with defaults that run a real event on one laptop."""

import os

DEFAULTS = {
    "HOST": "0.0.0.0",  # noqa: S104  (listen on the venue wifi, so phones can reach the laptop)
    "PORT": 5000,
    "PUBLIC_URL": "",  # e.g. https://facilitator.example.org; empty: the machine's LAN address
    "DATABASE_URL": "",  # empty: SQLite in the instance folder
    "REDIS_URL": "",  # set: Socket.IO message queue, so several processes serve one event
    "ASYNC_MODE": "eventlet",
    "SECRET_KEY": "",
    "MAX_PARTICIPANTS": 500,
}


def from_environment() -> dict:
    """The settings the environment overrides (typed like the defaults)."""
    settings = {}
    for key, default in DEFAULTS.items():
        raw = os.environ.get(key)
        if raw is not None and raw != "":
            settings[key] = int(raw) if isinstance(default, int) else raw
    return settings
