"""Common ground: interests worded differently still match; groups of two or more."""

import json

import pytest

from facilitator.core.views.common_ground import (
    MAX_GROUPS,
    SYNONYMS_FILE,
    covering,
    groups,
    match_key,
    normalise,
    singular,
    vocabulary,
    wordings,
)


@pytest.mark.parametrize(("a", "b"), [
    ("Running", "running"), ("Running", "jogging"), ("parkrun", "I love running!"),
    ("Kids", "children"), ("my kids'", "Children"), ("football", "Soccer"),
    ("Big fan of football", "footy"), ("the school-run", "School run"),
    ("Movies", "film"), ("Dogs", "dog walking"), ("Café", "cafe"), ("Hobbies", "hobby"),
    ("Board games", "gaming"), ("Playing guitar", "music"), ("Sourdough ", "sourdough"),
    ("fish & chips", "Fish and chips"),
])
def test_different_wordings_of_the_same_interest_match(a, b):
    assert match_key(a)[0] == match_key(b)[0]


@pytest.mark.parametrize(("a", "b"), [
    ("school run", "running"), ("chess", "cheese"), ("cycling", "running"), ("cats", "dogs"),
])
def test_different_interests_do_not(a, b):
    assert match_key(a)[0] != match_key(b)[0]


@pytest.mark.parametrize(("a", "b"), [
    ("Laufen", "running"), ("Natación", "swimming"), ("randonnée", "Hiking"),
    ("Fußball", "fútbol"), ("القراءة", "Reading"), ("Kinder", "enfants"), ("ajedrez", "Chess"),
    ("Cinéma", "movies"), ("كرة القدم", "football"),
])
def test_the_same_pastime_in_another_language_matches(a, b):
    assert match_key(a)[0] == match_key(b)[0] and match_key(a)[1] is not None


def test_no_wording_in_any_language_belongs_to_two_groups():
    data = json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for group in data["groups"]:
        for word in wordings(group):
            key = normalise(word)
            assert seen.setdefault(key, group["says"]) == group["says"], (word, seen[key])


@pytest.mark.parametrize(("word", "one"), [
    ("kids", "kid"), ("hobbies", "hobby"), ("matches", "match"), ("boxes", "box"),
    ("glasses", "glass"), ("chess", "chess"), ("tennis", "tennis"), ("bus", "bus"),
    ("movies", "movie"), ("series", "series"), ("yoga", "yoga"), ("cats", "cat"),
])
def test_plurals_become_singular(word, one):
    assert singular(word, vocabulary().plurals) == one


def test_normalising_drops_case_accents_punctuation_and_fillers():
    assert normalise("  I LOVE  Crêpes!! ") == "crepe"
    assert normalise("...") == ""


@pytest.mark.parametrize("a, b", [
    ("Straße", "STRASSE"),  # Unicode's case folding, not lower()
    ("ｆｏｏｔｂａｌｌ", "football"),  # full-width letters (NFKC)
    ("Fútbol", "futbol"),
    ("Café", "cafe\u0301"),  # é typed as one character or as e and an accent
    ("القراءة", "القراءة!"),
    ("كتب", "كتب"),
    ("खाना", "खाना"),
    ("料理", "料理"),
])
def test_interests_in_any_language_match_after_normalising(a, b):
    assert match_key(a) == match_key(b)
    assert normalise(a)


@pytest.mark.parametrize("a, b", [
    ("खाना", "खन"),  # a Hindi word keeps the vowel signs that spell it
    ("كُتُب", "كَتَبَ"),  # Arabic marks tell "books" from "he wrote"
    ("Wandern", "Wander"),  # no English plural rule on German
])
def test_marks_that_spell_a_word_are_kept(a, b):
    assert match_key(a) != match_key(b)


def test_groups_of_two_or_more_largest_first_with_a_phrase_to_say():
    found = groups({
        "ann": ["Running", "Kids", "Sourdough"],
        "bob": ["jogging", "children"],
        "cat": ["parkrun", "sourdough", "Chess"],
        "dan": ["!!!"],
    })
    assert [(g["label"], g["says"], g["pids"]) for g in found] == [
        ("Running", "run", ["ann", "bob", "cat"]),
        ("Kids", "have kids", ["ann", "bob"]),
        ("Sourdough", "mentioned Sourdough", ["ann", "cat"]),
    ]


def test_a_big_event_shows_everyone_who_shares_something_before_more_of_the_largest():
    # Ten people who share 60 interests, then 30 pairs who share one each: 90 groups, 50 shown.
    interests = {f"p{i}": [f"crowd {g}" for g in range(60)] for i in range(10)}
    interests |= {f"q{n}-{i}": [f"pair {n}"] for n in range(30) for i in range(2)}
    found = groups(interests)
    assert len(found) == MAX_GROUPS
    shown = {pid for g in found for pid in g["pids"]}
    assert shown == set(interests)  # every pair, not only the 50 largest groups
    assert [len(g["pids"]) for g in found] == [10] * 20 + [2] * 30  # largest first still


def test_groups_already_covered_make_room_for_the_largest_of_the_rest():
    shared = [{"pids": ["a", "b", "c"]}, {"pids": ["a", "b"]}, {"pids": ["c", "d"]},
              {"pids": ["b", "c"]}]
    assert covering(shared, 3) == [shared[0], shared[1], shared[2]]
    assert covering(shared, 2) == [shared[0], shared[2]]


def test_one_person_saying_it_twice_is_not_common_ground():
    assert groups({"ann": ["running", "jogging"], "bob": ["chess"]}) == []
