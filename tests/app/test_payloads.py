"""Payloads become typed models at the edge, refused with the core's own messages."""

import pytest
from pydantic import ConfigDict

from facilitator.core.errors import RoomError
from facilitator.payloads import Payload, parse
from facilitator.payloads.events import Introduce, Join, PostOffer, TakeOffer
from facilitator.payloads.host import HOST_ACTIONS, PromptMove, PromptMoveArgs, parse_host


def test_unknown_or_malformed_host_actions_are_refused():
    with pytest.raises(RoomError, match="Unknown"):
        parse_host({"action": "explode", "args": {}})
    with pytest.raises(RoomError, match="malformed"):
        parse_host({"action": "start", "args": ["x"]})
    with pytest.raises(RoomError):
        parse_host({"action": "turn_seconds", "args": {"seconds": True}})


def test_every_host_action_is_read_as_its_own_model():
    assert len(HOST_ACTIONS) == len(set(HOST_ACTIONS)) == 19
    move = parse_host({"action": "prompt_move", "args": {"id": "p1", "to": "2"}})
    assert move == PromptMove(action="prompt_move", args={"id": "p1", "to": 2})
    assert parse_host({"action": "next"}).args.model_dump() == {}  # no args: none needed


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


def test_one_switch_refuses_numbers_and_lists_sent_as_text():
    """Today a number or a list may come as text; `strict=True` in the shared configuration
    refuses it, with the rule's own message (issue 15 decides which to ship)."""
    assert parse(Join, {"code": "C", "name": "Ann", "interests": "run, chess"}).interests == [
        "run", "chess"]

    class StrictJoin(Join):
        model_config = ConfigDict(**Payload.model_config, strict=True)

    class StrictMoveArgs(PromptMoveArgs):
        model_config = ConfigDict(**Payload.model_config, strict=True)

    with pytest.raises(RoomError, match="Interests must be a list."):
        parse(StrictJoin, {"code": "C", "name": "Ann", "interests": "run, chess"})
    with pytest.raises(RoomError, match="Position must be a number."):
        parse(StrictMoveArgs, {"id": "p1", "to": "2"})
    assert parse(StrictMoveArgs, {"id": "p1", "to": 2}).to == 2
