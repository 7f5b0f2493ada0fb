"""`python -m bench validation`: what reading a payload into its pydantic model costs per event,
against the same checks written by hand (the core's cleaning rules called on the raw dict, as
the handlers did before the models). In process, best of 5 rounds; a few seconds in all.
"""

import timeit
from collections.abc import Callable
from functools import partial

from facilitator.core.state import board, participants
from facilitator.core.state.text import clean_id, clean_link
from facilitator.payloads import parse
from facilitator.payloads.events import Join, PostOffer
from facilitator.payloads.host import parse_host

ROUNDS, CALLS = 5, 20_000
JOIN = {"code": "W4PBBG", "name": "Ann Lee", "about": "Runs a bakery",
        "interests": ["running", "bread", "open source"]}
OFFER = {"kind": "intro", "ask": "a1b2c3d4e5", "text": "I know a great designer who loves "
         "early-stage work; happy to introduce you after the round.", "link": "https://x.org"}
NEXT = {"action": "next", "args": {"table": 1}}


def join_by_hand(data: dict) -> tuple:
    return (clean_id(data.get("code"), "no room"), participants.clean_name(data.get("name")),
            participants.clean_about(data.get("about", "")),
            participants.clean_interests(data.get("interests", [])))


def offer_by_hand(data: dict) -> tuple:
    return (board.clean_offer_kind(data.get("kind")), clean_id(data.get("ask"), "gone"),
            board.clean_offer_text(data.get("text")), board.clean_who(data.get("who", "")),
            clean_link(data.get("link", ""), board.LINK_LABEL))


def next_by_hand(data: dict) -> tuple:
    args = data.get("args", {})
    table = args.get("table")
    if table is not None and (type(table) is not int or not 1 <= table <= 200):
        raise ValueError(table)
    return data["action"], table


CASES: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
    ("join", partial(parse, Join, JOIN), partial(join_by_hand, JOIN)),
    ("post_offer", partial(parse, PostOffer, OFFER), partial(offer_by_hand, OFFER)),
    ("host next", partial(parse_host, NEXT), partial(next_by_hand, NEXT)),
]


def best(call: Callable[[], object]) -> float:
    """Microseconds per call, the best of ROUNDS rounds of CALLS."""
    return min(timeit.repeat(call, number=CALLS, repeat=ROUNDS)) / CALLS * 1e6


def main() -> int:
    print(f"{'event':<12} {'model µs':>9} {'by hand µs':>11} {'ratio':>6}")
    for name, model, by_hand in CASES:
        model(), by_hand()  # both accept it (a refusal would raise here)
        m, h = best(model), best(by_hand)
        print(f"{name:<12} {m:>9.1f} {h:>11.1f} {m / h:>6.2f}")
    return 0
