"""Hostile HTTP requests on every route: odd path parts, methods, query strings, forms, JSON and
Authorization headers. A route may refuse (400, 401, 403, 404, 405, 429), never fail (500).
Routes are discovered from the app's URL map, so new ones are fuzzed without a change here.
"""

import os
import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from facilitator.extensions import socketio

from .helpers import create_room

ODD = ["", ".", "..", "../../etc/passwd", "%00", "\x00", "\ud7ff", "\u202e", "<script>",
       "ＡＢＣ", "w4pbbg", "$code", "$code.json", "$code.svg", "me", "export.csv", "🙂", " "]
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))  # FUZZ_EXAMPLES=5000 hunts at random
VARIABLE = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")
METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
odd = st.one_of(st.sampled_from(ODD), st.just(5000).map(lambda n: "x" * n))
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
                    odd)
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=10)
form_fields = st.dictionaries(
    st.sampled_from(["name", "deck", "turn_seconds", "code", "csrf_token", "email", "x"]),
    st.one_of(st.text(max_size=40), odd), max_size=4)
segments = st.one_of(st.text(min_size=1, max_size=30), odd)
bearers = st.one_of(st.none(), st.sampled_from(["$token", "$key", "", "x" * 300, "Basic Zm9v"]),
                    st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=40))


def path_for(rule, draw_segment) -> str:
    """The rule's path with each <converter:variable> replaced by a drawn (quoted) value."""
    return VARIABLE.sub(lambda m: quote(draw_segment(m.group(1)), safe=""), rule.rule)


@settings(max_examples=EXAMPLES, deadline=None, derandomize="FUZZ_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_no_route_fails_on_hostile_requests(app, client, data):
    if not hasattr(app, "fuzz_refs"):
        code, key = create_room(client)
        phone = socketio.test_client(app, flask_test_client=client)
        token = phone.emit("join", {"code": code, "name": "Ann"}, callback=True)["token"]
        app.fuzz_refs = {"$code": code, "$key": key, "$token": token}
    refs = app.fuzz_refs

    def real(text: str) -> str:
        for name, value in refs.items():
            text = text.replace(name, value)
        return text

    rules = sorted(app.url_map.iter_rules(), key=lambda r: r.rule)
    rule = data.draw(st.sampled_from(rules), label="rule")
    path = real(path_for(rule, lambda _: data.draw(segments)))
    method = data.draw(st.sampled_from(sorted(rule.methods or []) + METHODS), label="method")
    query = data.draw(st.dictionaries(st.text(max_size=8), st.text(max_size=30), max_size=3))
    headers = {}
    if (bearer := data.draw(bearers, label="bearer")) is not None:
        headers["Authorization"] = real(f"Bearer {bearer}")
    body = data.draw(st.sampled_from(["none", "form", "json", "raw"]), label="body")
    kwargs = {"query_string": query, "headers": headers}
    if body == "form":
        kwargs["data"] = {k: real(v) for k, v in data.draw(form_fields).items()}
    elif body == "json":
        kwargs["json"] = data.draw(json_values)
    elif body == "raw":
        kwargs["data"] = data.draw(st.binary(max_size=200))
        headers["Content-Type"] = data.draw(st.sampled_from(
            ["application/json", "text/plain", "multipart/form-data; boundary=x"]))
    response = client.open(path, method=method, **kwargs)
    event(f"{rule.endpoint} {response.status_code}")
    assert response.status_code < 500, (method, path, kwargs, response.status_code)


@pytest.mark.parametrize("form", [
    {}, {"name": ""}, {"name": "x" * 10_000}, {"name": "\u202e\x00"},
    {"name": "Ok", "deck": "nope"}, {"name": "Ok", "turn_seconds": "1e9"},
    {"name": "Ok", "turn_seconds": "-1"}, {"name": "Ok", "turn_seconds": "NaN"},
    {"name": "Ok", "turn_seconds": "９０"}, {"name": ["", "b"]},  # a form reads the first
])
def test_bad_create_forms_get_the_form_back_with_a_message(client, form):
    response = client.post("/rooms", data=form)
    assert response.status_code == 400
    assert 'role="alert"' in response.get_data(as_text=True)
