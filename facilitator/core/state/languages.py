"""The languages a room's screens and its emails can speak: facilitator/i18n.py has a catalog for
each. People's phones speak their own; prompts stay as the host typed them."""

from ..errors import N_, RoomError

# Each named in itself (the switcher's words): add a language here, once.
LANGUAGES = {"en": "English", "es": "Español", "fr": "Français", "de": "Deutsch",
             "ar": "العربية"}
DEFAULT_LANGUAGE = "en"
PICK_LANGUAGE = N_("Pick one of the languages offered.")


def clean_language(value: object) -> str:
    """One of the languages the catalogs speak."""
    if not isinstance(value, str) or value not in LANGUAGES:
        raise RoomError(PICK_LANGUAGE)
    return value
