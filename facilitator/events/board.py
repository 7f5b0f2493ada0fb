"""Socket.IO handlers for the board of asks and offers: each one checks who is asking, then hands
the payload to one function of `core.posting` inside `change_room`, so a post is saved before it
is acknowledged and reaches every screen with the room's version."""

from flask import session

from ..core import posting
from ..rooms import change_room
from .common import as_participant, host_room, on, participant


@on("post_ask")
def post_ask(data: dict) -> dict:
    """A participant's ask; from the host's screen, the speaker's ask (or the person `for`)."""
    if session.get("host"):
        version, post_id = change_room(host_room(), lambda r, now, rng: posting.post_ask_for(
            r, data, now))
    else:
        code, pid = participant()
        version, post_id = change_room(code, lambda r, now, rng: posting.post_ask(
            r, pid, data, now))
    return {"version": version, "id": post_id}


@on("post_offer")
def post_offer(data: dict) -> dict:
    code, pid = participant()
    version, post_id = change_room(code, lambda r, now, rng: posting.post_offer(r, pid, data, now))
    return {"version": version, "id": post_id}


@on("edit_post")
def edit_post(data: dict) -> dict:
    return as_participant(lambda r, pid, now: posting.edit_post(r, pid, data, now))


@on("delete_post")
def delete_post(data: dict) -> dict:
    return as_participant(lambda r, pid, now: posting.delete_post(r, pid, data))


@on("take_offer")
def take_offer(data: dict) -> dict:
    return as_participant(lambda r, pid, now: posting.take_offer(r, pid, data))


@on("moderate")
def moderate(data: dict) -> dict:
    """The host hides or restores a post, on every screen at once."""
    version, _ = change_room(host_room(), lambda r, now, rng: posting.moderate(r, data))
    return {"version": version}
