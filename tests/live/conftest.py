"""Fixtures for live-server tests."""

import gc
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from .reconnecting import Reconnecting


@pytest.fixture
def two_processes(live_server, postgres_url, redis_url, redis_prefix):
    """Servers A and B on their own ports, sharing the database and the message queue."""
    env = {"DATABASE_URL": postgres_url, "REDIS_URL": redis_url, "REDIS_PREFIX": redis_prefix}
    return live_server(extra_env=env), live_server(extra_env=env)


@pytest.fixture
def screens() -> Iterator[Callable[..., Reconnecting]]:
    """Factory for `Reconnecting` screens (`screens(url, code, host_key=...)`); every screen is
    closed at teardown, so a failing test leaves no connection behind for the next one."""
    made: list[Reconnecting] = []

    def make(*args: object, **kwargs: object) -> Reconnecting:
        made.append(Reconnecting(*args, **kwargs))
        return made[-1]

    yield make
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(Reconnecting.close, made))
    # python-engineio's client drops, unclosed, the socket of a WebSocket whose handshake failed
    # while reconnecting (common in a storm on a busy machine). Collect them now, quietly, so
    # their ResourceWarning doesn't surface in whichever test runs next.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
