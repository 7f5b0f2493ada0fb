"""The access log: a line per request, with the route's pattern, never a secret, and the
client's network rather than its address (issue 16.15)."""

import logging

from facilitator.access_log import network_of

from .helpers import create_room


def test_each_request_is_logged_without_its_secrets(client, caplog):
    code, key = create_room(client)
    caplog.set_level(logging.INFO, logger="facilitator.access")
    client.get(f"/host/{code}/export.csv", headers={"Authorization": f"Bearer {key}"},
               environ_base={"REMOTE_ADDR": "203.0.113.77"})
    client.get("/mail/unsubscribe/secret-token-123?utm=x")
    client.get(f"/join?code={code}")
    lines = [r.getMessage() for r in caplog.records if r.name == "facilitator.access"]
    assert lines[0].startswith(f"203.0.113.0/24 GET /host/<code>/export.<fmt> {code} 200 ")
    assert lines[1].startswith("127.0.0.0/24 GET /mail/unsubscribe/<token> - 404 ")
    assert lines[2].startswith("127.0.0.0/24 GET /join - 302 ")
    everything = "\n".join(lines)
    for secret in (key, "secret-token-123", "utm", "203.0.113.77"):
        assert secret not in everything


def test_addresses_are_shortened_to_their_network():
    assert network_of("192.168.1.23") == "192.168.1.0/24"
    assert network_of("2001:db8:1234:5678::9") == "2001:db8:1234::/48"
    assert network_of(None) == network_of("not an address") == "?"
