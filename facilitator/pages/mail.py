"""The unsubscribe link every email carries: a page that asks, and the one-click POST that mail
clients send by themselves (RFC 8058's List-Unsubscribe-Post). The signed token in the link is
its only authority: it stops emails to one person about one event, and nothing else."""

from flask import Blueprint, render_template

from .. import mail
from ..body_limit import small_body
from ..core.commands import mailing
from ..core.errors import RoomError
from ..extensions import csrf
from ..room_service import change_room

bp = Blueprint("mail", __name__)


@bp.get("/mail/unsubscribe/<token>")
def unsubscribe(token: str) -> tuple[str, int]:
    """Ask first: link checkers and previews open links without anyone meaning to."""
    known = mail.read_unsubscribe_token(token) is not None
    return render_template("unsubscribe.html", token=token, known=known, done=False), (
        200 if known else 404)


# No CSRF token: mail clients' one-click unsubscribe posts without one; the signed token in the
# URL authorises it, and the worst a forged post can do is stop someone's emails.
@csrf.exempt
@bp.post("/mail/unsubscribe/<token>")
@small_body
def unsubscribe_now(token: str) -> tuple[str, int]:
    whose = mail.read_unsubscribe_token(token)
    if whose is None:
        return render_template("unsubscribe.html", token=token, known=False, done=False), 404
    code, pid = whose
    try:
        change_room(code, lambda room, at: mailing.unsubscribe(room, pid=pid))
    except RoomError:
        pass  # the event is gone, and the address with it
    mail.forget(code, pid)
    return render_template("unsubscribe.html", token=token, known=True, done=True), 200
