"""Which payload model each client event and each HTTP body is read as: the list the protocol's
schemas (docs/protocol-schemas.md, `schema_doc`) are generated from.

Tests check it against the handlers the server registers and the routes it serves, so an event
or a body can't be added without its entry, nor its entry outlive it.
"""

from dataclasses import dataclass

from . import events, forms
from .base import Payload


@dataclass(frozen=True)
class Entry:
    """One message a client sends: an event's name (or an HTTP route), who sends it, and the
    model its payload is read as (None: it carries nothing; `{}` or no body)."""

    name: str
    who: str
    model: type[Payload] | None


# The `host` event's actions are a union of models of their own (`host.HostAction`).
HOST_EVENT = "host"

EVENTS: tuple[Entry, ...] = (
    Entry("watch", "anyone", events.Watch),
    Entry("join", "a phone", events.Join),
    Entry("follow_tables", "anyone watching", events.FollowTables),
    Entry("sync", "any attached screen", None),
    Entry("sit", "a participant", events.Sit),
    Entry("profile", "a participant", events.Profile),
    Entry("leave", "a participant", None),
    Entry("turn_done", "the speaker", None),
    Entry("turn_pass", "the speaker", None),
    Entry("table_action", "the table host", events.TableAction),
    Entry("time_up", "anyone at the table, or the display", events.TimeUp),
    Entry(HOST_EVENT, "the host", None),
    Entry("post_ask", "a participant", events.PostAsk),
    Entry("post_ask", "the host", events.HostPostAsk),
    Entry("post_offer", "a participant", events.PostOffer),
    Entry("edit_post", "the post's author", events.EditPost),
    Entry("delete_post", "the post's author", events.DeletePost),
    Entry("take_offer", "the author of the ask", events.TakeOffer),
    Entry("moderate", "the host", events.Moderate),
    Entry("delete_room", "the host", events.DeleteRoom),
    Entry("new_host_key", "the host", None),
    Entry("pitch_tap", "a listener", None),
    Entry("raise_hand", "a listener", None),
    Entry("lower_hand", "a participant", None),
    Entry("answer_hand", "the speaker", events.AnswerHand),
    Entry("introduce", "a participant", events.Introduce),
    Entry("intro_respond", "a side of the introduction", events.IntroRespond),
)

# HTTP bodies: JSON unless the entry says a form or a query string (whose numbers are read from
# their digits: docs/protocol.md, "Types").
BODIES: tuple[Entry, ...] = (
    Entry("POST /api/rooms", "anyone (JSON)", forms.CreateRoom),
    Entry("POST /rooms", "the home page's form (form fields, with its CSRF token)",
          forms.CreateRoom),
    Entry("POST /host/<CODE>/again", "the host key", forms.RunAgain),
    Entry("PUT /j/<CODE>/me/contact", "token or mail key", forms.Contact),
    Entry("PUT /j/<CODE>/me/mark", "token or mail key", forms.OfferMark),
    Entry("PUT /j/<CODE>/me/met", "token or mail key", forms.MetMark),
    Entry("PUT /j/<CODE>/me/email", "token or mail key", forms.MailMe),
    Entry("GET /j/<CODE>/me/reminder.ics", "token or mail key (the query string)",
          forms.Reminder),
)
