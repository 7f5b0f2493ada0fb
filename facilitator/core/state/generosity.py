"""The room's generosity state in one place: the host's switches, pitch taps, raised hands and
introductions, saved with the room. The rules are in each part; `commands.generosity` applies
them to a room, and `views.generosity` decides what each screen sees."""

from dataclasses import dataclass, field
from typing import Any

from .features import Features
from .hands import Hands
from .intros import Intros
from .nudges import Nudges


@dataclass
class Generosity:
    features: Features = field(default_factory=Features)
    nudges: Nudges = field(default_factory=Nudges)
    hands: Hands = field(default_factory=Hands)
    intros: Intros = field(default_factory=Intros)

    def to_dict(self) -> dict[str, Any]:
        return {"features": self.features.to_dict(), "nudges": self.nudges.to_dict(),
                "hands": self.hands.to_dict(), "intros": self.intros.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Generosity":
        """A saved room's state; rooms saved before these features load with the defaults."""
        return cls(Features.from_dict(data.get("features", {})),
                   Nudges.from_dict(data.get("nudges", {})),
                   Hands.from_dict(data.get("hands", {})),
                   Intros.from_dict(data.get("intros", {})))
