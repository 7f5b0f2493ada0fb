"""A room as plain JSON-able data and back: the shape the store saves and loads."""

from typing import Any

from .board import Board
from .contacts import Contacts
from .followthrough import FollowThrough
from .generosity import Generosity
from .mailing import Mailing
from .participants import Participant
from .prompts import Prompts
from .room import Room
from .turns import Turns

FORMAT = 1  # bump when the shape changes, and teach `room_from_dict` the old one
# Added to format 1 later: documents saved before the board load with an empty one.
NO_BOARD: dict[str, Any] = {"posts": [], "recent": {}}


def room_to_dict(room: Room) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "code": room.code,
        "name": room.name,
        "host_digest": room.host_digest,
        "created_at": room.created_at,
        "prompts": room.prompts.to_dict(),
        # Shallow, not `asdict` (a deep copy): this is dumped to JSON at once, on every change,
        # and the turn log grows by one entry per turn (500 in a round of a 500-person room).
        "turns": dict(vars(room.turns)),
        "participants": [p.to_dict() for p in room.participants.values()],
        "rounds": room.rounds,
        "board": room.board.to_dict(),
        "contacts": room.contacts.to_dict(),
        "generosity": room.generosity.to_dict(),
        "follow_through": room.follow_through.to_dict(),
        "mailing": room.mailing.to_dict(),
        "max_participants": room.max_participants,
        "ended_at": room.ended_at,
        "kept_until": room.kept_until,
        "version": room.version,
    }


def room_from_dict(data: dict[str, Any]) -> Room:
    return Room(
        code=data["code"],
        name=data["name"],
        host_digest=data["host_digest"],
        created_at=data["created_at"],
        prompts=Prompts(**data["prompts"]),
        turns=Turns(**data["turns"]),
        participants={p["id"]: Participant.from_dict(p) for p in data["participants"]},
        rounds=data["rounds"],
        board=Board.from_dict(data.get("board", NO_BOARD)),
        contacts=Contacts.from_dict(data.get("contacts", {})),
        generosity=Generosity.from_dict(data.get("generosity", {})),
        follow_through=FollowThrough.from_dict(data.get("follow_through", {})),
        mailing=Mailing.from_dict(data.get("mailing", {})),
        max_participants=data["max_participants"],
        ended_at=data.get("ended_at"),
        kept_until=data.get("kept_until"),
        version=data["version"],
    )
