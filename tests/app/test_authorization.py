"""Who may do what, enforced by the server whatever a client sends by hand; secrets stay secret."""

import json

import pytest

from facilitator.core.state.identity import digest
from facilitator.core.state.persisted import room_to_dict, table_to_dict
from facilitator.payloads.host import HOST_ACTIONS
from facilitator.store import get_store

from .helpers import create_room, join, open_table, refusal

HOST_ONLY = "Only the host can do that."


def saved(app, code: str) -> dict:
    """The event as stored: everything, not just what screens see, its tables too."""
    with app.app_context():
        store = get_store()
        return {**room_to_dict(store.load(code)),
                "tables": [table_to_dict(t) for t in store.load_tables(code)]}


@pytest.fixture
def table(client, socketio_client):
    """A room with a host and two phones, a round running and one ask on the board."""
    table = open_table(client, socketio_client)
    ann, a = join(socketio_client, table.code, "Ann")
    bob, b = join(socketio_client, table.code, "Bob")
    assert table.host.emit("host", {"action": "start"}, callback=True)["ok"]
    ask = ann.emit("post_ask", {"text": "A printer"}, callback=True)
    assert ask["ok"], ask
    table.people = {"ann": (ann, a), "bob": (bob, b)}
    table.ask_id = ask["id"]
    return table


def host_requests(table) -> list[tuple[str, dict]]:
    """Every host control, with arguments the host could use, plus the other host-only events."""
    pids = [ack["me"] for _, ack in table.people.values()]
    args = {"reorder": {"order": pids[1:]}, "remove": {"pid": pids[0]},
            "turn_seconds": {"seconds": 60}, "language": {"language": "de"},
            "prompt_add": {"text": "Hi"},
            "prompt_edit": {"id": "x", "text": "Hi"}, "prompt_move": {"id": "x", "to": 0}}
    requests = [("host", {"action": name, "args": args.get(name, {})}) for name in HOST_ACTIONS]
    return [*requests, ("moderate", {"id": table.ask_id, "hidden": True}),
            ("delete_room", {"code": table.code})]


def test_an_attendee_cannot_run_any_host_action(app, table, socketio_client):
    viewer = socketio_client()
    assert viewer.emit("watch", {"code": table.code}, callback=True)["ok"]
    ann = table.people["ann"][0]
    before = saved(app, table.code)
    for sender in (ann, viewer):
        for event, payload in host_requests(table):
            # Extra fields claiming to be the host change nothing either.
            ack = sender.emit(event, {**payload, "host": True, "role": "host"}, callback=True)
            assert refusal(ack) == HOST_ONLY, (event, payload)
    assert saved(app, table.code) == before


def test_a_token_is_not_a_host_key_and_a_key_works_for_its_own_room_only(client, table,
                                                                         socketio_client):
    ann_token = table.people["ann"][1]["token"]
    other_code, other_key = create_room(client)
    probe = socketio_client()
    for payload in ({"code": table.code, "host_key": ann_token},
                    {"code": other_code, "host_key": table.host_key}):
        ack = probe.emit("watch", payload, callback=True)
        assert not ack["ok"] and "host link" in ack["error"]
    assert probe.emit("host", {"action": "start"}, callback=True)["error"] == HOST_ONLY


def test_a_participant_cannot_act_as_another(app, table):
    a, (bob, b) = table.people["ann"][1], table.people["bob"]
    before = saved(app, table.code)
    assert before["tables"][0]["turns"]["order"][0] == a["me"]  # Ann is speaking, not Bob
    refused = [
        bob.emit("turn_done", {"pid": a["me"]}, callback=True),
        bob.emit("turn_pass", {"pid": a["me"]}, callback=True),
        bob.emit("edit_post", {"id": table.ask_id, "text": "Mine now"}, callback=True),
        bob.emit("delete_post", {"id": table.ask_id}, callback=True),
    ]
    assert not any(ack["ok"] for ack in refused), refused
    assert all(ack["error"] for ack in refused)
    assert saved(app, table.code) == before
    # Fields naming someone else are ignored: Bob's profile and ask stay Bob's.
    assert bob.emit("profile", {"pid": a["me"], "name": "Bobby"}, callback=True)["ok"]
    posted = bob.emit("post_ask", {"text": "Advice", "for": a["me"], "author": a["me"]},
                      callback=True)
    after = saved(app, table.code)
    people = {p["id"]: p for p in after["participants"]}
    assert (people[a["me"]]["name"], people[b["me"]]["name"]) == ("Ann", "Bobby")
    [ask] = [p for p in after["board"]["posts"] if p["id"] == posted["id"]]
    assert ask["author"] == b["me"]


def test_a_token_only_opens_its_own_room(client, table, socketio_client):
    other_code, _ = create_room(client)
    ann = table.people["ann"][0]
    ack = ann.emit("watch", {"code": other_code, "token": table.people["ann"][1]["token"]},
                   callback=True)
    assert not ack["ok"] and "join again" in ack["error"]
    # Watching another room as a viewer drops the participant role: no acting here from there.
    assert ann.emit("watch", {"code": other_code}, callback=True)["role"] == "viewer"
    assert not ann.emit("post_ask", {"text": "Sneaky"}, callback=True)["ok"]
    assert not ann.emit("turn_done", {}, callback=True)["ok"]


def secrets_of(table) -> list[str]:
    tokens = [ack["token"] for _, ack in table.people.values()]
    return [table.host_key, *tokens, *(digest(s) for s in [table.host_key, *tokens])]


def test_broadcasts_never_carry_a_secret_or_contact_details(app, client, table,
                                                            socketio_client):
    viewer = socketio_client()
    viewer.emit("watch", {"code": table.code}, callback=True)
    (ann, a), bob = table.people["ann"], table.people["bob"][0]
    contact = client.put(f"/j/{table.code}/me/contact", json={
        "email": "ann@example.org", "share": True},
        headers={"Authorization": f"Bearer {a['token']}"})
    assert contact.status_code == 200, contact.json
    assert bob.emit("post_offer", {"ask": table.ask_id, "kind": "help", "text": "Mine"},
                    callback=True)["ok"]
    assert table.host.emit("moderate", {"id": table.ask_id, "hidden": True}, callback=True)["ok"]
    for action in ("pause", "resume", "next", "shuffle"):
        assert table.host.emit("host", {"action": action}, callback=True)["ok"]
    assert ann.emit("profile", {"name": "Ann B"}, callback=True)["ok"]
    seen = {name: json.dumps(c.get_received()) for name, c in
            [("host", table.host), ("ann", ann), ("bob", bob), ("viewer", viewer)]}
    assert "room_update" in seen["viewer"] and "host_update" not in seen["viewer"]
    for name, received in seen.items():
        for secret in [*secrets_of(table), "ann@example.org"]:
            assert secret not in received, (name, secret)


def test_pages_anyone_can_load_never_carry_a_secret(client, table):
    pages = ["/", f"/j/{table.code}", f"/host/{table.code}", f"/display/{table.code}",
             f"/qr/{table.code}.svg",
             f"/j/{table.code}/me", f"/j/{table.code}/me.json",
             f"/host/{table.code}/export.json"]
    for path in pages:
        body = client.get(path).get_data(as_text=True)
        for secret in secrets_of(table):
            assert secret not in body, path
    # Exports and follow-ups need the right secret in a header, never in the URL.
    ann_token = table.people["ann"][1]["token"]
    as_ann = {"Authorization": f"Bearer {ann_token}"}
    assert client.get(f"/host/{table.code}/export.json", headers=as_ann).status_code == 401
    as_host = {"Authorization": f"Bearer {table.host_key}"}
    assert client.get(f"/host/{table.code}/export.json", headers=as_host).status_code == 200
    other_code, _ = create_room(client)
    assert client.get(f"/j/{other_code}/me.json", headers=as_ann).status_code == 401


def test_tokens_are_random_and_stored_only_as_digests(app, table):
    stored = json.dumps(saved(app, table.code))
    for token in [table.host_key, *(ack["token"] for _, ack in table.people.values())]:
        assert len(token) >= 32 and token not in stored and digest(token) in stored


def test_a_wrong_host_key_is_refused_and_the_screen_stays_what_it_was(client, socketio_client):
    """A wrong key makes no host, and doesn't detach the screen from the room it watched."""
    table = open_table(client, socketio_client)
    other, _ = create_room(client)
    viewer = socketio_client()
    assert viewer.emit("watch", {"code": table.code}, callback=True)["role"] == "viewer"
    for code in (table.code, other):
        refused = viewer.emit("watch", {"code": code, "host_key": table.host_key + "x"},
                              callback=True)
        assert refusal(refused) == "This host link is not valid for this event."
    assert refusal(viewer.emit("host", {"action": "start"}, callback=True)) == HOST_ONLY
    viewer.get_received()
    join(socketio_client, table.code, "Ann")
    assert [m["name"] for m in viewer.get_received()] == ["room_update"]  # still watching
