"""Socket.IO handler for the end of an event: the host deletes its data on demand."""

from flask import session

from ..core.errors import RoomError
from ..rooms import delete_room as delete_room_data
from .common import host_room, on


@on("delete_room")
def delete_room(data: dict) -> dict:
    """The host deletes the room and everything in it now; the code confirms which room."""
    code = host_room()
    if data.get("code") != code:
        raise RoomError("To delete this event, confirm it with its code.")
    delete_room_data(code)
    session.update(code=None, pid=None, host=False)
    return {"deleted": code}
