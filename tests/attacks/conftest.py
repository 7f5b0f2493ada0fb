"""Fixtures for the attack tests: a real server (one per test module, with the default limits)
and raw connections to it, closed at teardown whatever the test did."""

from collections.abc import Callable, Iterator

import pytest

from tests.fixtures.live_server import LiveServer, start_live_server

from .helpers import RawHttp


@pytest.fixture(scope="module")
def attacked_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """`python -m facilitator` with its defaults (rate limits on), shared by a module's tests;
    a test that needs other settings starts its own with `live_server`."""
    server = start_live_server(tmp_path_factory.mktemp("attacked"))
    yield server
    server.stop(timeout=5)


@pytest.fixture
def raw_http() -> Iterator[Callable[[str], RawHttp]]:
    """Factory: `raw_http(url)` opens a hand-written connection; all are closed at teardown."""
    made: list[RawHttp] = []

    def connect(url: str) -> RawHttp:
        made.append(RawHttp(url))
        return made[-1]

    yield connect
    for connection in made:
        connection.close()
