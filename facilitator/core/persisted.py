"""A room as plain JSON-able data and back: the shape the store saves and loads."""

from dataclasses import asdict

from .participants import Participant
from .prompts import Prompts
from .room import Room
from .turns import Turns

FORMAT = 1  # bump when the shape changes, and teach `room_from_dict` the old one


def room_to_dict(room: Room) -> dict:
    return {
        "format": FORMAT,
        "code": room.code,
        "name": room.name,
        "host_digest": room.host_digest,
        "created_at": room.created_at,
        "prompts": room.prompts.to_dict(),
        "turns": asdict(room.turns),
        "participants": [p.to_dict() for p in room.participants.values()],
        "rounds": room.rounds,
        "max_participants": room.max_participants,
        "version": room.version,
    }


def room_from_dict(data: dict) -> Room:
    return Room(
        code=data["code"],
        name=data["name"],
        host_digest=data["host_digest"],
        created_at=data["created_at"],
        prompts=Prompts(**data["prompts"]),
        turns=Turns(**data["turns"]),
        participants={p["id"]: Participant.from_dict(p) for p in data["participants"]},
        rounds=data["rounds"],
        max_participants=data["max_participants"],
        version=data["version"],
    )
