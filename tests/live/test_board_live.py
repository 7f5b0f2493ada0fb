"""The board on a real server: nine phones posting at once converge on one board, a hidden post
vanishes from every screen, and a crash (SIGKILL) loses no acknowledged post."""

import threading

from .helpers import TIMEOUT, Screen, create_room

PHONES = 9


def board(screen: Screen) -> dict:
    """The posts this screen shows, by id (a delta's null means gone)."""
    return {i: p for i, p in screen.state["items"].get("posts", {}).items() if p is not None}


def in_parallel(work, count: int) -> list:
    """Run `work(i)` on `count` threads started together; re-raise the first failure."""
    results: list = [None] * count
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def run(i: int) -> None:
        try:
            start.wait(TIMEOUT)
            results[i] = work(i)
        except BaseException as exc:  # noqa: BLE001  (reported on the test's thread)
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT * 3)
    assert not any(t.is_alive() for t in threads), "a client never finished"
    if errors:
        raise errors[0]
    return results


def settle(screens: list[Screen], version: int) -> None:
    for screen in screens:
        screen.wait_for(lambda s: s.version >= version)


def test_nine_phones_share_one_board_through_hiding_and_a_crash(live_server):
    server = live_server()
    code, key = create_room(server.url)
    host = Screen(server.url, code, host_key=key)
    phones = [Screen(server.url, code, name="?") for _ in range(PHONES)]
    pids = [phone.join(f"Phone {i}")["me"] for i, phone in enumerate(phones)]
    screens = [host, *phones]

    # Everyone asks at once.
    asks = in_parallel(lambda i: phones[i].call("post_ask", {"text": f"Help {i} needs"}),
                       PHONES)
    assert all(a["ok"] for a in asks), asks
    settle(screens, max(a["version"] for a in asks))

    # Then everyone offers on their neighbour's ask and to the next speaker, at once.
    def offer(i: int) -> list[dict]:
        neighbour = asks[(i + 1) % PHONES]["id"]
        return [phones[i].call("post_offer", {"kind": "help", "text": f"{i} can help",
                                              "ask": neighbour}),
                phones[i].call("post_offer", {"kind": "intro", "text": "Meet my friend",
                                              "to": pids[(i + 2) % PHONES], "who": "Dana"})]

    offers = [ack for pair in in_parallel(offer, PHONES) for ack in pair]
    assert all(o["ok"] for o in offers), offers
    acked = {a["id"] for a in asks} | {o["id"] for o in offers}
    version = max(o["version"] for o in offers)
    settle(screens, version)
    versions = [a["version"] for a in asks + offers]
    assert len(set(versions)) == len(versions)  # each post is its own change
    for screen in screens:
        assert board(screen) == board(host)
        assert set(board(screen)) == acked
        assert screen.state["sections"]["board"] == {"asks": PHONES, "met": 0,
                                                     "offers": 2 * PHONES}

    # The asker takes up the offer on their ask; the room sees it met.
    taken = phones[1].call("take_offer", {"id": offers[0]["id"], "taken": True})
    assert taken["ok"], taken

    # The host hides one ask: it and its offer vanish from every screen at once.
    hidden_ask = asks[4]["id"]
    under_it = next(i for i, p in board(host).items() if p.get("ask") == hidden_ask)
    hidden = host.call("moderate", {"id": hidden_ask, "hidden": True})
    assert hidden["ok"], hidden
    settle(screens, hidden["version"])
    for screen in screens:
        assert hidden_ask not in board(screen) and under_it not in board(screen)
        assert screen.state["sections"]["board"]["asks"] == PHONES - 1
        assert screen.state["sections"]["board"]["met"] == 1
    before_crash = board(host)

    # A crash: nothing acknowledged is lost, and every screen picks up where it was.
    stale = {id(screen): screen.state for screen in screens}
    server.kill()
    server.restart()
    for screen in screens:  # each reconnects by itself and takes a fresh snapshot
        screen.wait_for(lambda s: s.state is not stale[id(s)])
        assert screen.version == hidden["version"]
        assert board(screen) == before_crash
    late = Screen(server.url, code, name="?")
    late.join("Late")
    assert set(board(late)) == acked - {hidden_ask, under_it}
    host_view = host.call("watch", {"code": code, "host_key": key})["snapshot"]
    assert set(host_view["items"]["hidden_posts"]) == {hidden_ask, under_it}
    for screen in [*screens, late]:
        screen.close()
