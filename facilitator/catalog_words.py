"""Words of the data files for the translation catalogs: the built-in decks' titles, prompts and
hints (core/state/decks/*.json), the between-round tips (core/views/tips.json) and what each
group of the common-ground synonym table "says" (core/views/synonyms.json: "3 of you run").

`scripts/i18n extract` calls `extract_json` for those files (babel.cfg names it), so their words
sit in the same catalogs as the templates' and the code's; pages translate them where they show
them (facilitator/i18n.py, `gettext_in_place`; the scripts through the JSON block).
"""

import json
from collections.abc import Iterator
from typing import IO, Any

# The keys whose text people read; other keys (a prompt's kind) are data.
WORDS = ("title", "description", "text", "hint")


def extract_json(fileobj: IO[bytes], keywords: Any, comment_tags: Any,
                 options: Any) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel's extractor interface: (line, function name, message, comments) per message."""
    for message in words(json.loads(fileobj.read().decode("utf-8"))):
        yield 1, None, message, []


def words(data: object) -> Iterator[str]:
    """Every word-bearing string of a deck or the tips file, in order."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key.startswith("_"):
                continue  # a comment in the file
            if key in WORDS and isinstance(value, str) and value:
                yield value
            else:
                yield from words(value)
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, str) and item:
                yield item  # the tips: lists of lines
            else:
                yield from words(item)


def extract_says(fileobj: IO[bytes], keywords: Any, comment_tags: Any,
                 options: Any) -> Iterator[tuple[int, None, str, list[str]]]:
    """The synonym table's `says` phrases (its `words` are people's wordings, matched, never
    shown, so they stay out of the catalogs)."""
    for group in json.loads(fileobj.read().decode("utf-8"))["groups"]:
        yield 1, None, group["says"], ["finishes \"%(num)s of you …\", e.g. \"3 of you run\""]
