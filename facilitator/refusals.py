"""Every HTTP refusal in its reader's language: a page that says what to do for a person who
opened an address, `{"ok": false, "error"}` for a page's script or a client of the JSON API.

A script read a page of HTML as no answer at all: a follow-up page whose event had been deleted
said "Couldn't save just now. Please try again." And the refusals Werkzeug words itself (an
address that doesn't exist, a form's address opened as a page) were in English, whatever the
reader's language.
"""

from flask import Flask, Response, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from .core.errors import N_, Text
from .i18n import translate

API_PREFIX = "/api/"  # routes for clients that are not a page of ours: JSON in, JSON out
NOT_FOUND = N_("That page doesn't exist.")
HEADINGS = {403: N_("Not from here"), 404: N_("We couldn't find that"),
            405: N_("We couldn't find that"), 411: N_("Too much at once"),
            413: N_("Too much at once"), 429: N_("One moment, please")}
# What to say when the refusal has no words of ours: a page only a form or a script sends to
# is, to someone who opens it, a page that doesn't exist.
UNWORDED = {404: NOT_FOUND, 405: NOT_FOUND}


def bearer_secret() -> str | None:
    """The token or host key a page's script sent in `Authorization: Bearer`, never a URL."""
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    return secret.strip() if scheme.lower() == "bearer" and secret.strip() else None


def answers_in_json() -> bool:
    """Whether the request comes from a client of the JSON API, or from a page's script: only
    scripts send a Bearer secret, as no browser adds one to an address it opens."""
    return request.path.startswith(API_PREFIX) or bearer_secret() is not None


def refuse(message: str, status: int = 401) -> Response:
    """A JSON refusal for a page's script: `{"ok": false, "error": message}`."""
    response = jsonify(ok=False, error=translate(message))
    response.status_code = status
    return response


def refused(error: HTTPException) -> ResponseReturnValue:
    """The refusal `error` in the reader's language, with our reason when it has one."""
    code = error.code or 500
    reason = error.description if isinstance(error.description, Text) else UNWORDED.get(code)
    return _page_or_json(reason or error.name, HEADINGS.get(code, error.name), code)


def _expired_form(error: CSRFError) -> ResponseReturnValue:
    return _page_or_json(N_("This form has expired. Please reload the page and try again."),
                         N_("Please try again"), 400)


def _page_or_json(message: str, heading: str, code: int) -> ResponseReturnValue:
    if answers_in_json():
        return refuse(message, code)
    return render_template("refused.html", message=translate(message),
                           heading=translate(heading)), code


def init_app(app: Flask) -> None:
    for code in HEADINGS:
        app.register_error_handler(code, refused)
    app.register_error_handler(CSRFError, _expired_form)
