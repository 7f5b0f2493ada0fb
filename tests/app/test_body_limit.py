"""Request bodies: refused by their declared size before any view runs (the attack itself, on a
real server, is in tests/attacks/test_03_request_body.py); the largest a page sends still fits."""

import json

from facilitator.body_limit import SMALL_BODY_BYTES
from facilitator.core.state.again import MAX_DECK_PROMPTS
from facilitator.core.state.decks import HINT_MAX_LEN, PROMPT_MAX_LEN


def test_the_largest_deck_the_form_can_send_fits_the_body_limit(app, client):
    # Every character astral: 4 bytes of UTF-8, 12 once percent-encoded.
    prompt = {"text": "\U0001f642" * PROMPT_MAX_LEN, "hint": "\U0001f642" * HINT_MAX_LEN}
    deck = json.dumps({"prompts": [prompt] * MAX_DECK_PROMPTS}, ensure_ascii=False)
    created = client.post("/rooms", data={"name": "Big deck", "deck": "custom", "prompts": deck,
                                          "turn_seconds": "90"})
    assert created.status_code == 303
    assert int(created.request.headers["Content-Length"]) > SMALL_BODY_BYTES * 10


def test_a_body_over_the_limit_is_refused_with_a_page_that_says_so(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    refused = client.post("/rooms", data={"name": "x" * 2000})
    assert refused.status_code == 413
    assert "more than this page accepts" in refused.get_data(as_text=True)
    assert refused.headers["Connection"] == "close"
