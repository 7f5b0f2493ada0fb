"""The translation catalogs are whole and current: messages.pot holds every marked message of
the templates, scripts and Python (as `scripts/i18n extract` would write it), every language
translates every one of them, keeps its placeholders, and ships the .mo compiled from its .po."""

import re
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from facilitator.core.state.languages import LANGUAGES
from facilitator.i18n import PSEUDO, TRANSLATIONS

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = Path(TRANSLATIONS)
TRANSLATED = sorted({*LANGUAGES} - {"en"} | {PSEUDO})
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def read(path: Path):
    with path.open("rb") as file:
        return read_po(file)


def ids(catalog) -> set:
    return {m.id for m in catalog if m.id}


def test_the_template_holds_every_marked_message(tmp_path):
    fresh = tmp_path / "messages.pot"
    CommandLineInterface().run([
        "pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "-k", "lazy_gettext",
        "-k", "N_", "-k", "say", "-k", "say_n:1,2", "-o", str(fresh), str(ROOT)])
    missing = ids(read(fresh)) - ids(read(CATALOGS / "messages.pot"))
    gone = ids(read(CATALOGS / "messages.pot")) - ids(read(fresh))
    assert not missing, f"run scripts/i18n update: new {sorted(missing, key=str)[:10]}"
    assert not gone, f"run scripts/i18n update: no longer used {sorted(gone, key=str)[:10]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_language_translates_every_message(language):
    catalog = read(CATALOGS / language / "LC_MESSAGES" / "messages.po")
    template = ids(read(CATALOGS / "messages.pot"))
    assert ids(catalog) == template, "run scripts/i18n update"
    for message in catalog:
        if not message.id:
            continue
        forms = message.string if isinstance(message.id, tuple) else (message.string,)
        assert all(forms), f"{language}: {message.id!r} is not translated"
        assert not message.fuzzy, f"{language}: {message.id!r} is marked fuzzy"
        wanted = set(PLACEHOLDER.findall(" ".join(
            message.id if isinstance(message.id, tuple) else (message.id,))))
        for form in forms:
            # A plural form may say "one" or "two" in words instead of its number.
            assert set(PLACEHOLDER.findall(form)) <= wanted | {"%(num)d"}, (language, form)
            assert set(PLACEHOLDER.findall(form)) >= wanted - {"%(num)d"}, (language, form)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_language_ships_the_mo_compiled_from_its_po(language):
    folder = CATALOGS / language / "LC_MESSAGES"
    source = read(folder / "messages.po")
    with (folder / "messages.mo").open("rb") as file:
        compiled = read_mo(file)
    def strings(catalog) -> dict:
        plural = (list, tuple)  # a .mo reads plural messages as lists
        return {tuple(m.id) if isinstance(m.id, plural) else m.id:
                tuple(m.string) if isinstance(m.id, plural) else m.string
                for m in catalog if m.id}

    assert strings(compiled) == strings(source), "run scripts/i18n compile"
