"""Finding 7, posts per address: bots joined from one machine each had their own share of the
board (25 posts, 10 a minute), so together they filled it. On a real server whose address may
post 6 a minute (RATELIMIT_POSTS_PER_ADDRESS; the default lets every person of the largest room
post in the same minute from behind one venue NAT): three bots post three each, the seventh
post is refused with a clear message and leaves the board as it was, and the same phones can
still do everything else."""

from facilitator.security import TOO_MANY_POSTS
from tests.live.helpers import Screen, create_room

PER_ADDRESS = 6


def test_one_address_can_post_only_so_much_whoever_it_joined_as(live_server):
    server = live_server(extra_env={"RATELIMIT_POSTS_PER_ADDRESS": f"{PER_ADDRESS} per minute"})
    code, key = create_room(server.url)
    host = Screen(server.url, code, host_key=key)
    bots = [Screen(server.url, code) for _ in range(3)]
    acks = []
    for i, bot in enumerate(bots):
        bot.join(f"Bot {i}")
        acks += [bot.call("post_ask", {"text": f"spam {i}.{n}"}) for n in range(3)]
    assert [a["ok"] for a in acks] == [True] * PER_ADDRESS + [False] * 3
    assert {a["error"] for a in acks[PER_ADDRESS:]} == {TOO_MANY_POSTS}
    assert len(host.rewatch()["items"]["posts"]) == PER_ADDRESS
    assert bots[2].call("profile", {"name": "Bot 2, renamed"})["ok"]
    for screen in (host, *bots):
        screen.close()
