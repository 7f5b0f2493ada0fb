"""Facilitator: run a generous networking round live, from a projector and people's phones."""

import os

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from . import config, store
from .extensions import socketio

csrf = CSRFProtect()
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: defaults, then the environment, then `test_config`."""
    app = Flask(__name__, instance_relative_config=True,
                template_folder=os.path.join(ROOT, "templates"),
                static_folder=os.path.join(ROOT, "static"))
    app.config.from_mapping(config.DEFAULTS)
    app.config.update(config.from_environment())
    if test_config:
        app.config.update(test_config)
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = os.urandom(32).hex()

    store.init_app(app)
    csrf.init_app(app)
    socketio.init_app(
        app,
        # The test client needs no server; real servers get the mode `__main__` patched for.
        async_mode="threading" if app.config.get("TESTING") else app.config["ASYNC_MODE"],
        message_queue=app.config["REDIS_URL"] or None,
    )

    from . import events  # noqa: F401  (registers the Socket.IO handlers)
    from .views import bp
    app.register_blueprint(bp)
    return app
