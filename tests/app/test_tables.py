"""An event of several tables over Socket.IO and in the store: a change at one table locks,
saves and sends only that table; a join saves the room and the one table it seats at; screens
follow their tables; a reshuffle moves phones to their new table's stream; old rooms split into
parts."""

import json

import pytest
from sqlalchemy import select, update

from facilitator.core.sections import Section
from facilitator.core.state.persisted import FORMAT, room_to_dict, table_to_dict
from facilitator.core.state.room import Room
from facilitator.store import RoomStore, get_store, room_tables, rooms

from .helpers import join, open_table, table_updates, updates


def host(event, action, **args):
    ack = event.host.emit("host", {"action": action, "args": args}, callback=True)
    assert ack["ok"], ack
    return ack


def rows(app, code: str) -> dict:
    """What the store holds: each part's version and when it was last written."""
    with app.app_context():
        with get_store().engine.connect() as conn:
            room = conn.execute(select(rooms.c.version, rooms.c.updated_at)
                                .where(rooms.c.code == code)).one()
            tables = conn.execute(select(room_tables.c.number, room_tables.c.version,
                                         room_tables.c.updated_at)
                                  .where(room_tables.c.code == code)).all()
    return {"room": tuple(room), **{number: (v, at) for number, v, at in tables}}


@pytest.fixture
def event(client, socketio_client):
    """Three tables, seven phones seated by the smallest-table rule, a round running."""
    event = open_table(client, socketio_client)
    host(event, "tables", count=3)
    # The console follows every table: when the event gains one, it follows that one too.
    followed = event.host.emit("follow_tables", {"tables": "all"}, callback=True)
    assert sorted(followed["tables"]) == ["1", "2", "3"]
    event.phones = [join(socketio_client, event.code, f"P{i}") for i in range(7)]
    host(event, "start")
    for c in [event.host, *(phone for phone, _ in event.phones)]:
        c.get_received()
    return event


def test_a_change_at_one_table_writes_and_sends_only_that_table(app, event):
    before = rows(app, event.code)
    phones_at = {n: [(p, a) for p, a in event.phones if a["tables"].get(str(n))]
                 for n in (1, 2, 3)}
    speaker, ack = phones_at[2][0]
    done = speaker.emit("turn_done", {}, callback=True)
    assert done == {"ok": True, "version": before["room"][0],
                    "tables": {"2": before[2][0] + 1}}
    after = rows(app, event.code)
    assert after["room"] == before["room"] and after[1] == before[1] and after[3] == before[3]
    assert after[2][0] == before[2][0] + 1
    # Only the screens following table 2 hear of it; nobody gets a room update.
    for n, phones in phones_at.items():
        for phone, _ in phones:
            received = phone.get_received()
            assert "room_update" not in {m["name"] for m in received}
            assert len([m for m in received if m["name"] == "table_update"]) == (n == 2)
    [delta] = table_updates(event.host)  # the host follows every table
    assert (delta["table"], delta["version"]) == (2, after[2][0])


def test_a_press_at_one_table_reads_the_room_part_once(event, monkeypatch):
    """The console's "next" for a table: the host key is checked on the room part the change
    reads, not on a read of its own (docs/benchmarks.md, "One read per press")."""
    reads = []
    version = RoomStore.version
    monkeypatch.setattr(RoomStore, "version",
                        lambda store, code: reads.append(code) or version(store, code))
    assert list(host(event, "next", table=2)["tables"]) == ["2"]
    assert reads == [event.code]


def test_a_phones_action_at_its_table_reads_the_room_part_once(event, monkeypatch):
    host(event, "features", hands=True)
    phone, ack = event.phones[4]  # listening at table 2
    reads = []
    version = RoomStore.version
    monkeypatch.setattr(RoomStore, "version",
                        lambda store, code: reads.append(code) or version(store, code))
    raised = phone.emit("raise_hand", {}, callback=True)
    assert raised["ok"], raised
    assert list(raised["tables"]) == ["2"] and reads == [event.code]


def test_a_phone_moved_since_its_process_read_the_room_acts_at_its_new_table(event):
    """Which table a phone's action is for is guessed from the room as last read here (before
    the reshuffle, in this test: nothing has read it since) and checked under the table's
    lock."""
    host(event, "end_round")
    host(event, "features", hands=True)
    for phone, _ in event.phones:
        phone.get_received()
    host(event, "reshuffle")
    host(event, "start")
    moved = 0
    for phone, ack in event.phones:
        was = ack["snapshot"]["items"]["seats"][ack["me"]]
        seat = updates(phone)[0]["items"]["seats"].get(ack["me"], was)
        raised = phone.emit("raise_hand", {}, callback=True)
        if not raised["ok"]:
            assert "your turn" in raised["error"], raised  # the speaker asks no one
            continue
        assert list(raised["tables"]) == [str(seat)]
        moved += seat != was
    assert moved >= 3


def test_a_change_of_every_table_loads_them_in_one_query(app, event, monkeypatch):
    """As another process would, having kept none of them: one query, not one per table."""
    del app.extensions["tables kept to change"]
    loads = []
    some = RoomStore.load_some_tables
    monkeypatch.setattr(RoomStore, "load_table", lambda *args: loads.append("one"))
    monkeypatch.setattr(RoomStore, "load_some_tables",
                        lambda store, code, numbers: loads.append(numbers)
                        or some(store, code, numbers))
    ended = host(event, "end_round")
    assert sorted(ended["tables"]) == ["1", "2", "3"] and loads == [[1, 2, 3]]


def test_a_join_saves_the_room_and_the_table_it_seats_at(app, socketio_client, event):
    before = rows(app, event.code)
    phone, ack = join(socketio_client, event.code, "Late")
    seat = ack["snapshot"]["items"]["seats"][ack["me"]]
    assert list(ack["tables"]) == [str(seat)]  # it follows the table it sits at
    after = rows(app, event.code)
    assert after["room"][0] == before["room"][0] + 1
    assert [after[n][0] - before[n][0] for n in (1, 2, 3)] == [int(n == seat) for n in (1, 2, 3)]
    [delta] = updates(event.phones[0][0])
    assert delta["items"]["seats"] == {ack["me"]: seat}


def test_the_console_follows_every_table_and_a_phone_only_its_own(event, socketio_client):
    ack = event.host.emit("watch", {"code": event.code, "host_key": event.host_key,
                                    "tables": "all"}, callback=True)
    assert sorted(ack["tables"]) == ["1", "2", "3"]
    assert all("generosity" in t["sections"] for t in ack["tables"].values())
    phone, first = event.phones[0]
    again = phone.emit("watch", {"code": event.code, "token": first["token"], "tables": "all"},
                       callback=True)
    assert list(again["tables"]) == list(first["tables"])  # a phone follows its own table
    viewer = socketio_client()
    looking = viewer.emit("watch", {"code": event.code}, callback=True)
    assert looking["tables"] == {}
    followed = viewer.emit("follow_tables", {"tables": [2, 9]}, callback=True)
    assert list(followed["tables"]) == ["2"]
    assert "generosity" not in followed["tables"]["2"]["sections"]


def test_after_a_reshuffle_each_moved_phone_is_sent_its_new_table_and_follows_it(event):
    host(event, "end_round")
    for c in [event.host, *(phone for phone, _ in event.phones)]:
        c.get_received()
    host(event, "reshuffle")
    moved = 0
    seats = {}
    for phone, ack in event.phones:
        received = phone.get_received()
        names = [m["name"] for m in received]
        delta = next(m["args"][0] for m in received if m["name"] == "room_update")
        assert delta["sections"]["layout"]["moving"] is True
        was = ack["snapshot"]["items"]["seats"][ack["me"]]
        seats[ack["me"]] = seat = delta["items"]["seats"].get(ack["me"], was)
        if seat == was:
            assert "table_snapshot" not in names
            continue
        moved += 1
        # Its new table, before the room's delta says where it sits: no need to ask.
        assert names.index("table_snapshot") < names.index("room_update")
        pushed = next(m["args"][0] for m in received if m["name"] == "table_snapshot")
        assert pushed["table"] == seat
        assert ack["me"] in pushed["snapshot"]["sections"]["order"]["pids"]
        # Its old table's change (it left) is no longer its business.
        assert all(m["args"][0]["table"] == seat for m in received
                   if m["name"] == "table_update")
    assert moved >= 4
    # From now on each phone gets its new table's deltas, and only those, without asking.
    host(event, "start")
    for phone, ack in event.phones:
        assert {d["table"] for d in table_updates(phone)} == {seats[ack["me"]]}
        followed = phone.emit("follow_tables", {}, callback=True)  # asking still answers
        assert list(followed["tables"]) == [str(seats[ack["me"]])]


def test_a_table_host_and_time_up_over_socket_io(event):
    phone, ack = event.phones[1]  # at table 2, not speaking yet
    assert "Only this table's host" in phone.emit("table_action", {"action": "next"},
                                                  callback=True)["error"]
    host(event, "table_host", table=2, pid=ack["me"])
    moved = phone.emit("table_action", {"action": "next"}, callback=True)
    assert moved["ok"] and list(moved["tables"]) == ["2"]
    assert "move on, skip" in phone.emit("table_action", {"action": "start"},
                                         callback=True)["error"]
    turns = table_updates(phone)[-1]["sections"]["turns"]
    seen = {"table": 2, "round": turns["round"], "speaker": turns["current"]}
    assert "switched off" in phone.emit("time_up", seen, callback=True)["error"]
    host(event, "features", auto_advance=True)
    early = phone.emit("time_up", seen, callback=True)  # the server's clock disagrees
    assert early["ok"] and "tables" not in early


def test_a_table_qr_seats_a_phone_there_when_seats_allow(event, socketio_client):
    host(event, "end_round")
    phone, ack = join(socketio_client, event.code, "Scanner", table=3)
    assert ack["snapshot"]["items"]["seats"][ack["me"]] == 3
    refused = event.phones[0][0].emit("sit", {"table": 3}, callback=True)
    assert not refused["ok"] and "is full" in refused["error"]


def test_a_room_saved_before_tables_were_parts_is_split_into_its_first_table(app, event,
                                                                             tmp_path):
    with app.app_context():
        store = get_store()
        room = store.load(event.code)
        table = store.load_table(event.code, 1)
    saved = json.loads(json.dumps(room_to_dict(room)))
    old = {key: value for key, value in saved.items() if key not in ("layout", "turn_seconds")}
    old.update(format=1, turns=json.loads(json.dumps(vars(table.turns))),
               generosity={**old["generosity"], "hands": table.hands.to_dict(),
                           "nudges": table.nudges.to_dict()})
    url = f"sqlite:///{tmp_path}/old.db"
    fresh = RoomStore(url)
    with fresh.engine.begin() as conn:
        conn.execute(rooms.insert().values(code="OLD123", version=room.version,
                                           data=json.dumps(old, separators=(",", ":")),
                                           created_at=0, updated_at=0))
    fresh.engine.dispose()
    reopened = RoomStore(url)  # starting the store splits it
    split = reopened.load("OLD123")
    first = reopened.load_table("OLD123", 1)
    assert first is not None and first.turns.seats == table.turns.seats
    assert split.layout.count == 1 and set(split.layout.seats) == set(table.turns.seats)
    with reopened.engine.connect() as conn:
        data = conn.execute(select(rooms.c.data).where(rooms.c.code == "OLD123")).scalar()
    assert json.loads(data)["format"] == FORMAT
    reopened.engine.dispose()


def test_tables_saved_before_revisions_were_counted_start_from_their_version(tmp_path):
    url = f"sqlite:///{tmp_path}/old.db"
    store = RoomStore(url)
    room, _ = Room.create(name="Old", deck_id="classic", turn_seconds=90, now=0)
    room.tables[1].version = 7
    store.insert(room, now=0)
    old = {k: v for k, v in table_to_dict(room.tables[1]).items() if k != "revision"}
    with store.engine.begin() as conn:
        conn.execute(update(room_tables).values(revision=None, data=json.dumps(old)))
    store.engine.dispose()
    reopened = RoomStore(url)  # starting the store fills them in
    assert reopened.table_revision(room.code, 1) == 7
    table = reopened.load_table(room.code, 1)
    table.begin_change()
    table.changes.touch(Section.TURNS)
    assert table.count_change() and (table.version, table.revision) == (8, 8)
    assert reopened.save(room, [table], now=1, room_changed=False)
    assert reopened.table_versions(room.code) == {1: 8}
    reopened.engine.dispose()


def test_a_reshuffle_pressed_twice_moves_people_once(event):
    """A double click, or two consoles: each press says how many reshuffles its screen showed
    made, and a press that finds one more made since moves nobody again (the room was told to
    move twice in a second, to two different tables)."""
    host(event, "end_round")
    for _ in range(2):
        host(event, "reshuffle", reshuffles=0)
    layout = updates(event.host)[-1]["sections"]["layout"]
    assert (layout["reshuffles"], layout["moving"]) == (1, True)
    host(event, "reshuffle")  # a press that says nothing reshuffles, as before
    assert updates(event.host)[-1]["sections"]["layout"]["reshuffles"] == 2
