"""Email (SMTP_URL set), against a real SMTP server on 127.0.0.1 (aiosmtpd): the link asked for
arrives with well-formed headers and a working unsubscribe link, the reminder a week later goes
out from the outbox with the sweep, the host can email everyone when ending, and a mail server
that is down or slow changes nothing in the room and is retried up to the limit."""

import re
import time
from email.utils import parsedate_to_datetime

import pytest

from facilitator import create_app, mail
from facilitator.store import get_store

from .helpers import create_room, join, open_table

DAY = 86400
FROM = "Breakfast club <hello@example.org>"


@pytest.fixture
def app_settings(request):
    """Mail through the test's SMTP server, or (parametrized) to a URL nothing answers."""
    if hasattr(request, "param"):
        url = request.getfixturevalue(request.param)
    else:
        url = request.getfixturevalue("smtp_server").url
    return {"SMTP_URL": url, "MAIL_FROM": FROM, "MAIL_TIMEOUT_SECONDS": 2.0}


def bearer(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


def ask_for_link(client, code: str, token: str, **body) -> dict:
    response = client.put(f"/j/{code}/me/email", headers=bearer(token),
                          json={"email": "ann@example.org", **body})
    assert response.status_code == 200, response.text
    return response.json


def outbox(app, code: str) -> list[dict]:
    with app.app_context():
        return get_store().outbox_of(code)


def sent_in_background(app, code: str, kinds: list[str]) -> None:
    """Wait until the background send has finished with what it took (what is left: `kinds`)."""
    deadline = time.monotonic() + 20
    while [m["kind"] for m in outbox(app, code)] != kinds:
        assert time.monotonic() < deadline, outbox(app, code)
        time.sleep(0.05)


def deliver(app, now: float) -> dict:
    with app.app_context():
        return mail.deliver_due(now=now)


@pytest.fixture
def ann(client, socketio_client):
    """A table with Ann at it, who offered Bob help; returns (table, Ann's join ack)."""
    table = open_table(client, socketio_client)
    phone, ack = join(socketio_client, table.code, "Ann")
    _, bob = join(socketio_client, table.code, "Bob")
    phone.emit("post_offer", {"kind": "help", "text": "Your accounts", "to": bob["me"]},
               callback=True)
    table.phone = phone
    return table, ack


def test_the_link_arrives_well_formed_and_opens_only_the_follow_up(app, client, socketio_client,
                                                                    smtp_server, ann):
    table, me = ann
    answer = ask_for_link(client, table.code, me["token"], reminder=True)
    assert answer["email"] == "ann@example.org" and answer["reminder"] is True
    [message] = smtp_server.inbox.wait_for(1)
    assert smtp_server.inbox.envelopes == [("hello@example.org", ["ann@example.org"])]
    assert message["From"] == FROM and message["To"] == "ann@example.org"
    assert message["Subject"] == "Your follow-up page from Thursday breakfast"
    assert abs(parsedate_to_datetime(message["Date"]).timestamp() - time.time()) < DAY
    assert re.fullmatch(r"<[^@<>]+@example\.org>", message["Message-ID"])
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    body = message.get_content()
    assert "Hello Ann," in body and "- I can help — to Bob: Your accounts" in body
    link = re.search(rf"http://127\.0\.0\.1:5000/j/{table.code}/me#key=(\S+)", body)
    unsubscribe = message["List-Unsubscribe"].strip("<>")
    assert unsubscribe in body

    # The key in the link opens Ann's follow-up page, and nothing else: not a place at the table.
    key = link.group(1)
    mine = client.get(f"/j/{table.code}/me.json", headers=bearer(key)).json
    assert mine["me"]["name"] == "Ann" and mine["my_mail"] == {"email": "ann@example.org",
                                                              "reminder": True}
    watched = socketio_client().emit("watch", {"code": table.code, "token": key}, callback=True)
    assert not watched["ok"]
    # What is still to send: the reminder, a week on.
    sent_in_background(app, table.code, ["reminder"])
    [reminder] = outbox(app, table.code)
    assert reminder["kind"] == "reminder" and reminder["due_at"] > time.time() + 6 * DAY


def test_the_reminder_goes_out_a_week_later_from_the_outbox(app, client, smtp_server, ann):
    table, me = ann
    ask_for_link(client, table.code, me["token"], reminder=True)
    smtp_server.inbox.wait_for(1)
    sent_in_background(app, table.code, ["reminder"])
    now = time.time()
    assert deliver(app, now + 6 * DAY) == {"sent": 0, "failed": 0, "dropped": 0}
    assert deliver(app, now + 7 * DAY + 60) == {"sent": 1, "failed": 0, "dropped": 0}
    _, reminder = smtp_server.inbox.wait_for(2)
    assert reminder["Subject"] == "A week on from Thursday breakfast: time to follow up?"
    assert outbox(app, table.code) == []


def test_emails_speak_the_language_of_the_page_that_asked_for_them(app, client, smtp_server, ann):
    table, me = ann
    german = {**bearer(me["token"]), "Accept-Language": "de"}
    client.put(f"/j/{table.code}/me/email", headers=german,
               json={"email": "ann@example.org", "reminder": True})
    [message] = smtp_server.inbox.wait_for(1)
    assert message["Subject"] == "Deine Nachbereitungsseite von Thursday breakfast"
    body = message.get_content()
    assert "Hallo Ann," in body and "- Ich kann helfen — an Bob: Your accounts" in body
    assert "Tage nach ihrem Ende" in body and "don't" not in body
    sent_in_background(app, table.code, ["reminder"])
    # Sent a week later, outside any request: still in German.
    assert deliver(app, time.time() + 7 * DAY + 60)["sent"] == 1
    _, reminder = smtp_server.inbox.wait_for(2)
    assert reminder["Subject"] == "Eine Woche nach Thursday breakfast: Zeit zum Nachfassen?"


def test_unsubscribing_forgets_the_address_and_stops_the_reminder(app, client, smtp_server, ann):
    table, me = ann
    ask_for_link(client, table.code, me["token"], reminder=True)
    [message] = smtp_server.inbox.wait_for(1)
    sent_in_background(app, table.code, ["reminder"])
    path = message["List-Unsubscribe"].strip("<>").removeprefix("http://127.0.0.1:5000")
    page = client.get(path)
    assert page.status_code == 200 and b"Stop emails" in page.data
    assert outbox(app, table.code)  # asking changed nothing
    done = client.post(path)
    assert done.status_code == 200 and b"any more emails" in done.data
    assert outbox(app, table.code) == []
    mine = client.get(f"/j/{table.code}/me.json", headers=bearer(me["token"])).json
    assert mine["my_mail"] is None
    assert client.get(path[:-3] + "xyz").status_code == 404


def test_the_host_emails_everyone_who_asked_when_ending(app, client, smtp_server, ann):
    table, me = ann
    ask_for_link(client, table.code, me["token"])
    smtp_server.inbox.wait_for(1)
    sent_in_background(app, table.code, [])
    ack = table.host.emit("host", {"action": "end_event", "args": {"email_links": True}},
                          callback=True)
    assert ack["ok"] and ack["emailed"] == 1
    _, ended = smtp_server.inbox.wait_for(2)
    assert ended["Subject"] == "Thursday breakfast has ended: your follow-up page"
    assert "It stays there until" in ended.get_content()


@pytest.mark.parametrize("app_settings", ["closed_smtp_url"], indirect=True)
def test_a_mail_server_that_is_down_changes_nothing_in_the_room_and_is_retried_to_the_limit(
        app, client, ann):
    table, me = ann
    ask_for_link(client, table.code, me["token"])
    # The room goes on as if nothing happened.
    assert table.phone.emit("post_ask", {"text": "A printer"}, callback=True)["ok"]

    def tries() -> list[int]:
        return [m["attempts"] for m in outbox(app, table.code)]

    deadline = time.monotonic() + 20  # the first try runs in the background: wait for it
    while tries() != [1] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert tries() == [1]
    now = time.time()
    for attempt in range(2, 6):
        later = now + 3600 * attempt
        assert deliver(app, later) == {"sent": 0, "failed": 1, "dropped": 0}
        assert tries() == [attempt]
    [given_up] = outbox(app, table.code)
    assert given_up["failed_at"] is not None and "ConnectionRefusedError" in given_up["last_error"]
    assert deliver(app, now + 30 * DAY) == {"sent": 0, "failed": 0, "dropped": 0}
    assert tries() == [5]


def test_a_slow_mail_server_keeps_nobody_waiting_and_is_retried(app, client, smtp_server, ann):
    table, me = ann
    smtp_server.inbox.hold()
    ask_for_link(client, table.code, me["token"])  # answered while the server sits on DATA
    assert table.phone.emit("post_ask", {"text": "A printer"}, callback=True)["ok"]
    deadline = time.monotonic() + 20
    while not [m for m in outbox(app, table.code) if m["attempts"] == 1]:
        assert time.monotonic() < deadline, "the slow try never timed out"
        time.sleep(0.05)
    smtp_server.inbox.release()
    assert deliver(app, time.time() + 3600)["sent"] == 1
    assert smtp_server.inbox.wait_for(1)[0]["Subject"].startswith("Your follow-up page")
    assert outbox(app, table.code) == []


def test_without_smtp_url_nobody_is_asked_for_an_address(tmp_path):
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path}/off.db",
                      "SECRET_KEY": "t", "WTF_CSRF_ENABLED": False})
    client = app.test_client()
    code, _ = create_room(client)
    assert b"Email me" not in client.get(f"/j/{code}/me").data
    refused = client.put(f"/j/{code}/me/email", headers=bearer("x"), json={"email": "a@b.cd"})
    assert refused.status_code in (401, 404)
    app.extensions["room_store"].engine.dispose()


def test_a_half_made_mail_setting_fails_at_start(tmp_path):
    with pytest.raises(ValueError, match="MAIL_FROM"):
        create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
                    "SECRET_KEY": "t", "SMTP_URL": "smtp://127.0.0.1:2525"})
