"""How a payload's field is checked, in one order for every field of every event and body:

1. pydantic, strictly: the JSON type the field takes, never coerced ("3" is not 3, "a,b" is not
   a list, 3.0 is not a whole number), then its raw size (text in code points, lists in items,
   objects in keys) before anything is cleaned, so the work that follows is bounded whatever a
   client sends;
2. the core's cleaning rule for it (`facilitator/core/state`), on a value of the right type and
   size: what the room will see, and its limits in characters people see;
3. a refusal worded as the core words its own: pydantic's messages never reach a person.

A field's check is `Checked` metadata after its type in `Annotated`; `text` and `ident` make
the usual ones.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationError
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, ErrorDetails, core_schema

from ..core.errors import RoomError
from ..core.state.text import (
    is_required,
    must_be_text,
    not_a_number,
    out_of_range,
    raw_limit,
    too_long,
)

# Ids, room codes and secrets are short: anything longer names nothing.
ID_MAX_LEN = 64
TEXT_RULES = " (docs/protocol.md, Text)."  # where a text field's description sends the reader
TOO_LONG = frozenset({"string_too_long", "too_long"})
OUT_OF_RANGE = frozenset({"greater_than_equal", "less_than_equal"})


@dataclass(frozen=True)
class Checked:
    """A field pydantic checks strictly, and within `bounds`, then `clean` cleans."""

    wrong_type: str  # the refusal for a value of another JSON type
    clean: Callable[[Any], Any] | None = None  # the core's rule, on the checked value
    # pydantic's own constraints on the type: max_length (code points of text, items of a
    # list, keys of an object), ge and le (a number's bounds)
    bounds: dict[str, int] = field(default_factory=dict)
    too_long: str | None = None  # the refusal over max_length (else wrong_type)
    out_of_range: str | None = None  # the refusal outside ge and le (else wrong_type)
    missing: str | None = None  # null, or left out, where a value is required (else wrong_type)
    more: tuple[str, ...] = ()  # the other refusals `clean` gives, for the doc (schema_doc)
    schema_extra: dict[str, Any] = field(default_factory=dict)  # e.g. a description

    def __get_pydantic_core_schema__(self, source: Any,
                                     handler: GetCoreSchemaHandler) -> CoreSchema:
        schema = self._bounded(handler(source))
        if self.clean is not None:
            schema = core_schema.no_info_after_validator_function(self.clean, schema)
        return core_schema.no_info_wrap_validator_function(self._reword, schema)

    def __get_pydantic_json_schema__(self, schema: CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {**handler(schema), **self.schema_extra}

    def _bounded(self, schema: CoreSchema) -> CoreSchema:
        if schema["type"] == "nullable":  # the value or null: bound the value
            return {**schema, "schema": self._bounded(schema["schema"])}
        return {**schema, **self.bounds}

    def _reword(self, value: Any, validate: Callable[[Any], Any]) -> Any:
        if value is None and self.missing is not None:
            raise RoomError(self.missing)
        try:
            return validate(value)
        except ValidationError as exc:
            raise RoomError(self.message(exc.errors(include_url=False)[0])) from None

    def message(self, error: ErrorDetails) -> str:
        """The refusal for pydantic's first error: the core's own when its rule refused."""
        original = error.get("ctx", {}).get("error")
        if isinstance(original, RoomError):
            return original.message
        if error["type"] in TOO_LONG and self.too_long is not None:
            return self.too_long
        if error["type"] in OUT_OF_RANGE and self.out_of_range is not None:
            return self.out_of_range
        return self.wrong_type


def text(label: str, max_len: int, clean: Callable[[Any], Any] | None, *,
         required: bool = True, more: tuple[str, ...] = ()) -> Checked:
    """Text of at most `raw_limit(max_len)` code points, which `clean` (the core's rule for it)
    cleans and limits to `max_len` characters; refused in the core's words (`more`: the rule's
    refusals beyond the length, for the doc)."""
    return Checked(
        must_be_text(label), clean, bounds={"max_length": raw_limit(max_len)},
        too_long=too_long(label, max_len), missing=is_required(label) if required else None,
        more=more,
        schema_extra={"description": f"At most {max_len} characters once cleaned{TEXT_RULES}"})


def ident(gone: str, clean: Callable[[Any], Any] | None = None) -> Checked:
    """An id (of a room, a person, a post...) or a secret, as text: anything else, or anything
    longer than any id, names nothing, as the refusal `gone` says."""
    return Checked(gone, clean, bounds={"max_length": ID_MAX_LEN}, too_long=gone)


def whole_number(label: str, low: int, high: int) -> Checked:
    """A JSON integer from `low` to `high`: never text, never a fraction, never true or false."""
    return Checked(not_a_number(label), bounds={"ge": low, "le": high},
                   out_of_range=out_of_range(label, low, high))


def flag(ask: str) -> Checked:
    """JSON true or false; `ask` is the refusal that asks for one."""
    return Checked(ask)
