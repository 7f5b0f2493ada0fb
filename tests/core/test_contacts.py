"""Contact details: what is accepted, and that they reach others only with consent."""

import json

import pytest

from facilitator.core.commands import board, contacts, people
from facilitator.core.errors import RoomError
from facilitator.core.state.contacts import Contact, Contacts, clean_contact
from facilitator.core.state.persisted import room_to_dict
from facilitator.core.state.room import Room
from facilitator.core.views import screens
from facilitator.core.views.followup import followup, shared_contacts


def contact(**fields) -> Contact:
    form = {"email": "", "phone": "", "link": "", "share": False, "share_with_host": False}
    return clean_contact(**{**form, **fields})


@pytest.mark.parametrize(("fields", "message"), [
    ({"email": "not-an-address"}, "email"),
    ({"email": "a b@example.org"}, "email"),
    ({"phone": "call me maybe"}, "phone"),
    ({"phone": "+44"}, "phone"),
    ({"link": "javascript:alert(1)"}, "http"),
    ({"share": "yes"}, "share"),
    ({"share_with_host": None}, "share"),
])
def test_contact_details_are_checked(fields, message):
    with pytest.raises(RoomError, match=message):
        contact(**fields)


def test_good_details_are_kept_trimmed():
    got = contact(email=" ann@example.org ", phone="+44 (0)20 7946-0000",
                  link="https://example.org/ann", share=True)
    assert got.details() == {"email": "ann@example.org", "phone": "+44 (0)20 7946-0000",
                             "link": "https://example.org/ann"}


def test_details_are_seen_only_when_shared_with_an_exchange_partner():
    book = Contacts()
    book.set_for("ann", contact(email="ann@example.org", share=True))
    book.set_for("bob", contact(email="bob@example.org", share=False))
    assert book.visible_to("bob", "ann", in_audience=True) == {"email": "ann@example.org"}
    assert book.visible_to("cat", "ann", in_audience=False) is None  # shared, but no exchange
    assert book.visible_to("ann", "bob", in_audience=True) is None  # exchange, not shared
    assert book.visible_to("bob", "bob", in_audience=False) == {"email": "bob@example.org"}


def test_the_host_sees_only_details_given_for_the_export():
    book = Contacts()
    book.set_for("ann", contact(email="ann@example.org", share=True))
    book.set_for("bob", contact(email="bob@example.org", share_with_host=True))
    assert book.for_host("ann") is None
    assert book.for_host("bob") == {"email": "bob@example.org"}
    assert book.for_host("cat") is None


def test_clearing_everything_forgets_the_person():
    book = Contacts()
    book.set_for("ann", contact(email="ann@example.org", share=True))
    book.set_for("ann", contact())
    assert book.by_person == {}


def exchange_room():
    """Ann asked; Bob offered on it and Ann took it up; Cat offered to the whole room; everyone
    shares."""
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0)
    ann, bob, cat = (people.join(room, name=n, now=0)[0].id for n in ("Ann", "Bob", "Cat"))
    ask = board.post_ask(room, ann, text="A bookkeeper", now=1)
    offer = board.post_offer(room, bob, kind="help", text="I keep books", ask=ask, now=2)
    board.take_offer(room, ann, offer_id=offer)
    board.post_offer(room, cat, kind="resource", text="Free course",
                     link="https://example.org/course", now=3)
    for pid, name in ((ann, "ann"), (bob, "bob"), (cat, "cat")):
        contacts.set_contact(room, pid, email=f"{name}@example.org", phone="0123 45678", share=True)
    return room, ann, bob, cat


def test_the_followup_lists_offers_made_and_received_and_partners_contacts_only():
    room, ann, bob, cat = exchange_room()
    mine = followup(room, ann)
    assert [o["from_name"] for o in mine["received"]] == ["Bob"]
    assert mine["received"][0]["ask"] == "A bookkeeper"
    assert mine["made"] == []
    assert [c["name"] for c in mine["contacts"]] == ["Bob"]
    assert mine["my_contact"]["email"] == "ann@example.org"
    assert "cat@example.org" not in json.dumps(mine)
    assert "token" not in json.dumps(mine)
    assert followup(room, cat)["contacts"] == []  # a standalone offer is no exchange


def test_withdrawn_consent_or_a_hidden_offer_ends_the_sharing():
    room, ann, bob, cat = exchange_room()
    contacts.set_contact(room, bob, email="bob@example.org", share=False)
    assert shared_contacts(room, ann) == []
    contacts.set_contact(room, bob, email="bob@example.org", share=True)
    [offer_id] = [p.id for p in room.board.posts.values() if p.author == bob]
    board.moderate(room, post_id=offer_id, hidden=True)
    assert shared_contacts(room, ann) == []


def test_contact_changes_are_saved_but_never_broadcast():
    room, ann, bob, cat = exchange_room()
    room.begin_change()
    contacts.set_contact(room, ann, email="new@example.org", share=True)
    assert room.changes  # so the room is saved and its version bumped
    delta = screens.delta(room, now=5)
    assert delta["sections"] == {} and delta["items"] == {}
    assert "new@example.org" not in json.dumps(screens.snapshot(room, now=5, host=True))
    assert "new@example.org" in json.dumps(room_to_dict(room))
