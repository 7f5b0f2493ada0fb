"""The room's generosity state in one place: the host's switches and the introductions, saved
with the room. (Pitch taps and raised hands belong to a table: `state.table`.) The rules are in
each part; `commands.generosity` applies them to a room, and `views.generosity` decides what
each screen sees."""

from dataclasses import dataclass, field
from typing import Any

from .features import Features
from .intros import Intros


@dataclass
class Generosity:
    features: Features = field(default_factory=Features)
    intros: Intros = field(default_factory=Intros)

    def to_dict(self) -> dict[str, Any]:
        return {"features": self.features.to_dict(), "intros": self.intros.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Generosity":
        """A saved room's state; rooms saved before these features load with the defaults."""
        return cls(Features.from_dict(data.get("features", {})),
                   Intros.from_dict(data.get("intros", {})))
