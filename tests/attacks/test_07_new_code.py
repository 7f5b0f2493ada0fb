"""Finding 7, a code that leaked: someone flooding the event with scripted joins has its code,
so closing the event would shut out latecomers too. On a real server: the host closes the event
with a new code for latecomers; the old code takes no newcomer, the new one (from its page and
QR) does; a phone that joined before keeps working; nobody but the host learns the new code."""

import requests

from facilitator.core.state.room import NEW_CODE
from tests.live.helpers import Screen, create_room


def test_a_new_code_lets_latecomers_in_while_the_old_one_is_closed(live_server):
    server = live_server()
    code, key = create_room(server.url)
    host = Screen(server.url, code, host_key=key)
    ann = Screen(server.url, code)
    ann.join("Ann")
    assert host.call("host", {"action": "lock", "args": {"locked": True, "new_code": True}})["ok"]
    late = host.rewatch()["sections"]["latecomers"]["code"]
    assert late.startswith(code) and late != code

    viewer = Screen(server.url, code)
    assert late not in str(viewer.rewatch())
    refused = viewer.call("join", {"code": code, "name": "Bot"})
    assert not refused["ok"] and refused["error"] == NEW_CODE

    page = requests.get(f"{server.url}/j/{late.lower()}", timeout=10, allow_redirects=True)
    assert page.status_code == 200 and f'data-join-code="{late}"' in page.text
    assert requests.get(f"{server.url}/qr/{late}.svg", timeout=10).status_code == 200
    latecomer = Screen(server.url, code)
    assert latecomer.call("join", {"code": late, "name": "Latecomer"})["ok"]

    assert ann.call("post_ask", {"text": "Still here"})["ok"]
    assert ann.rewatch()["items"]["people"][ann.me]["status"] == "here"
    for screen in (host, ann, viewer, latecomer):
        screen.close()
