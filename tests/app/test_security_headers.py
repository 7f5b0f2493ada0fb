"""Web hardening over HTTP: security headers, CSRF, allowed origins, and the create-room limit."""

import re

import pytest

from facilitator import create_app

EVIL = "http://evil.example"


@pytest.fixture
def make_app(tmp_path):
    """An app like the `app` fixture, with CSRF and rate limits as each test needs them."""
    made = []

    def make(**overrides):
        config = {"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path}/sec.db",
                  "PUBLIC_URL": "http://127.0.0.1:5000", "SECRET_KEY": "test",
                  "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False, **overrides}
        made.append(create_app(config))
        return made[-1]

    yield make
    for app in made:
        app.extensions["room_store"].engine.dispose()


def csp_of(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: " ".join(part.split()[1:])
            for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/healthz", "/no-such-page"])
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    csp = csp_of(response)
    assert csp["script-src"] == "'self'"
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"]
    assert csp["default-src"] == "'self'" and csp["style-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'" and csp["object-src"] == "'none'"
    assert csp["base-uri"] == "'self'" and csp["form-action"] == "'self'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    # No URL of ours (a host screen's, say) is ever sent to another site as a referrer.
    assert response.headers["Referrer-Policy"] in ("same-origin", "no-referrer")
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_plain_http_is_served_and_https_can_be_forced(make_app):
    assert make_app().test_client().get("/").status_code == 200
    forced = make_app(FORCE_HTTPS=True).test_client().get("/")
    assert forced.status_code == 302 and forced.headers["Location"].startswith("https://")


def test_session_cookie_is_http_only_and_same_site(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    client.get("/")
    cookie = client.get_cookie("session")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax"
    assert not cookie.secure  # venue laptops serve plain http; https deployments get Secure
    secure = make_app(WTF_CSRF_ENABLED=True, PUBLIC_URL="https://f.example").test_client()
    secure.get("/")
    assert secure.get_cookie("session").secure


def test_create_form_needs_its_csrf_token(make_app):
    client = make_app(WTF_CSRF_ENABLED=True).test_client()
    form = {"name": "Breakfast", "deck": "classic", "turn_seconds": "90"}
    refused = client.post("/rooms", data=form)
    assert refused.status_code == 400
    assert "reload the page" in refused.get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").get_data(True))
    created = client.post("/rooms", data={**form, "csrf_token": token.group(1)})
    assert created.status_code == 303


def test_posts_from_other_sites_are_refused(client):
    form = {"name": "Breakfast", "deck": "classic", "turn_seconds": "90"}
    refused = client.post("/rooms", data=form, headers={"Origin": EVIL})
    assert refused.status_code == 403
    assert "other sites" in refused.get_data(as_text=True)
    assert client.post("/rooms", data=form, headers={"Origin": "null"}).status_code == 403
    same = client.post("/rooms", data=form, headers={"Origin": "http://localhost"})
    assert same.status_code == 303


def handshake(client, origin: str | None):
    headers = {"Origin": origin} if origin else {}
    return client.get("/socket.io/?EIO=4&transport=polling", headers=headers)


def test_socketio_accepts_only_its_own_and_configured_origins(make_app):
    client = make_app(ALLOWED_ORIGINS="https://projector.example, https://b.example").test_client()
    refused = handshake(client, EVIL)
    assert refused.status_code == 400 and b"Not an accepted origin" in refused.data
    assert "Access-Control-Allow-Origin" not in refused.headers
    for origin in ("http://localhost", "https://projector.example", "https://b.example",
                   "http://127.0.0.1:5000", None):  # own, configured, PUBLIC_URL, non-browser
        ok = handshake(client, origin)
        assert ok.status_code == 200, origin
        assert ok.headers.get("Access-Control-Allow-Origin") in (origin, None)
        assert ok.headers.get("Access-Control-Allow-Origin") != "*"


def test_room_creation_is_rate_limited_with_a_clear_message(make_app):
    client = make_app(RATELIMIT_ENABLED=True, RATELIMIT_CREATE_ROOM="2 per minute").test_client()
    form = {"name": "Breakfast", "deck": "classic", "turn_seconds": "90"}
    assert [client.post("/rooms", data=form).status_code for _ in range(2)] == [303, 303]
    limited = client.post("/rooms", data=form)
    assert limited.status_code == 429
    assert "Please wait a minute" in limited.get_data(as_text=True)
    assert int(limited.headers["Retry-After"]) > 0
    assert client.get("/").status_code == 200  # pages stay reachable


def test_behind_a_proxy_limits_count_each_client_not_the_proxy(make_app):
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_CREATE_ROOM="1 per minute", PROXY_HOPS=1)
    client = app.test_client()
    form = {"name": "Breakfast", "deck": "classic", "turn_seconds": "90"}

    def create(address: str) -> int:
        return client.post("/rooms", data=form, headers={"X-Forwarded-For": address}).status_code

    assert [create("203.0.113.7"), create("203.0.113.7"), create("198.51.100.2")] == [
        303, 429, 303]


def test_creating_over_json_is_limited_and_checked_for_origin_like_the_form(make_app):
    client = make_app(RATELIMIT_ENABLED=True, RATELIMIT_CREATE_ROOM="1 per minute").test_client()
    body = {"name": "Breakfast", "deck": "classic"}
    other_site = client.post("/api/rooms", json=body, headers={"Origin": EVIL})
    assert other_site.status_code == 403
    assert other_site.get_json() == {"ok": False,
                                     "error": "Requests from other sites are not accepted."}
    assert client.post("/api/rooms", json=body).status_code == 201
    limited = client.post("/api/rooms", json=body)
    assert limited.status_code == 429 and limited.get_json()["ok"] is False
    assert "Please wait a minute" in limited.get_json()["error"]


@pytest.mark.parametrize("host", ["localhost:5000", "127.0.0.1:5000", "192.168.1.20:5000",
                                  "[::1]:5000", "10.0.0.7", "meet.example.org",
                                  "screens.example.net:8080"])
def test_requests_to_any_address_and_the_known_names_are_answered(make_app, host):
    app = make_app(PUBLIC_URL="https://meet.example.org", ALLOWED_HOSTS=".example.net")
    response = app.test_client().get("/", headers={"Host": host})
    assert response.status_code == 200
    # Scripts connect only to this very origin (and its WebSocket twins).
    assert csp_of(response)["connect-src"] == f"'self' ws://{host} wss://{host}"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:5000", "meet.example.org.evil",
                                  "127.0.0.1:5000; script-src *", "1.2.3.4.evil.example"])
def test_requests_to_other_names_are_refused_before_any_work(make_app, host):
    """DNS rebinding: a page of evil.example, its name pointed at the laptop, would otherwise
    be "same origin" with the event's pages and sockets."""
    app = make_app(PUBLIC_URL="https://meet.example.org")
    client = app.test_client()
    for path in ("/", "/socket.io/?EIO=4&transport=polling"):
        response = client.get(path, headers={"Host": host, "Origin": f"http://{host}"})
        assert response.status_code == 400
        assert b"doesn't answer to that name" in response.data
