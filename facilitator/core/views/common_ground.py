"""Common ground: what people at the table share beyond business, from the interests they gave.

People word the same thing differently ("Running", "jogging", "parkrun"), so interests are
matched on a normalised form: NFKC, case folded (Unicode's, so "Straße" meets "STRASSE"),
accents dropped from Latin letters only ("crêpe" meets "crepe", while an Arabic or Hindi word
keeps the marks that spell it), punctuation dropped, filler words ("I love", "playing") removed,
each English word's plural made singular, and finally looked up in a small synonym table
(`synonyms.json`) that maps the usual wordings of a pastime, in English and in each language the
screens speak, to one entry ("Laufen" meets "running"). Any other wording matches the same
words after normalising. Whole phrases are matched, never parts of them, so "school run" does
not match "running".
"""

import json
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import regex

SYNONYMS_FILE = Path(__file__).with_name("synonyms.json")
MAX_GROUPS = 50  # the section every screen gets stays small in a big room
# Letters, their marks and digits of every script stay; the rest (punctuation, symbols) go.
NON_WORD = regex.compile(r"[^\p{L}\p{M}\p{N}\s]")
LATIN_LETTERS = regex.compile(r"\p{Latin}\p{M}*")
# Plurals in -es that drop the whole -es ("matches", "boxes"); others just lose the -s.
ES_PLURAL = ("ches", "shes", "sses", "xes", "zes")


@dataclass(frozen=True)
class Vocabulary:
    fillers: frozenset[str]
    plurals: dict[str, str]
    says: dict[str, str]  # normalised wording -> what the group "says", e.g. "run"


def wordings(group: dict[str, Any]) -> list[str]:
    """A synonym group's wordings in every language it lists (`words` is English)."""
    return [word for key, words in group.items() if key != "says" for word in words]


@cache
def vocabulary() -> Vocabulary:
    """The synonym table, read once, with its wordings normalised like people's input."""
    data = json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))
    plain = Vocabulary(frozenset(data["fillers"]), data["plurals"], {})
    says = {}
    for group in data["groups"]:
        for word in wordings(group):
            says[_normalise(word, plain)] = group["says"]
    return Vocabulary(plain.fillers, plain.plurals, says)


def singular(word: str, plurals: dict[str, str]) -> str:
    """A simple English singular: hobbies → hobby, matches → match, kids → kid, chess stays."""
    if word in plurals:
        return plurals[word]
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(ES_PLURAL):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def _unaccented(letter: regex.Match[str]) -> str:
    """A Latin letter without its accents: é → e, ß stays (casefold made it ss already)."""
    decomposed = unicodedata.normalize("NFKD", letter.group())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _normalise(text: str, vocab: Vocabulary) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    plain = LATIN_LETTERS.sub(_unaccented, folded)
    plain = NON_WORD.sub(" ", plain.replace("'", "").replace("’", ""))
    words = [singular(w, vocab.plurals) if w.isascii() else w
             for w in plain.split() if w not in vocab.fillers]
    return unicodedata.normalize("NFC", " ".join(words))


def normalise(text: str) -> str:
    """The form two wordings of an interest are compared in, before synonyms."""
    return _normalise(text, vocabulary())


def shared_phrases() -> list[str]:
    """Every phrase a group of the synonym table says, once each (the catalogs translate them)."""
    return list(dict.fromkeys(vocabulary().says.values()))


@lru_cache(maxsize=8192)  # a big room recomputes its groups on every join; wordings repeat
def match_key(text: str) -> tuple[str, str | None]:
    """(what to compare, what the group "says") for an interest; says is None off the table."""
    norm = normalise(text)
    says = vocabulary().says.get(norm)
    return (f"~{says}" if says else norm), says


def groups(interests: dict[str, list[str]]) -> list[dict[str, Any]]:
    """Interests that two or more people share, largest first.

    `interests` is pid -> what they typed. Each group is `{"key", "label", "says", "pids"}`:
    `label` is the first wording given, `says` finishes "3 of you …" ("run", or "mentioned
    Sourdough" for interests off the synonym table).
    """
    found: dict[str, dict[str, Any]] = {}
    for pid, items in interests.items():
        for text in items:
            key, says = match_key(text)
            if key:
                group = found.setdefault(key, {"key": key, "label": text,
                                               "says": says or f"mentioned {text}", "pids": {}})
                group["pids"][pid] = None  # a dict[str, Any]: ordered, and each person once
    shared = [{**g, "pids": list(g["pids"])} for g in found.values() if len(g["pids"]) >= 2]
    shared.sort(key=lambda g: (-len(g["pids"]), g["label"].casefold()))
    return covering(shared, MAX_GROUPS)


def covering(shared: list[dict[str, Any]], most: int) -> list[dict[str, Any]]:
    """At most `most` of `shared` (largest first), keeping their order: first, in that order,
    each group that names someone no group taken so far does, then the largest of the rest.
    At an event of many tables the largest groups alone would leave out everyone whose
    interest one other person shares, often at another table ("someone at table 7 also
    runs")."""
    if len(shared) <= most:
        return shared
    covered: set[str] = set()
    taken: list[int] = []
    for i, group in enumerate(shared):
        if len(taken) < most and not covered.issuperset(group["pids"]):
            taken.append(i)
            covered.update(group["pids"])
    chosen = set(taken)
    rest = [i for i in range(len(shared)) if i not in chosen][:most - len(taken)]
    return [shared[i] for i in sorted(taken + rest)]
