"""The host's pages after (or during) the event: the exports (CSV, Markdown, JSON) and the
summary (rounds, airtime, nudges, questions, asks, who helped whom).

Neither page carries a secret: their scripts send the host key in an `Authorization: Bearer`
header (see `common`) and download the file or draw the summary with DOM APIs.
"""

import time

from flask import Blueprint, Response, abort, jsonify, render_template

from ..core.views import exports
from ..core.views.summary import summary
from .common import bearer_secret, private, refuse, room_or_404

bp = Blueprint("host", __name__)
EXPORTS = {
    "csv": (exports.to_csv, "text/csv; charset=utf-8"),
    "md": (exports.to_markdown, "text/markdown; charset=utf-8"),
    "json": (exports.to_json, "application/json"),
}


@bp.get("/host/<code>/export.<fmt>")
def export(code: str, fmt: str) -> Response:
    """The whole event for the host, in CSV, Markdown or JSON."""
    room = room_or_404(code)
    if fmt not in EXPORTS:
        abort(404, "Exports come as .csv, .md or .json.")
    if not room.is_host(bearer_secret()):
        return refuse("Only the host can export this event.")
    render, mimetype = EXPORTS[fmt]
    body = render(exports.event_record(room, time.time()))
    return private(Response(body, mimetype=mimetype), f"facilitator-{room.code}.{fmt}")


@bp.get("/host/<code>/summary")
def summary_page(code: str) -> str:
    return render_template("summary.html", room=room_or_404(code))


@bp.get("/host/<code>/summary.json")
def summary_data(code: str) -> Response:
    """The summary for the host only; never cached, as it counts what people did."""
    room = room_or_404(code)
    if not room.is_host(bearer_secret()):
        return refuse("Only the host can see this event's summary.")
    return private(jsonify(ok=True, **summary(room, time.time())))
