"""What people take home: each attendee's follow-up page, their vCards, the host's exports.

Secrets never travel in a URL (URLs end up in logs, history and screenshots): pages load without
them, then their scripts send the participant token or the host key in an `Authorization:
Bearer` header and render the JSON or download the file themselves.
"""

import time
from dataclasses import asdict

from flask import Blueprint, Response, abort, jsonify, render_template, request

from .core.commands import contacts
from .core.errors import RoomError
from .core.state.room import Room
from .core.views import exports
from .core.views.followup import followup, shared_contacts
from .extensions import csrf
from .payloads import parse
from .payloads.forms import Contact
from .room_service import change_room
from .views import bearer_secret, room_or_404

bp = Blueprint("followup", __name__)
EXPORTS = {
    "csv": (exports.to_csv, "text/csv; charset=utf-8"),
    "md": (exports.to_markdown, "text/markdown; charset=utf-8"),
    "json": (exports.to_json, "application/json"),
}


def _refuse(message: str, status: int = 401) -> Response:
    response = jsonify(ok=False, error=message)
    response.status_code = status
    return response


def _my_place(code: str) -> tuple[Room, str]:
    """The room and the id of the participant whose token came with the request, or a refusal."""
    room = room_or_404(code)
    person = room.participant_by_token(bearer_secret())
    if person is None:
        abort(_refuse("We couldn't find your place in this event on this device."))
    return room, person.id


def _private(response: Response, filename: str | None = None) -> Response:
    """A response only its requester should keep: never cached, a download if named."""
    response.headers["Cache-Control"] = "no-store"
    if filename:
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/j/<code>/me")
def page(code: str):
    """The printable follow-up page; its script fetches the content with the phone's token."""
    room = room_or_404(code)
    return render_template("followup.html", room=room)


@bp.get("/j/<code>/me.json")
def mine(code: str):
    room, pid = _my_place(code)
    return _private(jsonify(ok=True, **followup(room, pid)))


@bp.get("/j/<code>/contacts.vcf")
def vcards(code: str):
    """The shared contacts of the people this attendee exchanged offers with, as vCards."""
    room, pid = _my_place(code)
    body = exports.to_vcards(shared_contacts(room, pid))
    return _private(Response(body, mimetype="text/vcard; charset=utf-8"),
                    f"contacts-{room.code}.vcf")


# Exempt from CSRF: it is authorised by the token in the Authorization header, which a browser
# never adds by itself to a cross-site request (cookies play no part), so it can't be forged.
@csrf.exempt
@bp.put("/j/<code>/me/contact")
def contact(code: str):
    """Set one's own contact details and consent; saved (and versioned) before the answer."""
    room, pid = _my_place(code)
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return _refuse("That message was malformed.", 400)
    try:
        mine = parse(Contact, data)
        version, saved = change_room(room.code, lambda room, at: contacts.set_contact(
            room, pid, email=mine.email, phone=mine.phone, link=mine.link, share=mine.share,
            share_with_host=mine.share_with_host))
    except RoomError as exc:
        return _refuse(exc.message, 400)
    return {"ok": True, "version": version, "contact": asdict(saved)}


@bp.get("/host/<code>/export.<fmt>")
def export(code: str, fmt: str):
    """The whole event for the host, in CSV, Markdown or JSON."""
    room = room_or_404(code)
    if fmt not in EXPORTS:
        abort(404, "Exports come as .csv, .md or .json.")
    if not room.is_host(bearer_secret()):
        return _refuse("Only the host can export this event.")
    render, mimetype = EXPORTS[fmt]
    body = render(exports.event_record(room, time.time()))
    return _private(Response(body, mimetype=mimetype), f"facilitator-{room.code}.{fmt}")
