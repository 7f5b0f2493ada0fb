"""Web hardening in one place: security headers, allowed origins, rate limits, proxies.

Bound in `create_app` with `init_app(app)` after Socket.IO, so a proxy fix also reaches the
Socket.IO middleware; `socketio_options(app)` gives Socket.IO the same origin rule as HTTP.
"""

import functools
import time
from collections.abc import Callable
from urllib.parse import urlsplit

from flask import (
    Flask,
    Response,
    abort,
    current_app,
    request,
    session,
)
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_talisman import Talisman
from limits import RateLimitItem, parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from werkzeug.middleware.proxy_fix import ProxyFix

from .core.errors import N_, RoomError
from .trusted_hosts import only_trusted_hosts, trusted_names

# Scripts and styles only from our own files: a name typed as <script> can never run.
CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",  # and this host's ws: and wss: (`_connect_to_own_origin`)
    "object-src": "'none'",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
PERMISSIONS = {"camera": "()", "microphone": "()", "geolocation": "()", "browsing-topics": "()"}
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
TOO_MANY_EVENTS = N_("Too many new events from your network just now. Please wait a minute.")
TOO_FAST = N_("You're sending messages too fast. Please wait a moment and try again.")
TOO_MANY_JOINS = N_("Lots of people just joined from your network. "
                    "Please wait a minute and try again.")
TOO_MANY_EXPORTS = N_("That was asked for several times just now. Please wait a minute.")
TOO_MANY_MOVES = N_("You just changed tables. Please wait a minute before changing again.")
TOO_MUCH_RESEATING = N_("The tables were just rearranged. "
                        "Please wait a minute before doing it again.")
TOO_MANY_PAGES = N_("Lots of pages were opened from your network just now. Please wait a minute.")
TOO_MANY_WATCHES = N_("Lots of screens just opened this event from your network. "
                      "Please wait a minute and try again.")
TOO_MANY_POSTS = N_("Lots of posts just came from your network. "
                    "Please wait a minute and try again.")

# Created unbound like the other extensions; HTTP routes are limited with `@limiter.limit`.
limiter = Limiter(key_func=get_remote_address)


def create_room_limit() -> str:
    return current_app.config["RATELIMIT_CREATE_ROOM"]


def pages_limit() -> str:
    return current_app.config["RATELIMIT_PAGES"]


def exports_limit() -> str:
    return current_app.config["RATELIMIT_EXPORTS"]


def init_app(app: Flask) -> None:
    """Headers, CSRF/origin checks, rate limits and the proxy fix for `app`."""
    app.wsgi_app = only_trusted_hosts(  # type: ignore[method-assign,assignment]
        app.wsgi_app, trusted_names(app.config))  # inside the proxy fix: the browser's Host
    if app.config["PROXY_HOPS"]:
        hops = app.config["PROXY_HOPS"]
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    secure = app.config["FORCE_HTTPS"] or app.config["PUBLIC_URL"].startswith("https://")
    app.after_request(_connect_to_own_origin)  # before Talisman's: runs after it
    Talisman(
        app,
        force_https=app.config["FORCE_HTTPS"],  # off by default: venue laptops serve plain http
        content_security_policy=CSP,
        frame_options="DENY",
        # Same-origin, not no-referrer: no URL of ours ever leaves for another site, and our own
        # form posts keep a real Origin header (no-referrer turns it into "null").
        referrer_policy="same-origin",
        permissions_policy=PERMISSIONS,
        session_cookie_secure=secure,
        session_cookie_http_only=True,
        session_cookie_samesite="Lax",
    )
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config["REDIS_URL"] or "memory://")
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    app.config.setdefault("RATELIMIT_KEY_PREFIX", app.config["REDIS_PREFIX"])
    limiter.init_app(app)
    app.extensions["event_limits"] = EventLimits(app.config)
    app.before_request(_refuse_other_origins)


def _connect_to_own_origin(response: Response) -> Response:
    """Scripts may connect only to this origin: 'self', and its WebSocket origins, which older
    browsers don't count as 'self' (issue 16.14; any ws: or wss: host before). The Host is one
    `trusted_hosts` let through, so it is a name or an address and nothing else."""
    csp = response.headers.get("Content-Security-Policy")
    if csp:
        host = request.host
        response.headers["Content-Security-Policy"] = csp.replace(
            "connect-src 'self'", f"connect-src 'self' ws://{host} wss://{host}", 1)
    return response


# --- origins -------------------------------------------------------------------------------

def origin_of(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


def configured_origins(config: dict) -> set[str]:
    """ALLOWED_ORIGINS and PUBLIC_URL's origin; the app's own origin is always allowed too."""
    listed = [origin_of(o) for o in config["ALLOWED_ORIGINS"].split(",")]
    return {o for o in [*listed, origin_of(config["PUBLIC_URL"])] if o}


def origin_allowed(origin: str | None, environ: dict, extra: set[str]) -> bool:
    """Same origin as the request (as the browser addressed us), or one configured."""
    if not origin:
        return False
    own = f"{environ.get('wsgi.url_scheme', 'http')}://{environ.get('HTTP_HOST', '')}".lower()
    return origin.lower() == own or origin.lower() in extra


def socketio_options(app: Flask) -> dict:
    """Socket.IO's share of the rules: allowed origins (never "*") and a message size cap."""
    extra = configured_origins(app.config)
    return {
        "cors_allowed_origins": lambda origin, environ: origin_allowed(origin, environ, extra),
        "max_http_buffer_size": app.config["MAX_MESSAGE_BYTES"],
    }


def _refuse_other_origins() -> None:
    """Browsers send Origin on cross-site posts and fetches: refuse those from other sites (the
    form's CSRF token is required as well; token-authorised JSON routes get this check only)."""
    origin = request.headers.get("Origin")
    if request.method in SAFE_METHODS or origin is None:
        return
    if not origin_allowed(origin, request.environ, configured_origins(current_app.config)):
        abort(403, N_("Requests from other sites are not accepted."))


# --- Socket.IO event limits --------------------------------------------------------------

class EventLimits:
    """Flask-Limiter only sees HTTP requests; this counts Socket.IO events.

    A connection lives in one process, so its counts live in its Socket.IO session and go with
    it. (Not in `limits`' memory storage: it starts a thread to expire counts shortly after every
    burst of hits, which under eventlet nearly doubled the server's CPU per action at a table:
    docs/benchmarks.md, change 14.) Joins from one address may reach any process, so they are
    counted where Flask-Limiter counts (Redis when configured).
    """

    def __init__(self, config: dict) -> None:
        self.enabled = bool(config["RATELIMIT_ENABLED"])
        if not self.enabled:
            return
        self.per_connection = parse_many(config["RATELIMIT_SOCKET_EVENTS"])
        self.reseating = parse_many(config["RATELIMIT_RESEATING"])
        self.moves = parse_many(config["RATELIMIT_MOVES"])
        # A watch answers with the room's whole snapshot: fewer of them, per connection and per
        # address, than of other events (issue 16.2)
        self.per_connection_event = {"watch": parse_many(config["RATELIMIT_WATCH"])}
        # Per address: (what is counted, its limit, the refusal); asks and offers count as one
        posts = ("post", parse_many(config["RATELIMIT_POSTS_PER_ADDRESS"]), TOO_MANY_POSTS)
        self.per_address = {
            "join": ("join", parse_many(config["RATELIMIT_JOIN"]), TOO_MANY_JOINS),
            "watch": ("watch", parse_many(config["RATELIMIT_WATCH_PER_ADDRESS"]),
                      TOO_MANY_WATCHES),
            "post_ask": posts, "post_offer": posts}
        self._shared = MovingWindowRateLimiter(storage_from_string(
            config["RATELIMIT_STORAGE_URI"], key_prefix=f"{config['REDIS_PREFIX']}-events"))

    def check_reseating(self, code: str) -> None:
        """Refuse a reseating of room `code` (RoomError) past RATELIMIT_RESEATING: the seating
        planner is the costliest work a room can ask for (docs/benchmarks.md), and anyone can
        create a room and fill it. Counted per room, in every process."""
        if self.enabled:
            self._shared_limit(self.reseating, "reseat", code, TOO_MUCH_RESEATING)

    def check_moving(self, code: str, pid: str) -> None:
        """Refuse person `pid` a move to another table past RATELIMIT_MOVES: each move changes
        two tables' turn orders and reaches every screen of the event, and re-scanning two
        tables' signs did it as fast as a phone may send. Counted per person, in every process
        (a new connection starts no new count)."""
        if self.enabled:
            self._shared_limit(self.moves, "move", f"{code}:{pid}", TOO_MANY_MOVES)

    def _shared_limit(self, items: list[RateLimitItem], counted_as: str, key: str,
                      message: str) -> None:
        if not all(self._shared.hit(item, counted_as, key) for item in items):
            raise RoomError(message)

    def check(self, event: str) -> None:
        """Refuse this event (RoomError) if the connection or its address is over a limit."""
        if not self.enabled:
            return
        counts, now = session.setdefault("event_counts", {}), time.monotonic()
        if not counted(self.per_connection, counts, now):
            raise RoomError(TOO_FAST)
        if event in self.per_connection_event:
            mine = session.setdefault(f"{event}_counts", {})
            if not counted(self.per_connection_event[event], mine, now):
                raise RoomError(TOO_FAST)
        if event in self.per_address:
            counted_as, items, message = self.per_address[event]
            self._shared_limit(items, counted_as, request.remote_addr or "?", message)


def counted(items: list[RateLimitItem], counts: dict, now: float) -> bool:
    """Count one event in each item's fixed window (kept in `counts`); False if any is over."""
    within = True
    for item in items:
        key = str(item)
        start, hits = counts.get(key, (now, 0))
        if now - start >= item.get_expiry():
            start, hits = now, 0
        counts[key] = (start, hits + 1)
        within = within and hits < item.amount
    return within


def throttled(event: str, handler: Callable[[dict], dict | None]) -> Callable[[dict], dict | None]:
    """`handler`, refused with a clear message when its sender is over a limit."""
    @functools.wraps(handler)
    def wrapper(payload: dict) -> dict | None:
        limits = current_app.extensions.get("event_limits")
        if limits is not None:
            limits.check(event)
        return handler(payload)
    return wrapper
