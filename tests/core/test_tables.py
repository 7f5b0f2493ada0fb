"""Events of several tables: seating people as they come and go, table QR codes, tables that
follow who arrives, reshuffles that keep the organiser's rules, changes at one table that touch
only it, time-up, table hosts, and what the summary counts."""

from dataclasses import replace

import pytest

from facilitator.core.commands import board, generosity, people, round, tables
from facilitator.core.errors import RoomError
from facilitator.core.seating import meetings
from facilitator.core.state.layout import Layout
from facilitator.core.state.room import Room
from facilitator.core.state.table import TIME_UP_GRACE_SECONDS
from facilitator.core.views.screens import rules
from facilitator.core.views.summary import summary


def event(people_count: int = 0, *, count: int | None = 3, size: int | None = None,
          prefix: str = "P") -> tuple[Room, list[str]]:
    layout = Layout.new(size=size) if size else Layout.new(tables=count)
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=60, now=0,
                          layout=layout)
    pids = [people.join(room, name=f"{prefix}{i}", now=0)[0].id for i in range(people_count)]
    room.begin_change()
    return room, pids


def sizes(room: Room) -> list[int]:
    return [len(table) for table in room.layout.seating()]


def seats_agree(room: Room) -> bool:
    """The room part's seats and each table's own order name the same people."""
    return all(sorted(t.seated) == sorted(room.layout.at(t.number)) for t in room.every_table())


# --- seating as people come and go --------------------------------------------------------

def test_newcomers_fill_the_smallest_table_and_leavers_free_their_seat():
    room, pids = event(7)
    assert sizes(room) == [3, 2, 2] and seats_agree(room)
    people.leave(room, pids[1], now=1)  # table 2 now has one
    assert sizes(room) == [3, 1, 2]
    newcomer, _ = people.join(room, name="Late", now=2)
    assert room.layout.seats[newcomer.id] == 2 and sizes(room) == [3, 2, 2]
    people.rejoin(room, pids[1], now=3)
    assert sizes(room) == [3, 3, 2] and seats_agree(room)


def test_a_table_qr_seats_you_there_when_seats_allow_else_at_the_smallest():
    room, pids = event(6)
    ann, _ = people.join(room, name="Ann", table=3, now=1)
    assert room.layout.seats[ann.id] == 3  # 3 at table 3 is within one of a balanced 7 / 3
    bob, _ = people.join(room, name="Bob", table=3, now=1)  # 4 would be two over
    assert room.layout.seats[bob.id] in (1, 2) and max(sizes(room)) == 3
    with pytest.raises(RoomError, match="There's no table 9"):
        people.join(room, name="Cat", table=9, now=1)


def test_scanning_a_table_you_sit_at_changes_nothing_and_a_full_one_says_where_to_sit():
    room, pids = event(6)
    mine = room.layout.seats[pids[0]]
    tables.sit(room, pids[0], table=mine, now=1)
    assert not room.changes
    with pytest.raises(RoomError, match=r"Table \d is full\. Your seat is at Table 1"):
        tables.sit(room, pids[0], table=2, now=1)  # 3 at table 2 would make it two over
    people.leave(room, pids[1], now=2)  # table 2 is down to one
    tables.sit(room, pids[0], table=2, now=3)
    assert room.layout.seats[pids[0]] == 2 and seats_agree(room)


def test_tables_of_about_a_size_follow_who_arrives_before_the_first_round():
    room, pids = event(0, size=4)
    for i in range(9):
        people.join(room, name=f"P{i}", now=0)
    assert room.layout.count == 2 and sorted(sizes(room)) == [4, 5]
    for i in range(5):
        people.join(room, name=f"Q{i}", now=0)  # 14 people: four tables of about 4
    assert room.layout.count == 4 and sorted(sizes(room)) == [3, 3, 4, 4] and seats_agree(room)
    round.start(room, now=10)
    late, _ = people.join(room, name="Late", now=11)  # after the first round: no new table
    assert room.layout.count == 4 and sorted(sizes(room)) == [3, 4, 4, 4]
    assert late.id in room.layout.rounds[-1][room.layout.seats[late.id] - 1]  # sat in round 1


def test_the_host_changes_the_tables_between_rounds_and_people_move_to_balance_them():
    room, pids = event(12)
    tables.set_tables(room, count=4, now=1)
    assert sizes(room) == [3, 3, 3, 3] and room.layout.moving and seats_agree(room)
    tables.set_tables(room, count=2, now=2)
    assert sizes(room) == [6, 6] and room.layout.count == 2 and seats_agree(room)
    round.start(room, now=3)
    with pytest.raises(RoomError, match="between rounds"):
        tables.set_tables(room, count=3, now=4)


def test_a_table_that_comes_back_keeps_its_records():
    room, pids = event(6, count=2)
    round.start(room, now=0)
    round.advance(room, table=2, now=30)
    round.end_round(room, now=40)
    tables.set_tables(room, count=1, now=50)
    tables.set_tables(room, count=2, now=60)
    assert room.table(2).turns.log[0]["seconds"] == 30  # its airtime still counts


# --- the round across tables ---------------------------------------------------------------

def test_a_round_starts_at_every_table_and_each_runs_itself():
    room, pids = event(7)
    round.start(room, now=0)
    assert {t.turns.status for t in room.every_table()} == {"speaking"}
    assert {t.turns.round for t in room.every_table()} == {1}
    room.begin_change()
    speaker = room.table(2).turns.current
    round.done(room, speaker, now=10)
    assert not room.changes  # the room part heard nothing of it
    assert [bool(t.changes) for t in room.every_table()] == [False, True, False]
    with pytest.raises(RoomError, match="Say which table"):
        round.skip(room, now=11)
    with pytest.raises(RoomError, match="Some tables are still on this round"):
        round.advance(room, now=12)
    round.pause(room, now=13)  # everywhere
    assert {t.turns.status for t in room.every_table()} == {"paused"}
    round.end_round(room, now=14)
    round.advance(room, now=15)  # every table has finished: the next round, everywhere
    assert room.round == 2 and {t.turns.round for t in room.every_table()} == {2}


def test_the_next_round_starts_only_at_tables_where_someone_sits():
    room, pids = event(2)
    round.start(room, now=0)
    assert [t.turns.status for t in room.every_table()] == ["speaking", "speaking", "lobby"]


def test_time_up_moves_the_turn_on_once_after_the_grace_and_only_when_switched_on():
    room, pids = event(6)
    round.start(room, now=0)
    turns = room.table(1).turns
    seen = {"table": 1, "round_no": 1, "speaker": turns.current}
    with pytest.raises(RoomError, match="switched off"):
        round.time_up(room, **seen, now=1000)
    generosity.set_features(room, switches={"auto_advance": True})
    room.begin_change()
    round.time_up(room, **seen, now=60 + TIME_UP_GRACE_SECONDS - 1)  # not yet
    assert not room.table(1).changes and turns.current == seen["speaker"]
    round.time_up(room, **seen, now=60 + TIME_UP_GRACE_SECONDS)
    assert turns.current != seen["speaker"] and turns.log[-1]["outcome"] == "time_up"
    moved_on = turns.current
    room.begin_change()
    round.time_up(room, **seen, now=500)  # every other phone asks too: nothing more happens
    assert not room.table(1).changes and turns.current == moved_on


def test_a_table_host_runs_their_own_table_only():
    room, pids = event(6)
    round.start(room, now=0)
    host = room.table(2).seated[1]
    with pytest.raises(RoomError, match="Only this table's host"):
        round.table_action(room, host, action="next", now=1)
    tables.make_table_host(room, table=2, pid=host)
    with pytest.raises(RoomError, match="not at this table"):
        tables.make_table_host(room, table=1, pid=host)
    first = room.table(2).turns.current
    round.table_action(room, host, action="next", now=5)
    assert room.table(2).turns.current != first and room.table(1).turns.position == 0
    round.table_action(room, host, action="pause", now=6)
    assert room.table(2).turns.status == "paused" and room.table(1).turns.status == "speaking"
    people.leave(room, host, now=7)
    assert room.table(2).host is None  # a table host who leaves is no longer one


def test_hands_and_pitch_taps_belong_to_the_table():
    room, pids = event(9)
    round.start(room, now=0)
    at_two = room.table(2).seated
    generosity.raise_hand(room, at_two[1], now=1)
    assert room.table(2).hands.queue[0].speaker == at_two[0]
    assert not room.table(1).hands.queue
    assert generosity.pitch_tap(room, at_two[1]) == at_two[0]  # 1 of 2 listeners at table 2


# --- reshuffles ---------------------------------------------------------------------------

def test_a_reshuffle_moves_people_to_meet_new_people_and_says_move_now():
    room, pids = event(9)
    round.start(room, now=0)
    round.end_round(room, now=10)
    before = meetings([room.layout.seating()])
    tables.reshuffle(room, seed=1, now=20)
    after = room.layout.seating()
    assert room.layout.moving and room.layout.reshuffles == 1 and seats_agree(room)
    assert sum(before.get(pair, 0) for pair in meetings([after])) == 0  # 9 at 3 × 3: no repeat
    round.start(room, now=30)
    assert not room.layout.moving  # everyone is seated: the round has begun


def test_a_reshuffle_keeps_the_organisers_rules():
    room, pids = event(12, count=3)
    tables.set_rule(room, pid=pids[0], company="Acme Ltd", stay=False, together=None)
    tables.set_rule(room, pid=pids[1], company="acme ltd.", stay=False, together=None)
    tables.set_rule(room, pid=pids[2], company="", stay=False, together=pids[3])
    tables.set_rule(room, pid=pids[4], company="", stay=True, together=None)
    stays_at = room.layout.seats[pids[4]]
    for seed in range(4):
        tables.reshuffle(room, seed=seed, now=seed)
        seats = room.layout.seats
        assert seats[pids[0]] != seats[pids[1]]  # the same company, however it is written
        assert seats[pids[2]] == seats[pids[3]]  # kept together
        assert seats[pids[4]] == stays_at  # stays seated
        assert seats_agree(room)


def test_the_host_sees_who_is_kept_apart_company_by_company():
    room, pids = event(5, count=2)
    for pid, company in zip(pids, ["Acme Ltd", "Globex", "acme ltd.", "Initech", "ACME LTD"],
                            strict=True):
        tables.set_rule(room, pid=pid, company=company, stay=False, together=None)
    assert rules(room)["apart"] == [[pids[0], pids[2], pids[4]]]  # one alone keeps nobody apart


def test_impossible_rules_are_refused_with_the_planners_reason():
    room, pids = event(4, count=2)
    for pid in pids[:3]:
        tables.set_rule(room, pid=pid, company="Acme", stay=False, together=None)
    with pytest.raises(RoomError, match="Acme|apart|table"):
        tables.reshuffle(room, seed=1, now=1)


def test_the_next_round_repeats_nobody_when_it_alone_can_even_if_the_plan_would(monkeypatch):
    """Seven at tables of 3, 2 and 2 for five more rounds: repeats are forced somewhere, and a
    plan of several rounds put one in its first round (12 reshuffles in 1,300 tried) to spare a
    later one. The next round is the one surely run: planned alone, it repeats nobody."""
    room, pids = event(7)
    round.start(room, now=0)
    round.end_round(room, now=10)
    first = room.layout.seating()
    planner = tables.plan_seating

    def first_round_repeats(people, *, rounds, **rest):  # as those plans were: round 1 repeats
        plan = planner(people, rounds=rounds, **rest)
        return plan if rounds == 1 else replace(plan, rounds=(first, *plan.rounds[1:]))

    monkeypatch.setattr(tables, "plan_seating", first_round_repeats)
    before = meetings([first])
    tables.reshuffle(room, seed=1, now=20)
    assert sum(before.get(pair, 0) for pair in meetings([room.layout.seating()])) == 0
    assert room.layout.plan == []  # the rounds after it are planned again from there


def test_reshuffles_follow_the_plan_while_nobody_comes_or_goes_and_plan_again_when_they_do():
    room, pids = event(15, count=5)
    room.prompts.add("Extra one", "")
    for n in range(3):
        tables.reshuffle(room, seed=n, now=n)
        round.start(room, now=n + 0.5)
        round.end_round(room, now=n + 0.6)
    # 15 people at 5 tables of 3: the plan (Kirkman's) repeats nobody, round after round.
    history = meetings(room.layout.rounds)
    assert all(count == 1 for count in history.values())
    assert room.layout.plan  # rounds still planned ahead
    people.join(room, name="Late", now=10)  # someone arrives: plan again
    tables.reshuffle(room, seed=9, now=11)
    assert seats_agree(room) and max(sizes(room)) - min(sizes(room)) <= 1


def test_a_reshuffle_waits_for_every_table_to_finish():
    room, pids = event(6)
    round.start(room, now=0)
    with pytest.raises(RoomError, match="between rounds"):
        tables.reshuffle(room, seed=1, now=1)


# --- the board and the summary across tables -------------------------------------------------

def test_posts_say_the_tables_they_came_from_and_went_to():
    room, pids = event(6)
    a, b = pids[0], pids[1]  # tables 1 and 2
    ask = board.post_ask(room, a, text="A venue", now=1)
    offer = board.post_offer(room, b, kind="help", text="Our hall", ask=ask, now=2)
    assert (room.board.posts[ask].table, room.board.posts[offer].table) == (1, 2)
    assert room.board.posts[offer].to_table == 1


def test_the_summary_counts_new_people_met_and_offers_across_tables():
    room, pids = event(9)
    round.start(room, now=0)
    round.end_round(room, now=1)
    tables.reshuffle(room, seed=1, now=2)
    round.start(room, now=3)
    ask = board.post_ask(room, pids[0], text="A venue", now=4)
    board.post_offer(room, pids[1], kind="help", text="Our hall", ask=ask, now=5)
    out = summary(room, now=10)["tables"]
    assert out["count"] == 3 and out["reshuffles"] == 1 and out["repeats"] == 0
    assert out["people_met"] == {"mean": 4.0, "least": 4}  # two tables of three, all new
    seats = room.layout.seats
    assert (out["offers_across"], out["offers_to_someone"]) == (
        int(seats[pids[0]] != seats[pids[1]]), 1)
