"""The host's switches for the ways the room is nudged towards generosity, per room.

Every nudge is gentle, but some tables don't want one: the host switches each off on its own.
All are on by default except "fill the gaps", which holds the room back and so is the host's
choice to make a rule, and "move on at time-up", which cuts a speaker off (after a grace). The
pitch nudge's threshold is a share of the listeners.
"""

from dataclasses import dataclass, fields
from typing import Any

from ..errors import N_, RoomError, say
from .text import clean_bool

DEFAULT_PITCH_SHARE = 1 / 3
MIN_PITCH_SHARE, MAX_PITCH_SHARE = 0.1, 1.0
# What each switch is called on screens and in refusals.
LABELS = {
    "pitch_nudges": N_("Pitch nudges"),
    "hands": N_("Questions queue"),
    "common_ground": N_("Common ground"),
    "airtime": N_("Airtime chart"),
    "give_take": N_("Give and take"),
    "fill_the_gaps": N_("Fill the gaps before moving on"),
    "introductions": N_("Introductions"),
    "tips": N_("Tips between rounds"),
    "auto_advance": N_("Move on at time-up"),
}


@dataclass
class Features:
    pitch_nudges: bool = True
    hands: bool = True
    common_ground: bool = True
    airtime: bool = True
    give_take: bool = True
    fill_the_gaps: bool = False
    introductions: bool = True
    tips: bool = True
    auto_advance: bool = False  # a table moves on by itself a short grace after time-up
    pitch_share: float = DEFAULT_PITCH_SHARE

    def require(self, name: str) -> None:
        """Refuse clearly when the host has switched `name` off for this room."""
        if not getattr(self, name):
            raise RoomError(say("The host has switched off “%(feature)s” for this room.",
                                feature=LABELS[name]))

    def update(self, switches: object) -> list[str]:
        """Apply the host's `{switch: bool, "pitch_share": fraction}`; returns what changed.

        Everything is checked before anything changes, so a bad value changes nothing.
        """
        checked = clean_switches(switches)
        changed = [name for name, value in checked.items() if getattr(self, name) != value]
        for name in changed:
            setattr(self, name, checked[name])
        return changed

    def public(self) -> dict[str, Any]:
        return dict(vars(self))  # every switch is a plain value: no need for asdict's deep copy

    def to_dict(self) -> dict[str, Any]:
        return self.public()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Features":
        """Saved switches; ones added since the room was saved take their defaults."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


Switches = dict[str, bool | float]
SWITCHES_ASK = N_("Say which switches to change.")


def clean_switches(switches: object) -> Switches:
    """The host's switches to change, each checked, or a refusal naming the first bad one."""
    if not isinstance(switches, dict) or not switches:
        raise RoomError(SWITCHES_ASK)
    checked: Switches = {}
    for name, value in switches.items():
        if name == "pitch_share":
            checked[name] = clean_share(value)
        elif name in LABELS:
            checked[name] = clean_bool(value, say("Say whether “%(feature)s” is on or off.",
                                                   feature=LABELS[name]))
        else:
            raise RoomError(N_("Unknown switch."))
    return checked


def clean_share(value: object) -> float:
    """A share of listeners between 10 % and 100 %, as a fraction."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RoomError(N_("The share of listeners must be a number."))
    if not MIN_PITCH_SHARE <= value <= MAX_PITCH_SHARE:
        raise RoomError(N_("The share of listeners must be from 10 % to 100 %."))
    return float(value)
