"""Who asked for their link by email: checked addresses, a key that opens only the follow-up,
kept with the room and forgotten on unsubscribing."""

import pytest

from facilitator.core.commands import mailing, people
from facilitator.core.errors import RoomError
from facilitator.core.state.mailing import NO_ADDRESS
from facilitator.core.state.persisted import room_from_dict, room_to_dict
from facilitator.core.state.room import Room
from facilitator.core.views.mail import ENDED, LINK, REMINDER, message


@pytest.fixture
def room_and_ann():
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0)
    ann, token = people.join(room, name="Ann", now=0)
    room.begin_change()
    return room, ann.id, token


def test_subscribing_gives_a_key_that_opens_the_follow_up_and_nothing_else(room_and_ann):
    room, ann, token = room_and_ann
    sub = mailing.subscribe(room, ann, email="ann@example.org", reminder=True)
    assert room.changes.private and not room.changes.sections
    assert room.follower(sub.key).id == ann and room.follower(token).id == ann
    assert room.participant_by_token(sub.key) is None  # no place at the table
    again = mailing.subscribe(room, ann, email="ann@example.net", reminder=False)
    assert again.key == sub.key and again.email == "ann@example.net"  # earlier links still work
    assert room_from_dict(room_to_dict(room)).mailing == room.mailing
    mailing.unsubscribe(room, pid=ann)
    assert room.follower(sub.key) is None and room.mailing.of(ann) is None


@pytest.mark.parametrize(("email", "refusal"), [("", NO_ADDRESS), ("not an address", "look"),
                                                (None, NO_ADDRESS)])
def test_a_bad_address_is_refused(room_and_ann, email, refusal):
    room, ann, _ = room_and_ann
    with pytest.raises(RoomError, match=refusal):
        mailing.subscribe(room, ann, email=email, reminder=False)
    assert room.mailing.by_person == {}


def test_someone_removed_is_no_follower_even_with_a_key(room_and_ann):
    room, ann, _ = room_and_ann
    key = mailing.subscribe(room, ann, email="ann@example.org", reminder=False).key
    people.remove(room, pid=ann, now=1)
    assert room.follower(key) is None


@pytest.mark.parametrize("kind", [LINK, ENDED, REMINDER])
def test_every_message_has_the_link_and_the_way_out(room_and_ann, kind):
    room, ann, _ = room_and_ann
    subject, body = message(kind, room, ann, link="https://x.example/j/C/me#key=k",
                            unsubscribe="https://x.example/mail/unsubscribe/t", retention_days=30)
    assert "Breakfast" in subject
    assert "https://x.example/j/C/me#key=k" in body
    assert body.rstrip().endswith("https://x.example/mail/unsubscribe/t")
    assert "for 30 days after it ends" in body


def test_a_subscriber_keeps_the_language_they_asked_in_and_old_rooms_read_english(room_and_ann):
    room, ann, _ = room_and_ann
    assert mailing.subscribe(room, ann, email="ann@example.org", reminder=False,
                             language="ar").language == "ar"
    saved = room_to_dict(room)
    assert room_from_dict(saved).mailing.of(ann).language == "ar"
    del saved["mailing"][ann]["language"]  # a subscription saved before emails had a language
    assert room_from_dict(saved).mailing.of(ann).language == "en"
    with pytest.raises(RoomError, match="Pick one of the languages offered."):
        mailing.subscribe(room, ann, email="ann@example.org", reminder=False, language="xx")
