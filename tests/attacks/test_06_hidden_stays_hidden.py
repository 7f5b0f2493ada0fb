"""Finding 6: the author of a hidden ask deleting it must not bring back the offers hidden with
it. On a real server: the host hides an ask with an offer under it, its author deletes the ask,
and neither a phone following the deltas nor a fresh snapshot shows the offer; the host still
has it, to restore."""

from tests.live.helpers import Screen, create_room


def test_deleting_a_hidden_ask_brings_nothing_back(live_server):
    server = live_server()
    code, key = create_room(server.url)
    host = Screen(server.url, code, host_key=key)
    author, helper, watcher = (Screen(server.url, code) for _ in range(3))
    author.join("Troll")
    helper.join("Helper")
    watcher.join("Watcher")
    ask = author.call("post_ask", {"text": "Something rude"})["id"]
    offer = helper.call("post_offer", {"kind": "help", "text": "Said under it", "ask": ask})["id"]
    assert host.call("moderate", {"id": ask, "hidden": True})["ok"]
    deleted = author.call("delete_post", {"id": ask})
    assert deleted["ok"], deleted

    watcher.wait_for(lambda s: s.version >= deleted["version"])
    assert offer not in watcher.state["items"]["posts"]
    assert offer not in watcher.rewatch()["items"]["posts"]
    assert helper.call("edit_post", {"id": offer, "text": "Back?"})["ok"] is False
    host_view = host.rewatch()
    assert host_view["items"]["hidden_posts"][offer]["hidden"] is True
    for screen in (host, author, helper, watcher):
        screen.close()
