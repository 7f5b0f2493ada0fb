"""Finding 7: scripted joins filled the board and the seats, and the host could neither delete
nor keep a removed bot from coming back. On a real server: a script joins 12 bots that post;
the host closes the event (a new bot is refused, someone who left earlier comes back), deletes a
hidden post for good, removes everyone who joined in the last minutes with their posts (their
tokens stop working), and opens the event again for a latecomer."""

from tests.live.helpers import Screen, create_room

BOTS = 12


def test_the_host_undoes_a_flood_of_scripted_joins(live_server):
    server = live_server()
    code, key = create_room(server.url)
    host = Screen(server.url, code, host_key=key)
    ann = Screen(server.url, code)
    ann.join("Ann")
    rude = ann.call("post_ask", {"text": "Something rude"})["id"]
    assert ann.call("leave")["ok"]
    bots = [Screen(server.url, code) for _ in range(BOTS)]
    for i, bot in enumerate(bots):
        bot.join(f"Bot {i}")
        for n in range(3):
            assert bot.call("post_ask", {"text": f"spam {i}.{n}"})["ok"]

    assert host.call("host", {"action": "lock", "args": {"locked": True}})["ok"]
    late_bot = Screen(server.url, code)
    refused = late_bot.call("join", {"code": code, "name": "Bot again"})
    assert not refused["ok"] and "closed this event to newcomers" in refused["error"]
    assert ann.rewatch()["items"]["people"][ann.me]["status"] == "here"  # her place is kept

    # A hidden post is deleted for good, freeing its place.
    assert host.call("moderate", {"id": rude, "hidden": True})["ok"]
    assert host.call("host", {"action": "delete_post", "args": {"id": rude}})["ok"]
    view = host.rewatch()
    assert rude not in view["items"]["posts"] and rude not in view["items"]["hidden_posts"]

    removed = host.call("host", {"action": "remove_recent", "args": {"minutes": 5}})
    assert removed["ok"], removed
    view = host.rewatch()
    statuses = {p["name"]: p["status"] for p in view["items"]["people"].values()}
    assert all(statuses[f"Bot {i}"] == "removed" for i in range(BOTS))
    assert all(not p["text"].startswith("spam") for p in view["items"]["posts"].values())
    again = bots[0].call("watch", {"code": code, **bots[0].identity})
    assert not again["ok"]

    assert host.call("host", {"action": "lock", "args": {"locked": False}})["ok"]
    latecomer = Screen(server.url, code)
    latecomer.join("Latecomer")
    for screen in (host, ann, late_bot, latecomer, *bots):
        screen.close()
