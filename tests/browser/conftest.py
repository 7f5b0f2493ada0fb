"""Browser fixtures: one live server for the whole browser session, and a `table` per test.

Every test makes its own event (room) on the shared server, so tests stay independent while the
server starts once. Chromium itself comes from ``tests/fixtures/browser.py`` (session-scoped).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from tests.fixtures.live_server import LiveServer, start_live_server

from .helpers import Table

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext

# Two-core CI machines run a server and several Chromium contexts at once: be patient.
expect.set_options(timeout=20_000)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A real `python -m facilitator` on 127.0.0.1 for every browser test.

    All test traffic comes from one address, so the per-address limit on creating events is
    raised; every other limit stays as shipped.
    """
    server = start_live_server(tmp_path_factory.mktemp("browser-server"),
                               {"RATELIMIT_CREATE_ROOM": "1000 per minute"})
    yield server
    server.stop(timeout=5)


@pytest.fixture
def table(browser: Browser, server: LiveServer,
          phone_context: Callable[..., BrowserContext]) -> Iterator[Table]:
    """A new event's table: `table.create()` opens the host screen, `table.join(name)` a phone."""
    made = Table(browser, server.url, phone_context)
    yield made
    made.close()
