"""Refusals over HTTP: a page in the reader's language for a person, JSON with the reason for a
page's script (it sends a Bearer secret) or a client of the JSON API."""

import re

from .helpers import join, open_table

GERMAN = {"Accept-Language": "de"}


def message(page) -> str:
    return re.search(r'id="error-message">([^<]*)<', page.get_data(as_text=True)).group(1)


def test_an_address_that_does_not_exist_says_so_in_the_readers_language(client):
    page = client.get("/no-such-page", headers=GERMAN)
    assert page.status_code == 404
    assert page.mimetype == "text/html"
    assert message(page) == "Diese Seite gibt es nicht."


def test_a_forms_address_opened_as_a_page_is_a_page_of_ours(client):
    page = client.get("/rooms", headers=GERMAN)  # the create form posts here
    assert page.status_code == 405
    assert "<h1>Das haben wir nicht gefunden</h1>" in page.get_data(as_text=True)
    assert message(page) == "Diese Seite gibt es nicht."


def test_a_script_gets_the_reason_an_event_is_gone_as_json(client, socketio_client):
    """A follow-up page open in a tab after the host deleted the event: its script is told
    why, instead of reading a page of HTML as no answer ("please try again")."""
    table = open_table(client, socketio_client)
    _, ack = join(socketio_client, table.code, "Ann")
    assert table.host.emit("delete_room", {"code": table.code}, callback=True)["ok"]
    answer = client.put(f"/j/{table.code}/me/contact", json={"email": "ann@example.org"},
                        headers={**GERMAN, "Authorization": f"Bearer {ack['token']}"})
    assert answer.status_code == 404
    assert answer.get_json() == {
        "ok": False,
        "error": "Es gibt keine Veranstaltung mit diesem Code. Prüfe den Code auf der Leinwand."}


def test_the_json_api_answers_every_refusal_in_json(client):
    assert client.get("/api/rooms").get_json() == {"ok": False,
                                                   "error": "That page doesn't exist."}
    missing = client.post("/api/no-such-route", json={})
    assert (missing.status_code, missing.get_json()["ok"]) == (404, False)
