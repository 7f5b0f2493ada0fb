"""What the host puts on the display: where the board sits, the cards between rounds, the theme
and the chime.

It is public: the display watches the room as a viewer and reads this from the room's stream, so
the console drives the projector through the protocol like any other change, and a display that
(re)connects shows what the host chose.
"""

from dataclasses import dataclass, field
from typing import Any

from ..errors import N_, RoomError

BOARD_PLACES = ("off", "beside", "full")  # the board: hidden, beside the prompt, full screen
CARDS = ("airtime", "common", "gaps")  # between rounds: airtime, what we share, asks waiting
THEMES = ("light", "dark")  # dark: high contrast for a dim room or a weak projector
BOARD_ASK = N_("The board goes off, beside the prompt, or full screen.")
CARDS_ASK = N_("The cards to show are airtime, common or gaps.")
THEME_ASK = N_("The display's theme is light or dark.")
CHIME_ASK = N_("Say whether the display chimes.")


def clean_board(value: str) -> str:
    if value not in BOARD_PLACES:
        raise RoomError(BOARD_ASK)
    return value


def clean_cards(values: list[str]) -> list[str]:
    """The cards in the order the display shows them, each once."""
    if any(value not in CARDS for value in values):
        raise RoomError(CARDS_ASK)
    return [card for card in CARDS if card in values]


def clean_theme(value: str) -> str:
    if value not in THEMES:
        raise RoomError(THEME_ASK)
    return value


@dataclass
class Display:
    board: str = "off"
    cards: list[str] = field(default_factory=list)
    theme: str = "light"
    chime: bool = False  # a gentle chime at time-up and at each new turn; off unless asked for

    def update(self, *, board: str | None = None, cards: list[str] | None = None,
               theme: str | None = None, chime: bool | None = None) -> bool:
        """Apply what the host chose (None leaves a setting as it is); whether anything moved.
        Everything is checked before anything changes."""
        before = self.public()
        board = self.board if board is None else clean_board(board)
        cards = self.cards if cards is None else clean_cards(cards)
        theme = self.theme if theme is None else clean_theme(theme)
        self.board, self.cards, self.theme = board, list(cards), theme
        if chime is not None:
            self.chime = chime
        return self.public() != before

    def public(self) -> dict[str, Any]:
        return {"board": self.board, "cards": list(self.cards), "theme": self.theme,
                "chime": self.chime}

    def to_dict(self) -> dict[str, Any]:
        return self.public()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Display":
        return cls(board=data.get("board", "off"), cards=list(data.get("cards", [])),
                   theme=data.get("theme", "light"), chime=bool(data.get("chime", False)))
