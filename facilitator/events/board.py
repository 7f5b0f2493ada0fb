"""Socket.IO handlers for the board of asks and offers: each checks who is asking, reads the
payload into its model, then runs one command of `core.commands.board` inside `change_room`, so
a post is saved before it is acknowledged and reaches every screen with the room's version."""

from flask import session

from ..core.commands import board
from ..payloads import parse
from ..payloads.events import (
    DeletePost,
    EditPost,
    HostPostAsk,
    Moderate,
    PostAsk,
    PostOffer,
    TakeOffer,
)
from ..room_service import change_room
from .common import acked, host_room, on, participant


@on("post_ask")
def post_ask(data: dict) -> dict:
    """A participant's ask; from the host's screen, the speaker's ask (or the person `for`)."""
    if session.get("host"):
        code = host_room()
        ask = parse(HostPostAsk, data)
        changed = change_room(code, lambda room, at: board.post_ask_for(
            room, for_pid=ask.for_pid, text=ask.text, now=at.now))
    else:
        code, pid = participant()
        mine = parse(PostAsk, data)
        changed = change_room(code, lambda room, at: board.post_ask(
            room, pid, text=mine.text, now=at.now))
    return {**acked(changed), "id": changed[1]}


@on("post_offer")
def post_offer(data: dict) -> dict:
    code, pid = participant()
    offer = parse(PostOffer, data)
    changed = change_room(code, lambda room, at: board.post_offer(
        room, pid, kind=offer.kind, text=offer.text, ask=offer.ask, to=offer.to, who=offer.who,
        link=offer.link, now=at.now))
    return {**acked(changed), "id": changed[1]}


@on("edit_post")
def edit_post(data: dict) -> dict:
    code, pid = participant()
    edit = parse(EditPost, data)
    return acked(change_room(code, lambda room, at: board.edit_post(
        room, pid, post_id=edit.post_id, text=edit.text, who=edit.who, link=edit.link,
        now=at.now)))


@on("delete_post")
def delete_post(data: dict) -> dict:
    code, pid = participant()
    post_id = parse(DeletePost, data).post_id
    return acked(change_room(code, lambda room, at: board.delete_post(room, pid, post_id=post_id)))


@on("take_offer")
def take_offer(data: dict) -> dict:
    code, pid = participant()
    take = parse(TakeOffer, data)
    return acked(change_room(code, lambda room, at: board.take_offer(
        room, pid, offer_id=take.offer_id, taken=take.taken)))


@on("moderate")
def moderate(data: dict) -> dict:
    """The host hides or restores a post, on every screen at once."""
    code = host_room()
    post = parse(Moderate, data)
    return acked(change_room(code, lambda room, at: board.moderate(
        room, post_id=post.post_id, hidden=post.hidden)))
