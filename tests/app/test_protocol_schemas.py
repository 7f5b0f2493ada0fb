"""docs/protocol-schemas.md is generated from the payload models and lists every event a client
sends and every body it posts: it can't go stale, nor miss one."""

import json
import re

from facilitator.core.state.features import Features
from facilitator.extensions import socketio
from facilitator.payloads import schema_doc
from facilitator.payloads.catalogue import BODIES, EVENTS
from facilitator.serving import MALFORMED_EVENT


def test_the_schemas_doc_is_up_to_date():
    assert schema_doc.DOC.read_text(encoding="utf-8") == schema_doc.render(), (
        f"docs/protocol-schemas.md is stale: run {schema_doc.COMMAND}")


def test_the_catalogue_has_every_event_the_server_answers(app):
    answered = {event for event in socketio.server.handlers["/"]
                if event not in ("connect", "disconnect", MALFORMED_EVENT)}
    assert {entry.name for entry in EVENTS} == answered


def test_the_catalogue_s_bodies_are_routes_the_server_serves(app):
    served = {(method, rule.rule) for rule in app.url_map.iter_rules()
              for method in rule.methods or ()}
    for entry in BODIES:
        method, path = entry.name.split(" ")
        assert (method, path.replace("<CODE>", "<code>")) in served, entry.name


def test_every_field_of_every_payload_is_in_the_doc():
    doc = schema_doc.DOC.read_text(encoding="utf-8")
    for entry in (*EVENTS, *BODIES):
        assert f"`{entry.name}`" in doc
        for name, info in (entry.model.model_fields.items() if entry.model else ()):
            assert f"| `{info.alias or name}` |" in doc, (entry.name, name)


def test_the_protocol_doc_shows_every_switch_the_features_section_has():
    doc = (schema_doc.DOC.parent / "protocol.md").read_text(encoding="utf-8")
    shown = re.search(r"^`features`:.*?```json\n(.*?)```", doc, re.MULTILINE | re.DOTALL)
    assert shown and json.loads(shown.group(1)) == Features().public()
