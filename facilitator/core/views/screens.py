"""What screens are sent: a snapshot on (re)connect, then deltas of what each change touched,
for the room's stream and for each table's (docs/protocol.md, "Tables").

A table's round is split by how often it changes: `turns` (who speaks, the clock) on every
turn; `order` (the speaking order) only when it moves; airtime as items per person, sent when
their turn ends, the running turn's counted up by the screens from `turns`. Which of them a
change touched, `Table.changing_turns` tells; what each change sends where, `routing` decides.

Everyone in a room gets the same snapshot and deltas, so nothing private may be in them: never a
token, never contact details, never a hidden post. The host alone also sees hidden posts, to
restore them: as the extra `hidden_posts` items of the host's snapshot, then as a `host_delta`
sent only to the host's channel after each room delta that touched posts. The host's
`generosity` section (pitch tap counts, airtime, give and take) travels the same way, its
table parts beside each table's stream (`table_host_delta`), and the seating `rules` too.
"""

from typing import Any

from ..sections import Collection, Section
from ..state.participants import company_key
from ..state.room import Room
from ..state.table import Table
from . import generosity, routing


def snapshot(room: Room, now: float, *, host: bool = False) -> dict[str, Any]:
    """Everything of the room's stream a screen needs, when it connects or reconnects."""
    posts = room.board.posts
    items: dict[Collection, dict[str, Any]] = {
        Collection.PEOPLE: {pid: p.public() for pid, p in room.participants.items()},
        Collection.POSTS: {i: view for i in posts if (view := room.board.public(i)) is not None},
        Collection.SEATS: dict(room.layout.seats),
    }
    if host:
        items[Collection.HIDDEN_POSTS] = {i: view for i in posts
                                          if (view := room.board.moderated(i)) is not None}
    sections = {name: routing.section(room, name) for name in routing.PUBLIC_SECTIONS}
    if host:
        sections[Section.GENEROSITY] = generosity.host_section(room)
        sections[Section.RULES] = rules(room)
        sections[Section.LATECOMERS] = latecomers(room)
    return {"version": room.version, "now": now, "sections": sections, "items": items}


def table_snapshot(room: Room, table: Table, now: float, *, host: bool = False
                   ) -> dict[str, Any]:
    """Everything of one table's stream (and, for the host, its figures)."""
    sections = {name: routing.table_section(table, name) for name in routing.TABLE_SECTIONS}
    if host:
        sections[Section.GENEROSITY] = generosity.table_host_section(room, table)
    return {"table": table.number, "version": table.version, "now": now, "sections": sections,
            "items": {Collection.AIRTIME: table.turns.finished_airtime()}}


def delta(room: Room, now: float) -> dict[str, Any]:
    """Only what the last change touched of the room part, with its new version."""
    return {
        "version": room.version,
        "now": now,
        "sections": {name: routing.section(room, name) for name in routing.room_sections(room)},
        "items": {coll: {i: routing.item(room, coll, i) for i in sorted(ids)}
                  for coll, ids in room.changes.items.items()},
    }


def table_delta(table: Table, now: float) -> dict[str, Any]:
    """Only what the last change touched of one table, with the table's new version."""
    return {
        "table": table.number,
        "version": table.version,
        "now": now,
        "sections": {name: routing.table_section(table, name)
                     for name in routing.table_sections(table)},
        "items": {coll: {i: routing.table_item(table, coll, i) for i in sorted(ids)}
                  for coll, ids in table.changes.items.items()},
    }


def host_delta(room: Room, now: float) -> dict[str, Any] | None:
    """The host's extras for the last change of the room part (same version), or None if it
    touched none: each touched post is in `hidden_posts` while the room can't see it, else
    null; the parts of the `generosity` section whose figures may have changed (the host merges
    them into the rest); the seating `rules` and the `latecomers` code, whole, when they
    changed."""
    touched = room.changes.items.get(Collection.POSTS)
    parts = routing.host_parts(room.changes)
    whole = {name: build for name, build in ((Section.RULES, rules),
                                             (Section.LATECOMERS, latecomers))
             if name in room.changes.sections}
    if not touched and not parts and not whole:
        return None
    sections: dict[Section, Any] = (
        {Section.GENEROSITY: generosity.host_section(room, parts)} if parts else {})
    sections.update({name: build(room) for name, build in whole.items()})
    items = ({Collection.HIDDEN_POSTS: {i: room.board.moderated(i) for i in sorted(touched)}}
             if touched else {})
    return {"version": room.version, "now": now, "sections": sections, "items": items}


def table_host_delta(room: Room, table: Table, now: float) -> dict[str, Any] | None:
    """The host's figures of one table that its last change may have moved (same table and
    version), or None."""
    parts = routing.host_parts(table.changes, table=True)
    if not parts:
        return None
    return {"table": table.number, "version": table.version, "now": now,
            "sections": {Section.GENEROSITY: generosity.table_host_section(room, table, parts)},
            "items": {}}


def rules(room: Room) -> dict[str, Any]:
    """The organiser's seating rules, for the host alone: who came with or works for whom, and
    who is kept apart for it (`apart`: people whose companies compare as one, `company_key`,
    in groups of two or more), as the host reads them among hundreds."""
    company = {p.id: p.company for p in room.participants.values() if p.company}
    by_key: dict[str, list[str]] = {}
    for pid, name in company.items():
        by_key.setdefault(company_key(name), []).append(pid)
    return {"company": company, "apart": [pids for pids in by_key.values() if len(pids) > 1],
            "together": [list(pair) for pair in room.layout.together],
            "stay": list(room.layout.stay)}


def latecomers(room: Room) -> dict[str, Any]:
    """For the host alone: the code latecomers join with while the event is closed to its own
    (null if there is none), to show the room on the console's join card."""
    return {"code": room.latecomers_code}
