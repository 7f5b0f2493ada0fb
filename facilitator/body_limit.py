"""HTTP request bodies are refused by their declared size, with 413, before a byte is read.

Flask's MAX_CONTENT_LENGTH alone refuses a body only when a view reads it: a route that loads
its room first, or refuses a missing token, did that work for a 300 MB upload anyway, and the
server then read the rest to keep the connection (issue 16.3). So the size is checked before
any view runs, with a smaller limit on routes whose bodies are a few fields (`small_body`), and
the refusal closes the connection so the server need not read what is still coming. A body sent
without a length (chunked) is refused too, with 411: no page of ours sends one, and eventlet
hands the app none of it while gevent hands it all.
"""

from collections.abc import Callable
from typing import TypeVar

from flask import Flask, abort, current_app, request

from .core.errors import N_

TOO_LARGE = N_("That's more than this page accepts.")
NO_LENGTH = N_("Send the request's length (Content-Length) with its body.")
SMALL_BODY_BYTES = 16 * 1024  # a contact, a mark, an email address: a few hundred bytes
V = TypeVar("V", bound=Callable)


def small_body(view: V) -> V:
    """Mark a route whose body is a few short fields: it accepts at most SMALL_BODY_BYTES."""
    view.max_body_bytes = SMALL_BODY_BYTES  # type: ignore[attr-defined]
    return view


def init_app(app: Flask) -> None:
    app.before_request(_refuse_large_bodies)
    app.after_request(_close_after_refusal)


def _refuse_large_bodies() -> None:
    if "chunked" in request.headers.get("Transfer-Encoding", "").lower():
        abort(411, NO_LENGTH)
    view = current_app.view_functions.get(request.endpoint or "")
    limit = getattr(view, "max_body_bytes", current_app.config["MAX_CONTENT_LENGTH"])
    if (request.content_length or 0) > limit:
        abort(413, TOO_LARGE)


def _close_after_refusal(response):
    """A refused body may still be arriving: end the connection rather than read it."""
    if response.status_code in (411, 413):
        response.headers["Connection"] = "close"
    return response
