"""A room and its tables as plain JSON-able data and back: the shapes the store saves and loads.

The room part and each table are separate documents (docs/architecture.md, "An event of several
tables"). Rooms saved before tables existed (format 1: one document with the round, hands and
pitch taps inside) are split by `upgrade` into a room of one table and that table.
"""

from typing import Any

from .board import Board
from .contacts import Contacts
from .display import Display
from .followthrough import FollowThrough
from .generosity import Generosity
from .languages import DEFAULT_LANGUAGE
from .layout import Layout
from .mailing import Mailing
from .participants import Participant
from .prompts import Prompts
from .room import Room
from .table import Table

FORMAT = 2  # bump when the shape changes, and teach `upgrade` the old one
# Added to format 1 later: documents saved before the board load with an empty one.
NO_BOARD: dict[str, Any] = {"posts": [], "recent": {}}


def room_to_dict(room: Room) -> dict[str, Any]:
    """The room part: everything but the tables."""
    return {
        "format": FORMAT,
        "code": room.code,
        "name": room.name,
        "host_digest": room.host_digest,
        "created_at": room.created_at,
        "prompts": room.prompts.to_dict(),
        "layout": room.layout.to_dict(),
        "turn_seconds": room.turn_seconds,
        "participants": [p.to_dict() for p in room.participants.values()],
        "rounds": room.rounds,
        "board": room.board.to_dict(),
        "contacts": room.contacts.to_dict(),
        "generosity": room.generosity.to_dict(),
        "follow_through": room.follow_through.to_dict(),
        "mailing": room.mailing.to_dict(),
        "display": room.display.to_dict(),
        "max_participants": room.max_participants,
        "language": room.language,
        "ended_at": room.ended_at,
        "locked": room.locked,
        "latecomers_key": room.latecomers_key,
        "kept_until": room.kept_until,
        "version": room.version,
    }


def room_from_dict(data: dict[str, Any]) -> Room:
    """The room part of a saved event (its tables are loaded apart, as a change asks)."""
    return Room(
        code=data["code"],
        name=data["name"],
        host_digest=data["host_digest"],
        created_at=data["created_at"],
        prompts=Prompts(**data["prompts"]),
        layout=Layout.from_dict(data["layout"]),
        turn_seconds=data["turn_seconds"],
        participants={p["id"]: Participant.from_dict(p) for p in data["participants"]},
        rounds=data["rounds"],
        board=Board.from_dict(data.get("board", NO_BOARD)),
        contacts=Contacts.from_dict(data.get("contacts", {})),
        generosity=Generosity.from_dict(data.get("generosity", {})),
        follow_through=FollowThrough.from_dict(data.get("follow_through", {})),
        mailing=Mailing.from_dict(data.get("mailing", {})),
        display=Display.from_dict(data.get("display", {})),
        max_participants=data["max_participants"],
        language=data.get("language", DEFAULT_LANGUAGE),
        ended_at=data.get("ended_at"),
        locked=data.get("locked", False),
        latecomers_key=data.get("latecomers_key"),
        kept_until=data.get("kept_until"),
        version=data["version"],
    )


def table_to_dict(table: Table) -> dict[str, Any]:
    return {"format": FORMAT, **table.to_dict()}


def table_from_dict(data: dict[str, Any]) -> Table:
    return Table.from_dict(data)


def upgrade(data: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A saved room in today's shape, and the tables it holds if it was saved before tables
    were parts of their own (format 1: one table, inside the room's document)."""
    if data.get("format", 1) >= 2:
        return data, []
    turns = data["turns"]
    generosity = data.get("generosity", {})
    table = {"format": FORMAT, "number": 1, "turns": turns,
             "hands": generosity.get("hands", {}), "nudges": generosity.get("nudges", {}),
             "host": None, "version": data["version"]}
    layout = Layout.new()
    for pid in turns.get("seats", []):
        layout.sit(pid, 1)
    room = {key: value for key, value in data.items() if key != "turns"}
    room.update(format=FORMAT, layout=layout.to_dict(), turn_seconds=turns["turn_seconds"],
                generosity={k: v for k, v in generosity.items() if k not in ("hands", "nudges")})
    return room, [table]
