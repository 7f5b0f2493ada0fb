"""The board's changes as people in a room make them: who may, and what each change touched.

`Board` knows the rules of posts; this module adds the room's: only people still at the table
post, the host types asks for the speaker, an offer goes to someone who is in the room. Every
function records what it touched so the broadcast carries just that. The edges (Socket.IO
handlers, the contact route) pass the payload as it came; it is checked here like any input.
"""

from .contacts import Contact, clean_contact
from .errors import RoomError
from .participants import REMOVED
from .room import Room


def _touched(room: Room, post_ids: list[str]) -> None:
    for post_id in post_ids:
        room.changes.touch_item("posts", post_id)
    room.changes.touch("board")


def _person(room: Room, pid: object) -> str:
    """Someone the room knows and hasn't removed (they may have stepped out)."""
    person = room.participants.get(pid) if isinstance(pid, str) else None
    if person is None or person.status == REMOVED:
        raise RoomError("That person is not in this room.")
    return person.id


def post_ask(room: Room, pid: str, data: dict, now: float) -> str:
    """A participant posts what they need help with; returns the new post's id."""
    room.member(pid)
    post = room.board.add_ask(pid, data.get("text"), now)
    _touched(room, [post.id])
    return post.id


def post_ask_for(room: Room, data: dict, now: float) -> str:
    """The host types an ask for the speaker (or for the person `for`); it is theirs to edit."""
    pid = data.get("for") or room.turns.current
    if pid is None:
        raise RoomError("Nobody is speaking: choose whose ask this is.")
    room.member(_person(room, pid))
    post = room.board.add_ask(pid, data.get("text"), now, by_host=True)
    _touched(room, [post.id])
    return post.id


def post_offer(room: Room, pid: str, data: dict, now: float) -> str:
    """An offer answering `ask`, to the person `to`, or to the whole room."""
    room.member(pid)
    to = data.get("to")
    post = room.board.add_offer(
        pid, data.get("kind"), data.get("text"), now, ask_id=data.get("ask"),
        to=None if to is None else _person(room, to), who=data.get("who"), link=data.get("link"))
    _touched(room, [post.id])
    return post.id


def edit_post(room: Room, pid: str, data: dict, now: float) -> None:
    room.member(pid)
    _touched(room, room.board.edit(data.get("id"), pid, now, text=data.get("text"),
                                   who=data.get("who"), link=data.get("link")))


def delete_post(room: Room, pid: str, data: dict) -> None:
    room.member(pid)
    _touched(room, room.board.delete(data.get("id"), pid))


def take_offer(room: Room, pid: str, data: dict) -> None:
    room.member(pid)
    _touched(room, room.board.take(data.get("id"), pid, data.get("taken", True)))


def moderate(room: Room, data: dict) -> None:
    """The host hides (`hidden: true`) or restores a post; only the host's handler calls this."""
    _touched(room, room.board.moderate(data.get("id"), data.get("hidden")))


def set_contact(room: Room, pid: str, data: dict) -> Contact:
    """Someone's own contact details and consent; works after they've left, for follow-up."""
    contact = clean_contact(data.get("email"), data.get("phone"), data.get("link"),
                            data.get("share", False), data.get("share_with_host", False))
    room.contacts.set_for(_person(room, pid), contact)
    room.changes.touch_private()
    return contact
