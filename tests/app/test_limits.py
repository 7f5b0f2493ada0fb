"""Limits on Socket.IO traffic: joins per address, events per connection, people per room."""

import pytest
from limits import parse_many

from facilitator import create_app
from facilitator.code_guesses import TOO_MANY_MISSES
from facilitator.extensions import socketio
from facilitator.security import (
    TOO_FAST,
    TOO_MANY_JOINS,
    TOO_MANY_MOVES,
    TOO_MANY_WATCHES,
    TOO_MUCH_RESEATING,
    counted,
)

from .helpers import create_room


@pytest.fixture
def limited_app(tmp_path):
    """Build an app with the given limits (the `app` fixture has rate limits off)."""
    made = []

    def make(**config):
        made.append(create_app({
            "TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path}/limits.db",
            "PUBLIC_URL": "http://127.0.0.1:5000", "SECRET_KEY": "t", "WTF_CSRF_ENABLED": False,
            **config}))
        return made[-1]

    yield make
    for app in made:
        app.extensions["room_store"].engine.dispose()


def connect(app, n=1):
    return [socketio.test_client(app, flask_test_client=app.test_client()) for _ in range(n)]


def version(client, code):
    return client.emit("watch", {"code": code}, callback=True)["snapshot"]["version"]


def test_joins_from_one_address_are_limited_and_refusals_change_nothing(limited_app):
    app = limited_app(RATELIMIT_JOIN="3 per minute")
    code, _ = create_room(app.test_client())
    phones = connect(app, 4)
    acks = [p.emit("join", {"code": code, "name": f"P{i}"}, callback=True)
            for i, p in enumerate(phones)]
    assert [a["ok"] for a in acks] == [True, True, True, False]
    assert acks[3]["error"] == TOO_MANY_JOINS
    viewer, = connect(app)
    assert version(viewer, code) == 3
    # Others on the same address can still take part: only joining is limited.
    assert phones[0].emit("profile", {"name": "P0 again"}, callback=True)["ok"]


def test_a_flood_on_one_connection_is_refused_without_hurting_others(limited_app):
    app = limited_app(RATELIMIT_SOCKET_EVENTS="10 per minute")
    code, key = create_room(app.test_client())
    flooder, host = connect(app, 2)
    acks = [flooder.emit("watch", {"code": code}, callback=True) for _ in range(15)]
    assert [a["ok"] for a in acks] == [True] * 10 + [False] * 5
    assert {a.get("error") for a in acks[10:]} == {TOO_FAST}
    assert host.emit("watch", {"code": code, "host_key": key}, callback=True)["ok"]


def test_rate_limits_can_be_switched_off(limited_app):
    app = limited_app(RATELIMIT_ENABLED=False, RATELIMIT_SOCKET_EVENTS="1 per minute")
    code, _ = create_room(app.test_client())
    viewer, = connect(app)
    assert all(viewer.emit("watch", {"code": code}, callback=True)["ok"] for _ in range(5))


def test_a_room_holds_at_most_max_participants(limited_app):
    app = limited_app(MAX_PARTICIPANTS=3, RATELIMIT_ENABLED=False)
    code, key = create_room(app.test_client())
    phones = connect(app, 4)
    acks = [p.emit("join", {"code": code, "name": f"P{i}"}, callback=True)
            for i, p in enumerate(phones)]
    assert [a["ok"] for a in acks] == [True, True, True, False]
    assert acks[3]["error"] == "This room is full (3 people)."
    assert acks[0]["snapshot"]["sections"]["room"]["max_participants"] == 3
    # A seat frees up when someone leaves.
    assert phones[0].emit("leave", {}, callback=True)["ok"]
    assert phones[3].emit("join", {"code": code, "name": "P3"}, callback=True)["ok"]


def test_posting_is_limited_per_person_with_a_clear_message(limited_app):
    app = limited_app(RATELIMIT_ENABLED=False)  # the board's own limit holds regardless
    code, _ = create_room(app.test_client())
    ann, bob = connect(app, 2)
    for phone, name in ((ann, "Ann"), (bob, "Bob")):
        assert phone.emit("join", {"code": code, "name": name}, callback=True)["ok"]
    acks = [ann.emit("post_ask", {"text": f"Ask {i}"}, callback=True) for i in range(11)]
    assert [a["ok"] for a in acks] == [True] * 10 + [False]
    assert "posting very fast" in acks[10]["error"]
    assert bob.emit("post_ask", {"text": "Mine"}, callback=True)["ok"]  # per person


def test_a_connection_counts_afresh_in_each_window():
    second, minute = parse_many("2 per second;3 per minute")
    counts = {}
    assert [counted([second, minute], counts, t) for t in (0.0, 0.5, 0.9)] == [True, True, False]
    assert counted([second], counts, 1.0)  # a new second
    assert not counted([minute], counts, 59.0)  # the minute still holds the earlier three
    assert counted([minute], counts, 60.0)


def test_watches_are_limited_per_connection_and_per_address(limited_app):
    app = limited_app(RATELIMIT_WATCH="3 per minute", RATELIMIT_WATCH_PER_ADDRESS="5 per minute")
    code, _ = create_room(app.test_client())
    first, second, third = connect(app, 3)
    acks = [first.emit("watch", {"code": code}, callback=True) for _ in range(4)]
    assert [a["ok"] for a in acks] == [True, True, True, False]
    assert acks[3]["error"] == TOO_FAST
    assert first.emit("sync", {}, callback=True)["ok"]  # other events go on
    acks = [second.emit("watch", {"code": code}, callback=True) for _ in range(3)]
    # The address has had its five (first's refused one never reached the address's count).
    assert [a["ok"] for a in acks] == [True, True, False]
    assert acks[2]["error"] == TOO_MANY_WATCHES
    assert not third.emit("watch", {"code": code}, callback=True)["ok"]


def test_connections_per_address_are_capped(limited_app):
    app = limited_app(MAX_CONNECTIONS_PER_ADDRESS=2)
    first, second = connect(app, 2)
    third, = connect(app)
    assert first.is_connected() and second.is_connected() and not third.is_connected()
    first.disconnect()  # a place frees up
    fourth, = connect(app)
    assert fourth.is_connected()


def test_guessing_codes_stops_every_lookup_from_that_address(limited_app):
    app = limited_app(RATELIMIT_ROOM_MISSES="2 per minute")
    http = app.test_client()
    code, _ = create_room(http)
    assert http.get(f"/j/{code}").status_code == 200  # a hit is not a miss
    assert [http.get(f"/j/{wrong}").status_code for wrong in ("AAAAAA", "BBBBBB")] == [404, 404]
    # Now nothing tells a hit from a miss: the live room is refused as the next guess is.
    for path in (f"/j/{code}", "/j/CCCCCC", f"/qr/{code}.svg", f"/join?code={code}"):
        refused = http.get(path)
        assert refused.status_code == 429 and TOO_MANY_MISSES in refused.get_data(as_text=True)
    viewer, = connect(app)
    assert viewer.emit("watch", {"code": code}, callback=True)["error"] == TOO_MANY_MISSES
    other_network = {"REMOTE_ADDR": "192.0.2.9"}
    assert http.get(f"/j/{code}", environ_base=other_network).status_code == 200


def test_pages_named_by_a_code_are_limited_per_address(limited_app):
    app = limited_app(RATELIMIT_PAGES="3 per minute")
    http = app.test_client()
    code, _ = create_room(http)
    statuses = [http.get(f"/j/{code}").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert http.get("/").status_code == 200  # the home page is not one of them


def test_a_person_moves_between_tables_twice_a_minute_however_they_reconnect(limited_app):
    """Re-scanning two tables' signs moved someone back and forth as fast as a phone may send,
    changing both tables' turn orders each time: a wrong sign, then the right one, is enough."""
    app = limited_app()
    created = app.test_client().post("/rooms", data={
        "name": "Breakfast", "deck": "classic", "turn_seconds": "90", "seating": "count",
        "tables": "2"})
    code = created.headers["Location"].split("#")[0].rsplit("/", 1)[1]
    phones = connect(app, 3)
    ada = phones[0].emit("join", {"code": code, "name": "Ada"}, callback=True)
    for i, phone in enumerate(phones[1:]):
        assert phone.emit("join", {"code": code, "name": f"P{i}"}, callback=True)["ok"]
    moves = [phones[0].emit("sit", {"table": table}, callback=True) for table in (2, 1)]
    assert [m["ok"] for m in moves] == [True, True], moves
    again = connect(app)[0]  # a new connection starts no new count
    assert again.emit("watch", {"code": code, "token": ada["token"]}, callback=True)["ok"]
    refused = again.emit("sit", {"table": 2}, callback=True)
    assert refused == {"ok": False, "error": TOO_MANY_MOVES, "version": refused["version"]}
    assert again.emit("watch", {"code": code, "token": ada["token"]},
                      callback=True)["snapshot"]["items"]["seats"][ada["me"]] == 1


def test_the_costliest_controls_are_limited(limited_app):
    app = limited_app(RATELIMIT_RESEATING="2 per minute", RATELIMIT_EXPORTS="2 per minute")
    http = app.test_client()
    code, key = create_room(http)
    host, *phones = connect(app, 5)
    assert host.emit("watch", {"code": code, "host_key": key}, callback=True)["ok"]
    for i, phone in enumerate(phones):
        assert phone.emit("join", {"code": code, "name": f"P{i}"}, callback=True)["ok"]
    acks = [host.emit("host", {"action": "tables", "args": {"count": 2}}, callback=True),
            host.emit("host", {"action": "reshuffle"}, callback=True),
            host.emit("host", {"action": "reshuffle"}, callback=True)]
    assert [a["ok"] for a in acks] == [True, True, False], acks
    assert acks[2]["error"] == TOO_MUCH_RESEATING
    assert host.emit("host", {"action": "shuffle", "args": {"table": 1}},
                     callback=True)["ok"]  # other controls go on
    exports = [http.get(f"/host/{code}/export.csv", headers={"Authorization": f"Bearer {key}"})
               for _ in range(3)]
    assert [e.status_code for e in exports] == [200, 200, 429]
