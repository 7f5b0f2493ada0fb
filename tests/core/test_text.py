"""What people may type: one set of rules for every field (docs/protocol.md, "Text")."""

import pytest

from facilitator.core.errors import RoomError
from facilitator.core.state import text
from facilitator.core.state.text import (
    characters,
    clean_int,
    clean_link,
    clean_list,
    clean_text,
    raw_limit,
)


def test_clean_text_trims_and_collapses_whitespace():
    assert clean_text("  a \n\t b \u2028 c", "X", 10) == "a b c"


@pytest.mark.parametrize("spoof", [
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # bidi embeddings and overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # bidi isolates
    "\u200b", "\u2060", "\ufeff", "\u00ad",  # zero-width space, word joiner, BOM, soft hyphen
    "\x00", "\x07", "\x1b", "\x7f", "\x9b",  # controls
    "\ud800",  # a lone surrogate (JSON can carry one)
    "\U000e0067\U000e007f",  # tags outside an emoji tag sequence
])
def test_clean_text_strips_what_hides_or_reorders_text(spoof):
    assert clean_text(f"Ann{spoof}a", "X", 10) == "Anna"


@pytest.mark.parametrize("kept", [
    "👩🏽‍💻",  # woman technologist, medium skin tone: ZWJ and a skin tone
    "👨‍👩‍👧‍👦",  # a family: three joiners
    "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",  # England: a tag sequence
    "❤️",  # a variation selector
    "می\u200cخواهم",  # Persian: "I want", with its zero-width non-joiner
    "क्\u200dष",  # Devanagari: a half form made with a zero-width joiner
    "שלום\u200f!",  # a right-to-left mark placing the punctuation
    "ᠮᠣᠩᠭᠣᠯ\u180eᠠ",  # Mongolian vowel separator
    "\U0001face",  # an emoji newer than Python 3.11's Unicode data (moose, Unicode 15)
])
def test_clean_text_keeps_what_a_language_or_an_emoji_needs(kept):
    assert clean_text(kept, "X", 40) == kept


def test_limits_count_what_people_see_as_one_character():
    family = "👨‍👩‍👧‍👦"
    assert characters(family * 3) == 3 and characters("e\u0301") == 1
    assert clean_text(family * 40, "Name", 40) == family * 40
    with pytest.raises(RoomError, match="Name can be at most 40 characters."):
        clean_text(family * 41, "Name", 40)


def test_text_over_its_raw_size_is_refused_before_any_cleaning(monkeypatch):
    cleaned = []
    monkeypatch.setattr(text, "_UNSEEN", type("Counting", (), {
        "sub": staticmethod(lambda repl, value: cleaned.append(value) or value)}))
    with pytest.raises(RoomError, match="at most 40"):
        clean_text(" " * (raw_limit(40) + 1), "Name", 40)
    assert cleaned == []
    assert clean_text(" a" * (raw_limit(40) // 2), "X", 1000) == "a " * 159 + "a"
    assert len(cleaned) == 1


def test_optional_text_may_be_empty():
    assert clean_text(None, "X", 5, required=False) == ""


def test_clean_list_dedupes_ignoring_case_and_keeps_the_first_spelling():
    assert clean_list(["Running", "running ", "", "Kids"], "Interests", 8, 40) == [
        "Running", "Kids"]


def test_a_list_is_a_list():
    with pytest.raises(RoomError, match="Interests must be a list."):
        clean_list("a,b", "Interests", 8, 10)


def test_a_list_is_counted_before_any_item_is_cleaned(monkeypatch):
    cleaned = []
    monkeypatch.setattr(text, "clean_text", lambda value, *args, **kw: cleaned.append(value))
    with pytest.raises(RoomError, match="Interests: at most 2, please."):
        clean_list([f"thing {n}" for n in range(10_000)], "Interests", 2, 10)
    assert cleaned == []


def test_clean_int_accepts_whole_json_numbers():
    assert clean_int(90, "Turn length", 15, 900) == 90


@pytest.mark.parametrize("value", [True, "90", "abc", 90.0, 90.5, 5, 10_000, None, [90]])
def test_clean_int_refuses_the_rest(value):
    with pytest.raises(RoomError, match="Turn length must be a"):
        clean_int(value, "Turn length", 15, 900)


@pytest.mark.parametrize(("typed", "kept"), [
    ("example.org/page", "https://example.org/page"),
    ("www.example.co.uk", "https://www.example.co.uk"),
    ("example.org:8080/x?a=1", "https://example.org:8080/x?a=1"),
    ("http://example.org", "http://example.org"),
])
def test_a_link_typed_as_people_say_it_gets_https(typed, kept):
    assert clean_link(typed, "The link") == kept


@pytest.mark.parametrize("typed", ["javascript:alert(1)", "data:text/html,x", "localhost:8000",
                                   "ftp://example.org", "a.b", "1.2.3.4/x"])
def test_anything_else_is_still_refused_in_words(typed):
    with pytest.raises(RoomError, match=r"a web address \(http or https\), like example.org/page"):
        clean_link(typed, "The link")
