"""The live round against a real server process, in each async mode the app supports."""

import pytest

from .helpers import Screen, create_room


@pytest.mark.parametrize("async_mode", ["eventlet", "gevent", "threading"])
def test_a_round_on_a_real_server(live_server, async_mode):
    server = live_server(extra_env={"ASYNC_MODE": async_mode})
    code, key = create_room(server.url, turn_seconds=60)
    host = Screen(server.url, code, host_key=key)
    phones = [Screen(server.url, code) for _ in range(3)]
    acks = [phone.join(f"Phone {i}") for i, phone in enumerate(phones)]
    ids = [a["me"] for a in acks]

    assert host.call("host", {"action": "start"})["ok"]
    for phone in phones:
        phone.wait_for(lambda s: s.turns["current"] == ids[0])
    assert phones[0].call("turn_done")["ok"]
    assert phones[1].call("turn_pass")["ok"]
    for screen in [host, *phones]:
        screen.wait_for(lambda s: s.turns["current"] == ids[2])
        assert screen.table["sections"]["order"]["pids"] == [ids[0], ids[2], ids[1]]
    # Every screen counts down to the same server deadline.
    assert len({s.turns["deadline"] for s in [host, *phones]}) == 1
    for screen in [host, *phones]:
        screen.close()
