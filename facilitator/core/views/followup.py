"""One attendee's follow-up: the offers they made and received with how each went, the
introductions they are part of, and the contacts they may keep.

Only the attendee (with their token) sees this. Someone else's details appear only if that
person shared them and the two took part in an exchange the room can still see
(`state.partners`); the page names exactly who would see the attendee's own.
"""

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from ..errors import Text, say
from ..state.board import ASK, OFFER, OFFER_KINDS, Post
from ..state.partners import audience, may_see, partners
from ..state.room import Room


def followup(room: Room, pid: str) -> dict[str, Any]:
    """Everything the attendee's follow-up page shows, and nothing about anyone else's privacy."""
    board = room.board
    names = {p.id: p.name for p in room.participants.values()}

    def offer(post: Post) -> dict[str, Any]:
        ask = board.posts[post.ask].text if post.ask else None
        return {"id": post.id, "kind": post.kind, "kind_label": OFFER_KINDS[post.kind],
                "text": post.text, "who": post.who, "link": post.link, "taken": post.taken,
                "ask": ask, "from": post.author, "from_name": names.get(post.author),
                "to": post.to, "to_name": names.get(post.to) if post.to else None,
                # How it went, said by either side; an offer to the whole room has no other side
                "markable": post.to is not None,
                "follow_through": room.follow_through.view(post.id)}

    offers = board.shown(OFFER)
    return {
        "event": {"code": room.code, "name": room.name, "ended_at": room.ended_at,
                  "kept_until": room.kept_until},
        "me": {"id": pid, "name": names[pid]},
        "asks": [{"id": a.id, "text": a.text, "met": board.met(a)}
                 for a in board.shown(ASK) if a.author == pid],
        "made": [offer(o) for o in offers if o.author == pid],
        "received": [offer(o) for o in offers if o.to == pid],
        "introductions": _introductions(room, pid, names),
        "contacts": shared_contacts(room, pid),
        "my_contact": asdict(room.contacts.of(pid)),
        # Who sees them when shared, by name: consent to share is consent to these people
        "my_audience": sorted((names[p] for p in audience(room, pid)), key=str.casefold),
        # Their own address for emailed links, if they gave one (never the link's key)
        "my_mail": ({"email": sub.email, "reminder": sub.reminder}
                    if (sub := room.mailing.of(pid)) else None),
    }


def _introductions(room: Room, pid: str, names: dict[str, str]) -> list[dict[str, Any]]:
    """The accepted introductions `pid` is part of, with whether they met and who may say so."""
    intros, met = room.generosity.intros, room.follow_through.met
    return [{**intro, "met": intro["id"] in met,
             "can_mark_met": pid in intros.sides(room.board.posts[intro["id"]])}
            for intro in intros.for_person(room.board, pid, names)]


def shared_contacts(room: Room, pid: str,
                    words: Callable[[Text], str] = str) -> list[dict[str, Any]]:
    """The people `pid` exchanged with who chose to share their details with them (`words`: the
    card's note in the reader's language; English as written by default)."""
    cards = []
    for other in sorted(partners(room, pid), key=lambda o: room.participants[o].name.casefold()):
        # An exchange goes both ways: `pid` is in `other`'s audience unless they came too late
        details = room.contacts.visible_to(pid, other, in_audience=may_see(room, pid, other))
        if details:
            cards.append({"id": other, "name": room.participants[other].name, **details,
                          "note": _exchanged(room, pid, other, words)})
    return cards


def _exchanged(room: Room, pid: str, other: str, words: Callable[[Text], str]) -> str:
    """What the two exchanged, as a reminder on their contact card."""
    lines = [say("Met at %(event)s.", event=room.name)]
    for o in room.board.shown(OFFER):
        if (o.author, o.to) == (pid, other):
            lines.append(say("You offered (%(kind)s): %(text)s", kind=OFFER_KINDS[o.kind],
                             text=o.text))
        elif (o.author, o.to) == (other, pid):
            lines.append(say("Offered you (%(kind)s): %(text)s", kind=OFFER_KINDS[o.kind],
                             text=o.text))
    return "\n".join(words(line) for line in lines)
