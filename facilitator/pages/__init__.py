"""HTTP pages, one module per family, beside the Socket.IO handlers in `events/`: `home` (create
or join an event), `screens` (the host screen, the phone, the QR code), `followup` (what each
attendee takes home), `host` (the host's exports and summary) and `mail` (the unsubscribe link
every email carries). What they share is in `common`. Each page checks who is asking, reads its
body into a typed model (`facilitator.payloads`), and calls the core; a page that changes a room
goes through `room_service.change_room` like any event.
"""

from flask import Flask

from ..core.views.mail import day
from . import common, followup, home, host, mail, screens


def init_app(app: Flask) -> None:
    for family in (home, screens, followup, host, mail):
        app.register_blueprint(family.bp)
    app.register_error_handler(404, common.not_found)
    app.add_template_filter(day, "day")
