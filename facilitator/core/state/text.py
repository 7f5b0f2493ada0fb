"""Checking text that people type: the one place that decides what a name or a prompt may be."""

import unicodedata
from urllib.parse import urlsplit

from ..errors import RoomError

LINK_MAX_LEN = 300


def clean_text(value: object, label: str, max_len: int, *, required: bool = True) -> str:
    """Return `value` trimmed and free of control characters, or refuse it with a clear message.

    Text is kept as text (never interpreted as markup); screens render it with textContent.
    """
    value = as_text(value, label)
    # Control and format characters (bidi overrides, zero-width joiners in bulk, NULs) can hide
    # or reorder what the room sees; plain line breaks become spaces.
    kept = "".join(
        " " if ch in "\r\n\t" else ch
        for ch in value
        if ch in "\r\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )
    text = " ".join(kept.split())
    if required and not text:
        raise RoomError(f"{label} is required.")
    if len(text) > max_len:
        raise RoomError(f"{label} can be at most {max_len} characters.")
    return text


def as_text(value: object, label: str) -> str:
    """`value` if it is text, "" if it is missing, or a refusal: the type check alone."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RoomError(f"{label} must be text.")
    return value


def clean_id(value: object, gone: str) -> str:
    """An id as sent, which can only be text; anything else names nothing (`gone` says so)."""
    if not isinstance(value, str):
        raise RoomError(gone)
    return value


def clean_bool(value: object, ask: str) -> bool:
    """A yes or no, as JSON true or false only; `ask` is the refusal that asks for one."""
    if not isinstance(value, bool):
        raise RoomError(ask)
    return value


def clean_list(value: object, label: str, max_items: int, item_len: int) -> list[str]:
    """A short list of short texts, e.g. interests; blanks and repeats are dropped."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        raise RoomError(not_a_list(label))
    items: list[str] = []
    for raw in value:
        item = clean_text(raw, label, item_len, required=False)
        if item and item.casefold() not in (i.casefold() for i in items):
            items.append(item)
    if len(items) > max_items:
        raise RoomError(f"At most {max_items} {label.lower()}, please.")
    return items


def clean_int(value: object, label: str, low: int, high: int) -> int:
    """An integer within bounds (bools are refused: JSON true is not 1 second)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value.strip())
        else:
            raise RoomError(not_a_number(label))
    if value != int(value) or not low <= value <= high:
        raise RoomError(f"{label} must be a whole number from {low} to {high}.")
    return int(value)


def not_a_number(label: str) -> str:
    return f"{label} must be a number."


def not_a_list(label: str) -> str:
    return f"{label} must be a list."


def clean_link(value: object, label: str) -> str:
    """An http(s) address, or "" for none: other schemes (javascript:, data:) never reach a page.

    Characters that could break out of an attribute or a Markdown/vCard line are refused too,
    so a link is safe wherever it is written out.
    """
    text = clean_text(value, label, LINK_MAX_LEN, required=False)
    if not text:
        return ""
    if any(ch.isspace() or ch in '<>"`\\' for ch in text):
        raise RoomError(f"{label} can't contain spaces, quotes or angle brackets.")
    try:
        parts = urlsplit(text)
        web = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. an unbalanced [ in the host
        web = False
    if not web:
        raise RoomError(f"{label} must be a web address starting with http:// or https://.")
    return text
