"""A room: one event's table, with its people, prompts, round and board. The aggregate every
change goes through (`core.commands`), so every change bumps one version and can be sent to
clients (`core.views.routing`)."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..errors import RoomError
from ..sections import Collection, Section
from . import identity
from .board import Board
from .changes import Changes
from .contacts import Contacts
from .decks import CUSTOM_DECK, get_deck
from .features import Features
from .followthrough import FollowThrough
from .generosity import Generosity
from .mailing import Mailing
from .participants import NOT_IN_ROOM, REMOVED, Participant
from .prompts import Prompts
from .text import clean_id, clean_int, clean_text
from .turns import MAX_TURN_SECONDS, MIN_TURN_SECONDS, TURN_LENGTH, Turns

ROOM_NAME_MAX_LEN = 80
ROOM_NAME_LABEL = "The event name"
DEFAULT_MAX_PARTICIPANTS = 500
DAY = 86400.0
ENDED = "This event has ended: its board is read-only. Your follow-up page has everything."


@dataclass
class Room:
    code: str
    name: str
    host_digest: str
    created_at: float
    prompts: Prompts
    turns: Turns
    participants: dict[str, Participant] = field(default_factory=dict)
    # One per round run: {round, prompt_id, text, started_at}
    rounds: list[dict[str, Any]] = field(default_factory=list)
    board: Board = field(default_factory=Board)
    contacts: Contacts = field(default_factory=Contacts)
    generosity: Generosity = field(default_factory=Generosity)  # switches, taps, hands, intros
    follow_through: FollowThrough = field(default_factory=FollowThrough)  # how the help went
    mailing: Mailing = field(default_factory=Mailing)  # who asked for their link by email
    max_participants: int = DEFAULT_MAX_PARTICIPANTS
    # Set when the host ends the event: from then on only follow-up happens, until `kept_until`,
    # when housekeeping deletes it (an event nobody ended expires when idle instead).
    ended_at: float | None = None
    kept_until: float | None = None
    version: int = 0
    changes: Changes = field(default_factory=Changes, compare=False, repr=False)

    @classmethod
    def create(cls, *, name: object, deck_id: object, turn_seconds: object, now: float,
               max_participants: int = DEFAULT_MAX_PARTICIPANTS,
               prompts: tuple[dict[str, Any], ...] | None = None) -> tuple["Room", str]:
        """A new room and its host key (returned once, stored only as a digest), on a built-in
        deck or (`deck_id` CUSTOM_DECK) on the `prompts` of a deck the host wrote."""
        seconds = clean_int(turn_seconds, TURN_LENGTH, MIN_TURN_SECONDS, MAX_TURN_SECONDS)
        if deck_id == CUSTOM_DECK:
            if prompts is None:
                raise RoomError("Pick a deck, or import yours.")
            deck = prompts
        else:
            deck = get_deck(deck_id).prompts
        host_key = identity.new_token()
        room = cls(
            code=identity.new_room_code(),
            name=clean_room_name(name),
            host_digest=identity.digest(host_key),
            created_at=now,
            prompts=Prompts.from_deck(deck),
            turns=Turns(turn_seconds=seconds),
            max_participants=max_participants,
        )
        return room, host_key

    def again(self, *, name: object, now: float) -> tuple["Room", str]:
        """The next event of a series: this one's prompts as they are now (edits included) and
        its settings (turn length, switches, size), under `name`; nobody and nothing else."""
        room, host_key = Room.create(
            name=name, deck_id=CUSTOM_DECK, turn_seconds=self.turns.turn_seconds, now=now,
            max_participants=self.max_participants,
            prompts=tuple({k: p[k] for k in ("text", "hint", "kind")} for p in self.prompts.items))
        room.generosity.features = Features.from_dict(self.generosity.features.to_dict())
        return room, host_key

    def begin_change(self) -> None:
        """Start recording what the next change touches, for its delta."""
        self.changes = Changes()

    # --- who is asking -------------------------------------------------------------------

    def is_host(self, key: object) -> bool:
        return isinstance(key, str) and identity.matches(key, self.host_digest)

    def participant_by_token(self, token: object) -> Participant | None:
        """The participant holding this secret, if any (and not removed by the host)."""
        if not isinstance(token, str):
            return None
        wanted = identity.digest(token)
        for person in self.participants.values():
            if identity.same_digest(wanted, person.token_digest) and person.status != REMOVED:
                return person
        return None

    # --- the event's life ---------------------------------------------------------------------

    @property
    def ended(self) -> bool:
        return self.ended_at is not None

    def require_open(self) -> None:
        """Refuse what only a running event allows (posting, joining, a round) once it ended."""
        if self.ended:
            raise RoomError(ENDED)

    def end(self, now: float, keep_days: float) -> None:
        """End the event: kept for follow-up `keep_days`, then deleted."""
        self.require_open()
        self.ended_at, self.kept_until = now, now + keep_days * DAY

    def follower(self, secret: object) -> Participant | None:
        """Whoever may see a follow-up page with this secret: a participant's token, or the key
        of the link they were emailed (which opens nothing else)."""
        person = self.participant_by_token(secret)
        if person is None and (pid := self.mailing.person_by_key(secret)) is not None:
            person = self.participants.get(pid)
            person = person if person is not None and person.status != REMOVED else None
        return person

    def member(self, pid: str) -> Participant:
        """A participant who is still at the table of a running event, or a refusal."""
        self.require_open()
        person = self.participants.get(pid)
        if person is None or not person.present:
            raise RoomError("You're no longer at this table. Join again to take part.")
        return person

    def known(self, pid: str) -> Participant:
        """Someone the room knows and hasn't removed (they may have stepped out), or a refusal."""
        person = self.participants.get(clean_id(pid, NOT_IN_ROOM))
        if person is None or person.status == REMOVED:
            raise RoomError(NOT_IN_ROOM)
        return person

    def present_count(self) -> int:
        return sum(p.present for p in self.participants.values())

    # --- the round ---------------------------------------------------------------------------

    @contextmanager
    def changing_turns(self) -> Iterator[Turns]:
        """The one way to change the round, so that each change's delta carries only what it
        moved: the `turns` section, the `order` section if the speaking order moved, and the
        finished airtime of whoever's turn ended. A "next" in a room of 500 is then a few hundred
        bytes, not everyone's place and airtime to each of 500 phones."""
        before = self.turns.mark()
        yield self.turns
        after = self.turns.mark()
        if after == before:
            return
        self.changes.touch(Section.TURNS)  # even if only the seats moved: so it is saved and sent
        if after.order != before.order:
            self.changes.touch(Section.ORDER)
        for pid in self.turns.ended_since(before):
            self.changes.touch_item(Collection.AIRTIME, pid)

    @property
    def round_prompt_id(self) -> str | None:
        """The prompt of the round running or just finished, even if the host has since
        picked another one to run next."""
        return self.rounds[-1]["prompt_id"] if self.rounds and self.turns.round else None

    def last_round_kind(self) -> str | None:
        """The kind of prompt the latest round ran on ("ask", "story", ...), if any ran."""
        if not self.rounds:
            return None
        prompt_id = self.rounds[-1]["prompt_id"]
        return next((p["kind"] for p in self.prompts.items if p["id"] == prompt_id), None)


def clean_room_name(value: object) -> str:
    return clean_text(value, ROOM_NAME_LABEL, ROOM_NAME_MAX_LEN)
