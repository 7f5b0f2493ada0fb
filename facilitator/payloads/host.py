"""The host's controls: one `host` event on the wire, `{"action": name, "args": {...}}`, read
as one model per action (a union told apart by `action`), so each control's arguments are typed.
"""

from typing import Annotated, Literal, get_args

from pydantic import BeforeValidator, Field, TypeAdapter

from ..core.errors import RoomError
from ..core.state.hands import NOT_UP
from .base import Payload, parse_as
from .checks import ident
from .fields import (
    EmailLinks,
    Hint,
    Order,
    PersonId,
    Position,
    PromptId,
    PromptText,
    SwitchValues,
    TurnSeconds,
)


class NoArgs(Payload):
    pass


class Start(Payload):
    action: Literal["start"]
    args: NoArgs


class Next(Payload):
    """Next speaker, or the next round once one is over."""

    action: Literal["next"]
    args: NoArgs


class Skip(Payload):
    action: Literal["skip"]
    args: NoArgs


class Pause(Payload):
    action: Literal["pause"]
    args: NoArgs


class Resume(Payload):
    action: Literal["resume"]
    args: NoArgs


class EndRound(Payload):
    action: Literal["end_round"]
    args: NoArgs


class NextPrompt(Payload):
    action: Literal["next_prompt"]
    args: NoArgs


class Shuffle(Payload):
    action: Literal["shuffle"]
    args: NoArgs


class ReorderArgs(Payload):
    order: Order


class Reorder(Payload):
    action: Literal["reorder"]
    args: ReorderArgs


class RemoveArgs(Payload):
    pid: PersonId


class Remove(Payload):
    action: Literal["remove"]
    args: RemoveArgs


class TurnSecondsArgs(Payload):
    seconds: TurnSeconds


class SetTurnSeconds(Payload):
    action: Literal["turn_seconds"]
    args: TurnSecondsArgs


class PromptAddArgs(Payload):
    text: PromptText
    hint: Hint = ""


class PromptAdd(Payload):
    action: Literal["prompt_add"]
    args: PromptAddArgs


class PromptEditArgs(Payload):
    prompt_id: Annotated[PromptId, Field(alias="id")]
    text: PromptText
    hint: Hint = ""


class PromptEdit(Payload):
    action: Literal["prompt_edit"]
    args: PromptEditArgs


class PromptArgs(Payload):
    prompt_id: Annotated[PromptId, Field(alias="id")]


class PromptRemove(Payload):
    action: Literal["prompt_remove"]
    args: PromptArgs


class PromptSelect(Payload):
    action: Literal["prompt_select"]
    args: PromptArgs


class PromptMoveArgs(Payload):
    to: Position
    prompt_id: Annotated[PromptId, Field(alias="id")]


class PromptMove(Payload):
    action: Literal["prompt_move"]
    args: PromptMoveArgs


class SetFeatures(Payload):
    """The host's switches: `args` is `{switch: bool, "pitch_share": fraction}` itself."""

    action: Literal["features"]
    args: SwitchValues


class HandsClearArgs(Payload):
    pid: Annotated[str | None, ident(NOT_UP)] = None  # none: the whole queue


class HandsClear(Payload):
    action: Literal["hands_clear"]
    args: HandsClearArgs


class EndEventArgs(Payload):
    email_links: EmailLinks = False  # email every subscriber their follow-up link


class EndEvent(Payload):
    """The host ends the event: follow-up pages stay for RETENTION_DAYS, then it is deleted."""

    action: Literal["end_event"]
    args: EndEventArgs


HostAction = (Start | Next | Skip | Pause | Resume | EndRound | NextPrompt | Shuffle | Reorder
              | Remove | SetTurnSeconds | PromptAdd | PromptEdit | PromptRemove | PromptSelect
              | PromptMove | SetFeatures | HandsClear | EndEvent)
HOST_ACTIONS: tuple[str, ...] = tuple(get_args(model.model_fields["action"].annotation)[0]
                                      for model in get_args(HostAction))


def _envelope(data: object) -> object:
    """The event as the union reads it: a known action, and its arguments ({} if none)."""
    action = data.get("action") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(action, str) or action not in HOST_ACTIONS:
        raise RoomError("Unknown host action.")
    args = data.get("args", {})
    if not isinstance(args, dict):
        raise RoomError("The action's details are malformed.")
    return {"action": action, "args": args}


_HOST_ACTION = TypeAdapter(Annotated[HostAction, Field(discriminator="action"),
                                     BeforeValidator(_envelope)])


def parse_host(data: object) -> HostAction:
    """The `host` event's payload as its action's model, or the core's refusal."""
    return parse_as(_HOST_ACTION.validate_python, data)
