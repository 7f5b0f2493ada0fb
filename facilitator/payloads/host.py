"""The host's controls: one `host` event on the wire, `{"action": name, "args": {...}}`, read
as one model per action (a union told apart by `action`), so each control's arguments are typed.
"""

from typing import Annotated, Literal, get_args

from pydantic import BeforeValidator, Field, TypeAdapter

from ..core.errors import N_, RoomError
from ..core.state.hands import NOT_UP
from .base import Payload, parse_as
from .checks import ident
from .events import RoundShown, TurnShown
from .fields import (
    Company,
    DisplayBoard,
    DisplayCards,
    DisplayChime,
    DisplayTheme,
    EmailLinks,
    Hint,
    Language,
    Locked,
    NewCode,
    Order,
    PersonId,
    PersonIdOrNone,
    Position,
    PostId,
    PromptId,
    PromptText,
    RecentMinutes,
    RemovePosts,
    ReshufflesOrNone,
    Stay,
    SwitchValues,
    TableColour,
    TableCount,
    TableName,
    TableNumber,
    TableNumberOrNone,
    TableSize,
    TurnSeconds,
)


class NoArgs(Payload):
    pass


class AtTable(Payload):
    """A control for one table; none: the only table, or (pause, resume, end_round) every one."""

    table: TableNumberOrNone = None


class AtTurn(TurnShown, AtTable):
    """A control that ends a turn at a table: the table, then the turn the console showed."""


class Start(Payload):
    action: Literal["start"]
    args: NoArgs


class Next(Payload):
    """Next speaker, or the next round once one is over."""

    action: Literal["next"]
    args: AtTurn


class Skip(Payload):
    action: Literal["skip"]
    args: AtTurn


class Pause(Payload):
    action: Literal["pause"]
    args: AtTable


class Resume(Payload):
    action: Literal["resume"]
    args: AtTable


class EndRound(Payload):
    action: Literal["end_round"]
    args: AtTable


class NextPrompt(Payload):
    action: Literal["next_prompt"]
    args: RoundShown


class Shuffle(Payload):
    action: Literal["shuffle"]
    args: AtTable


class ReorderArgs(Payload):
    table: TableNumberOrNone = None
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


class LanguageArgs(Payload):
    language: Language


class SetLanguage(Payload):
    action: Literal["language"]
    args: LanguageArgs


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


class DisplayArgs(Payload):
    """What the display shows; a setting left out stays as it is."""

    board: DisplayBoard = None
    cards: DisplayCards = None
    theme: DisplayTheme = None
    chime: DisplayChime = None


class SetDisplay(Payload):
    action: Literal["display"]
    args: DisplayArgs


class HandsClearArgs(Payload):
    table: TableNumberOrNone = None
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


class SetTablesArgs(Payload):
    count: TableCount = None
    size: TableSize = None


class SetTables(Payload):
    """A fixed number of tables (`count`), or tables of about `size`."""

    action: Literal["tables"]
    args: SetTablesArgs


class TableLabelArgs(Payload):
    table: TableNumber
    name: TableName = None
    colour: TableColour = None


class TableLabel(Payload):
    action: Literal["table_label"]
    args: TableLabelArgs


class TableHostArgs(Payload):
    table: TableNumber
    pid: PersonIdOrNone = None  # none: nobody


class TableHost(Payload):
    action: Literal["table_host"]
    args: TableHostArgs


class SeatingRuleArgs(Payload):
    pid: PersonId
    company: Company = ""
    stay: Stay = False
    together: Annotated[PersonIdOrNone, Field(alias="with")] = None  # none: nobody


class SeatingRule(Payload):
    """One person's seating rules, whole: their company, whether they stay, whom they sit
    with."""

    action: Literal["seating_rule"]
    args: SeatingRuleArgs


class ReshuffleArgs(Payload):
    """How many reshuffles the console showed made: a press that crossed another (a double
    click, a second console) moves nobody again."""

    reshuffles: ReshufflesOrNone = None


class Reshuffle(Payload):
    action: Literal["reshuffle"]
    args: ReshuffleArgs


class LockArgs(Payload):
    locked: Locked
    new_code: NewCode = False  # closed to the event's code, latecomers get a new one


class Lock(Payload):
    """Close the event to newcomers, or to all but latecomers with a new code (or open it
    again)."""

    action: Literal["lock"]
    args: LockArgs


class RemoveRecentArgs(Payload):
    minutes: RecentMinutes
    posts: RemovePosts = True


class RemoveRecent(Payload):
    """Remove everyone who joined in the last `minutes`, and (`posts`) what they posted."""

    action: Literal["remove_recent"]
    args: RemoveRecentArgs


class DeletePostArgs(Payload):
    post_id: Annotated[PostId, Field(alias="id")]


class DeletePost(Payload):
    """Delete any post, hidden or not."""

    action: Literal["delete_post"]
    args: DeletePostArgs


HostAction = (Start | Next | Skip | Pause | Resume | EndRound | NextPrompt | Shuffle | Reorder
              | Remove | SetTurnSeconds | PromptAdd | PromptEdit | PromptRemove | PromptSelect
              | PromptMove | SetFeatures | SetDisplay | HandsClear | EndEvent | SetTables
              | TableLabel | TableHost | SeatingRule | Reshuffle | Lock | RemoveRecent
              | DeletePost | SetLanguage)
HOST_ACTIONS: tuple[str, ...] = tuple(get_args(model.model_fields["action"].annotation)[0]
                                      for model in get_args(HostAction))


def _envelope(data: object) -> object:
    """The event as the union reads it: a known action, and its arguments ({} if none)."""
    action = data.get("action") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(action, str) or action not in HOST_ACTIONS:
        raise RoomError(N_("Unknown host action."))
    args = data.get("args", {})
    if not isinstance(args, dict):
        raise RoomError(N_("The action's details are malformed."))
    return {"action": action, "args": args}


_HOST_ACTION = TypeAdapter(Annotated[HostAction, Field(discriminator="action"),
                                     BeforeValidator(_envelope)])


def parse_host(data: object) -> HostAction:
    """The `host` event's payload as its action's model, or the core's refusal."""
    return parse_as(_HOST_ACTION.validate_python, data)
