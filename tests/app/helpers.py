"""Steps that socket tests repeat: create a room over HTTP, join phones, drive the host."""

from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Table:
    code: str
    host_key: str
    host: object  # SocketIOTestClient watching as host


def create_room(client, name: str = "Thursday breakfast", turn_seconds: int = 90) -> tuple:
    """POST the home page's form; returns (code, host key) from the redirect."""
    response = client.post("/rooms", data={"name": name, "deck": "classic",
                                           "turn_seconds": str(turn_seconds)})
    assert response.status_code == 303
    location = urlsplit(response.headers["Location"])
    return location.path.rsplit("/", 1)[1], location.fragment.removeprefix("key=")


def open_table(client, socketio_client, **room) -> Table:
    code, key = create_room(client, **room)
    host = socketio_client()
    ack = host.emit("watch", {"code": code, "host_key": key, "tables": "all"}, callback=True)
    assert ack["ok"] and ack["role"] == "host"
    return Table(code, key, host)


def join(socketio_client, code: str, name: str, **profile) -> tuple:
    """A phone joins; returns (client, ack)."""
    phone = socketio_client()
    ack = phone.emit("join", {"code": code, "name": name, **profile}, callback=True)
    assert ack["ok"], ack
    return phone, ack


def updates(client, event: str = "room_update") -> list[dict]:
    """The room_update (or other) payloads this client received since the last call."""
    return [m["args"][0] for m in client.get_received() if m["name"] == event]


def table_updates(client) -> list[dict]:
    """The table_update payloads this client received since the last call."""
    return updates(client, "table_update")


def refusal(ack: dict) -> str:
    """The message of a refused event (its acknowledgement also carries the room's version once
    the sender is attached to a room)."""
    assert ack["ok"] is False, ack
    return ack["error"]
