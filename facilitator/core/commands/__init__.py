"""The changes people make to a room, one module per area, all of one shape:

    def command(room: Room, <who>, *, <typed keyword arguments>[, now: float][, rng]) -> result

`who` is the participant acting (absent for the host's controls: only the host's connection may
call those); arguments arrive checked and typed from the edge (facilitator/payloads) and are
checked again by the state they change, whose rules these are. A command records what it
touched (`room.changes`) and takes the time and chance it uses as arguments, never from a clock.
"""

from . import (  # noqa: F401  (the package's API)
    board,
    contacts,
    display,
    ending,
    followthrough,
    generosity,
    hosting,
    mailing,
    people,
    prompts,
    round,
    tables,
)
