"""A room: one event, with its people, prompts, rounds, board and tables. The aggregate every
change goes through (`core.commands`), so every change bumps the versions of the parts it
changed and can be sent to clients (`core.views.routing`).

The room part and each table are saved and sent apart (docs/architecture.md, "An event of
several tables"): `tables` holds the tables a change asked for (`room.table(n)`), which the
write path fetches, locks and saves one by one.
"""

from dataclasses import dataclass, field
from typing import Any

from ..errors import N_, RoomError, say
from ..sections import Collection, Section
from . import identity
from .board import Board
from .changes import Changes
from .contacts import Contacts
from .decks import CUSTOM_DECK, get_deck
from .display import Display
from .features import Features
from .followthrough import FollowThrough
from .generosity import Generosity
from .languages import DEFAULT_LANGUAGE, clean_language
from .layout import Layout
from .mailing import Mailing
from .participants import NOT_IN_ROOM, REMOVED, Participant
from .prompts import Prompts
from .table import Table, Tables
from .text import clean_id, clean_int, clean_text
from .turns import IN_ROUND, MAX_TURN_SECONDS, MIN_TURN_SECONDS, TURN_LENGTH

ROOM_NAME_MAX_LEN = 80
ROOM_NAME_LABEL = N_("The event name")
DEFAULT_MAX_PARTICIPANTS = 500
DAY = 86400.0
ENDED = N_("This event has ended: its board is read-only. Your follow-up page has everything.")
LOCKED = N_("The host has closed this event to newcomers. Please ask the host.")
LOCK_ASK = N_("Say whether to close the event to newcomers.")
NEW_CODE_ASK = N_("Say whether latecomers get a new code.")
NEW_CODE = N_("This event has a new code for latecomers. Please ask the host for it.")


@dataclass
class Room:
    code: str
    name: str
    host_digest: str
    created_at: float
    prompts: Prompts
    layout: Layout
    turn_seconds: int
    participants: dict[str, Participant] = field(default_factory=dict)
    # One per round run: {round, prompt_id, text, started_at}
    rounds: list[dict[str, Any]] = field(default_factory=list)
    board: Board = field(default_factory=Board)
    contacts: Contacts = field(default_factory=Contacts)
    generosity: Generosity = field(default_factory=Generosity)  # switches, introductions
    follow_through: FollowThrough = field(default_factory=FollowThrough)  # how the help went
    mailing: Mailing = field(default_factory=Mailing)  # who asked for their link by email
    display: Display = field(default_factory=Display)  # what the host puts on the projector
    max_participants: int = DEFAULT_MAX_PARTICIPANTS
    language: str = DEFAULT_LANGUAGE  # what the room's screens speak, as the host chose
    # Set when the host ends the event: from then on only follow-up happens, until `kept_until`,
    # when housekeeping deletes it (an event nobody ended expires when idle instead).
    ended_at: float | None = None
    kept_until: float | None = None
    # The host closed the event to newcomers (against a flood of scripted joins); people who
    # joined before come and go with their tokens as ever.
    locked: bool = False
    # While locked, the key that, after the code, still lets latecomers in (`latecomers_code`):
    # the host hands a new code to the room when the old one leaked to someone flooding it.
    latecomers_key: str | None = None
    version: int = 0
    changes: Changes = field(default_factory=Changes, compare=False, repr=False)
    tables: Tables = field(default_factory=Tables, compare=False, repr=False)

    @classmethod
    def create(cls, *, name: object, deck_id: object, turn_seconds: object, now: float,
               max_participants: int = DEFAULT_MAX_PARTICIPANTS,
               prompts: tuple[dict[str, Any], ...] | None = None,
               layout: Layout | None = None,
               language: object = DEFAULT_LANGUAGE) -> tuple["Room", str]:
        """A new room and its host key (returned once, stored only as a digest), on a built-in
        deck or (`deck_id` CUSTOM_DECK) on the `prompts` of a deck the host wrote, with one
        table unless `layout` says more, its screens speaking `language`."""
        seconds = clean_int(turn_seconds, TURN_LENGTH, MIN_TURN_SECONDS, MAX_TURN_SECONDS)
        if deck_id == CUSTOM_DECK:
            if prompts is None:
                raise RoomError(N_("Pick a deck, or import yours."))
            deck = prompts
        else:
            deck = get_deck(deck_id).prompts
        host_key = identity.new_token()
        layout = layout or Layout.new()
        room = cls(
            code=identity.new_room_code(),
            name=clean_room_name(name),
            host_digest=identity.digest(host_key),
            created_at=now,
            prompts=Prompts.from_deck(deck),
            layout=layout,
            turn_seconds=seconds,
            max_participants=max_participants,
            language=clean_language(language),
            tables=Tables({n: Table.new(n, seconds) for n in range(1, layout.count + 1)}),
        )
        return room, host_key

    def again(self, *, name: object, now: float) -> tuple["Room", str]:
        """The next event of a series: this one's prompts as they are now (edits included) and
        its settings (turn length, switches, size), under `name`; nobody and nothing else."""
        room, host_key = Room.create(
            name=name, deck_id=CUSTOM_DECK, turn_seconds=self.turn_seconds, now=now,
            max_participants=self.max_participants,
            prompts=tuple({k: p[k] for k in ("text", "hint", "kind")} for p in self.prompts.items),
            layout=self.layout.again(), language=self.language)
        room.generosity.features = Features.from_dict(self.generosity.features.to_dict())
        return room, host_key

    def begin_change(self) -> None:
        """Start recording what the next change touches, for its deltas (the room part's, and
        each loaded table's)."""
        self.changes = Changes()
        for table in self.tables.loaded():
            table.begin_change()

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

    def require_joinable(self, key: str) -> None:
        """Refuse a newcomer while the event is closed, unless they came with the latecomers'
        `key` (what follows the code they used; "" if nothing did)."""
        if not self.locked:
            return
        if self.latecomers_key is None:
            raise RoomError(LOCKED)
        if not identity.same_digest(key, self.latecomers_key):
            raise RoomError(NEW_CODE)

    @property
    def latecomers_code(self) -> str | None:
        """The code latecomers join with while the event is closed to its own, if any."""
        return None if self.latecomers_key is None else self.code + self.latecomers_key

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
            raise RoomError(N_("You're no longer at this table. Join again to take part."))
        return person

    def known(self, pid: str) -> Participant:
        """Someone the room knows and hasn't removed (they may have stepped out), or a refusal."""
        person = self.participants.get(clean_id(pid, NOT_IN_ROOM))
        if person is None or person.status == REMOVED:
            raise RoomError(NOT_IN_ROOM)
        return person

    def present_count(self) -> int:
        return sum(p.present for p in self.participants.values())

    # --- the tables ----------------------------------------------------------------------

    def table(self, number: object) -> Table:
        """Table `number` of this event, or a refusal."""
        if isinstance(number, bool) or not isinstance(number, int) \
                or not 1 <= number <= self.layout.count:
            raise RoomError(say("There's no table %(number)s at this event.", number=number))
        return self.tables[number]

    def every_table(self) -> list[Table]:
        return self.tables.many(list(range(1, self.layout.count + 1)))

    def pick_table(self, number: int | None) -> Table:
        """The table a host action names, or the only one when the event has one."""
        if number is None:
            if self.layout.count > 1:
                raise RoomError(N_("Say which table."))
            number = 1
        return self.table(number)

    def table_of(self, pid: str) -> Table:
        """The table `pid` sits at, or a refusal."""
        number = self.layout.seats.get(pid)
        if number is None:
            raise RoomError(N_("You're no longer at a table. Join again to take part."))
        return self.table(number)

    def seat(self, pid: str, number: int) -> None:
        """Seat `pid` (who has no seat) at table `number` (in its round, if one is running)."""
        table = self.table(number)
        self.layout.sit(pid, number, mid_round=table.turns.status in IN_ROUND)
        table.seat(pid)
        self.changes.touch_item(Collection.SEATS, pid)

    def move(self, pid: str, number: int, now: float) -> None:
        """`pid` moves from their table to table `number`."""
        self.table_of(pid).unseat(pid, now)
        self.seat(pid, number)

    def unseat(self, pid: str, now: float) -> None:
        """`pid` leaves their table (and the event's seating)."""
        if pid in self.layout.seats:
            self.table_of(pid).unseat(pid, now)
            del self.layout.seats[pid]
            self.changes.touch_item(Collection.SEATS, pid)

    def add_table(self) -> Table:
        """One more table, empty, at the end (the part of a table the event had before and
        dropped, if there is one, with its rounds' records)."""
        (number,) = self.layout.resize(self.layout.count + 1)
        table = self.tables.get(number)
        if table is None:
            table = Table.new(number, self.turn_seconds)
            self.tables.add(table)
        else:
            with table.changing_turns() as turns:
                turns.turn_seconds = self.turn_seconds
        self.changes.touch(Section.LAYOUT)
        return table

    # --- the round ---------------------------------------------------------------------------

    @property
    def round(self) -> int:
        """The number of the latest round the event started (0 before the first)."""
        return len(self.rounds)

    @property
    def round_prompt_id(self) -> str | None:
        """The prompt of the round running or just finished, even if the host has since
        picked another one to run next."""
        return self.rounds[-1]["prompt_id"] if self.rounds else None

    def last_round_kind(self) -> str | None:
        """The kind of prompt the latest round ran on ("ask", "story", ...), if any ran."""
        if not self.rounds:
            return None
        prompt_id = self.rounds[-1]["prompt_id"]
        return next((p["kind"] for p in self.prompts.items if p["id"] == prompt_id), None)


def clean_room_name(value: object) -> str:
    return clean_text(value, ROOM_NAME_LABEL, ROOM_NAME_MAX_LEN)
