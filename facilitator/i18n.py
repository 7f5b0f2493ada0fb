"""Which language each screen speaks, and the catalogs' strings its scripts need.

One translation system: gettext catalogs in facilitator/translations (Flask-Babel), made and
compiled by `scripts/i18n`. A phone, the home page and the follow-up pages speak their reader's
language: the one they chose with the switcher (a cookie), else the best of their browser's
`Accept-Language`. The screens a whole room reads (the projector) speak the room's language,
which the host picks: a page sets it with `speak_room_language`. The pages' scripts get their
strings from the same catalogs, rendered into base.html's JSON block (`js_catalog`); which
messages a page's scripts use is read from the catalog template (messages.pot), whose locations
say where each message is used, and the modules the page runs (`page_scripts`).
"""

import functools
import os
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from flask import Blueprint, Flask, g, redirect, request
from flask_babel import Babel, format_date, get_locale
from werkzeug.wrappers import Response

from . import page_scripts
from .core.errors import Text
from .core.state.board import OFFER_KINDS
from .core.state.features import LABELS as FEATURE_LABELS
from .core.state.followthrough import OFFER_MARKS
from .core.state.identity import ROOM_DELETED
from .core.state.languages import DEFAULT_LANGUAGE, LANGUAGES
from .core.state.layout import COLOURS
from .core.state.nudges import NUDGE_TEXT
from .core.views.common_ground import shared_phrases
from .core.views.tips import tips

# The pseudo-locale: accented English 40% longer (scripts/i18n makes it), which tests read to
# find a string left unmarked or a layout that breaks when text grows. Filed under CLDR's "world
# English" (Babel knows no private-use locale); chosen only by name, never offered or matched.
PSEUDO = "en_001"
RIGHT_TO_LEFT = frozenset({"ar"})
COOKIE = "lang"
COOKIE_DAYS = 365
TRANSLATIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "translations")
SCRIPTS_PREFIX = "static/js/"

bp = Blueprint("i18n", __name__)


def init_app(app: Flask) -> None:
    Babel(app, locale_selector=select_language,
          default_translation_directories=TRANSLATIONS)
    app.register_blueprint(bp)
    app.jinja_env.globals.update(language=language, text_direction=text_direction,
                                 js_catalog=lambda scripts=(): js_catalog(language(),
                                                                          tuple(scripts)),
                                 languages=LANGUAGES)
    app.add_template_filter(day, "day")


def day(epoch_seconds: float) -> str:
    """A date the reader's way, e.g. "30 December 2026", "30. Dezember 2026" (UTC: the server
    knows nobody's time zone)."""
    return str(format_date(datetime.fromtimestamp(epoch_seconds, UTC), format="long"))


def day_in(code: str, epoch_seconds: float) -> str:
    """A date in language `code`, outside any request (an email sent later)."""
    return babel_format_date(datetime.fromtimestamp(epoch_seconds, UTC), format="long",
                             locale=code)


def selectable(code: str | None) -> bool:
    return code in LANGUAGES or code == PSEUDO


def select_language() -> str:
    """The room's language on a room's screen; else the reader's choice, or their browser's."""
    chosen = g.get("room_language") or request.cookies.get(COOKIE)
    if selectable(chosen):
        return str(chosen)
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE


def speak_room_language(code: str) -> None:
    """This request's page is read by the whole room: it speaks the language the host chose."""
    g.room_language = code


def language() -> str:
    """The current language's code as the catalogs name it (en, de, ar, en_001)."""
    return str(get_locale() or DEFAULT_LANGUAGE)


def readers_language() -> str:
    """This request's language as a room or an email may keep it: the pseudo-locale is English."""
    code = language()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def text_direction() -> str:
    """"rtl" or "ltr", for <html dir>."""
    return "rtl" if language().split("_")[0] in RIGHT_TO_LEFT else "ltr"


@functools.cache
def catalog(code: str) -> NullTranslations:
    """A language's compiled catalog, read once per process."""
    return Translations.load(TRANSLATIONS, [code])


def translate(text: str, code: str | None = None) -> str:
    """The core's words (a `Text`) in language `code` (this request's by default); other text as
    it is. Refusals come here on every refused event, so the catalog is looked up by the
    language's code, not through a parsed Locale."""
    if not isinstance(text, Text):
        return text
    code = code or select_language()
    translations = catalog(code)
    if text.plural is not None:
        count = text.values["num"]
        assert isinstance(count, int)  # noqa: S101 (say_n takes a count)
        translated = translations.ungettext(text.message, text.plural, count)
    else:
        translated = translations.ugettext(text.message)
    if not text.values:
        return str(translated)
    return str(translated % {name: translate(value, code) if isinstance(value, Text) else value
                             for name, value in text.values.items()})


def gettext_in_place(message: str) -> str:
    """A message of the data files (decks, tips) in this request's language: its words are in
    the catalogs (scripts/i18n extracts them with `catalog_words.extract_json`)."""
    return str(catalog(select_language()).ugettext(message)) if message else message


def translated_prompts(prompts: tuple[dict[str, Any], ...]) -> tuple[dict[str, Any], ...]:
    """A built-in deck's prompts in this request's language."""
    return tuple({**p, "text": gettext_in_place(p["text"]), "hint": gettext_in_place(p["hint"])}
                 for p in prompts)


@bp.get("/lang/<code>")
def choose(code: str) -> Response:
    """The switcher's link: remember the choice, then back to the page it was on."""
    back = _local_path(request.args.get("next", "/"))
    response = redirect(back, code=303)
    if selectable(code):
        response.set_cookie(COOKIE, code, max_age=COOKIE_DAYS * 86400, samesite="Lax",
                            httponly=True)
    return response


def _local_path(path: str) -> str:
    """Only a path of ours: never a redirect to another site (`//evil`, `https://evil`)."""
    parts = urlsplit(path)
    if parts.scheme or parts.netloc or not path.startswith("/") or path.startswith("//"):
        return "/"
    return path


@functools.cache
def _template() -> Catalog:
    with open(os.path.join(TRANSLATIONS, "messages.pot"), "rb") as pot:
        return read_po(pot)


@functools.cache
def _script_messages(scripts: tuple[str, ...]
                     ) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The messages a page's scripts use (singular ones, and plural pairs): those messages.pot
    locates in a module the page runs (`scripts`, its entry modules; page_scripts.closure)."""
    runs = {SCRIPTS_PREFIX + module for module in page_scripts.closure(scripts)}
    # Words the server sends as written, which the scripts show in their reader's language: the
    # client config's (kinds of offer, switches, marks, colours), the speaker's nudge, the tips,
    # what common ground says ("run"), the notice that an event was deleted.
    singles: list[str] = [*OFFER_KINDS.values(), *FEATURE_LABELS.values(),
                          *OFFER_MARKS.values(), *COLOURS, NUDGE_TEXT,
                          *(line for lines in tips().values() for line in lines),
                          *shared_phrases(), ROOM_DELETED]
    plurals = []
    for message in _template():
        if not message.id or not any(path in runs for path, _ in message.locations):
            continue
        if isinstance(message.id, tuple):
            plurals.append((message.id[0], message.id[1]))
        else:
            singles.append(str(message.id))
    return tuple(dict.fromkeys(singles)), tuple(plurals)


# Enough whole numbers to meet every plural category CLDR gives our languages (Arabic's "many"
# starts at 11, its "other" is 100-102).
PLURAL_SAMPLES = range(0, 112)


@functools.cache
def js_catalog(code: str, scripts: tuple[str, ...] = ()) -> dict[str, Any]:
    """What static/js/shared/i18n.js reads on a page running `scripts`: the language, each of
    their messages translated (left out when it reads as in English), and each plural message's
    form per CLDR plural category (which the browser's Intl.PluralRules picks)."""
    translations = catalog(code)
    locale = Locale.parse(code)
    singles, plurals = _script_messages(scripts)
    messages = {m: translations.gettext(m) for m in singles}
    forms: dict[str, dict[str, str]] = {}
    for singular, plural in plurals:
        by_category: dict[str, str] = {}
        for n in PLURAL_SAMPLES:
            category = locale.plural_form(n)
            by_category.setdefault(category, translations.ngettext(singular, plural, n))
        forms[singular] = by_category
    return {
        "language": code.replace("_", "-"),
        "messages": {m: t for m, t in messages.items() if t != m},
        "plurals": forms,
    }
