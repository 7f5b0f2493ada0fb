"""`python -m bench mail`: does a slow or unreachable mail server change anything in the room?

Three app servers (eventlet) run at once on 127.0.0.1: without email; with SMTP_URL pointing at
a local aiosmtpd server that holds every message for the whole run (slow); and at a port nothing
listens on (down). In each, PHONES phones join one room; each asks for its follow-up link by
email (HTTP PUT, which queues the message and returns; without email, the contact form's PUT)
and posts asks (a Socket.IO event acknowledged after the room is saved), the three servers in
turn. Printed: p50/p95 of both, and their ratio to the server without email. Bounded in count
and time; stops by itself.
"""

from __future__ import annotations

import asyncio
import re
import tempfile
import threading
import time
from pathlib import Path

import requests
import socketio
from aiosmtpd.controller import Controller

from .servers import Server, free_port
from .stats import summary

PHONES, ASKS_EACH, TIMEOUT = 60, 3, 30


class Holding:
    """An SMTP handler that sits on every message until released (a very slow server)."""

    def __init__(self) -> None:
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        await asyncio.get_running_loop().run_in_executor(None, self.release.wait, TIMEOUT)
        return "250 OK"


def _create_room(http: requests.Session, url: str) -> str:
    home = http.get(url + "/", timeout=TIMEOUT)
    found = re.search(r'name="csrf_token" value="([^"]+)"', home.text)
    if found is None:
        raise RuntimeError("no CSRF token on the home page")
    token = found.group(1)
    made = http.post(url + "/rooms", allow_redirects=False, timeout=TIMEOUT, data={
        "csrf_token": token, "name": "Mail bench", "deck": "classic", "turn_seconds": "90"})
    return made.headers["Location"].split("#")[0].rsplit("/", 1)[1]


class Run:
    """One app server, its room and its phones, for one of the three mail settings."""

    def __init__(self, smtp_url: str, workdir: Path) -> None:
        self.smtp_url = smtp_url
        self.puts: list[float] = []
        self.asks: list[float] = []
        self.phones: list[tuple[socketio.Client, str]] = []
        self.server = Server("app-eventlet", workdir, workdir / "unused.json",
                             f"sqlite:///{workdir}/mail-{free_port()}.db")
        self.server.env.update(RATELIMIT_JOIN="10000 per minute")
        if smtp_url:
            self.server.env.update(SMTP_URL=smtp_url, MAIL_FROM="bench@example.org",
                                   MAIL_TIMEOUT_SECONDS=str(TIMEOUT))
        self.http = requests.Session()
        self.http.trust_env = False

    def start(self) -> None:
        self.server.start()
        self.code = _create_room(self.http, self.server.url)
        for i in range(PHONES):
            phone = socketio.Client()
            phone.connect(self.server.url, transports=["websocket"], wait_timeout=TIMEOUT)
            ack = phone.call("join", {"code": self.code, "name": f"Phone {i}"}, timeout=TIMEOUT)
            self.phones.append((phone, ack["token"]))

    def step(self, i: int) -> None:
        """Phone `i` asks for its link (without email: saves its contact, the same kind of
        HTTP write), then posts its asks."""
        phone, token = self.phones[i]
        start = time.perf_counter()
        answer = self.http.put(
            f"{self.server.url}/j/{self.code}/me/{'email' if self.smtp_url else 'contact'}",
            timeout=TIMEOUT, headers={"Authorization": f"Bearer {token}"},
            json={"email": f"phone{i}@example.org"})
        self.puts.append((time.perf_counter() - start) * 1000)
        if answer.status_code != 200:
            raise RuntimeError(answer.text)
        for _ in range(ASKS_EACH):
            start = time.perf_counter()
            ack = phone.call("post_ask", {"text": f"Ask {i}"}, timeout=TIMEOUT)
            self.asks.append((time.perf_counter() - start) * 1000)
            if not ack["ok"]:
                raise RuntimeError(ack)

    def stop(self) -> None:
        for phone, _ in self.phones:
            phone.disconnect()
        self.http.close()
        self.server.stop()


def main() -> int:
    holding = Holding()
    port = free_port()
    smtp = Controller(holding, hostname="127.0.0.1", port=port, server_hostname="localhost")
    smtp.start()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-mail-") as tmp:
            runs = {"no email": Run("", Path(tmp)),
                    "mail server slow": Run(f"smtp://127.0.0.1:{port}", Path(tmp)),
                    "mail server down": Run(f"smtp://127.0.0.1:{free_port()}", Path(tmp))}
            try:
                for run in runs.values():
                    run.start()
                # Interleaved, so whatever else the machine does weighs on the three alike.
                for i in range(PHONES):
                    for run in runs.values():
                        run.step(i)
            finally:
                for run in runs.values():
                    run.stop()
    finally:
        holding.release.set()
        smtp.stop()
    results = {name: {"ask": summary(run.asks), "put": summary(run.puts)}
               for name, run in runs.items()}
    base = results["no email"]
    print(f"{'run':<18} {'post_ask p50/p95 ms':>20} {'ratio':>6} "
          f"{'PUT p50/p95 ms':>16} {'ratio':>6}")
    for name, result in results.items():
        ask, put = result["ask"], result["put"]
        print(f"{name:<18} {ask['p50']:>12}/{ask['p95']:<7} "
              f"{ask['p50'] / base['ask']['p50']:>6.2f} {put['p50']:>9}/{put['p95']:<6} "
              f"{put['p50'] / base['put']['p50']:>6.2f}")
    return 0


