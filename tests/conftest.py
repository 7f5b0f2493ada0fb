"""Shared pytest fixtures for Facilitator (tests/README.md says how the tests are laid out).

In-process fixtures (``app``, ``client``, ``socketio_client``) live here. Fixtures that
start processes or talk to services are split into ``tests/fixtures/`` to keep files short:

- ``live_server``            -> tests/fixtures/live_server.py
- ``postgres_url``/``redis_url`` -> tests/fixtures/services.py
- ``browser``/``desktop_page``/``phone_context`` -> tests/fixtures/browser.py
- ``smtp_server``/``closed_smtp_url`` -> tests/fixtures/smtp.py

The app package is imported inside fixtures only, so tooling tests run without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from flask import Flask
    from flask.testing import FlaskClient
    from flask_socketio.test_client import SocketIOTestClient

pytest_plugins = [
    "tests.fixtures.live_server",
    "tests.fixtures.services",
    "tests.fixtures.browser",
    "tests.fixtures.smtp",
]

# Fixtures whose use implies a marker, so `-m "not browser"` / `-m "not live"` just work
# without every test having to remember its decorator.
_IMPLIED_MARKERS = {
    "live_server": "live",
    "attacked_server": "live",
    "browser": "browser",
    "desktop_page": "browser",
    "phone_context": "browser",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        for fixture, marker in _IMPLIED_MARKERS.items():
            if fixture in names and item.get_closest_marker(marker) is None:
                item.add_marker(marker)


@pytest.fixture
def app_settings() -> dict[str, Any]:
    """Settings a test module adds to its `app` (override it there, e.g. to set up email)."""
    return {}


@pytest.fixture
def app(tmp_path: Path, app_settings: dict[str, Any]) -> Iterator[Flask]:
    """A fresh app per test, with its own SQLite file so tests never share state."""
    from facilitator import create_app

    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": f"sqlite:///{tmp_path}/test.db",
            "PUBLIC_URL": "http://127.0.0.1:5000",
            "SECRET_KEY": "test",
            # Forms are tested with CSRF on in their own test; elsewhere it would only add noise.
            "WTF_CSRF_ENABLED": False,
            # Tests fire events far faster than people; rate limits are tested on their own.
            "RATELIMIT_ENABLED": False,
            **app_settings,
        }
    )
    yield app
    app.extensions["room_store"].engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """Flask's HTTP test client; shares cookies/session with ``socketio_client`` clients."""
    return app.test_client()


@pytest.fixture
def socketio_client(app: Flask, client: FlaskClient) -> Iterator[Callable[..., SocketIOTestClient]]:
    """Factory for in-process Socket.IO clients (several per test, e.g. host + participants).

    Call it as ``socketio_client()`` or with ``test_client`` kwargs (``namespace=``,
    ``query_string=``, ``headers=``, ``auth=``, ``flask_test_client=``). By default each client
    shares the ``client`` fixture's cookie jar, so an HTTP login/session carries over.
    Any client still connected at teardown is disconnected.
    """
    from facilitator.extensions import socketio

    made: list[SocketIOTestClient] = []

    def make(**kwargs: Any) -> SocketIOTestClient:
        kwargs.setdefault("flask_test_client", client)
        sio_client = socketio.test_client(app, **kwargs)
        made.append(sio_client)
        return sio_client

    yield make

    for sio_client in made:
        for namespace in list(sio_client.connected):
            if sio_client.is_connected(namespace):
                sio_client.disconnect(namespace)
