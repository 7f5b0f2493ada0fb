"""The URL in the QR code must be one a phone on the venue wifi can open."""

import re

import pytest
import segno

from facilitator import create_app
from facilitator.pages import public_url

from .helpers import create_room


def test_public_url_wins(monkeypatch):
    monkeypatch.setattr(public_url, "lan_address", lambda: "10.1.2.3")
    assert public_url.base_url("https://meet.example.org/", "http://127.0.0.1:5000/") == (
        "https://meet.example.org")


def test_loopback_request_becomes_the_lan_address(monkeypatch):
    monkeypatch.setattr(public_url, "lan_address", lambda: "10.1.2.3")
    assert public_url.base_url("", "http://127.0.0.1:5000/") == "http://10.1.2.3:5000"
    assert public_url.base_url("", "http://localhost:8080/") == "http://10.1.2.3:8080"
    assert public_url.base_url("", "http://0.0.0.0:5000/") == "http://10.1.2.3:5000"


def test_an_address_phones_can_reach_is_kept(monkeypatch):
    monkeypatch.setattr(public_url, "lan_address", lambda: "10.1.2.3")
    assert public_url.base_url("", "http://laptop.local:5000/") == "http://laptop.local:5000"


def test_lan_address_is_never_loopback():
    address = public_url.lan_address()
    assert address is None or not public_url.is_loopback(address)


def test_qr_code_encodes_the_join_url(client, app):
    code, _ = create_room(client)
    svg = client.get(f"/qr/{code}.svg")
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"
    # Same modules as a QR code of the join URL: the path data draws every dark module.
    expected = segno.make(f"http://127.0.0.1:5000/j/{code}", error="m").svg_inline(
        scale=10, border=2)
    assert path_data(svg.text) == path_data(expected)


def path_data(svg: str) -> str:
    return re.findall(r'<path[^>]* d="([^"]+)"', svg)[-1]  # the last path: dark modules


def test_qr_for_unknown_room_is_404(client):
    assert client.get("/qr/ZZZZZZ.svg").status_code == 404


EVERY_INTERFACE = "0.0.0.0"  # noqa: S104  (HOST's default: a setting read, never bound here)


@pytest.mark.parametrize(("host", "lan", "public", "reason"), [
    (EVERY_INTERFACE, "10.1.2.3", "", None),  # README's default, on the venue wifi: no warning
    (EVERY_INTERFACE, None, "", "no-network"),  # listening everywhere, but on no network
    ("::", None, "", "no-network"),
    ("127.0.0.1", "10.1.2.3", "", "loopback-only"),
    ("localhost", "10.1.2.3", "", "loopback-only"),
    ("10.1.2.3", "10.1.2.3", "", None),  # one interface, the LAN's
    ("127.0.0.1", None, "https://events.example.org", None),  # phones use PUBLIC_URL
])
def test_the_host_screen_warns_only_when_phones_cant_reach_the_server(
        tmp_path, monkeypatch, host, lan, public, reason):
    monkeypatch.setattr(public_url, "lan_address", lambda: lan)
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path}/w.db",
                      "SECRET_KEY": "t", "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False,
                      "HOST": host, "PUBLIC_URL": public})
    client = app.test_client()
    code, _ = create_room(client)
    page = client.get(f"/host/{code}").get_data(as_text=True)
    app.extensions["room_store"].engine.dispose()
    if reason is None:
        assert "Phones can't reach" not in page
    else:
        assert f'data-reason="{reason}"' in page and "Phones can't reach" in page


def test_table_signs_carry_each_tables_name_colour_and_qr(client):
    created = client.post("/api/rooms", json={
        "name": "Breakfast", "tables": 2,
        "table_labels": [{"name": "<b>Oak</b>", "colour": "teal"}]}).get_json()
    code = created["code"]
    page = client.get(f"/host/{code}/signs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "&lt;b&gt;Oak&lt;/b&gt;" in html and "<b>Oak" not in html  # a name is shown as text
    assert 'data-colour="teal"' in html and 'data-colour="blue"' in html
    for number in (1, 2):
        assert f'src="/qr/{code}.svg?table={number}"' in html
    svg = client.get(f"/qr/{code}.svg?table=2")
    expected = segno.make(f"http://127.0.0.1:5000/j/{code}?table=2", error="m").svg_inline(
        scale=10, border=2)
    assert path_data(svg.text) == path_data(expected)


@pytest.mark.parametrize("table", ["0", "3", "x", "1e3", "٢"])
def test_a_qr_for_a_table_the_event_lacks_is_404(client, table):
    code, _ = create_room(client)
    assert client.get(f"/qr/{code}.svg", query_string={"table": table}).status_code == 404
