"""What every payload model shares: how it is configured, read and refused."""

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from ..core.errors import N_, RoomError

T = TypeVar("T")
MALFORMED = N_("That message was malformed.")


class Payload(BaseModel):
    """A client's message, checked field by field in the order the core checks them.

    One configuration for all: fields the model doesn't name are ignored, and every field's
    JSON type is checked strictly (`checks`): a number or a list sent as text is refused, never
    read as what it might stand for.
    """

    model_config = ConfigDict(extra="ignore", frozen=True, strict=True)

    @model_validator(mode="before")
    @classmethod
    def _missing_is_null(cls, data: Any) -> Any:
        """A required field left out is null, so its check refuses it in its own words ("Your
        name is required.") rather than pydantic's. Fields with a default keep it."""
        if not isinstance(data, dict):
            return data
        missing = {field.alias or name: None for name, field in cls.model_fields.items()
                   if field.is_required()}
        return {**missing, **data}


P = TypeVar("P", bound=Payload)


def parse(model: type[P], data: object) -> P:
    """`data` as a `model`, or the `RoomError` of the first field the core's rules refuse."""
    return parse_as(model.model_validate, data)


def parse_as(validate: Callable[[object], T], data: object) -> T:
    """`data` through pydantic's `validate` (a model's, or a `TypeAdapter`'s for a union),
    refused as `parse` refuses."""
    try:
        return validate(data)
    except ValidationError as exc:
        raise RoomError(refusal(exc)) from None


def refusal(exc: ValidationError) -> str:
    """The message of the first error: the core's own when one of its rules raised it."""
    for error in exc.errors(include_url=False):
        original = error.get("ctx", {}).get("error")
        if isinstance(original, RoomError):
            return original.message
    return MALFORMED
