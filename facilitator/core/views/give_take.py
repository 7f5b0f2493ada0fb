"""Give and take on the board: who asked, who offered, and offers of each kind (the asks nobody
has answered yet are the board's own query, `Board.waiting`).

Counts only what the room can see (hidden posts don't count), so the host's figures match
the board on the wall.
"""

from ..state.board import ASK, OFFER, OFFER_KINDS, Board


def per_person(board: Board) -> dict[str, dict[str, int]]:
    """pid -> {"asks": made, "offers": given}, for everyone who posted."""
    out: dict[str, dict[str, int]] = {}
    for kind, key in ((ASK, "asks"), (OFFER, "offers")):
        for post in board.shown(kind):
            counts = out.setdefault(post.author, {"asks": 0, "offers": 0})
            counts[key] += 1
    return out


def offers_by_kind(board: Board) -> dict[str, int]:
    """How many offers of each kind ("help", "intro", "resource"), every kind listed."""
    counts = dict.fromkeys(OFFER_KINDS, 0)
    for offer in board.shown(OFFER):
        counts[offer.kind] += 1
    return counts
