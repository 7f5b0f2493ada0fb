"""The home page: create an event, or join one with its code; and the health check."""

from flask import Blueprint, current_app, jsonify, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from ..code_guesses import TooManyMisses, looked_up
from ..core.errors import N_, RoomError
from ..core.state.decks import CUSTOM_DECK, DEFAULT_DECK, builtin_decks
from ..core.state.identity import normalize_code
from ..core.state.layout import COLOURS, MAX_TABLES, Layout
from ..core.state.room import Room
from ..core.state.turns import MAX_TURN_SECONDS, MIN_TURN_SECONDS
from ..extensions import csrf
from ..i18n import readers_language, translate, translated_prompts
from ..payloads import parse
from ..payloads.base import MALFORMED
from ..payloads.forms import CreateRoom
from ..refusals import API_PREFIX, refuse
from ..room_service import create_room, load_room
from ..security import TOO_MANY_EVENTS, create_room_limit, limiter
from .common import as_body, join_url

bp = Blueprint("home", __name__)
CODE_INPUT_MAX_LEN = 40  # a code typed with spaces and dashes; anything longer is no code
JSON_ONLY = N_("Send the event as JSON, with Content-Type: application/json.")


def _home(error: str = "", status: int = 200, form: dict | None = None) -> tuple[str, int]:
    return render_template(
        "home.html", decks=builtin_decks(), default_deck=DEFAULT_DECK, error=translate(error),
        form=form or {}, min_seconds=MIN_TURN_SECONDS, max_seconds=MAX_TURN_SECONDS,
        colours=", ".join(map(translate, COLOURS)),
    ), status


@bp.get("/")
def home() -> tuple[str, int]:
    return _home()


@bp.post("/rooms")
@limiter.limit(create_room_limit, error_message=TOO_MANY_EVENTS)
def create() -> Response | tuple[str, int]:
    """Create a room; the host key travels in the URL fragment, which browsers never send."""
    form = request.form.to_dict()
    try:
        room, host_key = _create(parse(CreateRoom, _form_body(form)))
    except RoomError as exc:
        return _home(exc.message, 400, form)
    return redirect(_host_url(room.code, host_key, external=False), code=303)


# Exempt from CSRF (a JSON client has no form token): only a JSON body is read, which a page on
# another site can't send without a CORS preflight this app never grants; the origin check and
# the rate limit apply as to the form (docs/protocol.md, "Creating an event").
@csrf.exempt
@bp.post(f"{API_PREFIX}rooms")
@limiter.limit(create_room_limit, error_message=TOO_MANY_EVENTS)
def create_from_json() -> Response:
    """Create a room for a client that is not the home page: JSON in, the code and host key out."""
    if request.mimetype != "application/json":
        return refuse(JSON_ONLY, 415)
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return refuse(MALFORMED, 400)
    try:
        room, host_key = _create(parse(CreateRoom, data))
    except RoomError as exc:
        return refuse(exc.message, 400)
    created = jsonify(ok=True, code=room.code, host_key=host_key,
                      host_url=_host_url(room.code, host_key, external=True),
                      join_url=join_url(room.code))
    created.status_code = 201
    return created


def _create(new: CreateRoom) -> tuple[Room, str]:
    """The event in its creator's language: its screens speak it, and a built-in deck's prompts
    come written in it (the host edits them as typed text from then on)."""
    layout = Layout.new(tables=new.tables, size=new.table_size,
                        labels=[label.model_dump() for label in new.table_labels])
    deck, prompts = new.deck, new.prompts
    if deck != CUSTOM_DECK and deck in builtin_decks():
        deck, prompts = CUSTOM_DECK, translated_prompts(builtin_decks()[deck].prompts)
    return create_room(name=new.name, deck_id=deck, turn_seconds=new.turn_seconds,
                       prompts=prompts, max_participants=current_app.config["MAX_PARTICIPANTS"],
                       layout=layout, language=readers_language())


def _form_body(form: dict[str, str]) -> dict[str, object]:
    """The create form as the JSON body it stands for. Its "Tables" choice says which number
    counts: one table, `tables` tables, or tables of about `table_size` (the other is left
    out, as a JSON client would)."""
    body = as_body(form, "turn_seconds", "tables", "table_size")
    seating = form.get("seating", "one")
    if seating != "count":
        body.pop("tables", None)
    if seating != "size":
        body.pop("table_size", None)
    names = body.pop("table_labels", "")
    if seating != "one" and isinstance(names, str) and names.strip():
        body["table_labels"] = table_labels(names)
    return body


def table_labels(text: str) -> list[dict[str, str]]:
    """The create form's names and colours of the tables, one line per table in order: a
    name, a colour, or both ("Garden, green"). The model checks them as it checks a JSON
    client's; lines past the most tables there can be are cut, still too many for it."""
    labels = []
    for line in text.strip().splitlines()[:MAX_TABLES + 1]:
        name, _, last = line.rpartition(",")  # no comma: the whole line is `last`
        colour = _colour(last)
        labels.append({"name": (name if colour else line).strip(), "colour": colour or ""})
    return labels


def _colour(word: str) -> str | None:
    """The colour `word` names, in English or in the reader's language."""
    word = word.strip().casefold()
    return next((c for c in COLOURS if word in (c, translate(c).casefold())), None)


def _host_url(code: str, host_key: str, *, external: bool) -> str:
    """The host screen's address, the key in its fragment (which browsers never send)."""
    return f"{url_for('screens.host', code=code, _external=external)}#key={host_key}"


@bp.get("/join")
def join_by_code() -> Response | tuple[str, int]:
    """The home page's "join with a code" form."""
    typed = request.args.get("code", "")[:CODE_INPUT_MAX_LEN]
    code = normalize_code(typed)
    try:
        looked_up(lambda: load_room(code))
    except RoomError as exc:
        return _home(exc.message, 429 if isinstance(exc, TooManyMisses) else 404, {"code": typed})
    return redirect(url_for("screens.phone", code=code))


@bp.get("/healthz")
def healthz() -> dict:
    return {"ok": True}
