"""What pages share: the room a URL names, private responses, the join URL the QR code and the
display show, and QR codes themselves (who is asking, and refusals: `facilitator.refusals`).

Secrets never travel in a URL (URLs end up in logs, history and screenshots): pages that need
one load without it, then their scripts send the participant token or the host key in an
`Authorization: Bearer` header and render the JSON or download the file themselves.
"""

import io
from collections.abc import Callable, Mapping

import segno
from flask import Response, abort, current_app, request, url_for

from ..code_guesses import TooManyMisses, looked_up
from ..core.errors import RoomError
from ..core.state.room import Room
from ..room_service import load_event, load_room
from .public_url import base_url


def room_or_404(code: str) -> Room:
    """The room, or the not-found page with the reason (mistyped or expired code), or 429 for
    an address that guessed too many codes (`code_guesses`)."""
    return _found(lambda: load_room(code))


def event_or_404(code: str) -> Room:
    """The whole event, every table loaded (for what counts over all of it), or not found."""
    return _found(lambda: load_event(code))


def _found(load: Callable[[], Room]) -> Room:
    try:
        return looked_up(load)
    except TooManyMisses as exc:
        abort(429, exc.message)
    except RoomError as exc:
        abort(404, exc.message)


def private(response: Response, filename: str | None = None) -> Response:
    """A response only its requester should keep: never cached, a download if named."""
    response.headers["Cache-Control"] = "no-store"
    if filename:
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def public_url(path: str) -> str:
    """An address of ours that works from other devices (a phone, a mail client): PUBLIC_URL's,
    or this request's, or the LAN address (see `public_url.base_url`)."""
    return base_url(current_app.config["PUBLIC_URL"], request.host_url) + path


def qr_svg(text: str, title: str) -> bytes:
    """`text` as an SVG QR code, dark on light whatever the screen's theme."""
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="svg", scale=10, border=2, dark="#111",
                                     light="#fff", xmldecl=False, svgclass="qr", title=title)
    return out.getvalue()


def join_url(code: str) -> str:
    """The URL in the QR code and on the host screen."""
    return public_url(url_for("screens.phone", code=code))


def as_body(fields: Mapping[str, str], *numbers: str) -> dict[str, object]:
    """A form's or a query string's fields as the JSON body they stand for. Browsers send every
    field as text, so the fields named in `numbers` are read as the whole numbers their digits
    write; anything else stays text, which the model refuses as it refuses text from any client
    (docs/protocol.md, "Types")."""
    body: dict[str, object] = dict(fields)
    for name in numbers:
        value = fields.get(name, "").strip()
        if value.isascii() and value.isdigit():
            body[name] = int(value)
    return body
