"""`POST /api/rooms`: a client that is not the home page creates an event over JSON
(docs/protocol.md, "Creating an event"), with no form and no CSRF token."""

from urllib.parse import urlsplit

import pytest

from facilitator.core.state.layout import COLOUR_ASK
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


def test_an_event_of_named_tables_over_json(client, socketio_client):
    created = client.post("/api/rooms", json={
        "name": "Chamber breakfast", "tables": 3,
        "table_labels": [{"name": "Oak", "colour": "teal"}, {}, {"colour": "red"}]})
    assert created.status_code == 201, created.get_json()
    answer = created.get_json()
    host = socketio_client(flask_test_client=client)
    ack = host.emit("watch", {"code": answer["code"], "host_key": answer["host_key"],
                              "tables": "all"}, callback=True)
    layout = ack["snapshot"]["sections"]["layout"]
    assert layout["tables"] == [{"number": 1, "name": "Oak", "colour": "teal"},
                                {"number": 2, "name": "Table 2", "colour": "blue"},
                                {"number": 3, "name": "Table 3", "colour": "red"}]
    assert layout["size"] is None and sorted(ack["tables"]) == ["1", "2", "3"]


def test_tables_of_about_a_size_take_their_names_as_they_are_made(client, socketio_client):
    created = client.post("/api/rooms", json={
        "name": "Networking hour", "table_size": 3,
        "table_labels": [{"name": "Oak"}, {"name": "Elm", "colour": "pink"}]}).get_json()
    phones = [socketio_client(flask_test_client=client) for _ in range(4)]
    for n, phone in enumerate(phones):
        ack = phone.emit("join", {"code": created["code"], "name": f"P{n}"}, callback=True)
        assert ack["ok"], ack
    layout = ack["snapshot"]["sections"]["layout"]
    assert layout["size"] == 3
    assert [(t["name"], t["colour"]) for t in layout["tables"]] == [("Oak", "green"),
                                                                   ("Elm", "pink")]


@pytest.mark.parametrize(("body", "error"), [
    ({"tables": 3, "table_size": 8}, "Say how many tables, or about how many people at each."),
    ({"tables": 0}, "The number of tables must be a whole number from 1 to 200."),
    ({"table_size": 40}, "The table size must be a whole number from 2 to 20."),
    ({"tables": 2, "table_labels": [{}, {}, {}]}, "There are more table names than tables."),
    ({"tables": 2, "table_labels": [{"colour": "mauve"}]}, COLOUR_ASK),
    ({"tables": 2, "table_labels": "Oak, Elm"},
     "The tables' names and colours must be a list."),
    ({"tables": 2, "table_labels": [{"name": "x" * 10_000}]},
     "The table's name can be at most 30 characters."),
    ({"tables": 300, "table_labels": [{}] * 300},
     "The number of tables must be a whole number from 1 to 200."),
    ({"table_size": 8, "table_labels": [{}] * 201}, "At most 200 tables can be named."),
])
def test_bad_tables_are_refused_in_words(client, body, error):
    refused = client.post("/api/rooms", json={"name": "Breakfast", **body})
    assert refused.status_code == 400
    assert refused.get_json() == {"ok": False, "error": error}


def test_the_create_form_sends_the_tables_choice_it_shows(client, socketio_client):
    form = {"name": "Breakfast", "deck": "classic", "turn_seconds": "90",
            "tables": "4", "table_size": "6"}
    for seating, count, size in (("one", 1, None), ("count", 4, None), ("size", 1, 6)):
        made = client.post("/rooms", data={**form, "seating": seating})
        assert made.status_code == 303
        location = urlsplit(made.headers["Location"])
        code, key = location.path.rsplit("/", 1)[1], location.fragment.removeprefix("key=")
        host = socketio_client(flask_test_client=client)
        ack = host.emit("watch", {"code": code, "host_key": key}, callback=True)
        layout = ack["snapshot"]["sections"]["layout"]
        assert (len(layout["tables"]), layout["size"]) == (count, size)
    bad = client.post("/rooms", data={**form, "seating": "count", "tables": "999"})
    assert bad.status_code == 400
    page = bad.get_data(as_text=True)
    assert "The number of tables must be a whole number from 1 to 200." in page
    assert 'value="999"' in page  # the form comes back as it was


def test_the_create_form_names_and_colours_the_tables(client, socketio_client):
    form = {"name": "Breakfast", "deck": "classic", "turn_seconds": "90", "seating": "count",
            "tables": "4", "table_labels": "Garden, green\nBlue\n\nOak, Elm\n"}

    def made(data: dict, **headers: str) -> list[tuple[str, str]]:
        location = urlsplit(client.post("/rooms", data=data, headers=headers).headers["Location"])
        code, key = location.path.rsplit("/", 1)[1], location.fragment.removeprefix("key=")
        host = socketio_client(flask_test_client=client)
        ack = host.emit("watch", {"code": code, "host_key": key}, callback=True)
        return [(t["name"], t["colour"]) for t in ack["snapshot"]["sections"]["layout"]["tables"]]

    # A name and a colour; a colour alone; a line left empty; a comma inside a name.
    assert made(form) == [("Garden", "green"), ("Table 2", "blue"), ("Table 3", "orange"),
                          ("Oak, Elm", "purple")]
    # A colour named in the reader's language.
    assert made({**form, "table_labels": "Jardin, vert"}, **{"Accept-Language": "fr"})[0] == (
        "Jardin", "green")
    too_many = client.post("/rooms", data={**form, "tables": "2"})
    assert too_many.status_code == 400
    assert "There are more table names than tables." in too_many.get_data(as_text=True)
