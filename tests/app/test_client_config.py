"""Pages learn the server's rules from the server: base.html's `#client-config` block and the
forms' limits equal the core's constants, and the protocol names the scripts use
(static/js/shared/protocol.js) are the ones the server speaks."""

import json
import os
import re
import shutil
import subprocess
from dataclasses import fields
from html.parser import HTMLParser
from pathlib import Path

import pytest

from facilitator.core.sections import Collection, Section
from facilitator.core.state import board, contacts, decks, features, participants, text, turns
from facilitator.core.state.room import ROOM_NAME_MAX_LEN

from .helpers import create_room

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL_JS = ROOT / "static" / "js" / "shared" / "protocol.js"
PROTOCOL_MD = ROOT / "docs" / "protocol.md"


class Fields(HTMLParser):
    """Every element's attributes by id, and the client-config block's text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.by_id: dict[str, dict[str, str | None]] = {}
        self.config_text = ""
        self._in_config = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if found.get("id"):
            self.by_id[found["id"]] = found
        self._in_config = found.get("id") == "client-config"

    def handle_data(self, data):
        if self._in_config:
            self.config_text += data

    def handle_endtag(self, tag):
        self._in_config = False

    def maxlength(self, element_id: str) -> int:
        return int(self.by_id[element_id]["maxlength"])


def page(client, path: str) -> Fields:
    response = client.get(path)
    assert response.status_code == 200
    return Fields(response.get_data(as_text=True))


def test_every_page_carries_the_cores_limits_kinds_and_features(client):
    home = page(client, "/")
    assert home.by_id["client-config"]["type"] == "application/json"  # data, never run
    config = json.loads(home.config_text)
    limits = config["limits"]
    assert limits["room_name"] == ROOM_NAME_MAX_LEN
    assert limits["profile"]["name"] == participants.NAME_MAX_LEN
    assert limits["profile"]["about"] == participants.ABOUT_MAX_LEN
    assert limits["post"] == {"text": board.TEXT_MAX_LEN, "who": board.WHO_MAX_LEN,
                              "link": text.LINK_MAX_LEN}
    assert limits["prompt"] == {"text": decks.PROMPT_MAX_LEN, "hint": decks.HINT_MAX_LEN}
    assert limits["turn_seconds"] == {"min": turns.MIN_TURN_SECONDS, "max": turns.MAX_TURN_SECONDS}
    assert limits["contact"] == {"email": contacts.EMAIL_MAX_LEN, "phone": contacts.PHONE_MAX_LEN,
                                 "link": text.LINK_MAX_LEN}
    assert config["offer_kinds"] == board.OFFER_KINDS
    assert config["features"] == features.LABELS
    assert set(config["features"]) == {f.name for f in fields(features.Features)} - {"pitch_share"}


def test_the_interests_field_holds_as_many_interests_as_the_server_takes(client):
    config = json.loads(page(client, "/").config_text)
    longest = ", ".join(["x" * participants.INTEREST_MAX_LEN] * participants.MAX_INTERESTS)
    assert len(longest) <= config["limits"]["profile"]["interests"]


def test_the_forms_limit_what_the_server_limits(client):
    code, _ = create_room(client)
    assert page(client, "/").maxlength("event-name") == ROOM_NAME_MAX_LEN
    phone = page(client, f"/j/{code}")
    assert phone.maxlength("join-name") == participants.NAME_MAX_LEN
    assert phone.maxlength("join-about") == participants.ABOUT_MAX_LEN
    assert phone.maxlength("board-ask-text") == board.TEXT_MAX_LEN
    assert phone.maxlength("gen-introduce-text") == board.TEXT_MAX_LEN
    host = page(client, f"/host/{code}")
    assert host.maxlength("prompt-add-text") == decks.PROMPT_MAX_LEN
    assert host.maxlength("prompt-add-hint") == decks.HINT_MAX_LEN
    assert host.maxlength("board-ask-for-text") == board.TEXT_MAX_LEN
    seconds = host.by_id["turn-seconds-input"]
    assert int(seconds["min"]) == turns.MIN_TURN_SECONDS
    assert int(seconds["max"]) == turns.MAX_TURN_SECONDS
    followup = page(client, f"/j/{code}/me")
    assert followup.maxlength("contact-email") == contacts.EMAIL_MAX_LEN
    assert followup.maxlength("contact-phone") == contacts.PHONE_MAX_LEN
    assert followup.maxlength("contact-link") == text.LINK_MAX_LEN


def js_exports(path: Path) -> dict:
    """The exports of a module with no imports, as Node.js reads them."""
    node = shutil.which("node")
    if not node:
        if os.environ.get("CI") == "true":
            pytest.fail("Node.js is needed to read the pages' modules (required in CI)")
        pytest.skip("Node.js is needed to read the pages' modules")
    script = "const m = await import(process.argv[1]); console.log(JSON.stringify(m));"
    run = subprocess.run([node, "--input-type=module", "-e", script, path.as_uri()],
                         capture_output=True, text=True, timeout=60, check=True)
    return json.loads(run.stdout)


def documented_names() -> tuple[set[str], set[str]]:
    """The sections and item collections docs/protocol.md defines (a line starting `name`:)."""
    doc = PROTOCOL_MD.read_text(encoding="utf-8")
    sections = doc[doc.index("### Sections"):doc.index("### Items")]
    items = doc[doc.index("### Items"):doc.index("## Client")]
    named = r"^`(\w+)`(?=:| \(\*\*host only)"
    also = set(re.findall(r"^Item collection `(\w+)`", doc, re.M))  # airtime, among the sections
    return set(re.findall(named, sections, re.M)), set(re.findall(named, items, re.M)) | also


def test_the_scripts_use_the_protocols_names():
    protocol = js_exports(PROTOCOL_JS)
    sections, collections = documented_names()
    assert set(protocol["SECTION"].values()) == sections == set(Section)
    assert set(protocol["COLLECTION"].values()) == collections == set(Collection)
    assert protocol["IN_ROUND"] == list(turns.IN_ROUND)
    assert protocol["ASK_PROMPT"] == decks.ASK_PROMPT
