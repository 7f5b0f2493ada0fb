"""The host's pages after (or during) the event: the exports (CSV, Markdown, JSON), the summary
(rounds, airtime, nudges, questions, asks, follow-through, who helped whom), and the next event
of the series ("run it again").

Neither page carries a secret: their scripts send the host key in an `Authorization: Bearer`
header (see `common`) and download the file or draw the summary with DOM APIs.
"""

import time
from base64 import b64encode

from flask import Blueprint, Response, abort, jsonify, render_template, request, url_for

from ..body_limit import small_body
from ..core.errors import N_, RoomError, say
from ..core.views import exports
from ..core.views.summary import summary
from ..extensions import csrf
from ..i18n import speak_room_language, translate
from ..payloads import parse
from ..payloads.forms import RunAgain
from ..refusals import bearer_secret, refuse
from ..room_service import create_room_again
from ..security import (
    TOO_MANY_EVENTS,
    TOO_MANY_EXPORTS,
    create_room_limit,
    exports_limit,
    limiter,
)
from .common import (
    event_or_404,
    private,
    public_url,
    qr_svg,
    room_or_404,
)

bp = Blueprint("host", __name__)
EXPORTS = {
    "csv": (exports.to_csv, "text/csv; charset=utf-8"),
    # The report's own words in the room's language (the host's screen speaks it too)
    "md": (lambda record: exports.to_markdown(record, translate), "text/markdown; charset=utf-8"),
    "json": (exports.to_json, "application/json"),
}


@bp.get("/host/<code>/export.<fmt>")
@limiter.limit(exports_limit, error_message=TOO_MANY_EXPORTS)
def export(code: str, fmt: str) -> Response:
    """The whole event for the host, in CSV, Markdown or JSON."""
    room = event_or_404(code)
    if fmt not in EXPORTS:
        abort(404, N_("Exports come as .csv, .md or .json."))
    if not room.is_host(bearer_secret()):
        return refuse(N_("Only the host can export this event."))
    speak_room_language(room.language)
    render, content_type = EXPORTS[fmt]
    body = render(exports.event_record(room, time.time()))
    return private(Response(body, content_type=content_type), f"facilitator-{room.code}.{fmt}")


@bp.get("/host/<code>/console-qr")
def console_qr(code: str) -> Response:
    """The private QR code that opens the console on the host's own phone: the console's
    address, reachable from the venue's network, with the host key in its fragment. For the
    host only (the key in the Authorization header), never cached; the key stays out of every
    URL the server sees."""
    room = room_or_404(code)
    key = bearer_secret()
    if not room.is_host(key):
        return refuse(N_("Only the host can hand the console to a phone."))
    url = f"{public_url(url_for('screens.host', code=room.code))}#key={key}"
    svg = qr_svg(url, translate(say("Open the console of %(name)s", name=room.name)))
    return private(jsonify(ok=True, qr="data:image/svg+xml;base64," + b64encode(svg).decode()))


@bp.get("/host/<code>/summary")
def summary_page(code: str) -> str:
    return render_template("summary.html", room=room_or_404(code))


@bp.get("/host/<code>/summary.json")
@limiter.limit(exports_limit, error_message=TOO_MANY_EXPORTS)
def summary_data(code: str) -> Response:
    """The summary for the host only; never cached, as it counts what people did."""
    room = event_or_404(code)
    if not room.is_host(bearer_secret()):
        return refuse(N_("Only the host can see this event's summary."))
    return private(jsonify(ok=True, **summary(room, time.time())))


# Exempt from CSRF: authorised by the host key in the Authorization header (see `followup`).
@csrf.exempt
@bp.post("/host/<code>/again")
@limiter.limit(create_room_limit, error_message=TOO_MANY_EVENTS)
@small_body
def run_again(code: str) -> Response | dict:
    """A new event with this one's prompts (as edited) and settings, and nobody in it; answers
    where its host screen is, with its own host key in the fragment."""
    room = room_or_404(code)
    if not room.is_host(bearer_secret()):
        return refuse(N_("Only the host can start the next event from this one."))
    data = request.get_json(silent=True)
    try:
        new, host_key = create_room_again(room, name=parse(RunAgain, data).name)
    except RoomError as exc:
        return refuse(exc.message, 400)
    return {"ok": True, "code": new.code,
            "url": f"{url_for('screens.host', code=new.code)}#key={host_key}"}
