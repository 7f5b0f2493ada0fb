"""Deltas lose nothing: a screen that applies every delta to its snapshot, as live.js does (and the
host's screen every host_update, as generosity-host.js and board-host.js do), holds exactly the
snapshot a reconnecting screen would get, whatever the changes were. And the delta of a turn
stays small in a big room."""

import json
import random

import pytest

from facilitator.core import posting, steering, sync
from facilitator.core.actions import host_action
from facilitator.core.errors import RoomError
from facilitator.core.persisted import room_from_dict, room_to_dict
from facilitator.core.room import Room
from facilitator.core.steering_view import HOST_SECTION

OFFER = {"kind": "help", "text": "Happy to look at your pitch deck."}


def merge(screen: dict, message: dict) -> None:
    """live.js's merge: sections replaced whole, items merged by id, null meaning gone; the
    host's `generosity` section comes in parts, merged into the rest."""
    parts = message["sections"].pop(HOST_SECTION, {})
    screen["sections"].update(message["sections"])
    screen["sections"].get(HOST_SECTION, {}).update(parts)
    for collection, items in message["items"].items():
        target = screen["items"].setdefault(collection, {})
        for item_id, item in items.items():
            if item is None:
                target.pop(item_id, None)
            else:
                target[item_id] = item


def new_room(people: int, now: float = 0.0) -> Room:
    room, _ = Room.create(name="Sync", deck_id="classic", turn_seconds=60, now=now)
    for i in range(people):
        room.join(name=f"P{i}", interests=["design"] if i % 2 else [], now=now)
    return room


def random_change(room: Room, rng: random.Random, now: float) -> None:
    """One thing a host or a phone might do next (refused ones are fine too)."""
    pids = list(room.participants)
    speaker = room.turns.current
    choice = rng.randrange(20)
    if choice == 0:
        room.join(name=f"Late {now:.0f}", now=now)
    elif choice == 1:
        room.leave(rng.choice(pids), now)
    elif choice == 11:
        room.rejoin(rng.choice(pids))
    elif choice == 12:
        room.update_profile(rng.choice(pids), name="Renamed", about="", interests=["chess"])
    elif choice == 2 and speaker:
        room.speaker_done(speaker, now, passing=rng.random() < 0.5)
    elif choice == 3:
        posting.post_offer(room, rng.choice(pids), OFFER, now)
    elif choice == 4:
        order = room.turns.upcoming() if room.turns.current else list(room.turns.seats)
        rng.shuffle(order)
        host_action(room, "reorder", {"order": order}, now, rng)
    elif choice == 5:
        host_action(room, "remove", {"pid": rng.choice(pids)}, now, rng)
    elif choice == 6:
        steering.pitch_tap(room, rng.choice(pids))
    elif choice == 7:
        steering.raise_hand(room, rng.choice(pids), now)
    elif choice == 8:
        host_action(room, "hands_clear", {"pid": rng.choice(pids)}, now, rng)
    elif choice == 9:
        host_action(room, "features", {rng.choice(["tips", "hands"]): rng.random() < 0.5},
                    now, rng)
    elif choice == 10:
        hidden = rng.random() < 0.5
        posting.moderate(room, {"id": rng.choice(list(room.board.posts) or ["none"]),
                                "hidden": hidden})
    else:
        action = rng.choice(["start", "next", "next", "skip", "pause", "resume", "end_round",
                             "next_prompt", "shuffle", "turn_seconds"])
        host_action(room, action, {"seconds": 45}, now, rng)


@pytest.mark.parametrize("seed", range(6))
def test_every_delta_applied_in_turn_gives_the_snapshot(seed):
    rng = random.Random(seed)
    room = new_room(6)
    screen = sync.snapshot(room, now=0)
    host = sync.snapshot(room, now=0, host=True)
    for step in range(1, 101):
        now = step * 7.0
        changed = room_from_dict(json.loads(json.dumps(room_to_dict(room))))
        changed.begin_change()
        try:
            random_change(changed, rng, now)
        except RoomError:
            continue  # refused: change_room would save nothing
        if not changed.changes:
            continue
        room = changed
        room.version += 1
        delta = json.loads(json.dumps(sync.delta(room, now)))
        merge(screen, delta)
        merge(host, delta)
        if (extras := sync.host_delta(room, now)) is not None:
            merge(host, json.loads(json.dumps(extras)))
        for seen, fresh in ((screen, sync.snapshot(room, now)),
                            (host, sync.snapshot(room, now, host=True))):
            fresh = json.loads(json.dumps(fresh))
            assert (seen["sections"], seen["items"]) == (fresh["sections"], fresh["items"]), step


def test_a_turn_in_a_room_of_500_sends_under_a_kilobyte():
    room = new_room(500)
    room.start_round(now=0)
    room.advance(now=60)
    room.begin_change()
    room.advance(now=120)
    delta = sync.delta(room, now=120)
    assert set(delta["sections"]) == {"turns"}  # the order did not move
    assert list(delta["items"]["airtime"]) == [room.turns.order[1]]  # only who just finished
    assert len(json.dumps(delta)) < 1024
    assert len(json.dumps(sync.snapshot(room, now=120)["sections"]["order"])) > 7000
