"""What people take home: each attendee's follow-up page, their vCards, their contact details.

The page carries no secret; its script sends the phone's token in an `Authorization: Bearer`
header (see `common`).
"""

from dataclasses import asdict

from flask import Blueprint, Response, abort, jsonify, render_template, request

from ..core.commands import contacts
from ..core.errors import RoomError
from ..core.state.room import Room
from ..core.views import exports
from ..core.views.followup import followup, shared_contacts
from ..extensions import csrf
from ..payloads import parse
from ..payloads.forms import Contact
from ..room_service import change_room
from .common import bearer_secret, private, refuse, room_or_404

bp = Blueprint("followup", __name__)


def _my_place(code: str) -> tuple[Room, str]:
    """The room and the id of the participant whose token came with the request, or a refusal."""
    room = room_or_404(code)
    person = room.participant_by_token(bearer_secret())
    if person is None:
        abort(refuse("We couldn't find your place in this event on this device."))
    return room, person.id


@bp.get("/j/<code>/me")
def page(code: str) -> str:
    """The printable follow-up page; its script fetches the content with the phone's token."""
    return render_template("followup.html", room=room_or_404(code))


@bp.get("/j/<code>/me.json")
def mine(code: str) -> Response:
    room, pid = _my_place(code)
    return private(jsonify(ok=True, **followup(room, pid)))


@bp.get("/j/<code>/contacts.vcf")
def vcards(code: str) -> Response:
    """The shared contacts of the people this attendee exchanged offers with, as vCards."""
    room, pid = _my_place(code)
    body = exports.to_vcards(shared_contacts(room, pid))
    return private(Response(body, mimetype="text/vcard; charset=utf-8"),
                   f"contacts-{room.code}.vcf")


# Exempt from CSRF: it is authorised by the token in the Authorization header, which a browser
# never adds by itself to a cross-site request (cookies play no part), so it can't be forged.
@csrf.exempt
@bp.put("/j/<code>/me/contact")
def contact(code: str) -> Response | dict:
    """Set one's own contact details and consent; saved (and versioned) before the answer."""
    room, pid = _my_place(code)
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return refuse("That message was malformed.", 400)
    try:
        mine = parse(Contact, data)
        version, saved = change_room(room.code, lambda room, at: contacts.set_contact(
            room, pid, email=mine.email, phone=mine.phone, link=mine.link, share=mine.share,
            share_with_host=mine.share_with_host))
    except RoomError as exc:
        return refuse(exc.message, 400)
    return {"ok": True, "version": version, "contact": asdict(saved)}
