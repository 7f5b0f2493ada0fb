"""Returning organisers over HTTP: the host starts the next event from this one, and the create
form takes a deck the host wrote."""

import json
from urllib.parse import urlsplit

from markupsafe import escape

from facilitator.core.state.again import DECK_REFUSED
from facilitator.store import get_store

from .helpers import join, open_table


def bearer(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


def test_the_host_starts_the_next_event_from_this_one(app, client, socketio_client):
    table = open_table(client, socketio_client, name="Breakfast #7", turn_seconds=60)
    join(socketio_client, table.code, "Ann")
    table.host.emit("host", {"action": "prompt_add", "args": {"text": "Anything to add?"}},
                    callback=True)
    table.host.emit("host", {"action": "end_event"}, callback=True)
    page = client.get(f"/host/{table.code}").get_data(as_text=True)
    assert 'value="Breakfast #8"' in page  # the name suggested for the next one

    url = f"/host/{table.code}/again"
    assert client.post(url, json={"name": "Breakfast #8"}).status_code == 401
    answer = client.post(url, json={"name": "Breakfast #8"}, headers=bearer(table.host_key))
    assert answer.status_code == 200 and answer.json["ok"]
    where = urlsplit(answer.json["url"])
    assert where.path == f"/host/{answer.json['code']}" and where.fragment.startswith("key=")
    with app.app_context():
        old, new = get_store().load(table.code), get_store().load(answer.json["code"])
    assert new.is_host(where.fragment.removeprefix("key="))
    assert new.name == "Breakfast #8" and new.participants == {}
    assert [p["text"] for p in new.prompts.items] == [p["text"] for p in old.prompts.items]
    assert new.turn_seconds == 60
    refused = client.post(url, json={"name": ""}, headers=bearer(table.host_key))
    assert refused.status_code == 400 and refused.json["ok"] is False


def test_the_create_form_takes_a_deck_the_host_wrote(app, client):
    deck = [{"text": "What brought you here?", "kind": "story"},
            {"text": "What do you need?", "kind": "ask"}]
    made = client.post("/rooms", data={"name": "Mine", "deck": "custom", "turn_seconds": "90",
                                       "prompts": json.dumps(deck)})
    assert made.status_code == 303
    code = urlsplit(made.headers["Location"]).path.rsplit("/", 1)[1]
    with app.app_context():
        room = get_store().load(code)
    assert [(p["text"], p["kind"]) for p in room.prompts.items] == [
        ("What brought you here?", "story"), ("What do you need?", "ask")]
    bad = client.post("/rooms", data={"name": "Mine", "deck": "custom", "turn_seconds": "90",
                                      "prompts": "{not json"})
    assert bad.status_code == 400 and escape(DECK_REFUSED) in bad.get_data(as_text=True)
    missing = client.post("/rooms", data={"name": "Mine", "deck": "custom", "turn_seconds": "90"})
    assert missing.status_code == 400 and "import yours" in missing.get_data(as_text=True)
