"""Onlookers get every change after the people taking part (issue 16.2): anyone may watch an
event as often as the limits allow, and every change is sent to each watching screen, so a crowd
of watchers must delay only themselves. Each change's deltas go out to the phones and the
console first, then the same deltas to the onlookers (the display, a phone not joined yet),
who still get every one, and a phone that joins moves from the onlookers to the room."""

import pytest

from facilitator.extensions import socketio

from .helpers import join, open_table, updates


@pytest.fixture
def sent(monkeypatch):
    """The Socket.IO rooms the app emits to, in order."""
    order: list[str] = []
    emit = socketio.emit

    def recording(event, *args, **kwargs):
        to = kwargs.get("to", "")
        order.append(" ".join(to) if isinstance(to, list) else to)
        return emit(event, *args, **kwargs)

    monkeypatch.setattr(socketio, "emit", recording)
    return order


def test_people_taking_part_get_each_change_before_any_onlooker(client, socketio_client, sent):
    table = open_table(client, socketio_client)
    phone, _ = join(socketio_client, table.code, "Ann")
    display = socketio_client()
    assert display.emit("watch", {"code": table.code, "tables": "all"}, callback=True)["ok"]
    for screen in (phone, display, table.host):
        screen.get_received()
    sent.clear()
    assert table.host.emit("host", {"action": "start"}, callback=True)["ok"]

    looking_on = [i for i, to in enumerate(sent) if to.startswith("onlookers")]
    taking_part = [i for i, to in enumerate(sent) if not to.startswith("onlookers")]
    assert looking_on and taking_part and max(taking_part) < min(looking_on)
    got = {screen: [(m["name"], m["args"][0]["version"]) for m in screen.get_received()
                    if m["name"] in ("room_update", "table_update")]
           for screen in (phone, display)}
    assert got[display] == got[phone] and {name for name, _ in got[phone]} == {
        "room_update", "table_update"}


def test_a_phone_that_joins_leaves_the_onlookers(client, socketio_client):
    table = open_table(client, socketio_client)
    phone = socketio_client()
    assert phone.emit("watch", {"code": table.code}, callback=True)["ok"]
    assert phone.emit("join", {"code": table.code, "name": "Ann"}, callback=True)["ok"]
    phone.get_received()
    assert table.host.emit("host", {"action": "start"}, callback=True)["ok"]
    assert len(updates(phone, "room_update")) == 1  # once: not as an onlooker too
