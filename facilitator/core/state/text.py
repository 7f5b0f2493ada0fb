"""Checking text that people type: the one place that decides what a name or a prompt may be.

Text is kept as people wrote it, in any language and with any emoji; only what can hide or
reorder what the room sees is taken out (docs/protocol.md, "Text"). Lengths are counted in
grapheme clusters (what a person sees as one character: "👩🏽‍💻" is one, not four) with the
`regex` module, whose Unicode data is newer than Python's own. Every rule checks the raw size
first (`raw_limit`), so the linear work after it is bounded whatever a client sends.
"""

from urllib.parse import urlsplit

import regex

from ..errors import RoomError, Text, say

LINK_MAX_LEN = 300
# A character may take several code points (an emoji with a skin tone and joiners, a letter
# with its marks): text longer than this many code points per character allowed is refused
# before any cleaning, so cleaning and counting stay cheap.
CODE_POINTS_PER_CHARACTER = 8
# Taken out: controls (line breaks and tabs become spaces), lone surrogates, and format
# characters (bidirectional embeddings, overrides and isolates, zero-width spaces, tags...),
# except those languages and emoji need: the zero-width non-joiner and joiner (Persian, Indic
# scripts, emoji sequences), the left-to-right, right-to-left and Arabic letter marks, the
# Mongolian vowel separator, and tag characters inside an emoji tag sequence (a flag such as
# England's: a black flag, tags, a cancel tag). Variation selectors and skin tones are not
# format characters: they stay.
_UNSEEN = regex.compile(
    r"(\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F)"
    r"|[[\p{Cc}\p{Cf}\p{Cs}]--[\t\n\r\u200C-\u200F\u061C\u180E]]",
    regex.V1)
_GRAPHEME = regex.compile(r"\X")


def raw_limit(max_len: int) -> int:
    """The most code points text limited to `max_len` characters may arrive with."""
    return max_len * CODE_POINTS_PER_CHARACTER


def characters(text: str) -> int:
    """How many characters a person sees in `text` (grapheme clusters)."""
    if len(text) <= 1:
        return len(text)
    return sum(1 for _ in _GRAPHEME.finditer(text))


def must_be_text(label: str) -> Text:
    return say("%(label)s must be text.", label=label)


def too_long(label: str, max_len: int) -> Text:
    return say("%(label)s can be at most %(max)s characters.", label=label, max=max_len)


def is_required(label: str) -> Text:
    return say("%(label)s is required.", label=label)


def clean_text(value: object, label: str, max_len: int, *, required: bool = True) -> str:
    """Return `value` trimmed, its runs of spaces and line breaks made one space, and free of
    what can hide or reorder text; or refuse it with a clear message.

    Text is kept as text (never interpreted as markup); screens render it with textContent.
    """
    value = as_text(value, label)
    if len(value) > raw_limit(max_len):  # size first: what follows is linear in it
        raise RoomError(too_long(label, max_len))
    text = " ".join(_UNSEEN.sub(r"\1", value).split())
    if required and not text:
        raise RoomError(is_required(label))
    if len(text) > max_len and characters(text) > max_len:  # never more characters than code points
        raise RoomError(too_long(label, max_len))
    return text


def as_text(value: object, label: str) -> str:
    """`value` if it is text, "" if it is missing, or a refusal: the type check alone."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RoomError(must_be_text(label))
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
    """A short list of short texts, e.g. interests; blanks and repeats (ignoring case) are
    dropped, after the count is checked: the count bounds the work."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise RoomError(not_a_list(label))
    if len(value) > max_items:
        raise RoomError(too_many(label, max_items))
    items: dict[str, str] = {}  # by folded case: the first spelling of each stays
    for raw in value:
        item = clean_text(raw, label, item_len, required=False)
        if item:
            items.setdefault(item.casefold(), item)
    return list(items.values())


def too_many(label: str, max_items: int) -> Text:
    return say("%(label)s: at most %(max)s, please.", label=label, max=max_items)


def clean_int(value: object, label: str, low: int, high: int) -> int:
    """An integer within bounds, as a JSON number without a fraction: never text, never true
    or false (JSON true is not 1 second)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise RoomError(not_a_number(label))
    if not low <= value <= high:
        raise RoomError(out_of_range(label, low, high))
    return value


def out_of_range(label: str, low: int, high: int) -> Text:
    return say("%(label)s must be a whole number from %(low)s to %(high)s.",
               label=label, low=low, high=high)


def not_a_number(label: str) -> Text:
    return say("%(label)s must be a number.", label=label)


def not_a_list(label: str) -> Text:
    return say("%(label)s must be a list.", label=label)


# A web address without its scheme: a host name with a dot, then a port, path, query or nothing.
BARE_HOST = regex.compile(r"[\w-]+(\.[\w-]+)*\.[^\W\d_]{2,}(?=[:/?#]|$)", regex.IGNORECASE)


def clean_link(value: object, label: str) -> str:
    """An http(s) address, or "" for none: other schemes (javascript:, data:) never reach a page.
    An address typed as people say it ("example.org/page") gets `https://` in front.

    Characters that could break out of an attribute or a Markdown/vCard line are refused too,
    so a link is safe wherever it is written out.
    """
    text = clean_text(value, label, LINK_MAX_LEN, required=False)
    if not text:
        return ""
    if any(ch.isspace() or ch in '<>"`\\' for ch in text):
        raise RoomError(unsafe_link(label))
    if BARE_HOST.match(text):
        text = "https://" + text
    try:
        parts = urlsplit(text)
        web = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. an unbalanced [ in the host
        web = False
    if not web:
        raise RoomError(not_a_web_address(label))
    return text


def unsafe_link(label: str) -> Text:
    return say("%(label)s can't contain spaces, quotes or angle brackets.", label=label)


def not_a_web_address(label: str) -> Text:
    return say("%(label)s must be a web address (http or https), like example.org/page.",
               label=label)
