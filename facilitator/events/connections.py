"""Socket.IO connections per client address, capped (MAX_CONNECTIONS_PER_ADDRESS, issue 16.2).

Every connection holds memory and a place among the server's MAX_CONNECTIONS, and each can send
events at the allowed rate: a script opening thousands from one machine multiplied every other
limit. The default, 1,000, is two for each person of the largest room (MAX_PARTICIPANTS): a
venue's 500 phones behind one NAT all get in, each with a second connection while a dropped
one is still being noticed. Counted per process (a connection lives in one).
"""

import threading
from collections import Counter

from flask import current_app, request, session
from flask_socketio import ConnectionRefusedError

from ..extensions import socketio

TOO_MANY_CONNECTIONS = ("Too many screens from your network are connected to this event "
                        "server. Close some, or ask the organiser to raise the limit.")


class OpenConnections:
    """How many connections each address has open in this process."""

    def __init__(self) -> None:
        self._counts: Counter[str] = Counter()
        self._guard = threading.Lock()  # the threading async mode connects in parallel

    def open(self, address: str, cap: int) -> bool:
        """Count a new connection from `address`; False (not counted) if it has `cap` open."""
        with self._guard:
            if self._counts[address] >= cap:
                return False
            self._counts[address] += 1
            return True

    def close(self, address: str) -> None:
        with self._guard:
            self._counts[address] -= 1
            if self._counts[address] <= 0:
                del self._counts[address]


def _open_connections() -> OpenConnections:
    if (counts := current_app.extensions.get("open connections")) is None:
        counts = current_app.extensions["open connections"] = OpenConnections()
    return counts


@socketio.on("connect")
def connect(auth: object = None) -> None:
    address = request.remote_addr or "?"
    if not _open_connections().open(address, current_app.config["MAX_CONNECTIONS_PER_ADDRESS"]):
        raise ConnectionRefusedError(TOO_MANY_CONNECTIONS)
    session["address"] = address


@socketio.on("disconnect")
def disconnect(*reason: object) -> None:
    if (address := session.pop("address", None)) is not None:
        _open_connections().close(address)
