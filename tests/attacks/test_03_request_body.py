"""Finding 3: a 300 MB PUT to the contact route was read whole and answered 200, and a 200 MB
form post was read before CSRF refused it. Now a body is refused by its declared size, with 413,
before any of it is sent."""

import requests

from facilitator.body_limit import SMALL_BODY_BYTES

from .helpers import TIMEOUT, participant

HUGE = 300 * 1024 * 1024


def test_a_huge_contact_put_is_refused_before_its_body_is_sent(attacked_server, raw_http):
    code, token = participant(attacked_server.url)
    attacker = raw_http(attacked_server.url)
    attacker.head("PUT", f"/j/{code}/me/contact", Authorization=f"Bearer {token}",
                  Content_Type="application/json", Content_Length=str(HUGE))
    status, headers = attacker.response()  # not one byte of the body was sent
    assert (status, headers.get("connection")) == (413, "close")
    # A contact of the right size is still taken.
    saved = requests.put(f"{attacked_server.url}/j/{code}/me/contact",
                         json={"email": "m@example.org"},
                         headers={"Authorization": f"Bearer {token}"}, timeout=TIMEOUT)
    assert saved.status_code == 200 and saved.json()["ok"]


def test_a_small_route_refuses_what_the_create_form_would_take(attacked_server):
    code, token = participant(attacked_server.url)
    too_big = requests.put(f"{attacked_server.url}/j/{code}/me/contact",
                           data=b"{" + b" " * SMALL_BODY_BYTES + b"}",
                           headers={"Authorization": f"Bearer {token}",
                                    "Content-Type": "application/json"}, timeout=TIMEOUT)
    assert too_big.status_code == 413


def test_a_huge_form_post_is_refused_before_csrf_reads_it(attacked_server, raw_http):
    attacker = raw_http(attacked_server.url)
    attacker.head("POST", "/rooms", Content_Type="application/x-www-form-urlencoded",
                  Content_Length=str(200 * 1024 * 1024))
    status, _ = attacker.response()
    assert status == 413


def test_a_body_that_does_not_say_its_length_is_refused(attacked_server, raw_http):
    attacker = raw_http(attacked_server.url)
    attacker.head("POST", "/api/rooms", Content_Type="application/json",
                  Transfer_Encoding="chunked")
    chunk = b"x" * 65536
    attacker.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))  # and more to come, it says
    status, headers = attacker.response()
    assert (status, headers.get("connection")) == (411, "close")
