"""What screens are sent: a snapshot on (re)connect, then deltas of what each change touched.

The round's state is split by how often it changes: `turns` (who speaks, the clock) on every
turn; `order` (the speaking order) only when it moves; airtime as items per person, sent when
their turn ends, the running turn's counted up by the screens from `turns`. Which of them a change
touched, `Room.changing_turns` tells.

Everyone in a room gets the same snapshot and deltas, so nothing private may be in them: never a
token, never contact details, never a hidden post. The host alone also sees hidden posts, to
restore them: as the extra `hidden_posts` items of the host's snapshot, then as a `host_delta`
sent only to the host's channel after each room delta that touched posts. The host's
`generosity` section (pitch tap counts, airtime, give and take) travels the same way.
"""

from . import steering_view
from .room import Room

SECTIONS = ("room", "prompts", "turns", "order", "board", *steering_view.PUBLIC_SECTIONS)


def section(room: Room, name: str, now: float) -> dict:
    if name == "room":
        return {"code": room.code, "name": room.name, "max_participants": room.max_participants}
    if name == "prompts":
        return {**room.prompts.public(), "round_prompt_id": room.round_prompt_id}
    if name == "turns":
        return room.turns.public()
    if name == "order":
        return {"pids": room.turns.speaking_order()}
    if name == "board":
        return room.board.counts()
    if name in steering_view.PUBLIC_SECTIONS:
        return steering_view.section(room, name, now)
    raise KeyError(name)


def item(room: Room, collection: str, item_id: str) -> dict | None:
    if collection == "people":
        person = room.participants.get(item_id)
        return person.public() if person else None
    if collection == "posts":
        return room.board.public(item_id)
    if collection == "airtime":
        return room.turns.finished_airtime().get(item_id)
    raise KeyError(collection)


def snapshot(room: Room, now: float, *, host: bool = False) -> dict:
    """Everything a screen needs, for a client that connects or reconnects."""
    posts = room.board.posts
    items = {
        "people": {pid: p.public() for pid, p in room.participants.items()},
        "posts": {i: view for i in posts if (view := room.board.public(i)) is not None},
        "airtime": room.turns.finished_airtime(),
    }
    if host:
        items["hidden_posts"] = {i: view for i in posts
                                 if (view := room.board.moderated(i)) is not None}
    sections = {name: section(room, name, now) for name in SECTIONS}
    if host:
        sections[steering_view.HOST_SECTION] = steering_view.host_section(room)
    return {"version": room.version, "now": now, "sections": sections, "items": items}


def delta(room: Room, now: float) -> dict:
    """Only what the last change touched, with the new version."""
    return {
        "version": room.version,
        "now": now,
        "sections": {name: section(room, name, now)
                     for name in sorted(steering_view.public_touched(room))},
        "items": {coll: {i: item(room, coll, i) for i in sorted(ids)}
                  for coll, ids in room.changes.items.items()},
    }


def host_delta(room: Room, now: float) -> dict | None:
    """The host's extras for the last change (same version), or None if it touched none: each
    touched post is in `hidden_posts` while the room can't see it, else null; the parts of the
    `generosity` section whose figures may have changed (the host merges them into the rest)."""
    touched = room.changes.items.get("posts")
    parts = steering_view.host_touched(room.changes)
    if not touched and not parts:
        return None
    sections = ({steering_view.HOST_SECTION: steering_view.host_section(room, parts)}
                if parts else {})
    items = ({"hidden_posts": {i: room.board.moderated(i) for i in sorted(touched)}}
             if touched else {})
    return {"version": room.version, "now": now, "sections": sections, "items": items}
