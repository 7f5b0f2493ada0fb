"""What people take home: each attendee's follow-up page, their vCards, their contact details,
their marks of how the help went, a calendar reminder, and (with SMTP_URL) their link by email.

The page carries no secret; its script sends the phone's token, or the key of the link they were
emailed, in an `Authorization: Bearer` header (see `common`).
"""

import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any, TypeVar

from flask import Blueprint, Response, abort, jsonify, render_template, request, url_for

from .. import mail
from ..body_limit import small_body
from ..core.commands import contacts, followthrough, mailing
from ..core.errors import N_, RoomError
from ..core.state.room import Room
from ..core.views import calendar, exports
from ..core.views.followup import followup, shared_contacts
from ..extensions import csrf
from ..i18n import readers_language, translate
from ..payloads import Payload, parse
from ..payloads.base import MALFORMED
from ..payloads.forms import Contact, MailMe, MetMark, OfferMark, Reminder
from ..refusals import bearer_secret, refuse
from ..room_service import At, change_room
from .common import as_body, private, public_url, room_or_404

bp = Blueprint("followup", __name__)
MAIL_OFF = N_("Email isn't set up for this event.")
P = TypeVar("P", bound=Payload)


def _my_place(code: str) -> tuple[Room, str]:
    """The room and the id of the participant whose token (or emailed link's key) came with the
    request, or a refusal."""
    room = room_or_404(code)
    person = room.follower(bearer_secret())
    if person is None:
        abort(refuse(N_("We couldn't find your place in this event on this device.")))
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
    body = exports.to_vcards(shared_contacts(room, pid, translate))
    return private(Response(body, content_type="text/vcard; charset=utf-8"),
                   f"contacts-{room.code}.vcf")


@bp.get("/j/<code>/me/reminder.ics")
def reminder(code: str) -> Response:
    """A calendar reminder to follow up, `?days=` after the event (a week by default)."""
    room, pid = _my_place(code)
    try:
        days = parse(Reminder, as_body(request.args.to_dict(), "days")).days
    except RoomError as exc:
        return refuse(exc.message, 400)
    body = calendar.reminder(room, pid, url=public_url(url_for("followup.page", code=room.code)),
                             days=days, now=time.time(), words=translate)
    return private(Response(body, content_type="text/calendar; charset=utf-8"),
                   f"follow-up-{room.code}.ics")


# These are exempt from CSRF: they are authorised by the token in the Authorization header, which
# a browser never adds by itself to a cross-site request (cookies play no part), so they can't be
# forged.
@csrf.exempt
@bp.put("/j/<code>/me/contact")
@small_body
def contact(code: str) -> Response | dict:
    """Set one's own contact details and consent; saved (and versioned) before the answer."""
    def change(room: Room, pid: str, mine: Contact, at: At) -> dict[str, Any]:
        return {"contact": asdict(contacts.set_contact(
            room, pid, email=mine.email, phone=mine.phone, link=mine.link, share=mine.share,
            share_with_host=mine.share_with_host))}
    return _change_mine(code, Contact, change)


@csrf.exempt
@bp.put("/j/<code>/me/mark")
@small_body
def mark(code: str) -> Response | dict:
    """Say how an offer one made or received went."""
    def change(room: Room, pid: str, said: OfferMark, at: At) -> None:
        followthrough.mark_offer(room, pid, offer_id=said.offer, mark=said.mark, now=at.now)
    return _change_mine(code, OfferMark, change)


@csrf.exempt
@bp.put("/j/<code>/me/met")
@small_body
def met(code: str) -> Response | dict:
    """Say that an introduction one was part of led to a meeting."""
    def change(room: Room, pid: str, said: MetMark, at: At) -> None:
        followthrough.mark_met(room, pid, offer_id=said.offer, met=said.met, now=at.now)
    return _change_mine(code, MetMark, change)


@csrf.exempt
@bp.put("/j/<code>/me/email")
@small_body
def mail_me(code: str) -> Response | dict:
    """Email me this page's link now (and, if asked, one reminder a week after the event)."""
    if not mail.enabled():
        return refuse(MAIL_OFF, 404)

    saved: list[tuple[str, str, float | None]] = []  # (room, who, when it ended), once saved

    def change(room: Room, pid: str, asked: MailMe, at: At) -> dict[str, Any]:
        subscriber = mailing.subscribe(room, pid, email=asked.email, reminder=asked.reminder,
                                       language=readers_language())
        saved[:] = [(room.code, pid, room.ended_at)]
        return {"email": subscriber.email, "reminder": subscriber.reminder}
    answer = _change_mine(code, MailMe, change)
    if isinstance(answer, dict):  # saved: now queue what it asked for, sent in the background
        [(room_code, pid, ended_at)] = saved
        mail.queue_link(room_code, pid, reminder=answer["reminder"], ended_at=ended_at,
                        now=time.time())
    return answer


@csrf.exempt
@bp.delete("/j/<code>/me/email")
def stop_mail(code: str) -> dict:
    """Forget my address: nothing more is sent."""
    room, pid = _my_place(code)
    saved, _ = change_room(room.code, lambda room, at: mailing.unsubscribe(room, pid=pid))
    mail.forget(room.code, pid)
    return {"ok": True, "version": saved.version}


def _change_mine(code: str, model: type[P],
                 change: Callable[[Room, str, P, At], dict[str, Any] | None]) -> Response | dict:
    """Read the JSON body as `model` and apply `change` as the token's owner, through the one
    write path; answers `{"ok", "version", ...what change returned}` or a refusal."""
    room, pid = _my_place(code)
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return refuse(MALFORMED, 400)
    try:
        said = parse(model, data)
        saved, result = change_room(room.code, lambda room, at: change(room, pid, said, at))
    except RoomError as exc:
        return refuse(exc.message, 400)
    return {"ok": True, "version": saved.version, **(result or {})}
