"""Email, when the organiser wants it (SMTP_URL and MAIL_FROM set; off by default).

Messages go through a persisted outbox (`store.outbox`): asking for one's link queues it, ending
the event with "email everyone" queues one per subscriber, and a reminder is queued for a week
later. A background task (`socketio.start_background_task`) sends what is due at once; the
housekeeping sweep sends the rest (reminders, retries), so they survive restarts. A send happens
outside any room's lock, with a timeout, so a slow or unreachable mail server changes nothing in
the room: the message waits and is tried again, MAIL_MAX_ATTEMPTS times at most, a little later
each time.

Built with the standard library's `email` (headers encoded and folded per RFC 5322/2047, dates,
Message-IDs) and sent with `smtplib`: both maintained with Python itself. A third-party wrapper
(Flask-Mail and the like) would add configuration on top of the same two modules, and nothing we
need.
"""

import logging
import smtplib
import ssl
import time
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from functools import cache
from urllib.parse import unquote, urlsplit

from flask import Flask, current_app, request
from itsdangerous import BadSignature, URLSafeSerializer

from .core.state.room import DAY, Room
from .core.views.mail import KINDS, LINK, REMINDER, REMINDER_DAYS, message
from .extensions import socketio
from .i18n import day_in, translate
from .pages.public_url import base_url
from .store import Mail, get_store

log = logging.getLogger(__name__)
BATCH = 20  # messages one sending pass claims at a time


@dataclass(frozen=True)
class Server:
    """Where to send, from SMTP_URL: smtp://[user:password@]host[:port] (STARTTLS when the
    server offers it) or smtps://... (TLS from the start)."""

    host: str
    port: int
    implicit_tls: bool
    username: str
    password: str

    @classmethod
    def from_url(cls, url: str) -> "Server":
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("SMTP_URL must look like smtp://host:587 or smtps://user:pass@host")
        implicit = parts.scheme == "smtps"
        return cls(parts.hostname, parts.port or (465 if implicit else 587), implicit,
                   unquote(parts.username or ""), unquote(parts.password or ""))


def enabled() -> bool:
    return bool(current_app.config["SMTP_URL"])


def link_base() -> str:
    """Where this request's page lives, as other devices reach it: the links' base."""
    return base_url(current_app.config["PUBLIC_URL"], request.host_url)


# --- queueing ----------------------------------------------------------------------------------

def queue_link(code: str, pid: str, *, reminder: bool, ended_at: float | None,
               now: float) -> None:
    """`pid` just asked for their link (and maybe the reminder): queue them, then send. An
    earlier request's reminder still to send is replaced: this one decides."""
    messages = [(pid, LINK, now)]
    if reminder:
        messages.append((pid, REMINDER, (ended_at or now) + REMINDER_DAYS * DAY))
    get_store().queue_mail(code, messages, base_url=link_base(), replacing=(pid, REMINDER))
    send_soon()


def queue_for_everyone(room: Room, kind: str, *, now: float) -> int:
    """One message of `kind` to every subscriber (the host ended the event); how many."""
    pids = list(room.mailing.by_person)
    get_store().queue_mail(room.code, [(pid, kind, now) for pid in pids], base_url=link_base())
    send_soon()
    return len(pids)


def forget(code: str, pid: str) -> None:
    """`pid` unsubscribed: nothing more is sent to them."""
    get_store().drop_mail(code, pid)


def send_soon() -> None:
    """Send what is due in the background: the request that queued it doesn't wait."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    socketio.start_background_task(_send_in_background, app)


def _send_in_background(app: Flask) -> None:
    with app.app_context():
        try:
            deliver_due()
        except Exception:  # the next sweep tries again
            log.exception("sending mail failed")


# --- sending -----------------------------------------------------------------------------------

def deliver_due(now: float | None = None) -> dict[str, int]:
    """Send every message due by `now` (the clock: tests pass another); returns how many were
    sent, failed (to be tried again, or given up) and dropped (nobody to send to any more)."""
    config, store = current_app.config, get_store()
    now = time.time() if now is None else now
    done = {"sent": 0, "failed": 0, "dropped": 0}
    if not enabled():
        return done
    server = Server.from_url(config["SMTP_URL"])
    # Held long enough for a batch to time out message by message before another sender may
    # take it over (a process that died mid-batch).
    held_until = now + BATCH * config["MAIL_TIMEOUT_SECONDS"] * 2
    while batch := store.claim_mail(now, held_until, BATCH):
        for mail in batch:
            outcome = _deliver(mail, server, now)
            done[outcome] += 1
    return done


def _deliver(mail: Mail, server: Server, now: float) -> str:
    store, config = get_store(), current_app.config
    room = store.load(mail.room_code)
    subscriber = room.mailing.of(mail.pid) if room is not None else None
    if room is None or subscriber is None or mail.kind not in KINDS:
        store.mail_sent(mail.id)
        return "dropped"
    try:
        _send(server, compose(mail, room, now))
    except (OSError, smtplib.SMTPException) as exc:
        tries = mail.attempts + 1
        retry = now + config["MAIL_RETRY_SECONDS"] * 2 ** (tries - 1)
        give_up = tries >= config["MAIL_MAX_ATTEMPTS"]
        store.mail_failed(mail, now=now, retry_at=None if give_up else retry,
                          error=f"{type(exc).__name__}: {exc}"[:300])
        log.warning("mail %s to a subscriber of %s failed (try %d%s): %s", mail.kind,
                    mail.room_code, tries, ", giving up" if give_up else "", exc)
        return "failed"
    store.mail_sent(mail.id)
    return "sent"


def compose(mail: Mail, room: Room, now: float) -> EmailMessage:
    """The message, written from the room as it is now."""
    config = current_app.config
    subscriber = room.mailing.by_person[mail.pid]
    urls = current_app.url_map.bind("localhost")
    link = (f"{mail.base_url}{urls.build('followup.page', {'code': room.code})}"
            f"#key={subscriber.key}")
    unsubscribe = mail.base_url + urls.build(
        "mail.unsubscribe", {"token": unsubscribe_token(room.code, mail.pid)})
    spoken = subscriber.language  # as their page spoke when they asked
    subject, body = message(mail.kind, room, mail.pid, link=link, unsubscribe=unsubscribe,
                            retention_days=config["RETENTION_DAYS"],
                            words=lambda text: translate(text, spoken),
                            write_day=lambda epoch: day_in(spoken, epoch))
    sender = config["MAIL_FROM"]
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = subscriber.email
    msg["Subject"] = subject
    msg["Date"] = formatdate(now, usegmt=True)
    msg["Message-ID"] = make_msgid(domain=parseaddr(sender)[1].rpartition("@")[2] or None)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies, please
    msg["List-Unsubscribe"] = f"<{unsubscribe}>"
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058
    msg.set_content(body)
    return msg


@cache
def _tls() -> ssl.SSLContext:
    """Made once: loading the system's certificates takes the process a while, during which
    (under eventlet or gevent) no screen is served."""
    return ssl.create_default_context()


def _send(server: Server, msg: EmailMessage) -> None:
    timeout = current_app.config["MAIL_TIMEOUT_SECONDS"]
    # We greet the server as the sender's domain: left to itself, smtplib asks the resolver for
    # this machine's name on every connection, which a laptop on venue wifi may wait on.
    me = parseaddr(str(msg["From"]))[1].rpartition("@")[2] or "localhost"
    smtp = (smtplib.SMTP_SSL(server.host, server.port, local_hostname=me, timeout=timeout,
                             context=_tls()) if server.implicit_tls else
            smtplib.SMTP(server.host, server.port, local_hostname=me, timeout=timeout))
    with smtp:
        if not server.implicit_tls:
            smtp.ehlo()
            if smtp.has_extn("starttls"):
                smtp.starttls(context=_tls())
                smtp.ehlo()
        if server.username:
            smtp.login(server.username, server.password)
        smtp.send_message(msg)


# --- unsubscribing -----------------------------------------------------------------------------

def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="unsubscribe")


def unsubscribe_token(code: str, pid: str) -> str:
    """The signed part of a message's unsubscribe link: it can stop emails, nothing else."""
    return str(_signer().dumps([code, pid]))


def read_unsubscribe_token(token: str) -> tuple[str, str] | None:
    """(room code, participant id) from an unsubscribe link, or None if it isn't one of ours."""
    try:
        code, pid = _signer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    return (code, pid) if isinstance(code, str) and isinstance(pid, str) else None


def init_app(app: Flask) -> None:
    """Check the settings at start-up: a mail setting half made fails now, not at the end."""
    if app.config["SMTP_URL"]:
        Server.from_url(app.config["SMTP_URL"])
        if "@" not in parseaddr(app.config["MAIL_FROM"])[1]:
            raise ValueError("With SMTP_URL set, MAIL_FROM must be the address mail comes from, "
                             "e.g. MAIL_FROM='Breakfast club <hello@example.org>'")
