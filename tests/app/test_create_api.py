"""`POST /api/rooms`: a client that is not the home page creates an event over JSON
(docs/protocol.md, "Creating an event"), with no form and no CSRF token."""

import pytest

from facilitator.pages.home import JSON_ONLY


@pytest.fixture
def app_with_csrf(app):
    app.config["WTF_CSRF_ENABLED"] = True  # as served: the API needs no token all the same
    return app


def test_json_in_code_and_host_key_out(app_with_csrf, socketio_client):
    client = app_with_csrf.test_client()
    created = client.post("/api/rooms", json={"name": "Breakfast", "deck": "quick",
                                              "turn_seconds": 60})
    assert created.status_code == 201
    answer = created.get_json()
    assert set(answer) == {"ok", "code", "host_key", "host_url", "join_url"} and answer["ok"]
    code, key = answer["code"], answer["host_key"]
    assert answer["host_url"] == f"http://localhost/host/{code}#key={key}"
    assert answer["join_url"] == f"http://127.0.0.1:5000/j/{code}"  # PUBLIC_URL, for phones
    host = socketio_client(flask_test_client=client)
    ack = host.emit("watch", {"code": code, "host_key": key, "tables": "all"}, callback=True)
    assert ack["role"] == "host"
    turns = ack["tables"]["1"]["sections"]["turns"]
    assert ack["snapshot"]["sections"]["room"]["name"] == "Breakfast"
    assert turns["turn_seconds"] == 60


@pytest.mark.parametrize("content_type", [
    "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"])
def test_only_a_json_body_is_read(app_with_csrf, content_type):
    """What a page on another site can send without a preflight is never read."""
    refused = app_with_csrf.test_client().post(
        "/api/rooms", data='{"name": "Breakfast", "deck": "classic"}',
        headers={"Content-Type": content_type})
    assert refused.status_code == 415
    assert refused.get_json() == {"ok": False, "error": JSON_ONLY}


@pytest.mark.parametrize(("body", "error"), [
    ({"name": "Breakfast", "deck": "classic", "turn_seconds": "90"},
     "Turn length must be a number."),
    ({"name": "", "deck": "classic"}, "The event name is required."),
    ({"name": "Breakfast", "deck": "tarot"}, "Please pick one of the prompt decks."),
    (["Breakfast"], "That message was malformed."),
])
def test_bad_bodies_get_the_sentence_the_form_would_show(client, body, error):
    refused = client.post("/api/rooms", json=body)
    assert refused.status_code == 400
    assert refused.get_json() == {"ok": False, "error": error}
