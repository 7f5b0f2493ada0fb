"""The board of asks and offers: what people need, what the room gives, and which asks are met.

Posts are asks or offers. An offer answers an ask (and so is *to* its author), is to one person
(offered from the speaker's card), or stands alone. The person an offer is for marks it taken up
(which also lets shared contact details flow: `partners`); an ask with a visible taken-up offer
is met. The host hides posts; a hidden ask hides its offers with it, so
nothing said under it stays on screen. Everything is plain data, and time is passed in.
"""

from dataclasses import dataclass, field
from typing import Any

from ..errors import N_, RoomError, Text, say
from .identity import new_public_id
from .text import clean_bool, clean_id, clean_link, clean_text

ASK, OFFER = "ask", "offer"
OFFER_KINDS = {"help": N_("I can help"), "intro": N_("I know someone"), "resource": N_("Resource")}
TEXT_MAX_LEN, WHO_MAX_LEN = 280, 80
# Labels and refusals that payload models give too (facilitator/payloads), written once here.
ASK_LABEL, OFFER_LABEL = N_("The ask"), N_("Your offer")
WHO_LABEL, LINK_LABEL = N_("The name"), N_("The link")
TAKEN_ASK = N_("Say whether the offer is taken up.")
KIND_ASK = N_("Choose what kind of offer this is.")
HIDDEN_ASK = N_("Say whether to hide or restore the post.")
MAX_POSTS = 1000  # a room is saved whole on every change: keep the document bounded
# One person's share of the board, so a few can't fill it for everyone (issue 16.7).
MAX_POSTS_PER_PERSON = 25
RATE_LIMIT, RATE_WINDOW = 10, 60.0  # at most 10 posts or edits per person in any 60 seconds
# The same post again from the same person within this many seconds is the one they sent,
# sent again by a phone whose answer was lost: a phone waits 8 s for one, then asks its owner
# to try again.
RESENT_WITHIN = 60.0


@dataclass
class Post:
    id: str
    type: str  # ASK or OFFER
    author: str  # participant id
    text: str
    at: float
    kind: str = ""  # offers: a key of OFFER_KINDS
    ask: str | None = None  # offers: the ask it answers
    to: str | None = None  # offers: whom it is for (the ask's author, or a person)
    who: str = ""  # "I know someone": whom, optionally
    link: str = ""  # http(s) only
    taken: bool = False  # offers: the asker took it up
    hidden: bool = False  # by the host
    by_host: bool = False  # asks the host typed for the speaker
    edited: float | None = None
    table: int | None = None  # the table its author sat at when posting
    to_table: int | None = None  # offers to someone: the table they sat at then


def _said(post: Post) -> tuple[object, ...]:
    """What a post says, to tell the same post sent twice."""
    return post.type, post.text, post.kind, post.ask, post.to, post.who, post.link


@dataclass
class Board:
    posts: dict[str, Post] = field(default_factory=dict)
    recent: dict[str, list[float]] = field(default_factory=dict)  # pid -> recent post times

    # --- posting -----------------------------------------------------------------------------

    def add_ask(self, author: str, text: object, now: float, *, by_host: bool = False,
                table: int | None = None) -> Post:
        """A new ask; the host's asks for the speaker are not rate limited."""
        post = Post(new_public_id(), ASK, author, clean_ask_text(text), now, by_host=by_host,
                    table=table)
        return self._add(post) if by_host else self._add_own(post)

    def add_offer(self, author: str, kind: object, text: object, now: float, *,
                  ask_id: object = None, to: str | None = None, who: object = "",
                  link: object = "", tables: dict[str, int] | None = None) -> Post:
        """A new offer, answering `ask_id`, to the person `to`, or to the whole room; `tables`
        says where people sit, to note the tables it went between."""
        kind = clean_offer_kind(kind)
        if ask_id is not None:
            ask = self.visible_post(ask_id, ASK)
            ask_id, to = ask.id, ask.author
        if to == author:
            raise RoomError(N_("That's your own ask: offers come from the others."))
        seats = tables or {}
        post = Post(new_public_id(), OFFER, author, clean_offer_text(text), now, kind=kind,
                    ask=ask_id, to=to, who=clean_who(who), link=clean_link(link, LINK_LABEL),
                    table=seats.get(author), to_table=seats.get(to) if to else None)
        return self._add_own(post)

    def edit(self, post_id: object, author: str, now: float, *, text: object,
             who: object = "", link: object = "") -> list[str]:
        """The author rewrites their post; returns the ids whose view changed."""
        post = self._own(post_id, author)
        if not self.visible(post):
            raise RoomError(N_("The host has hidden that post."))
        changes = {"text": clean_ask_text(text) if post.type == ASK else clean_offer_text(text)}
        if post.type == OFFER:
            changes["who"] = clean_who(who)
            changes["link"] = clean_link(link, LINK_LABEL)
        self._count_post(author, now)
        for key, value in changes.items():
            setattr(post, key, value)
        post.edited = now
        return self._with_ask(post)

    def delete(self, post_id: object, author: str) -> list[str]:
        """The author removes their post; returns the ids whose view changed."""
        return self._drop(self._own(post_id, author))

    def remove(self, post_id: object) -> list[str]:
        """The host removes any post, hidden or not, freeing its place on the board."""
        return self._drop(self._find(post_id))

    def remove_by(self, author: str) -> list[str]:
        """Every post `author` made, gone (the host removed them from the event)."""
        touched: list[str] = []
        for post in [p for p in self.posts.values() if p.author == author]:
            if post.id in self.posts:
                touched += self._drop(post)
        return touched

    def _drop(self, post: Post) -> list[str]:
        """Offers that answered a deleted ask stay, to its author; those hidden with it stay
        hidden, in their own right, until the host restores them."""
        touched = self._with_ask(post)
        for offer in self._offers_on(post.id):
            offer.hidden = offer.hidden or post.hidden
            offer.ask, offer.taken = None, False
            touched.append(offer.id)
        del self.posts[post.id]
        return touched

    def take(self, offer_id: object, pid: str, taken: object) -> list[str]:
        """The person an offer is for (on their ask, or to them) takes it up, or not any more."""
        taken = clean_bool(taken, TAKEN_ASK)
        offer = self.visible_post(offer_id, OFFER)
        if offer.to != pid:
            raise RoomError(N_("Only the person an offer is for can take it up."))
        offer.taken = taken
        return self._with_ask(offer)

    def moderate(self, post_id: object, hidden: object) -> list[str]:
        """The host hides or restores a post; an ask's offers appear and vanish with it."""
        hidden = clean_bool(hidden, HIDDEN_ASK)
        post = self._find(post_id)
        post.hidden = hidden
        return self._with_ask(post) + [o.id for o in self._offers_on(post.id)]

    # --- reading -----------------------------------------------------------------------------

    def visible(self, post: Post) -> bool:
        """Whether the room sees this post: not hidden, and not under a hidden ask."""
        return not post.hidden and (post.ask is None or not self.posts[post.ask].hidden)

    def visible_post(self, post_id: object, kind: str) -> Post:
        """A post of this type the room can see, or a refusal."""
        post = self.posts.get(clean_id(post_id, gone(kind)))
        if post is None or post.type != kind or not self.visible(post):
            raise RoomError(gone(kind))
        return post

    def met(self, ask: Post) -> bool:
        return any(o.taken and self.visible(o) for o in self._offers_on(ask.id))

    def public(self, post_id: str) -> dict[str, Any] | None:
        """A post as every screen shows it; None when it is gone or hidden."""
        post = self.posts.get(post_id)
        return self._view(post) if post is not None and self.visible(post) else None

    def moderated(self, post_id: str) -> dict[str, Any] | None:
        """A post the host sees but the room doesn't (to restore it); None otherwise."""
        post = self.posts.get(post_id)
        return self._view(post) if post is not None and not self.visible(post) else None

    def counts(self) -> dict[str, Any]:
        """The board's headline: "asks met: 7 of 9"."""
        asks = [p for p in self.posts.values() if p.type == ASK and self.visible(p)]
        return {"asks": len(asks), "met": sum(self.met(a) for a in asks),
                "offers": sum(p.type == OFFER and self.visible(p) for p in self.posts.values())}

    def shown(self, kind: str) -> list[Post]:
        """Visible posts of one type, oldest first."""
        return sorted((p for p in self.posts.values() if p.type == kind and self.visible(p)),
                      key=lambda p: p.at)

    def waiting(self) -> list[str]:
        """Ids of the asks no visible offer has answered yet, oldest first: the gaps to fill."""
        answered = {o.ask for o in self.shown(OFFER) if o.ask}
        return [a.id for a in self.shown(ASK) if a.id not in answered]

    # --- internals -----------------------------------------------------------------------------

    def _view(self, post: Post) -> dict[str, Any]:
        view = {k: v for k, v in vars(post).items() if k != "edited"}
        view["edited"] = post.edited is not None
        if post.type == ASK:
            view["met"] = self.met(post)
        return view

    def _add_own(self, post: Post) -> Post:
        """A person's own post, counted against their rate; or, if they sent the same a moment
        ago, that one (`RESENT_WITHIN`)."""
        last = next((p for p in reversed(self.posts.values()) if p.author == post.author), None)
        if last is not None and post.at - last.at < RESENT_WITHIN and _said(last) == _said(post):
            return last
        self._count_post(post.author, post.at)
        return self._add(post)

    def _add(self, post: Post) -> Post:
        if len(self.posts) >= MAX_POSTS:
            raise RoomError(N_("The board is full."))
        if not post.by_host and sum(p.author == post.author
                                    for p in self.posts.values()) >= MAX_POSTS_PER_PERSON:
            raise RoomError(say("You have %(max)s posts on the board, as many as one person may: "
                                "delete one to post another.", max=MAX_POSTS_PER_PERSON))
        self.posts[post.id] = post
        return post

    def _count_post(self, pid: str, now: float) -> None:
        """A sliding window over the person's recent posts: refuse once it is full."""
        times = [t for t in self.recent.get(pid, []) if t > now - RATE_WINDOW]
        if len(times) >= RATE_LIMIT:
            wait = max(1, round(times[0] + RATE_WINDOW - now))
            raise RoomError(say("You're posting very fast: please wait %(wait)s s and try again.",
                                wait=wait))
        self.recent[pid] = [*times, now]

    def _find(self, post_id: object) -> Post:
        post = self.posts.get(clean_id(post_id, gone("post")))
        if post is None:
            raise RoomError(gone("post"))
        return post

    def _own(self, post_id: object, author: str) -> Post:
        post = self._find(post_id)
        if post.author != author:
            raise RoomError(N_("You can only change your own posts."))
        return post

    def _offers_on(self, ask_id: str) -> list[Post]:
        return [p for p in self.posts.values() if p.type == OFFER and p.ask == ask_id]

    def _with_ask(self, post: Post) -> list[str]:
        """A post's id, and its ask's: an offer's change can change whether the ask is met."""
        return [post.id] + ([post.ask] if post.ask else [])

    def to_dict(self) -> dict[str, Any]:
        # Not `asdict`, which deep-copies: a post's fields are all immutable, and the board is
        # saved on every change (docs/benchmarks.md, change 9).
        return {"posts": [dict(vars(p)) for p in self.posts.values()], "recent": self.recent}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Board":
        return cls(posts={p["id"]: Post(**p) for p in data["posts"]}, recent=data["recent"])


GONE = {"ask": N_("That ask is no longer on the board."),
        "offer": N_("That offer is no longer on the board."),
        "post": N_("That post is no longer on the board.")}


def gone(kind: str) -> Text:
    """The refusal for a post (an ask, an offer) that is not, or no longer, on the board."""
    return GONE.get(kind, GONE["post"])


def clean_offer_kind(value: object) -> str:
    if not isinstance(value, str) or value not in OFFER_KINDS:
        raise RoomError(KIND_ASK)
    return value


def clean_ask_text(value: object) -> str:
    return clean_text(value, ASK_LABEL, TEXT_MAX_LEN)


def clean_offer_text(value: object) -> str:
    return clean_text(value, OFFER_LABEL, TEXT_MAX_LEN)


def clean_who(value: object) -> str:
    return clean_text(value, WHO_LABEL, WHO_MAX_LEN, required=False)
