"""Pages: home (create or join), the host screen, the phone screen, the join QR code."""

import io

import segno
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)

from .core.errors import RoomError
from .core.state.decks import DEFAULT_DECK, builtin_decks
from .core.state.identity import normalize_code
from .core.state.room import Room
from .core.state.turns import MAX_TURN_SECONDS, MIN_TURN_SECONDS
from .payloads import parse
from .payloads.forms import CreateRoom
from .public_url import base_url, is_loopback
from .room_service import create_room, load_room
from .security import TOO_MANY_EVENTS, create_room_limit, limiter

bp = Blueprint("views", __name__)


def join_url(code: str) -> str:
    """The URL in the QR code and on the host screen."""
    base = base_url(current_app.config["PUBLIC_URL"], request.host_url)
    return f"{base}{url_for('views.phone', code=code)}"


def _home(error: str = "", status: int = 200, form: dict | None = None):
    return render_template(
        "home.html", decks=builtin_decks(), default_deck=DEFAULT_DECK, error=error,
        form=form or {}, min_seconds=MIN_TURN_SECONDS, max_seconds=MAX_TURN_SECONDS,
    ), status


@bp.get("/")
def home():
    return _home()


@bp.post("/rooms")
@limiter.limit(create_room_limit, error_message=TOO_MANY_EVENTS)
def create():
    """Create a room; the host key travels in the URL fragment, which browsers never send."""
    form = request.form
    try:
        new = parse(CreateRoom, form.to_dict())
        room, host_key = create_room(name=new.name, deck_id=new.deck,
                                     turn_seconds=new.turn_seconds,
                                     max_participants=current_app.config["MAX_PARTICIPANTS"])
    except RoomError as exc:
        return _home(exc.message, 400, form)
    return redirect(f"{url_for('views.host', code=room.code)}#key={host_key}", code=303)


@bp.get("/join")
def join_by_code():
    """The home page's "join with a code" form."""
    code = normalize_code(request.args.get("code", ""))
    try:
        load_room(code)
    except RoomError as exc:
        return _home(exc.message, 404, {"code": request.args.get("code", "")})
    return redirect(url_for("views.phone", code=code))


def room_or_404(code: str) -> Room:
    """The room, or the not-found page with the reason (mistyped or expired code)."""
    try:
        return load_room(code)
    except RoomError as exc:
        abort(404, exc.message)


def bearer_secret() -> str | None:
    """The token or host key a page's script sent in `Authorization: Bearer`, never a URL."""
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    return secret.strip() if scheme.lower() == "bearer" and secret.strip() else None


@bp.get("/host/<code>")
def host(code: str):
    room = room_or_404(code)
    listens_locally = is_loopback(current_app.config["HOST"]) and not current_app.config[
        "PUBLIC_URL"]
    return render_template("host.html", room=room, join_url=join_url(room.code),
                           unreachable=listens_locally, min_seconds=MIN_TURN_SECONDS,
                           max_seconds=MAX_TURN_SECONDS)


@bp.get("/j/<code>")
def phone(code: str):
    room = room_or_404(normalize_code(code))
    if room.code != code:
        return redirect(url_for("views.phone", code=room.code))
    return render_template("phone.html", room=room)


@bp.get("/qr/<code>.svg")
def qr(code: str):
    """The join URL as an SVG QR code, dark on light for any projector."""
    room = room_or_404(code)
    out = io.BytesIO()
    segno.make(join_url(room.code), error="m").save(
        out, kind="svg", scale=10, border=2, dark="#111", light="#fff", xmldecl=False,
        svgclass="qr", title=f"Join {room.name}")
    return Response(out.getvalue(), mimetype="image/svg+xml")


@bp.get("/healthz")
def healthz():
    return {"ok": True}


@bp.app_errorhandler(404)
def not_found(error):
    return render_template("error.html", message=error.description), 404
