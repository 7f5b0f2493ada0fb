"""The host's key. A new one revokes the old: a phone the console was handed to (by its private
QR code), a laptop left behind. The key is returned once and kept only as a digest."""

from ..sections import Section
from ..state import identity
from ..state.room import Room


def new_host_key(room: Room) -> str:
    """Replace the host key; returns the new one, for the console that asked."""
    key = identity.new_token()
    room.host_digest = identity.digest(key)
    # Saved like any change: the room's version moves, and its public part says nothing new.
    room.changes.touch(Section.ROOM)
    return key
