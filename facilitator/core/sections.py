"""The protocol's names, in one place: the sections and item collections screens receive, and
the parts of the host's own section (docs/protocol.md). Which of them travel in a table's
stream rather than the room's, `views.routing` says.

A change records what it touched with these constants only (`Changes.touch`), and
`views.routing` decides from them what each screen is sent, so a misspelt name fails where it
is written, not after the change is saved.
"""

from enum import StrEnum


class Section(StrEnum):
    """A part of the room's state that screens replace whole."""

    ROOM = "room"
    PROMPTS = "prompts"
    TURNS = "turns"
    ORDER = "order"
    BOARD = "board"
    FEATURES = "features"
    HANDS = "hands"
    COMMON = "common"
    INTROS = "intros"
    LAYOUT = "layout"  # the tables, their names, the reshuffle
    DISPLAY = "display"  # what the host puts on the projector: board, cards, theme, chime
    TABLE = "table"  # one table's number and table host
    GENEROSITY = "generosity"  # the host's alone: never in a `room_update`
    RULES = "rules"  # the host's alone: the seating rules, with who came with whom
    LATECOMERS = "latecomers"  # the host's alone: the code latecomers join with, if any


# The sections only the host's screens receive: never in a `room_update` or a viewer's snapshot.
HOST_SECTIONS = frozenset({Section.GENEROSITY, Section.RULES, Section.LATECOMERS})


class Collection(StrEnum):
    """Items screens merge by id (null meaning gone)."""

    PEOPLE = "people"
    POSTS = "posts"
    AIRTIME = "airtime"
    SEATS = "seats"  # the table each person sits at
    HIDDEN_POSTS = "hidden_posts"  # the host's alone: posts the room can't see


class HostPart(StrEnum):
    """The parts of the host's `generosity` section, sent only when a change may move them."""

    NUDGES = "nudges"
    AIRTIME = "airtime"
    GIVE_TAKE = "give_take"
    WAITING = "waiting"
    QUESTIONS = "questions"
    TIP = "tip"



class HostOnly(StrEnum):
    """What a change can touch that only the host's section shows, never a section of its own:
    nobody else learns even that something changed (a table's version stays: `Changes.seen`)."""

    PITCH_TAPS = "pitch_taps"
