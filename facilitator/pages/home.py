"""The home page: create an event, or join one with its code; and the health check."""

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from ..core.errors import RoomError
from ..core.state.decks import DEFAULT_DECK, builtin_decks
from ..core.state.identity import normalize_code
from ..core.state.turns import MAX_TURN_SECONDS, MIN_TURN_SECONDS
from ..payloads import parse
from ..payloads.forms import CreateRoom
from ..room_service import create_room, load_room
from ..security import TOO_MANY_EVENTS, create_room_limit, limiter

bp = Blueprint("home", __name__)


def _home(error: str = "", status: int = 200, form: dict | None = None) -> tuple[str, int]:
    return render_template(
        "home.html", decks=builtin_decks(), default_deck=DEFAULT_DECK, error=error,
        form=form or {}, min_seconds=MIN_TURN_SECONDS, max_seconds=MAX_TURN_SECONDS,
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
        new = parse(CreateRoom, form)
        room, host_key = create_room(name=new.name, deck_id=new.deck,
                                     turn_seconds=new.turn_seconds, prompts=new.prompts,
                                     max_participants=current_app.config["MAX_PARTICIPANTS"])
    except RoomError as exc:
        return _home(exc.message, 400, form)
    return redirect(f"{url_for('screens.host', code=room.code)}#key={host_key}", code=303)


@bp.get("/join")
def join_by_code() -> Response | tuple[str, int]:
    """The home page's "join with a code" form."""
    code = normalize_code(request.args.get("code", ""))
    try:
        load_room(code)
    except RoomError as exc:
        return _home(exc.message, 404, {"code": request.args.get("code", "")})
    return redirect(url_for("screens.phone", code=code))


@bp.get("/healthz")
def healthz() -> dict:
    return {"ok": True}
