"""The server's rules that pages need before they ask (limits, kinds of offer, feature names).

Read from the core's constants, so a page never carries a copy that drifts from what the server
checks: templates use them in `maxlength` and the like, and base.html hands them to the scripts
as a JSON block (`#client-config`, read by static/js/shared/config.js).
"""

from typing import TYPE_CHECKING, Any

from .core.state.board import OFFER_KINDS, TEXT_MAX_LEN, WHO_MAX_LEN
from .core.state.contacts import EMAIL_MAX_LEN, PHONE_MAX_LEN
from .core.state.decks import HINT_MAX_LEN, PROMPT_MAX_LEN
from .core.state.features import LABELS as FEATURE_LABELS
from .core.state.followthrough import OFFER_MARKS
from .core.state.layout import (
    COLOURS,
    MAX_TABLE_SIZE,
    MAX_TABLES,
    MIN_TABLE_SIZE,
    TABLE_NAME_MAX_LEN,
)
from .core.state.participants import (
    ABOUT_MAX_LEN,
    COMPANY_MAX_LEN,
    INTEREST_MAX_LEN,
    MAX_INTERESTS,
    MAX_RECENT_MINUTES,
    NAME_MAX_LEN,
)
from .core.state.room import ROOM_NAME_MAX_LEN
from .core.state.table import TIME_UP_GRACE_SECONDS
from .core.state.text import LINK_MAX_LEN
from .core.state.turns import MAX_TURN_SECONDS, MIN_TURN_SECONDS

if TYPE_CHECKING:
    from flask import Flask


def client_config(retention_days: float, mail: bool) -> dict[str, Any]:
    """What base.html's JSON block and the templates' form fields say of the server's rules
    (and of this server's settings: `retention_days`, and whether email is set up)."""
    return {
        "limits": {
            "room_name": ROOM_NAME_MAX_LEN,
            "profile": {
                "name": NAME_MAX_LEN,
                "about": ABOUT_MAX_LEN,
                # One field, comma-separated: every interest at its longest, each with its ", ".
                "interests": MAX_INTERESTS * (INTEREST_MAX_LEN + 2),
                "company": COMPANY_MAX_LEN,
            },
            "post": {"text": TEXT_MAX_LEN, "who": WHO_MAX_LEN, "link": LINK_MAX_LEN},
            "prompt": {"text": PROMPT_MAX_LEN, "hint": HINT_MAX_LEN},
            "turn_seconds": {"min": MIN_TURN_SECONDS, "max": MAX_TURN_SECONDS},
            "remove_recent_minutes": MAX_RECENT_MINUTES,
            "contact": {"email": EMAIL_MAX_LEN, "phone": PHONE_MAX_LEN, "link": LINK_MAX_LEN},
            "tables": {"count": MAX_TABLES, "size": {"min": MIN_TABLE_SIZE,
                                                      "max": MAX_TABLE_SIZE},
                       "name": TABLE_NAME_MAX_LEN},
        },
        "table_colours": list(COLOURS),
        # With "move on at time-up" on, screens ask the server to move on this long after it.
        "time_up_grace": TIME_UP_GRACE_SECONDS,
        "offer_kinds": dict(OFFER_KINDS),
        "features": dict(FEATURE_LABELS),
        # A list, in the order the buttons show (the JSON block's objects have sorted keys)
        "follow_through": list(OFFER_MARKS.items()),
        "retention_days": retention_days,
        "mail": mail,
    }


def init_app(app: "Flask") -> None:
    """Make `client_config` a template global (constants and settings: built once)."""
    app.jinja_env.globals["client_config"] = client_config(app.config["RETENTION_DAYS"],
                                                           bool(app.config["SMTP_URL"]))
