"""An event of several tables served by two processes (one PostgreSQL, one Redis): a change
at a table made through either process reaches that table's phones on both, and a reshuffle
made through one moves every phone, on either, to its new table's stream.

Skipped (with the reason) when PostgreSQL or Redis is not running, unless CI is set.
"""

from .helpers import Screen, create_room

TABLES, PHONES = 3, 9  # three at each table: a round has three turns


def test_an_event_of_tables_runs_across_two_processes(two_processes):
    a, b = two_processes
    code, key = create_room(a.url, seating="count", tables=str(TABLES))
    hosts = [Screen(a.url, code, host_key=key), Screen(b.url, code, host_key=key)]
    phones = [Screen((a, b)[i % 2].url, code) for i in range(PHONES)]  # A, B, A, B, ...
    for i, phone in enumerate(phones):
        phone.join(f"Phone {i}")
    hosts[0].call("host", {"action": "start"})
    _every_table_moves_on(hosts, phones, spread=True)

    hosts[1].call("host", {"action": "end_round"})
    before = {phone.me: _seat(hosts[0], phone) for phone in phones}
    version = _acked(hosts[1].call("host", {"action": "reshuffle"}))["version"]
    for screen in hosts + phones:
        screen.wait_for(lambda s: s.version >= version)
    seats = {phone.me: _seat(hosts[1], phone) for phone in phones}
    assert seats != before and sorted(seats.values()) == sorted(before.values())
    for phone in phones:  # each now follows its new table alone, wherever it is connected
        phone.wait_for(lambda s: set(s.tables) == {str(seats[s.me])})

    hosts[1].call("host", {"action": "start"})
    _every_table_moves_on(list(reversed(hosts)), phones, spread=False)


def _every_table_moves_on(hosts: list[Screen], phones: list[Screen], *, spread: bool) -> None:
    """At each table, the host on one process presses next, then the one on the other: every
    phone at that table, and both hosts, on either process, see each turn. `spread`: as seated
    on joining, each table has phones on both processes."""
    for number in range(1, TABLES + 1):
        at_table = [p for p in phones if _seat(hosts[0], p) == number]
        processes = {p.sio.connection_url for p in at_table}
        assert processes == {h.sio.connection_url for h in hosts} or not spread
        for host in hosts:
            ack = _acked(host.call("host", {"action": "next", "args": {"table": number}}))
            table, version = str(number), ack["tables"][str(number)]
            for screen in at_table + hosts:
                screen.wait_for(lambda s, table=table, version=version:
                                s.tables.get(table, {}).get("version", 0) >= version)
            speakers = {s.tables[str(number)]["sections"]["turns"]["current"]
                        for s in at_table + hosts}
            assert len(speakers) == 1 and speakers <= {p.me for p in at_table}


def _seat(screen: Screen, phone: Screen) -> int:
    return screen.state["items"]["seats"][phone.me]


def _acked(ack: dict) -> dict:
    assert ack["ok"], ack
    return ack
