"""The host's tools against someone griefing the event with a script (issue 16.7): close the
event to newcomers, remove everyone who joined in the last minutes (and what they posted), and
delete any post. Removed people's tokens stop working for good (`people.remove`), and nobody
new gets in while the event is closed, so a removed bot can't simply take its seat again."""

from ..sections import Collection, Section
from ..state import identity
from ..state.participants import HERE, LEFT, MAX_RECENT_MINUTES, RECENT_LABEL
from ..state.room import LOCK_ASK, NEW_CODE_ASK, Room
from ..state.text import clean_bool, clean_int
from . import people


def lock(room: Room, *, locked: bool, new_code: bool = False) -> None:
    """Close the event to new joins (with `new_code`, to all but latecomers given a new code,
    a fresh one each time), or open it again to anyone with its code."""
    room.require_open()
    room.locked = clean_bool(locked, LOCK_ASK)
    new_code = clean_bool(new_code, NEW_CODE_ASK) and room.locked
    room.latecomers_key = identity.new_latecomers_key() if new_code else None
    room.changes.touch(Section.ROOM)
    room.changes.touch(Section.LATECOMERS)


def remove_recent(room: Room, *, minutes: int, posts: bool = True, now: float) -> list[str]:
    """Remove everyone who joined in the last `minutes` (and, with `posts`, everything they
    posted); returns who was removed."""
    minutes = clean_int(minutes, RECENT_LABEL, 1, MAX_RECENT_MINUTES)
    since = now - minutes * 60
    gone = [pid for pid, p in room.participants.items()
            if p.joined_at >= since and p.status in (HERE, LEFT)]
    for pid in gone:
        people.remove(room, pid=pid, now=now)
        if posts:
            _touched(room, room.board.remove_by(pid))
    return gone


def delete_post(room: Room, *, post_id: str) -> None:
    """The host deletes any post, hidden or not: unlike hiding, this frees its place."""
    _touched(room, room.board.remove(post_id))


def _touched(room: Room, post_ids: list[str]) -> None:
    for post_id in post_ids:
        room.changes.touch_item(Collection.POSTS, post_id)
    if post_ids:
        room.changes.touch(Section.BOARD)
