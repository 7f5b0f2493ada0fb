"""The live screens: the host's console, the display the room sees on the projector, the
phone's, and the join QR code."""

import werkzeug
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

from ..core.errors import say
from ..core.state.again import next_name
from ..core.state.identity import split_code
from ..core.state.turns import MAX_TURN_SECONDS, MIN_TURN_SECONDS
from ..i18n import speak_room_language, translate
from .common import join_url, qr_svg, room_or_404
from .public_url import why_phones_cant_reach

bp = Blueprint("screens", __name__)


@bp.get("/host/<code>")
def host(code: str) -> str:
    """The console: the host's screen, on the laptop or the host's phone (the key in the
    fragment, never in the address the server sees)."""
    room = room_or_404(code)
    # The console can present the stage to the room: it speaks the room's language too.
    speak_room_language(room.language)
    # With PUBLIC_URL set, phones use that address, whatever this machine listens on.
    unreachable = None if current_app.config["PUBLIC_URL"] else why_phones_cant_reach(
        current_app.config["HOST"])
    return render_template("host.html", room=room, join_url=join_url(room.code),
                           next_name=next_name(room.name),
                           unreachable=unreachable, min_seconds=MIN_TURN_SECONDS,
                           max_seconds=MAX_TURN_SECONDS)


@bp.get("/display/<code>")
def display(code: str) -> str:
    """The display: what the room sees, for the projector. It needs no key and shows nothing
    only the host may see, so any window may open it. It speaks the room's language."""
    room = room_or_404(code)
    speak_room_language(room.language)
    return render_template("display.html", room=room, join_url=join_url(room.code))


@bp.get("/j/<code>")
def phone(code: str) -> werkzeug.Response | str:
    """The phone's page; a code with the latecomers' key after it (`Room.latecomers_code`) is
    kept, unchecked, for the phone to join with: the join says whether it is right."""
    room_code, key = split_code(code)
    room = room_or_404(room_code)
    if room.code + key != code:
        return redirect(url_for("screens.phone", code=room.code + key))
    return render_template("phone.html", room=room, join_code=room.code + key)


@bp.get("/host/<code>/signs")
def signs(code: str) -> str:
    """Print-friendly table signs: each table's name, colour and QR code, which seats whoever
    scans it at that table when seats allow. Only what every phone sees (the tables' names and
    colours), so it needs no host key."""
    room = room_or_404(code)
    speak_room_language(room.language)  # printed for the room, like the display
    return render_template("signs.html", room=room, join_url=join_url(room.code),
                           tables=[{**room.layout.label(n), "name": translate(room.layout.name(n))}
                                   for n in range(1, room.layout.count + 1)])


@bp.get("/qr/<code>.svg")
def qr(code: str) -> Response:
    """The join URL as an SVG QR code, dark on light for any projector; with `?table=N`, table
    N's sign's (the phone sits there when seats allow)."""
    room_code, key = split_code(code)  # a latecomers' code is drawn as given (`phone`)
    room = room_or_404(room_code)
    url, title = join_url(room.code + key), translate(say("Join %(name)s", name=room.name))
    table = request.args.get("table", "")
    if table:
        if not table.isascii() or not table.isdigit() \
                or not 1 <= int(table) <= room.layout.count:
            abort(404, description=say("There's no table %(table)s at this event.",
                                         table=table[:10]))
        name = room.layout.name(int(table))
        url, title = f"{url}?table={int(table)}", translate(say("Sit at %(name)s", name=name))
    return Response(qr_svg(url, title), mimetype="image/svg+xml")
