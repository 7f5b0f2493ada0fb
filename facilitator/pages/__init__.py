"""HTTP pages, one module per family, beside the Socket.IO handlers in `events/`: `home` (create
or join an event), `screens` (the host screen, the phone, the QR code), `followup` (what each
attendee takes home), `host` (the host's exports and summary) and `mail` (the unsubscribe link
every email carries). What they share is in `common`. Each page checks who is asking, reads its
body into a typed model (`facilitator.payloads`), and calls the core; a page that changes a room
goes through `room_service.change_room` like any event.
"""

from flask import Flask

from ..security import TOO_MANY_PAGES, limiter, pages_limit
from . import followup, home, host, mail, screens


def init_app(app: Flask) -> None:
    # The pages named by an event's code, limited per address (issue 16.10; the wrong codes
    # themselves in `code_guesses`)
    for family in (screens, followup, host):
        limiter.limit(pages_limit, error_message=TOO_MANY_PAGES)(family.bp)
    for family in (home, screens, followup, host, mail):
        app.register_blueprint(family.bp)
