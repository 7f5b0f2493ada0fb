"""The host's event summary page: rounds, airtime, nudges, questions, asks, who helped whom.

The page itself carries no secret and shows nothing until its script fetches the JSON with the
host key in an `Authorization: Bearer` header (the key never travels in a URL), then draws the
bars and the network with DOM APIs.
"""

import time

from flask import Blueprint, jsonify, render_template

from .core.views.summary import summary
from .views import bearer_secret, room_or_404

bp = Blueprint("summary", __name__)


@bp.get("/host/<code>/summary")
def page(code: str):
    return render_template("summary.html", room=room_or_404(code))


@bp.get("/host/<code>/summary.json")
def data(code: str):
    """The summary for the host only; never cached, as it counts what people did."""
    room = room_or_404(code)
    if not room.is_host(bearer_secret()):
        return jsonify(ok=False, error="Only the host can see this event's summary."), 401
    response = jsonify(ok=True, **summary(room, time.time()))
    response.headers["Cache-Control"] = "no-store"
    return response
