"""Finding 8: join-and-leave cycles grew an event's records without bound, and a token kept
from before walked back in past the participant cap. On a real server with rooms of 3: a script
joins and leaves 20 times, and the event keeps at most 6 records (forgetting those who left no
trace); a kept token is refused while the room is full."""

from tests.live.helpers import Screen, create_room


def test_join_leave_cycles_and_kept_tokens_stay_bounded(live_server):
    server = live_server(extra_env={"MAX_PARTICIPANTS": "3"})
    code, key = create_room(server.url)
    host = Screen(server.url, code, host_key=key)
    kept = Screen(server.url, code)
    kept.join("Kept token")
    assert kept.call("post_ask", {"text": "Remember me"})["ok"]  # a trace: never forgotten
    assert kept.call("leave")["ok"]
    for i in range(20):
        bot = Screen(server.url, code)
        bot.join(f"Bot {i}")
        assert bot.call("leave")["ok"]
        bot.close()
    people = host.rewatch()["items"]["people"]
    assert len(people) <= 6
    phones = [Screen(server.url, code) for _ in range(3)]
    for phone, name in zip(phones, ("Ann", "Bob", "Cat"), strict=True):
        phone.join(name)
    refused = kept.call("watch", {"code": code, **kept.identity})
    assert not refused["ok"] and "full" in refused["error"]
    assert sum(p["status"] == "here" for p in host.rewatch()["items"]["people"].values()) == 3
    for screen in (kept, host, *phones):
        screen.close()
