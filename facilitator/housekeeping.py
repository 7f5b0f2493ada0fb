"""Housekeeping: an ended event is deleted, with everything in it, once its follow-up time
(RETENTION_DAYS after the end, fixed when it ended) is over; an event nobody ended, once nobody
touched it for ROOM_TTL_HOURS. And mail that is due goes out: reminders, retries
(facilitator/mail.py).

A background task sweeps every HOUSEKEEPING_INTERVAL_SECONDS; `flask --app facilitator
purge-expired` does the same once (e.g. from cron, with HOUSEKEEPING_INTERVAL_SECONDS=0).
A sweep is one idempotent DELETE, so several server processes sweeping the same database is
harmless: a room is deleted by whichever gets there first, and the others find nothing.
"""

import logging
import time

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from . import mail
from .extensions import socketio
from .room_service import room_gone
from .store import get_store

log = logging.getLogger(__name__)


def purge_expired(now: float | None = None, ttl_hours: float | None = None) -> list[str]:
    """Delete the ended rooms past their follow-up time and the rooms nobody ended or changed
    for the TTL; tell any screen still on them. `now` is the clock (tests pass another)."""
    if ttl_hours is None:
        ttl_hours = current_app.config["ROOM_TTL_HOURS"]
    now = time.time() if now is None else now
    codes = get_store().delete_expired(idle_since=now - ttl_hours * 3600, now=now)
    for code in codes:
        room_gone(code)
    if codes:
        log.info("deleted %d expired room(s)", len(codes))
    return codes


def _sweep_forever(app: Flask) -> None:
    interval = app.config["HOUSEKEEPING_INTERVAL_SECONDS"]
    while True:
        try:
            with app.app_context():
                purge_expired()
                mail.deliver_due()
        except Exception:  # a database hiccup must not end the sweeps for good
            log.exception("housekeeping sweep failed")
        socketio.sleep(interval)


@click.command("purge-expired")
@with_appcontext
@click.option("--older-than-hours", type=float, default=None,
              help="Idle time after which a room nobody ended goes (default: ROOM_TTL_HOURS).")
def purge_expired_command(older_than_hours: float | None) -> None:
    """Delete ended rooms past their follow-up time, and rooms nobody ended or changed for
    ROOM_TTL_HOURS."""
    codes = purge_expired(ttl_hours=older_than_hours)
    click.echo(f"Deleted {len(codes)} expired room(s).")


def init_app(app: Flask) -> None:
    """Register the CLI command; real servers start sweeping on their first request.

    Started lazily, not here: `flask purge-expired` and other commands build the app too, and
    must not start a server's background work.
    """
    app.cli.add_command(purge_expired_command)
    if app.testing or app.config["HOUSEKEEPING_INTERVAL_SECONDS"] <= 0:
        return
    started: list[bool] = []

    @app.before_request
    def start_sweeping() -> None:
        if not started:  # a rare second start is harmless: sweeps are idempotent
            started.append(True)
            socketio.start_background_task(_sweep_forever, app)
