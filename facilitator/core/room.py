"""A room: one event's table, with its people, prompts, round and board. The aggregate every change
goes through, so every change bumps one version and can be sent to clients (see `sync`)."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from . import identity
from .board import Board
from .changes import Changes
from .contacts import Contacts
from .decks import get_deck
from .errors import RoomError
from .generosity import Generosity
from .participants import HERE, LEFT, REMOVED, Participant, clean_profile
from .prompts import Prompts
from .text import clean_int, clean_text
from .turns import IN_ROUND, MAX_TURN_SECONDS, MIN_TURN_SECONDS, Turns

ROOM_NAME_MAX_LEN = 80
DEFAULT_MAX_PARTICIPANTS = 500


@dataclass
class Room:
    code: str
    name: str
    host_digest: str
    created_at: float
    prompts: Prompts
    turns: Turns
    participants: dict[str, Participant] = field(default_factory=dict)
    rounds: list[dict] = field(default_factory=list)  # {round, prompt_id, text, started_at}
    board: Board = field(default_factory=Board)
    contacts: Contacts = field(default_factory=Contacts)
    generosity: Generosity = field(default_factory=Generosity)  # switches, taps, hands, intros
    max_participants: int = DEFAULT_MAX_PARTICIPANTS
    version: int = 0
    changes: Changes = field(default_factory=Changes, compare=False, repr=False)

    @classmethod
    def create(cls, *, name: object, deck_id: object, turn_seconds: object, now: float,
               max_participants: int = DEFAULT_MAX_PARTICIPANTS) -> tuple["Room", str]:
        """A new room and its host key (returned once, stored only as a digest)."""
        seconds = clean_int(turn_seconds, "Turn length", MIN_TURN_SECONDS, MAX_TURN_SECONDS)
        host_key = identity.new_token()
        room = cls(
            code=identity.new_room_code(),
            name=clean_text(name, "The event name", ROOM_NAME_MAX_LEN),
            host_digest=identity.digest(host_key),
            created_at=now,
            prompts=Prompts.from_deck(get_deck(deck_id).prompts),
            turns=Turns(turn_seconds=seconds),
            max_participants=max_participants,
        )
        return room, host_key

    def begin_change(self) -> None:
        """Start recording what the next change touches, for its delta (see `sync`)."""
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

    # --- people -----------------------------------------------------------------------------

    def join(self, *, name: object, about: object = "", interests: object = None,
             now: float) -> tuple[Participant, str]:
        """Seat a newcomer at the end of the order; returns them and their secret token."""
        profile = clean_profile(name, about, interests)
        if sum(p.present for p in self.participants.values()) >= self.max_participants:
            raise RoomError(f"This room is full ({self.max_participants} people).")
        token = identity.new_token()
        person = Participant(id=identity.new_public_id(), token_digest=identity.digest(token),
                             joined_at=now, **profile)
        self.participants[person.id] = person
        with self.changing_turns() as turns:
            turns.seat(person.id)
        self.changes.touch_item("people", person.id)
        return person, token

    def rejoin(self, pid: str) -> None:
        """Someone who left comes back with their token: seated last again."""
        person = self.participants[pid]
        if person.status == LEFT:
            person.status = HERE
            with self.changing_turns() as turns:
                turns.seat(pid)
            self.changes.touch_item("people", pid)

    def member(self, pid: str) -> Participant:
        """A participant who is still at the table, or a refusal."""
        person = self.participants.get(pid)
        if person is None or not person.present:
            raise RoomError("You're no longer at this table. Join again to take part.")
        return person

    def update_profile(self, pid: str, *, name: object, about: object, interests: object) -> None:
        person = self.member(pid)
        for key, value in clean_profile(name, about, interests).items():
            setattr(person, key, value)
        self.changes.touch_item("people", pid)

    def leave(self, pid: str, now: float) -> None:
        self.member(pid)
        self._unseat(pid, LEFT, now)

    def remove(self, pid: object, now: float) -> None:
        """The host removes someone: their token stops working."""
        if not isinstance(pid, str) or pid not in self.participants:
            raise RoomError("That person is not in this room.")
        self._unseat(pid, REMOVED, now)

    def _unseat(self, pid: str, status: str, now: float) -> None:
        self.participants[pid].status = status
        with self.changing_turns() as turns:
            turns.unseat(pid, now)
        self.changes.touch_item("people", pid)

    # --- the round --------------------------------------------------------------------------

    @contextmanager
    def changing_turns(self) -> Iterator[Turns]:
        """The one way to change the round, so that each change's delta carries only what it
        moved: the `turns` section, the `order` section if the speaking order moved, and the
        finished airtime of whoever's turn ended. A "next" in a room of 500 is then a few hundred
        bytes, not everyone's place and airtime (8 KB) to each of 500 phones."""
        before = self.turns.mark()
        yield self.turns
        after = self.turns.mark()
        if after == before:
            return
        self.changes.touch("turns")  # even if only the seats moved: so it is saved and sent
        if after.order != before.order:
            self.changes.touch("order")
        for pid in self.turns.ended_since(before):
            self.changes.touch_item("airtime", pid)

    def start_round(self, now: float) -> None:
        """Start the next round on the prompt that is up next."""
        if self.turns.status in IN_ROUND:
            raise RoomError("A round is already running.")
        if not self.turns.seats:
            raise RoomError("Nobody has joined yet: share the code first.")
        prompt = self.prompts.for_new_round()
        with self.changing_turns() as turns:
            turns.start_round(now)
        self.rounds.append({"round": self.turns.round, "prompt_id": prompt["id"],
                            "text": prompt["text"], "started_at": now})
        self.changes.touch("prompts")

    def advance(self, now: float) -> None:
        """The host's one "next" key: next speaker, or the next round when one is over."""
        if self.turns.status in IN_ROUND:
            with self.changing_turns() as turns:
                turns.finish_turn(now, "next")
        else:
            self.start_round(now)

    def speaker_done(self, pid: str, now: float, *, passing: bool = False) -> None:
        """The speaker taps "I'm done" or "Pass"; only the speaker may."""
        if self.turns.current != pid:
            raise RoomError("It isn't your turn right now.")
        with self.changing_turns() as turns:
            if passing:
                turns.pass_turn(now)
            else:
                turns.finish_turn(now, "done")

    def next_prompt(self, now: float) -> None:
        """During a round: end it, so the following prompt is up next. Between rounds: skip
        the prompt that was up next."""
        if self.turns.status in IN_ROUND:
            with self.changing_turns() as turns:
                turns.end_round(now)
        else:
            nxt = self.prompts.up_next()
            if nxt is None or nxt + 1 >= len(self.prompts.items):
                raise RoomError(
                    "That was the last prompt: add one, or pick a prompt to run again.")
            self.prompts.select(self.prompts.items[nxt + 1]["id"])
        self.changes.touch("prompts")

    @property
    def round_prompt_id(self) -> str | None:
        """The prompt of the round running or just finished, even if the host has since
        picked another one to run next."""
        return self.rounds[-1]["prompt_id"] if self.rounds and self.turns.round else None
