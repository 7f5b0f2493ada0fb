"""The host's tools against a scripted flood (issue 16.7): closing the event to newcomers,
removing everyone who joined in the last minutes with their posts, deleting any post, and one
person's share of the board."""

import pytest

from facilitator.core.commands import board, moderation, people
from facilitator.core.errors import RoomError
from facilitator.core.sections import Collection, Section
from facilitator.core.state.board import MAX_POSTS_PER_PERSON, Board
from facilitator.core.state.identity import CODE_LENGTH
from facilitator.core.state.participants import HERE, REMOVED
from facilitator.core.state.room import LOCKED, NEW_CODE, Room
from facilitator.core.views import screens


def event() -> tuple[Room, str]:
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0)
    ann = people.join(room, name="Ann", now=0)[0].id
    return room, ann


def test_a_closed_event_takes_no_newcomer_but_its_people_come_back():
    room, ann = event()
    people.leave(room, ann, now=1)
    room.begin_change()
    moderation.lock(room, locked=True)
    assert Section.ROOM in room.changes.sections
    assert screens.snapshot(room, now=1)["sections"]["room"]["locked"] is True
    with pytest.raises(RoomError) as refused:
        people.join(room, name="Bot", now=2)
    assert refused.value.message == LOCKED
    people.rejoin(room, ann, now=3)
    assert room.participants[ann].status == HERE
    moderation.lock(room, locked=False)
    people.join(room, name="Latecomer", now=4)
    with pytest.raises(RoomError, match="newcomers"):
        moderation.lock(room, locked="yes")


def test_a_new_code_lets_latecomers_in_and_the_old_one_no_newcomer():
    room, ann = event()
    room.begin_change()
    moderation.lock(room, locked=True, new_code=True)
    late = room.latecomers_code
    assert late is not None and late[:CODE_LENGTH] == room.code and late != room.code
    assert {Section.ROOM, Section.LATECOMERS} <= room.changes.sections
    with pytest.raises(RoomError) as refused:
        people.join(room, name="Bot", now=1)
    assert refused.value.message == NEW_CODE
    with pytest.raises(RoomError, match="new code"):
        people.join(room, name="Bot", key="AAAA", now=1)
    people.join(room, name="Latecomer", key=late[CODE_LENGTH:], now=2)
    assert people.leave(room, ann, now=3) is None and people.rejoin(room, ann, now=4) is None
    moderation.lock(room, locked=True, new_code=True)  # the new code leaked too: another
    assert room.latecomers_code not in (None, late)
    moderation.lock(room, locked=False)
    assert room.latecomers_code is None
    people.join(room, name="Anyone", now=5)


def test_only_the_host_sees_the_latecomers_code():
    room, _ = event()
    room.begin_change()
    moderation.lock(room, locked=True, new_code=True)
    code = room.latecomers_code
    assert screens.snapshot(room, now=1, host=True)["sections"]["latecomers"] == {"code": code}
    assert screens.host_delta(room, now=1)["sections"]["latecomers"] == {"code": code}
    for seen in (screens.snapshot(room, now=1), screens.delta(room, now=1)):
        assert code not in str(seen)


def test_removing_the_last_minutes_joiners_takes_their_posts_and_tokens():
    room, ann = event()
    ask = board.post_ask(room, ann, text="A printer", now=1)
    bots = [people.join(room, name=f"Bot {i}", now=600 + i)[0].id for i in range(5)]
    for pid in bots:
        board.post_ask(room, pid, text="spam", now=700)
        board.post_offer(room, pid, kind="help", text="spam", ask=ask, now=700)
    room.begin_change()
    gone = moderation.remove_recent(room, minutes=5, now=800)
    assert sorted(gone) == sorted(bots)
    assert all(room.participants[pid].status == REMOVED for pid in bots)
    assert room.participants[ann].status == HERE
    assert [p.author for p in room.board.posts.values()] == [ann]
    assert set(room.changes.items[Collection.POSTS]) >= {ask}
    with pytest.raises(RoomError, match="minutes"):
        moderation.remove_recent(room, minutes=0, now=800)


def test_the_host_deletes_any_post_freeing_its_place():
    room, ann = event()
    ask = board.post_ask(room, ann, text="Rude", now=1)
    board.moderate(room, post_id=ask, hidden=True)
    moderation.delete_post(room, post_id=ask)
    assert room.board.posts == {}
    with pytest.raises(RoomError, match="no longer on the board"):
        moderation.delete_post(room, post_id=ask)


def test_one_person_has_only_a_share_of_the_board():
    board_ = Board()
    for i in range(MAX_POSTS_PER_PERSON):
        board_.add_ask("bot", f"spam {i}", now=i * 10.0)
    with pytest.raises(RoomError, match="as many as one person may"):
        board_.add_ask("bot", "one more", now=10_000)
    board_.add_ask("ann", "Mine", now=10_000)  # others still post
