"""The one exception the core raises for a request it refuses, and the words people read.

The core writes its words in English and speaks no language of its own: each message is marked
where it is written (`N_`, or `say` with values), so `scripts/i18n extract` finds it, and it
stays a `Text`, which reads as the English and keeps the message as marked and its values. The
edge that shows it translates it into the reader's language (facilitator/i18n.py, `translate`).
"""

from collections.abc import Mapping


class Text(str):
    """Words for a person: the English (as a str), its message as marked and the values in it
    (a value that is a `Text` itself, such as a field's label, is translated too)."""

    message: str
    values: Mapping[str, object]
    plural: str | None  # the message for any count but one, when `values["num"]` decides

    def __new__(cls, message: str, values: Mapping[str, object] | None = None,
                plural: str | None = None) -> "Text":
        english = plural if plural is not None and values and values["num"] != 1 else message
        text = super().__new__(cls, english % values if values else english)
        text.message, text.values, text.plural = message, dict(values or {}), plural
        return text


def N_(message: str) -> Text:  # noqa: N802 (gettext's name for it, which pybabel looks for)
    """Mark `message` for translation where it is written."""
    return Text(message)


def say(message: str, **values: object) -> Text:
    """A marked message with `%(name)s` placeholders, filled with `values`."""
    return Text(message, values)


def say_n(singular: str, plural: str, num: int, **values: object) -> Text:
    """A marked message whose words depend on a count: "%(num)d ask is", "%(num)d asks are"."""
    return Text(singular, {"num": num, **values}, plural)


class RoomError(ValueError):
    """A request that breaks a rule; its message is shown to the person who made it.

    A ValueError, so a payload model's validator can raise it from a core cleaning rule and the
    edge can find it again in pydantic's error (`ctx["error"]`) with its message intact.
    """

    def __init__(self, message: str) -> None:  # a Text, to be translated where it is shown
        super().__init__(message)
        self.message = message
