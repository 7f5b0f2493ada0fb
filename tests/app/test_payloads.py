"""Payloads become typed models at the edge, refused with the core's own messages."""

import pytest

from facilitator.core.commands.round import SeenTurn
from facilitator.core.errors import RoomError
from facilitator.core.state import participants, text
from facilitator.core.state.identity import NO_SUCH_ROOM
from facilitator.core.state.text import raw_limit
from facilitator.payloads import parse
from facilitator.payloads.events import (
    MAX_FOLLOWED,
    Introduce,
    Join,
    PostOffer,
    TakeOffer,
    Watch,
)
from facilitator.payloads.host import HOST_ACTIONS, PromptMove, PromptMoveArgs, parse_host


def test_unknown_or_malformed_host_actions_are_refused():
    with pytest.raises(RoomError, match="Unknown"):
        parse_host({"action": "explode", "args": {}})
    with pytest.raises(RoomError, match="malformed"):
        parse_host({"action": "start", "args": ["x"]})
    with pytest.raises(RoomError):
        parse_host({"action": "turn_seconds", "args": {"seconds": True}})


def test_every_host_action_is_read_as_its_own_model():
    assert len(HOST_ACTIONS) == len(set(HOST_ACTIONS)) == 29
    assert parse_host({"action": "language", "args": {"language": "ar"}}).args.language == "ar"
    move = parse_host({"action": "prompt_move", "args": {"id": "p1", "to": 2}})
    assert move == PromptMove(action="prompt_move", args={"id": "p1", "to": 2})
    assert parse_host({"action": "next"}).args.seen() is None  # none needed
    assert parse_host({"action": "next", "args": {"table": 3}}).args.table == 3
    pressed = parse_host({"action": "skip", "args": {"speaker": "p1", "round": 2}}).args
    assert pressed.seen() == SeenTurn("p1", 2) and pressed.table is None


@pytest.mark.parametrize("data", [{}, {"to": 1, "with": 2}, {"to": "a"}])
def test_an_introduction_names_two_people(data):
    with pytest.raises(RoomError, match="Choose the two people to introduce."):
        parse(Introduce, data)


def test_fields_left_out_are_read_as_null_and_defaults_stay():
    assert parse(TakeOffer, {"id": "o1"}).taken is True  # as `data.get("taken", True)` was
    with pytest.raises(RoomError, match="Say whether the offer is taken up."):
        parse(TakeOffer, {"id": "o1", "taken": None})
    offer = parse(PostOffer, {"kind": "help", "text": " Me "})
    assert (offer.ask, offer.to, offer.who, offer.link, offer.text) == (None, None, "", "", "Me")


def test_the_first_refusal_is_the_one_the_core_would_give_first():
    """Fields are checked in the order the core checks them."""
    with pytest.raises(RoomError, match="kind of offer"):
        parse(PostOffer, {"kind": "bribe", "text": 42, "link": "javascript:x"})


@pytest.mark.parametrize(("model", "data", "refusal"), [
    (Join, {"code": "C", "name": "Ann", "interests": "run, chess"}, "Interests must be a list."),
    (Join, {"code": "C", "name": "Ann", "interests": ["run", 3]}, "Interests must be text."),
    (Join, {"code": "C", "name": 42}, "Your name must be text."),
    (Join, {"code": "C"}, "Your name is required."),
    (Join, {"code": "C", "name": None}, "Your name is required."),
    (Join, {"code": "C", "name": "Ann", "about": None}, "What you do must be text."),
    (Join, {"code": 123456, "name": "Ann"}, NO_SUCH_ROOM),
    (PromptMoveArgs, {"id": "p1", "to": "2"}, "Position must be a number."),
    (PromptMoveArgs, {"id": "p1", "to": 2.0}, "Position must be a number."),
    (PromptMoveArgs, {"id": "p1", "to": True}, "Position must be a number."),
    (PromptMoveArgs, {"id": "p1", "to": 1001}, "Position must be a whole number from 0 to 1000."),
    (TakeOffer, {"id": "o1", "taken": "true"}, "Say whether the offer is taken up."),
    (TakeOffer, {"id": "o1", "taken": 1}, "Say whether the offer is taken up."),
    (PostOffer, {"kind": ["help"], "text": "Me"}, "Choose what kind of offer this is."),
])
def test_wrong_types_are_refused_never_coerced(model, data, refusal):
    """One rule for every event and body: a value of another JSON type is refused, in the
    words the core uses for the field."""
    with pytest.raises(RoomError) as refused:
        parse(model, data)
    assert refused.value.message == refusal


def test_host_actions_are_strict_too():
    with pytest.raises(RoomError, match="Turn length must be a number."):
        parse_host({"action": "turn_seconds", "args": {"seconds": "90"}})
    with pytest.raises(RoomError, match="The new order must list exactly"):
        parse_host({"action": "reorder", "args": {"order": "a,b"}})
    with pytest.raises(RoomError, match="The new order must list exactly"):
        parse_host({"action": "reorder", "args": {"order": ["a", 1]}})


def test_text_over_its_raw_size_is_refused_before_the_core_cleans_it(monkeypatch):
    cleaned = []
    monkeypatch.setattr(participants, "clean_text",
                        lambda value, *args, **kw: cleaned.append(value) or value)
    too_big = "x" * (raw_limit(participants.NAME_MAX_LEN) + 1)
    with pytest.raises(RoomError, match=f"at most {participants.NAME_MAX_LEN} characters"):
        parse(Join, {"code": "C", "name": too_big})
    assert cleaned == []


def test_a_long_list_is_refused_before_any_item_is_cleaned(monkeypatch):
    cleaned = []
    monkeypatch.setattr(text, "clean_text", lambda value, *args, **kw: cleaned.append(value))
    many = [f"interest {n}" for n in range(10_000)]
    with pytest.raises(RoomError, match="Interests: at most 8, please."):
        parse(Join, {"code": "C", "name": "Ann", "interests": many})
    assert cleaned == []


def test_the_tables_to_follow_are_a_bounded_list():
    """A union takes no size bound of its own: the list of table numbers carries it."""
    assert parse(Watch, {"code": "C", "tables": list(range(1, MAX_FOLLOWED + 1))}).tables
    with pytest.raises(RoomError, match="Say which tables to follow"):
        parse(Watch, {"code": "C", "tables": list(range(1, MAX_FOLLOWED + 2))})
