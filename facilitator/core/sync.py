"""What screens are sent: a snapshot on (re)connect, then deltas of what each change touched.

Everyone in a room gets the same snapshot and deltas, so nothing private may be in them: never a
token, never contact details, never a hidden post. The host alone also sees hidden posts, to
restore them: as the extra `hidden_posts` items of the host's snapshot, then as a `host_delta`
sent only to the host's channel after each room delta that touched posts. The host's
`generosity` section (pitch tap counts, airtime, give and take) travels the same way.
"""

from . import steering_view
from .room import Room

SECTIONS = ("room", "prompts", "turns", "board", *steering_view.PUBLIC_SECTIONS)


def section(room: Room, name: str, now: float) -> dict:
    if name == "room":
        return {"code": room.code, "name": room.name, "max_participants": room.max_participants}
    if name == "prompts":
        return {**room.prompts.public(), "round_prompt_id": room.round_prompt_id}
    if name == "turns":
        return room.turns.public(now)
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
    raise KeyError(collection)


def snapshot(room: Room, now: float, *, host: bool = False) -> dict:
    """Everything a screen needs, for a client that connects or reconnects."""
    posts = room.board.posts
    items = {
        "people": {pid: p.public() for pid, p in room.participants.items()},
        "posts": {i: view for i in posts if (view := room.board.public(i)) is not None},
    }
    if host:
        items["hidden_posts"] = {i: view for i in posts
                                 if (view := room.board.moderated(i)) is not None}
    sections = {name: section(room, name, now) for name in SECTIONS}
    if host:
        sections[steering_view.HOST_SECTION] = steering_view.host_section(room, now)
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
    touched post is in `hidden_posts` while the room can't see it, else null; the `generosity`
    section whenever what it counts changed."""
    touched = room.changes.items.get("posts")
    host_section = steering_view.host_touched(room.changes)
    if not touched and not host_section:
        return None
    sections = ({steering_view.HOST_SECTION: steering_view.host_section(room, now)}
                if host_section else {})
    items = ({"hidden_posts": {i: room.board.moderated(i) for i in sorted(touched)}}
             if touched else {})
    return {"version": room.version, "now": now, "sections": sections, "items": items}
