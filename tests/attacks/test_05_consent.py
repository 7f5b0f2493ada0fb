"""Finding 5: an offer posted *to* someone must not open their shared contact details.

The attack, on a real server: Mallory posts a one-sided offer to everyone who shares "with the
people I exchanged with", then reads her follow-up page; a latecomer does the same after the
sharer left. Neither gets an address; Bob, whose offer Ann took up, does."""

import requests

from tests.live.helpers import TIMEOUT, Screen, create_room


def followup(url: str, code: str, token: str) -> dict:
    response = requests.get(f"{url}/j/{code}/me.json", timeout=TIMEOUT,
                            headers={"Authorization": f"Bearer {token}"},
                            proxies={"http": "", "https": ""})
    assert response.status_code == 200, response.text
    return response.json()


def test_one_sided_offers_collect_no_contact_details(live_server):
    server = live_server()
    code, _ = create_room(server.url)
    ann, bob, mallory = (Screen(server.url, code) for _ in range(3))
    ann_id = ann.join("Ann")["me"]
    bob.join("Bob")
    mallory.join("Mallory")
    shared = requests.put(f"{server.url}/j/{code}/me/contact", timeout=TIMEOUT,
                          headers={"Authorization": f"Bearer {ann.identity['token']}"},
                          json={"email": "ann@example.org", "share": True},
                          proxies={"http": "", "https": ""})
    assert shared.status_code == 200, shared.text
    for phone in (bob, mallory):
        assert phone.call("post_offer", {"kind": "help", "text": "An hour", "to": ann_id})["ok"]
    ann.wait_for(lambda s: len(s.state["items"].get("posts", {})) == 2)
    [bobs] = [p for p in ann.state["items"]["posts"].values() if p["author"] == bob.me]
    assert ann.call("take_offer", {"id": bobs["id"], "taken": True})["ok"]
    assert ann.call("leave")["ok"]
    late = Screen(server.url, code)
    late.join("Late")
    assert late.call("post_offer", {"kind": "help", "text": "Me too", "to": ann_id})["ok"]

    assert followup(server.url, code, bob.identity["token"])["contacts"][0]["email"] \
        == "ann@example.org"
    for attacker in (mallory, late):
        page = followup(server.url, code, attacker.identity["token"])
        assert page["contacts"] == [] and "ann@example.org" not in str(page)
    assert followup(server.url, code, ann.identity["token"])["my_audience"] == ["Bob"]
    for phone in (ann, bob, mallory, late):
        phone.close()
