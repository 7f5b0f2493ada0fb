"""The follow-up page, its JSON and vCards, contact consent, and the host's exports over HTTP."""

import csv
import datetime
import io
import json
import re

import icalendar
import pytest
import vobject

from facilitator import create_app
from facilitator.extensions import socketio

from .helpers import join, open_table, updates


def bearer(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def event(client, socketio_client):
    """Ann asked, Bob offered on it and Ann took it up, Cat is just there."""
    table = open_table(client, socketio_client)
    people = {name: join(socketio_client, table.code, name) for name in ("Ann", "Bob", "Cat")}
    ann, bob = people["Ann"][0], people["Bob"][0]
    ask = ann.emit("post_ask", {"text": "A bookkeeper"}, callback=True)["id"]
    offer = bob.emit("post_offer", {"kind": "help", "text": "I keep books", "ask": ask},
                     callback=True)["id"]
    assert ann.emit("take_offer", {"id": offer, "taken": True}, callback=True)["ok"]
    table.people = {name: ack for name, (_, ack) in people.items()}
    table.phones = {name: phone for name, (phone, _) in people.items()}
    return table


def test_the_page_loads_without_any_secret(client, event):
    page = client.get(f"/j/{event.code}/me")
    assert page.status_code == 200
    assert b"followup.js" in page.data
    assert event.people["Ann"]["token"].encode() not in page.data


@pytest.mark.parametrize("headers", [{}, bearer("not-a-token"), {"Authorization": "Basic x"}])
def test_the_followup_needs_the_token_in_a_header(client, event, headers):
    response = client.get(f"/j/{event.code}/me.json", headers=headers)
    assert response.status_code == 401 and response.json["ok"] is False
    token = event.people["Ann"]["token"]
    assert client.get(f"/j/{event.code}/me.json?token={token}").status_code == 401


def test_the_followup_lists_offers_and_only_consented_contacts(client, event):
    ann, bob = event.people["Ann"], event.people["Bob"]
    mine = client.get(f"/j/{event.code}/me.json", headers=bearer(ann["token"]))
    assert mine.status_code == 200 and mine.headers["Cache-Control"] == "no-store"
    assert [o["from_name"] for o in mine.json["received"]] == ["Bob"]
    assert mine.json["contacts"] == []  # Bob shared nothing yet
    saved = client.put(f"/j/{event.code}/me/contact", headers=bearer(bob["token"]),
                       json={"email": "bob@example.org", "share": True})
    assert saved.status_code == 200 and saved.json["contact"]["email"] == "bob@example.org"
    mine = client.get(f"/j/{event.code}/me.json", headers=bearer(ann["token"])).json
    assert mine["contacts"][0]["email"] == "bob@example.org"
    cat = client.get(f"/j/{event.code}/me.json", headers=bearer(event.people["Cat"]["token"]))
    assert "bob@example.org" not in cat.text  # Cat exchanged nothing with Bob


def test_contact_changes_are_versioned_but_never_broadcast(client, event):
    watcher = event.phones["Cat"]
    watcher.get_received()
    bob = event.people["Bob"]
    saved = client.put(f"/j/{event.code}/me/contact", headers=bearer(bob["token"]),
                       json={"phone": "+44 20 7946 0000", "share": True})
    [delta] = updates(watcher)
    assert delta["version"] == saved.json["version"]
    assert delta["sections"] == {} and delta["items"] == {}
    refused = client.put(f"/j/{event.code}/me/contact", headers=bearer(bob["token"]),
                         json={"link": "javascript:alert(1)"})
    assert refused.status_code == 400 and "http" in refused.json["error"]
    assert client.put(f"/j/{event.code}/me/contact", json={"share": True}).status_code == 401


def test_vcards_of_partners_who_shared(client, event):
    ann, bob = event.people["Ann"], event.people["Bob"]
    client.put(f"/j/{event.code}/me/contact", headers=bearer(bob["token"]),
               json={"email": "bob@example.org", "share": True})
    response = client.get(f"/j/{event.code}/contacts.vcf", headers=bearer(ann["token"]))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/vcard; charset=utf-8"
    assert "attachment" in response.headers["Content-Disposition"]
    [card] = vobject.readComponents(response.text)
    assert (card.fn.value, card.email.value) == ("Bob", "bob@example.org")


def test_host_exports_need_the_host_key_in_a_header(client, event):
    url = f"/host/{event.code}/export.json"
    assert client.get(url).status_code == 401
    assert client.get(url, headers=bearer(event.people["Ann"]["token"])).status_code == 401
    assert client.get(f"{url}?key={event.host_key}").status_code == 401
    assert client.get(f"/host/{event.code}/export.exe",
                      headers=bearer(event.host_key)).status_code == 404


TYPES = {"csv": "text/csv; charset=utf-8", "md": "text/markdown; charset=utf-8",
         "json": "application/json"}


def test_host_exports_in_each_format(client, event):
    def export(fmt):
        response = client.get(f"/host/{event.code}/export.{fmt}", headers=bearer(event.host_key))
        assert response.status_code == 200, response.text
        assert f"facilitator-{event.code}.{fmt}" in response.headers["Content-Disposition"]
        assert response.headers["Content-Type"] == TYPES[fmt]  # one charset, not two
        return response

    data = export("json").json
    assert data["counts"] == {"asks": 1, "met": 1, "offers": 1}
    assert {p["name"] for p in data["participants"]} == {"Ann", "Bob", "Cat"}
    rows = list(csv.DictReader(io.StringIO(export("csv").text)))
    assert [r["text"] for r in rows if r["record"] == "ask"] == ["A bookkeeper"]
    assert "### Ann: A bookkeeper (met)" in export("md").text
    for secret in (event.host_key, *(p["token"] for p in event.people.values())):
        assert secret not in json.dumps(data)


def test_saving_contacts_needs_no_csrf_token_because_it_is_authorised_by_header(tmp_path):
    """With CSRF on (as in production) the header-authorised PUT still works."""
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path}/csrf.db",
                      "SECRET_KEY": "t", "PUBLIC_URL": "http://127.0.0.1:5000",
                      "RATELIMIT_ENABLED": False})
    with app.app_context():
        from facilitator.room_service import create_room
        room, _ = create_room(name="Breakfast", deck_id="classic", turn_seconds=90)
    phone = socketio.test_client(app)
    ack = phone.emit("join", {"code": room.code, "name": "Ann"}, callback=True)
    response = app.test_client().put(f"/j/{room.code}/me/contact", headers=bearer(ack["token"]),
                                     json={"email": "ann@example.org"})
    assert response.status_code == 200, response.text
    phone.disconnect()
    app.extensions["room_store"].engine.dispose()


def test_either_side_marks_how_an_offer_went_after_the_end(client, event):
    ann, bob, cat = (event.people[n] for n in ("Ann", "Bob", "Cat"))
    offer = client.get(f"/j/{event.code}/me.json", headers=bearer(ann["token"])).json[
        "received"][0]["id"]
    event.host.emit("host", {"action": "end_event"}, callback=True)
    watcher = event.phones["Cat"]
    watcher.get_received()
    marked = client.put(f"/j/{event.code}/me/mark", headers=bearer(bob["token"]),
                        json={"offer": offer, "mark": "helped"})
    assert marked.status_code == 200 and marked.json["ok"]
    [delta] = updates(watcher)  # versioned, but nothing to see for the room
    assert delta["version"] == marked.json["version"] and delta["sections"] == {}
    mine = client.get(f"/j/{event.code}/me.json", headers=bearer(ann["token"])).json
    assert mine["received"][0]["follow_through"]["mark"] == "helped"
    summary = client.get(f"/host/{event.code}/summary.json",
                         headers=bearer(event.host_key)).json
    assert summary["follow_through"]["helped"] == 1
    for who, body, status in ((cat, {"offer": offer, "mark": "helped"}, 400),
                              (ann, {"offer": offer, "mark": "amazing"}, 400),
                              (ann, {"offer": "nope", "mark": "helped"}, 400),
                              (None, {"offer": offer, "mark": "helped"}, 401)):
        headers = bearer(who["token"]) if who else {}
        refused = client.put(f"/j/{event.code}/me/mark", headers=headers, json=body)
        assert refused.status_code == status and refused.json["ok"] is False
    met = client.put(f"/j/{event.code}/me/met", headers=bearer(ann["token"]),
                     json={"offer": offer, "met": True})
    assert met.status_code == 400 and met.json["error"] == "That offer isn't an introduction."


def test_the_calendar_reminder_parses_back_with_the_things_i_said_i_d_do(client, event):
    bob = event.people["Bob"]
    event.host.emit("host", {"action": "end_event"}, callback=True)
    ended_at = client.get(f"/j/{event.code}/me.json", headers=bearer(bob["token"])).json
    response = client.get(f"/j/{event.code}/me/reminder.ics", headers=bearer(bob["token"]))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Cache-Control"] == "no-store"
    assert f"follow-up-{event.code}.ics" in response.headers["Content-Disposition"]
    [reminder] = icalendar.Calendar.from_ical(response.data).walk("VEVENT")
    assert str(reminder["summary"]) == "Follow up from Thursday breakfast"
    url = f"http://127.0.0.1:5000/j/{event.code}/me"
    assert str(reminder["url"]) == url
    description = str(reminder["description"])
    assert url in description
    assert "Things I said I'd do:\n- I can help — to Ann: I keep books" in description
    ended = datetime.datetime.fromtimestamp(ended_at["event"]["ended_at"], datetime.UTC)
    assert reminder.decoded("dtstart") == (ended + datetime.timedelta(days=7)).date()
    [alarm] = reminder.walk("VALARM")
    assert alarm.decoded("trigger") == datetime.timedelta(hours=9)
    later = client.get(f"/j/{event.code}/me/reminder.ics?days=14", headers=bearer(bob["token"]))
    [later_one] = icalendar.Calendar.from_ical(later.data).walk("VEVENT")
    assert later_one.decoded("dtstart") == (ended + datetime.timedelta(days=14)).date()
    for days in ("0", "61", "soon"):
        refused = client.get(f"/j/{event.code}/me/reminder.ics?days={days}",
                             headers=bearer(bob["token"]))
        assert refused.status_code == 400 and "from 1 to 60" in refused.json["error"] or (
            "must be a number" in refused.json["error"])
    assert client.get(f"/j/{event.code}/me/reminder.ics").status_code == 401


def test_the_markdown_report_speaks_the_rooms_language_with_its_plurals(client, event):
    event.host.emit("host", {"action": "language", "args": {"language": "de"}}, callback=True)
    report = client.get(f"/host/{event.code}/export.md", headers=bearer(event.host_key)).text
    assert "## Bitten und Angebote" in report
    # People's words stay as they wrote them; the report's own are German.
    assert re.search(r"### Ann: A bookkeeper \((offen|erfüllt)\)", report)
    assert "- Angebote: 1 Hilfsangebot" in report
    assert "i can help" not in report.lower()


def test_the_calendar_reminder_and_contact_cards_speak_their_readers_language(client, event):
    ann, bob = event.people["Ann"], event.people["Bob"]
    french = {**bearer(bob["token"]), "Accept-Language": "fr"}
    ics = client.get(f"/j/{event.code}/me/reminder.ics", headers=french)
    [reminder] = icalendar.Calendar.from_ical(ics.data).walk("VEVENT")
    assert str(reminder["summary"]) == "Suivi de Thursday breakfast"
    assert ("Ce que j’ai dit que je ferais :\n- Je peux aider — pour Ann : I keep books"
            in str(reminder["description"]))
    client.put(f"/j/{event.code}/me/contact", headers=bearer(bob["token"]),
               json={"email": "bob@example.org", "share": True})
    vcf = client.get(f"/j/{event.code}/contacts.vcf",
                     headers={**bearer(ann["token"]), "Accept-Language": "de"})
    [card] = vobject.readComponents(vcf.text)
    assert card.note.value.splitlines() == ["Kennengelernt bei Thursday breakfast.",
                                            "Hat dir angeboten (Ich kann helfen): I keep books"]
