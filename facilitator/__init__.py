"""Facilitator: run a generous networking round live, from a projector and people's phones."""

import os
import secrets
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def create_app(test_config: dict | None = None) -> "Flask":
    """Build the app: defaults, then the environment, then `test_config`."""
    # Imported here, not at the top: `python -m facilitator` imports this package before its
    # __main__ runs, and eventlet/gevent must patch the standard library before Flask loads.
    from . import (
        access_log,
        body_limit,
        client_config,
        code_guesses,
        config,
        events,
        housekeeping,
        i18n,
        mail,
        refusals,
        security,
        serving,
        store,
    )
    from .extensions import csrf, socketio

    # Importing `events` registers the handlers, which must come before the first init_app:
    # Flask-SocketIO keeps only those registered while it has no server, and replays them onto
    # every app's new server.
    app = events.sessions.App(__name__, instance_relative_config=True,
                              template_folder=os.path.join(ROOT, "templates"),
                              static_folder=os.path.join(ROOT, "static"))
    app.config.from_mapping(config.DEFAULTS)
    app.config.update(config.from_environment())
    if test_config:
        app.config.update(test_config)
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = _instance_secret(app)

    store.init_app(app)
    csrf.init_app(app)
    socketio.init_app(
        app,
        # The test client needs no server; real servers get the mode `__main__` patched for.
        async_mode="threading" if app.config.get("TESTING") else app.config["ASYNC_MODE"],
        message_queue=app.config["REDIS_URL"] or None,
        channel=f"{app.config['REDIS_PREFIX']}-socketio",
        serializer=serving.TextPacket,
        ping_interval=app.config["PING_INTERVAL_SECONDS"],
        ping_timeout=app.config["PING_TIMEOUT_SECONDS"],
        **security.socketio_options(app),  # allowed origins (never "*"), message size cap
    )
    events.sessions.init_app(app)
    security.init_app(app)  # after Socket.IO, so a proxy fix covers its requests too
    refusals.init_app(app)
    body_limit.init_app(app)
    code_guesses.init_app(app)
    access_log.init_app(app)
    housekeeping.init_app(app)
    mail.init_app(app)
    client_config.init_app(app)
    i18n.init_app(app)

    from . import pages
    pages.init_app(app)
    return app


def _instance_secret(app: "Flask") -> str:
    """A secret key made on first run and kept in the instance folder, so a restart does not
    invalidate the forms people have open."""
    path = os.path.join(app.instance_path, "secret_key")
    os.makedirs(app.instance_path, exist_ok=True)
    if not os.path.exists(path):
        with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as out:
            out.write(secrets.token_hex(32))
    with open(path) as secret:
        return secret.read().strip()
