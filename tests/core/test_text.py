"""What people may type: one set of rules for every field."""

import pytest

from facilitator.core.errors import RoomError
from facilitator.core.state.text import clean_int, clean_list, clean_text


def test_clean_text_trims_and_collapses_whitespace():
    assert clean_text("  a \n\t b ", "X", 10) == "a b"


def test_clean_text_strips_invisible_and_bidi_characters():
    assert clean_text("ab\u200bc\u202ed\x07", "X", 10) == "abcd"


def test_clean_text_counts_characters_not_bytes():
    assert clean_text("é" * 40, "Name", 40) == "é" * 40


def test_optional_text_may_be_empty():
    assert clean_text(None, "X", 5, required=False) == ""


def test_clean_list_dedupes_ignoring_case():
    assert clean_list(["Running", "running ", "", "Kids"], "Interests", 8, 40) == [
        "Running", "Kids"]


def test_clean_list_caps_items():
    with pytest.raises(RoomError, match="At most 2"):
        clean_list("a,b,c", "Interests", 2, 10)


@pytest.mark.parametrize("value", ["90", 90, 90.0])
def test_clean_int_accepts_whole_numbers(value):
    assert clean_int(value, "Turn length", 15, 900) == 90


@pytest.mark.parametrize("value", [True, "abc", 90.5, 5, 10_000, None, [90]])
def test_clean_int_refuses_the_rest(value):
    with pytest.raises(RoomError):
        clean_int(value, "Turn length", 15, 900)
