"""Socket.IO handlers, one module per area; importing this package registers them all.

Every handler is a few lines: who is asking (`common`), the payload as its typed model
(`facilitator.payloads`), then one core command inside `room_service.change_room`, which saves
the change and broadcasts it.
"""

from . import (  # noqa: F401  (registers them)
    board,
    connections,
    generosity,
    host,
    malformed,
    presence,
    round,
    sessions,
)
