"""A reconnect storm: 200 phones in one room lose their connection at the same moment (as when the
venue Wi-Fi drops) and all reconnect on their own, while the host keeps running the round.

Every phone ends on the server's version, and every host action sent during the storm is
acknowledged. The duration is printed (run with -s to see it), never asserted.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from .helpers import Screen, create_room
from .reconnecting import RECONNECT_TIMEOUT, Reconnecting, drop

PHONES = 200
MIN_HOST_ACTIONS = 10


def drive_host(host: Reconnecting, storm_over: threading.Event, acks: list) -> None:
    """Pause and resume, one after the other, until the storm is over (and at least a few)."""
    actions = ["pause", "resume"]
    while not storm_over.is_set() or len(acks) < MIN_HOST_ACTIONS:
        action = actions[len(acks) % 2]
        acks.append((action, host.sio.call("host", {"action": action},
                                           timeout=RECONNECT_TIMEOUT)))


def test_two_hundred_phones_reconnect_at_once_and_the_host_is_served(live_server, screens):
    # Everyone joins from 127.0.0.1 here: one address, so the per-address join limit goes up.
    server = live_server(extra_env={"RATELIMIT_JOIN": "10000 per minute"})
    code, key = create_room(server.url, turn_seconds=300)
    host = screens(server.url, code, host_key=key)

    def join(i: int) -> str:
        """Join as phone `i` and hang up. Seated phones would each get every later join's change:
        some 20,000 messages for this test's own clients to handle, most of its run."""
        phone = Screen(server.url, code)
        try:
            return phone.join(f"Phone {i}")["token"]
        finally:
            phone.close()

    with ThreadPoolExecutor(max_workers=16) as pool:
        tokens = list(pool.map(join, range(PHONES)))
        phones = list(pool.map(lambda token: screens(server.url, code, token=token), tokens))
    # Seating is setup: on a starved machine python-engineio may have given up on a late ping
    # and reconnected meanwhile (browsers wait longer), so wait until everyone is caught up.
    for screen in [host, *phones]:
        screen.wait_for(lambda s: s.sio.connected and s.version == PHONES,
                        timeout=RECONNECT_TIMEOUT)
    assert host.call("host", {"action": "start"})["ok"]
    start_version = PHONES + 1
    for screen in [host, *phones]:
        screen.wait_for(lambda s: s.version == start_version, timeout=RECONNECT_TIMEOUT)

    # Counted from here: on a starved machine a client may also have reconnected while seating.
    connects = {id(s): s.connects for s in [host, *phones]}
    for phone in phones:
        phone.welcomed = None  # from here on: only the snapshot after reconnecting counts
    storm_over, acks = threading.Event(), []
    driver = threading.Thread(target=drive_host, args=(host, storm_over, acks))
    began = time.monotonic()
    driver.start()
    for phone in phones:
        drop(phone)
    for phone in phones:
        phone.wait_for(lambda s: s.connects > connects[id(s)] and s.welcomed is not None
                       and s.sio.connected, timeout=RECONNECT_TIMEOUT)
    storm_over.set()
    driver.join(timeout=RECONNECT_TIMEOUT)
    assert not driver.is_alive()
    storm_seconds = time.monotonic() - began

    assert len(acks) >= MIN_HOST_ACTIONS
    assert all(ack["ok"] for _, ack in acks), [a for a in acks if not a[1]["ok"]]
    assert host.connects == connects[id(host)]  # the host kept its connection throughout
    # The round is the table's: each action moved its version (as each join and the start did).
    table_version = host.rewatch()["tables"]["1"]["version"]
    assert table_version == start_version + len(acks)
    for screen in [host, *phones]:
        screen.wait_for(lambda s: s.table["version"] == table_version, timeout=RECONNECT_TIMEOUT)
        assert screen.turns["status"] == ("speaking" if len(acks) % 2 == 0 else "paused")
    print(f"\n{PHONES} phones dropped and reconnected in {storm_seconds:.1f} s; "
          f"the host's {len(acks)} actions during the storm were all acknowledged")

