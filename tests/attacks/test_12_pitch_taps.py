"""Finding 12: anyone watching a table could count pitch taps, since each one sent the table an
empty update and moved its version. On a real server: while listeners tap, a viewer and a
phone at the table receive nothing and their `sync` shows the same versions; the host's screen
alone counts the taps."""

import threading

from tests.live.helpers import Screen, create_room


def test_only_the_host_learns_of_pitch_taps(live_server):
    server = live_server()
    code, key = create_room(server.url)
    host = Screen(server.url, code, host_key=key)
    phones = [Screen(server.url, code) for _ in range(4)]
    for i, phone in enumerate(phones):
        phone.join(f"P{i}")
    viewer = Screen(server.url, code)
    assert host.call("host", {"action": "start"})["ok"]
    speaker = host.rewatch()["tables"]["1"]["sections"]["turns"]["current"]
    listeners = [p for p in phones if p.me != speaker]
    heard: list[str] = []
    for screen in (viewer, *phones):
        for event in ("room_update", "table_update", "host_update"):
            screen.sio.on(event, lambda *_, name=event: heard.append(name))
    told = threading.Event()
    host.sio.on("host_update", lambda *_: told.set())
    before = viewer.call("sync")

    for phone in listeners:
        assert phone.call("pitch_tap")["ok"]
    assert told.wait(timeout=10)
    assert viewer.call("sync") == before
    assert listeners[0].call("sync")["tables"] == before["tables"]
    figures = host.rewatch()["tables"]["1"]["sections"]["generosity"]["nudges"]["current"]
    assert figures["taps"] == len(listeners)
    assert host.call("sync")["tables"] == before["tables"]  # the host's version stays too
    assert heard == []
    for screen in (host, viewer, *phones):
        screen.close()
