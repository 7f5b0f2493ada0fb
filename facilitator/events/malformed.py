"""The handler of messages the server can't read (`serving.TextPacket`): a client's event that
is not JSON, or nests deeper than any payload may, arrives as the event `malformed`.

It is refused like any bad payload, counted against the connection's limits like any event, and
logged once per connection: one connection flooding them fills neither the log nor the CPU.
"""

import logging

from flask import request, session

from ..core.errors import RoomError
from ..payloads.base import MALFORMED
from ..serving import MALFORMED_EVENT
from .common import on

log = logging.getLogger(__name__)


@on(MALFORMED_EVENT)
def malformed(data: dict) -> dict:
    if not session.get("malformed_logged"):
        session["malformed_logged"] = True
        log.warning("connection %s sent a message that is not JSON or nests too deep; "
                    "no more are logged for it", getattr(request, "sid", "?"))
    raise RoomError(MALFORMED)
