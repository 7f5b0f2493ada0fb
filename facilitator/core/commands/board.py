"""The board's changes as people in a room make them: who may, and what each change touched.

`Board` knows the rules of posts; these add the room's: only people still at the event post,
the host types asks for the speaker, an offer goes to anyone at the event, at any table. Each
post notes the tables it came from and went to, to filter the board by table and count the
help that crossed tables. Every command
records what it touched so the broadcast carries just that.
"""

from ..errors import N_, RoomError
from ..sections import Collection, Section
from ..state.room import Room


def post_ask(room: Room, pid: str, *, text: str, now: float) -> str:
    """A participant posts what they need help with; returns the new post's id."""
    room.member(pid)
    post = room.board.add_ask(pid, text, now, table=room.layout.seats.get(pid))
    _touched(room, [post.id])
    return post.id


def post_ask_for(room: Room, *, for_pid: str | None = None, text: str, now: float) -> str:
    """The host types an ask for the speaker (or for the person `for_pid`); it is theirs to
    edit."""
    if for_pid is None and room.layout.count > 1:
        raise RoomError(N_("Choose whose ask this is."))
    pid = for_pid or room.table(1).turns.current
    if pid is None:
        raise RoomError(N_("Nobody is speaking: choose whose ask this is."))
    room.member(room.known(pid).id)
    post = room.board.add_ask(pid, text, now, by_host=True, table=room.layout.seats.get(pid))
    _touched(room, [post.id])
    return post.id


def post_offer(room: Room, pid: str, *, kind: str, text: str, ask: str | None = None,
               to: str | None = None, who: str = "", link: str = "", now: float) -> str:
    """An offer answering `ask`, to the person `to`, or to the whole room."""
    room.member(pid)
    post = room.board.add_offer(pid, kind, text, now, ask_id=ask,
                                to=None if to is None else room.known(to).id, who=who, link=link,
                                tables=room.layout.seats)
    _touched(room, [post.id])
    return post.id


def edit_post(room: Room, pid: str, *, post_id: str, text: str, who: str = "", link: str = "",
              now: float) -> None:
    room.member(pid)
    _touched(room, room.board.edit(post_id, pid, now, text=text, who=who, link=link))


def delete_post(room: Room, pid: str, *, post_id: str) -> None:
    room.member(pid)
    _touched(room, room.board.delete(post_id, pid))


def take_offer(room: Room, pid: str, *, offer_id: str, taken: bool = True) -> None:
    room.member(pid)
    _touched(room, room.board.take(offer_id, pid, taken))


def moderate(room: Room, *, post_id: str, hidden: bool) -> None:
    """The host hides or restores a post; only the host's handler calls this."""
    _touched(room, room.board.moderate(post_id, hidden))


def _touched(room: Room, post_ids: list[str]) -> None:
    for post_id in post_ids:
        room.changes.touch_item(Collection.POSTS, post_id)
    room.changes.touch(Section.BOARD)
