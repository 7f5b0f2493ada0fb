"""What screens are sent: a snapshot on (re)connect, then deltas of what each change touched.

The round's state is split by how often it changes: `turns` (who speaks, the clock) on every
turn; `order` (the speaking order) only when it moves; airtime as items per person, sent when
their turn ends, the running turn's counted up by the screens from `turns`. Which of them a
change touched, `Room.changing_turns` tells; what each change sends where, `routing` decides.

Everyone in a room gets the same snapshot and deltas, so nothing private may be in them: never a
token, never contact details, never a hidden post. The host alone also sees hidden posts, to
restore them: as the extra `hidden_posts` items of the host's snapshot, then as a `host_delta`
sent only to the host's channel after each room delta that touched posts. The host's
`generosity` section (pitch tap counts, airtime, give and take) travels the same way.
"""

from typing import Any

from ..sections import Collection, Section
from ..state.room import Room
from . import generosity, routing


def snapshot(room: Room, now: float, *, host: bool = False) -> dict[str, Any]:
    """Everything a screen needs, for a client that connects or reconnects."""
    posts = room.board.posts
    items: dict[Collection, dict[str, Any]] = {
        Collection.PEOPLE: {pid: p.public() for pid, p in room.participants.items()},
        Collection.POSTS: {i: view for i in posts if (view := room.board.public(i)) is not None},
        Collection.AIRTIME: room.turns.finished_airtime(),
    }
    if host:
        items[Collection.HIDDEN_POSTS] = {i: view for i in posts
                                          if (view := room.board.moderated(i)) is not None}
    sections = {name: routing.section(room, name) for name in routing.PUBLIC_SECTIONS}
    if host:
        sections[Section.GENEROSITY] = generosity.host_section(room)
    return {"version": room.version, "now": now, "sections": sections, "items": items}


def delta(room: Room, now: float) -> dict[str, Any]:
    """Only what the last change touched, with the new version."""
    return {
        "version": room.version,
        "now": now,
        "sections": {name: routing.section(room, name) for name in routing.room_sections(room)},
        "items": {coll: {i: routing.item(room, coll, i) for i in sorted(ids)}
                  for coll, ids in room.changes.items.items()},
    }


def host_delta(room: Room, now: float) -> dict[str, Any] | None:
    """The host's extras for the last change (same version), or None if it touched none: each
    touched post is in `hidden_posts` while the room can't see it, else null; the parts of the
    `generosity` section whose figures may have changed (the host merges them into the rest)."""
    touched = room.changes.items.get(Collection.POSTS)
    parts = routing.host_parts(room.changes)
    if not touched and not parts:
        return None
    sections = ({Section.GENEROSITY: generosity.host_section(room, parts)} if parts else {})
    items = ({Collection.HIDDEN_POSTS: {i: room.board.moderated(i) for i in sorted(touched)}}
             if touched else {})
    return {"version": room.version, "now": now, "sections": sections, "items": items}
