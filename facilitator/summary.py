"""The host's event summary page: rounds, airtime, nudges, questions, asks, who helped whom.

The page itself carries no secret and shows nothing until its script fetches the JSON with the
host key in an `Authorization: Bearer` header (the key never travels in a URL), then draws the
bars and the network with DOM APIs.
"""

import time

from flask import Blueprint, abort, jsonify, render_template, request

from .core.errors import RoomError
from .core.room import Room
from .core.summary import summary
from .rooms import load_room

bp = Blueprint("summary", __name__)


def _room(code: str) -> Room:
    try:
        return load_room(code)
    except RoomError as exc:
        abort(404, exc.message)


@bp.get("/host/<code>/summary")
def page(code: str):
    return render_template("summary.html", room=_room(code))


@bp.get("/host/<code>/summary.json")
def data(code: str):
    """The summary for the host only; never cached, as it counts what people did."""
    room = _room(code)
    scheme, _, key = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not room.is_host(key.strip()):
        return jsonify(ok=False, error="Only the host can see this event's summary."), 401
    response = jsonify(ok=True, **summary(room, time.time()))
    response.headers["Cache-Control"] = "no-store"
    return response
