"""Settings come from the environment, typed, in one place; a server process is started one way
(`serving.server_app`), whichever entry point starts it."""

import gc

import pytest
from flask import request

from facilitator import config
from facilitator.serving import server_app


def test_settings_are_typed_like_their_defaults(monkeypatch):
    monkeypatch.setenv("MAX_CONNECTIONS", "20000")
    monkeypatch.setenv("WEBSOCKET_COMPRESSION", "yes")
    monkeypatch.setenv("ROOM_TTL_HOURS", "1.5")
    monkeypatch.setenv("PUBLIC_URL", "")  # empty: the default stays
    settings = config.from_environment()
    assert settings["MAX_CONNECTIONS"] == 20000
    assert settings["WEBSOCKET_COMPRESSION"] is True and settings["ROOM_TTL_HOURS"] == 1.5
    assert "PUBLIC_URL" not in settings
    assert config.setting("MAX_CONNECTIONS") == 20000


def test_the_async_mode_is_read_alone_and_defaults_to_eventlet(monkeypatch):
    monkeypatch.delenv("ASYNC_MODE", raising=False)
    assert config.async_mode() == config.DEFAULTS["ASYNC_MODE"] == "eventlet"
    monkeypatch.setenv("ASYNC_MODE", "gevent")
    assert config.async_mode() == "gevent"


@pytest.fixture
def server_environment(monkeypatch, tmp_path):
    """What `server_app` reads, pointed at this test's own files; the collector as it was."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/server.db")
    monkeypatch.setenv("SECRET_KEY", "t")
    monkeypatch.setenv("HOUSEKEEPING_INTERVAL_SECONDS", "0")
    threshold = gc.get_threshold()
    yield monkeypatch
    gc.unfreeze()
    gc.set_threshold(*threshold)


@pytest.mark.parametrize(("setting", "offered"), [("", False), ("0", False), ("1", True)])
def test_websocket_compression_is_negotiated_only_when_configured(server_environment, setting,
                                                                   offered):
    server_environment.setenv("WEBSOCKET_COMPRESSION", setting)
    app = server_app("threading")
    seen = []
    app.before_request(lambda: seen.append(request.headers.get("Sec-WebSocket-Extensions")))
    app.test_client().get("/healthz", headers={"Sec-WebSocket-Extensions": "permessage-deflate"})
    assert seen == ["permessage-deflate" if offered else None]
    app.extensions["room_store"].engine.dispose()
