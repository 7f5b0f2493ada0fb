"""The board: asks and offers, met counting, moderation, the rate limit, and what the room sees."""

import json

import pytest

from facilitator.core import commands
from facilitator.core.errors import RoomError
from facilitator.core.state.board import MAX_POSTS, RATE_LIMIT, RATE_WINDOW, Board
from facilitator.core.state.persisted import room_from_dict, room_to_dict
from facilitator.core.state.room import Room
from facilitator.core.views import screens


def board_room(*names: str) -> tuple[Room, list[str]]:
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0)
    pids = [commands.people.join(room, name=n, now=0)[0].id for n in names]
    room.begin_change()  # as after a save: the next change starts a new delta
    return room, pids


def test_an_offer_answers_an_ask_and_taking_it_up_meets_the_ask():
    board = Board()
    ask = board.add_ask("ann", "A designer for my flyer", now=1)
    offer = board.add_offer("bob", "help", "I design posters", now=2, ask_id=ask.id)
    assert offer.to == "ann"
    assert board.counts() == {"asks": 1, "met": 0, "offers": 1}
    assert board.take(offer.id, "ann", True) == [offer.id, ask.id]
    assert board.counts() == {"asks": 1, "met": 1, "offers": 1}
    assert board.public(ask.id)["met"] is True
    board.take(offer.id, "ann", False)
    assert board.counts()["met"] == 0


def test_asks_met_counts_each_ask_once_however_many_offers_are_taken():
    board = Board()
    asks = [board.add_ask(f"p{i}", f"Need {i}", now=i) for i in range(3)]
    for helper in ("x", "y"):
        offer = board.add_offer(helper, "intro", "I know someone", now=5, ask_id=asks[0].id,
                                who="Dana at the library")
        board.take(offer.id, "p0", True)
    board.take(board.add_offer("x", "resource", "A book", now=6, ask_id=asks[1].id).id, "p1",
               True)
    assert board.counts() == {"asks": 3, "met": 2, "offers": 3}


def test_only_the_person_an_offer_is_for_takes_it_up():
    board = Board()
    ask = board.add_ask("ann", "Help", now=0)
    offer = board.add_offer("bob", "help", "Me", now=0, ask_id=ask.id)
    alone = board.add_offer("bob", "resource", "A podcast", now=0)
    to_cat = board.add_offer("bob", "help", "An hour", now=0, to="cat")
    with pytest.raises(RoomError, match="offer is for"):
        board.take(offer.id, "bob", True)
    with pytest.raises(RoomError, match="offer is for"):
        board.take(alone.id, "ann", True)
    with pytest.raises(RoomError, match="offer is for"):
        board.take(to_cat.id, "ann", True)
    assert board.take(to_cat.id, "cat", True) == [to_cat.id] and to_cat.taken
    with pytest.raises(RoomError, match="taken up"):
        board.take(offer.id, "ann", "yes")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"kind": "money", "text": "x"}, "kind of offer"),
    ({"kind": ["help"], "text": "x"}, "kind of offer"),
    ({"kind": "help", "text": ""}, "required"),
    ({"kind": "help", "text": "x" * 281}, "at most 280"),
    ({"kind": "help", "text": "x", "who": "y" * 81}, "at most 80"),
    ({"kind": "resource", "text": "x", "link": "javascript:alert(1)"}, "http"),
    ({"kind": "resource", "text": "x", "link": "ftp://example.org"}, "http"),
    ({"kind": "resource", "text": "x", "link": 'https://a.org/"onclick'}, "quotes"),
    ({"kind": "help", "text": "x", "ask_id": "nope"}, "no longer on the board"),
    ({"kind": "help", "text": "x", "to": "me"}, "own ask"),
])
def test_offers_are_checked(kwargs, message):
    with pytest.raises(RoomError, match=message):
        Board().add_offer("me", now=0, **kwargs)


def test_links_are_kept_when_they_are_web_addresses():
    offer = Board().add_offer("bob", "resource", "Read this", now=0,
                              link="https://example.org/a?b=1")
    assert offer.link == "https://example.org/a?b=1"


def test_nobody_offers_on_their_own_ask():
    board = Board()
    ask = board.add_ask("ann", "Help", now=0)
    with pytest.raises(RoomError, match="own ask"):
        board.add_offer("ann", "help", "Me!", now=0, ask_id=ask.id)


def test_the_rate_limit_is_a_sliding_window_per_person():
    board = Board()
    for i in range(RATE_LIMIT):
        board.add_ask("ann", f"Ask {i}", now=100 + i)
    with pytest.raises(RoomError, match="wait 50 s"):
        board.add_ask("ann", "One more", now=110)
    board.add_ask("bob", "Bob is not limited by Ann", now=110)
    board.add_ask("ann", "The first has left the window", now=100 + RATE_WINDOW + 0.5)
    # Edits count too: they are broadcast like posts.
    with pytest.raises(RoomError, match="posting very fast"):
        board.edit(next(iter(board.posts)), "ann", now=160.6, text="Edited")


def test_a_post_sent_again_within_a_minute_is_the_same_post():
    """A phone whose answer was lost on the venue's wifi sends the post again: one post."""
    board = Board()
    ask = board.add_ask("ann", "A designer for my flyer", now=100)
    assert board.add_ask("ann", " A designer for my flyer ", now=108) is ask
    offer = board.add_offer("bob", "help", "I design posters", now=110, ask_id=ask.id)
    assert board.add_offer("bob", "help", "I design posters", now=118, ask_id=ask.id) is offer
    assert len(board.posts) == 2 and board.recent["ann"] == [100]  # counted once
    # Anything else is a post of its own: another kind, another person, a minute on.
    assert board.add_offer("bob", "intro", "I design posters", now=119, ask_id=ask.id) != offer
    assert board.add_ask("cat", "A designer for my flyer", now=120) != ask
    assert board.add_ask("ann", "A designer for my flyer", now=161) != ask
    assert len(board.posts) == 5


def test_the_hosts_asks_for_the_speaker_are_not_rate_limited():
    board = Board()
    for i in range(RATE_LIMIT + 2):
        board.add_ask("ann", f"Ask {i}", now=1, by_host=True)
    assert len(board.posts) == RATE_LIMIT + 2


def test_the_board_has_a_size_limit():
    board = Board()
    for i in range(MAX_POSTS):
        board.add_ask(f"p{i}", "Help", now=0)
    with pytest.raises(RoomError, match="full"):
        board.add_ask("late", "Help", now=0)


def test_authors_edit_and_delete_only_their_own_posts():
    board = Board()
    ask = board.add_ask("ann", "Help", now=0)
    with pytest.raises(RoomError, match="your own"):
        board.edit(ask.id, "bob", now=1, text="Hijacked")
    with pytest.raises(RoomError, match="your own"):
        board.delete(ask.id, "bob")
    board.edit(ask.id, "ann", now=2, text="Help with taxes")
    assert board.public(ask.id)["text"] == "Help with taxes"
    assert board.public(ask.id)["edited"] is True


def test_deleting_an_ask_keeps_its_offers_to_the_asker():
    board = Board()
    ask = board.add_ask("ann", "Help", now=0)
    offer = board.add_offer("bob", "help", "Me", now=0, ask_id=ask.id)
    board.take(offer.id, "ann", True)
    assert set(board.delete(ask.id, "ann")) == {ask.id, offer.id}
    assert board.public(ask.id) is None
    kept = board.public(offer.id)
    assert (kept["ask"], kept["to"], kept["taken"]) == (None, "ann", False)
    assert board.counts() == {"asks": 0, "met": 0, "offers": 1}


def test_hidden_posts_and_the_offers_under_a_hidden_ask_vanish_until_restored():
    board = Board()
    ask = board.add_ask("ann", "Something rude", now=0)
    offer = board.add_offer("bob", "help", "Me", now=0, ask_id=ask.id)
    board.take(offer.id, "ann", True)
    assert set(board.moderate(ask.id, True)) == {ask.id, offer.id}
    assert board.public(ask.id) is None and board.public(offer.id) is None
    assert board.moderated(ask.id)["hidden"] is True
    assert board.moderated(offer.id)["hidden"] is False  # gone with its ask, not hidden itself
    assert board.counts() == {"asks": 0, "met": 0, "offers": 0}
    with pytest.raises(RoomError, match="no longer on the board"):
        board.add_offer("cat", "help", "Me too", now=1, ask_id=ask.id)
    with pytest.raises(RoomError, match="hidden"):
        board.edit(ask.id, "ann", now=1, text="Sorry")
    board.moderate(ask.id, False)
    assert board.public(offer.id)["taken"] is True
    assert board.counts() == {"asks": 1, "met": 1, "offers": 1}


def test_deleting_a_hidden_ask_leaves_its_offers_hidden_until_the_host_restores_them():
    board = Board()
    ask = board.add_ask("ann", "Something rude", now=0)
    offer = board.add_offer("bob", "help", "Me", now=0, ask_id=ask.id)
    board.moderate(ask.id, True)
    assert set(board.delete(ask.id, "ann")) == {ask.id, offer.id}
    assert board.public(offer.id) is None
    assert board.moderated(offer.id)["hidden"] is True  # hidden now in its own right
    assert board.counts() == {"asks": 0, "met": 0, "offers": 0}
    board.moderate(offer.id, False)
    assert board.public(offer.id)["to"] == "ann"


def test_a_hidden_taken_offer_no_longer_meets_the_ask():
    board = Board()
    ask = board.add_ask("ann", "Help", now=0)
    offer = board.add_offer("bob", "help", "Me", now=0, ask_id=ask.id)
    board.take(offer.id, "ann", True)
    assert board.moderate(offer.id, True) == [offer.id, ask.id]
    assert board.counts() == {"asks": 1, "met": 0, "offers": 0}
    with pytest.raises(RoomError, match="hide or restore"):
        board.moderate(offer.id, "no")


# --- in a room: who may, what is broadcast, what is saved -------------------------------------

def test_posting_in_a_room_touches_the_post_and_the_counts():
    room, (ann, bob) = board_room("Ann", "Bob")
    ask_id = commands.board.post_ask(room, ann, text="A flat in Leeds", now=1)
    delta = screens.delta(room, now=1)
    assert delta["sections"] == {"board": {"asks": 1, "met": 0, "offers": 0}}
    assert delta["items"]["posts"][ask_id]["author"] == ann
    room.begin_change()
    offer_id = commands.board.post_offer(room, bob, kind="intro", text="My cousin lets",
                                         ask=ask_id, now=2)
    commands.board.take_offer(room, ann, offer_id=offer_id)
    assert set(screens.delta(room, now=2)["items"]["posts"]) == {ask_id, offer_id}


def test_the_host_types_the_speakers_ask_and_it_is_theirs():
    room, (ann, bob) = board_room("Ann", "Bob")
    with pytest.raises(RoomError, match="Nobody is speaking"):
        commands.board.post_ask_for(room, text="Help", now=0)
    commands.round.start(room, now=0)
    ask_id = commands.board.post_ask_for(room, text="A mentor", now=1)
    post = room.board.posts[ask_id]
    assert (post.author, post.by_host) == (ann, True)
    commands.board.edit_post(room, ann, post_id=ask_id, text="A mentor in design", now=2)
    assert commands.board.post_ask_for(room, text="Bob's", for_pid=bob, now=3)
    with pytest.raises(RoomError, match="not in this room"):
        commands.board.post_ask_for(room, text="x", for_pid="nobody", now=3)


def test_only_people_at_the_table_post_and_offers_go_to_people_in_the_room():
    room, (ann, bob) = board_room("Ann", "Bob")
    commands.people.leave(room, bob, now=1)
    with pytest.raises(RoomError, match="no longer at this table"):
        commands.board.post_ask(room, bob, text="Help", now=2)
    commands.board.post_offer(room, ann, kind="help", text="For Bob", to=bob, now=2)
    with pytest.raises(RoomError, match="not in this room"):
        commands.board.post_offer(room, ann, kind="help", text="x", to="ghost", now=2)


def test_the_room_never_sees_hidden_posts_but_the_host_does():
    room, (ann, bob) = board_room("Ann", "Bob")
    ask_id = commands.board.post_ask(room, ann, text="Help", now=1)
    commands.board.moderate(room, post_id=ask_id, hidden=True)
    delta = screens.delta(room, now=2)
    assert delta["items"]["posts"] == {ask_id: None}
    assert screens.host_delta(room, now=2)["items"]["hidden_posts"][ask_id]["text"] == "Help"
    assert ask_id not in screens.snapshot(room, now=2)["items"]["posts"]
    assert "hidden_posts" not in screens.snapshot(room, now=2)["items"]
    assert ask_id in screens.snapshot(room, now=2, host=True)["items"]["hidden_posts"]
    commands.board.moderate(room, post_id=ask_id, hidden=False)
    assert screens.host_delta(room, now=3)["items"]["hidden_posts"] == {ask_id: None}


def test_the_board_survives_storage_and_old_rooms_load_with_an_empty_board():
    room, (ann, bob) = board_room("Ann", "Bob")
    ask_id = commands.board.post_ask(room, ann, text="Help", now=1)
    commands.board.post_offer(room, bob, kind="help", text="Me", ask=ask_id, now=2)
    commands.contacts.set_contact(room, bob, email="bob@example.org", share=True)
    data = json.loads(json.dumps(room_to_dict(room)))
    assert room_from_dict(data) == room
    del data["board"], data["contacts"]
    old = room_from_dict(data)
    assert old.board == Board() and old.board.counts() == {"asks": 0, "met": 0, "offers": 0}
