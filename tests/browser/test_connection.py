"""Connection trouble: a phone that drops off the wifi says so, and back online it shows the
current speaker and the right time left, without a reload."""

import re
from collections.abc import Callable

from playwright.sync_api import BrowserContext, Page, WebSocketRoute, expect

from .helpers import ring_seconds, tap

MARKER = "window.__sameDocument"


def lose_first(context: BrowserContext, wanted: Callable[[str], bool]) -> list[str]:
    """The context's pages talk to the server through the test, and the first message from the
    server that `wanted` picks never reaches them: it goes in the list returned instead."""
    lost: list[str] = []

    def route(ws: WebSocketRoute) -> None:
        server = ws.connect_to_server()
        ws.on_message(server.send)

        def to_page(message: str | bytes) -> None:
            if not lost and wanted(str(message)):
                lost.append(str(message))
                return
            ws.send(message)
        server.on_message(to_page)

    context.route_web_socket(re.compile(r"/socket\.io/"), route)
    return lost


def go_offline(phone: Page) -> None:
    phone.context.set_offline(True)
    expect(phone.locator("#reconnecting")).to_be_visible()
    expect(phone.locator("#reconnecting")).to_contain_text("Reconnecting…")
    expect(phone.locator("#conn")).to_have_attribute("data-state", "reconnecting")


def come_back(phone: Page) -> None:
    phone.context.set_offline(False)
    expect(phone.locator("#reconnecting")).to_be_hidden()
    expect(phone.locator("#conn")).to_have_text("Connected")
    assert phone.evaluate(MARKER) is True, "the page was reloaded"


def test_a_phone_back_online_catches_up_without_a_reload(table):
    host = table.create(turn_seconds=120)
    ada, bob, cy = (table.join(name) for name in ("Ada", "Bob", "Cy"))
    for phone in (bob, cy):
        phone.evaluate(f"{MARKER} = true")
    host.keyboard.press("n")
    expect(host.locator("#speaker-name")).to_have_text("Ada")
    expect(bob.locator("#speaker-name")).to_have_text("Ada")

    # Bob drops off; meanwhile his turn starts and the host pauses it.
    go_offline(bob)
    host.keyboard.press("n")
    expect(host.locator("#speaker-name")).to_have_text("Bob")
    host.keyboard.press("p")
    expect(host.locator("#ring")).to_have_attribute("data-state", "paused")
    paused_at = host.locator("#ring .ring-time").inner_text()
    expect(bob.locator("#my-turn")).to_be_hidden()  # still offline: nothing new has arrived
    come_back(bob)
    expect(bob.locator("#my-turn")).to_be_visible()
    expect(bob.locator("#phone-ring")).to_have_attribute("data-state", "paused")
    expect(bob.locator("#phone-ring .ring-time")).to_have_text(paused_at)  # the exact time kept
    host.keyboard.press("p")  # resume: Bob's phone counts on from there
    expect(bob.locator("#phone-ring")).to_have_attribute("data-state", "running")
    assert 0 < ring_seconds(bob.locator("#phone-ring .ring-time").inner_text()) <= ring_seconds(
        paused_at)

    # Cy drops off while a turn runs; back online, her own turn is running on the same clock.
    go_offline(cy)
    host.keyboard.press("n")
    expect(host.locator("#speaker-name")).to_have_text("Cy")
    expect(cy.locator("#speaker-name")).to_have_text("Bob")  # the stale picture, while offline
    come_back(cy)
    expect(cy.locator("#my-turn")).to_be_visible()
    expect(cy.locator("#phone-ring")).to_have_attribute("data-state", "running")
    # Countdowns only go down: the host's reading, taken between two of the phone's, lies
    # between them (give or take the second each display rounds to).
    before = ring_seconds(cy.locator("#phone-ring .ring-time").inner_text())
    on_host = ring_seconds(host.locator("#ring .ring-time").inner_text())
    after = ring_seconds(cy.locator("#phone-ring .ring-time").inner_text())
    assert after - 1 <= on_host <= before + 1, (before, on_host, after)
    assert before <= 120
    expect(ada.locator("#speaker-name")).to_have_text("Cy")


def test_a_phone_that_missed_the_last_change_catches_up_when_it_comes_back_into_view(table):
    """The network loses one update and nothing changes after it: the phone notices it is
    behind by asking the versions of the room and its table (`sync`) when its page is shown
    again."""
    host = table.create()
    table.join("Ada")
    context = table.phone_context()
    armed = {"now": False}
    lost = lose_first(context, lambda m: armed["now"] and m.startswith('42["table_update"'))
    bob = context.new_page()
    bob.goto(table.join_url)
    table.join("Bob", page=bob)
    armed["now"] = True
    host.keyboard.press("n")  # the round starts: Bob's phone never hears of it at its table
    expect(host.locator("#speaker-name")).to_have_text("Ada")
    for _ in range(100):  # Playwright runs the route while the page waits
        if lost:
            break
        bob.wait_for_timeout(100)
    assert len(lost) == 1
    expect(bob.locator("#speaker-name")).not_to_have_text("Ada")
    bob.evaluate("document.dispatchEvent(new Event('visibilitychange'))")  # back into view
    expect(bob.locator("#speaker-name")).to_have_text("Ada")


def test_join_tapped_while_the_phone_is_reconnecting_goes_through_once_it_is_back(table):
    table.create()
    phone = table.open_phone()
    go_offline(phone)
    phone.fill("#join-name", "Ada")
    tap(phone.locator("#join-submit"))
    expect(phone.locator("#join-submit")).to_be_disabled()  # waiting, not refused
    expect(phone.locator("#join-error")).to_be_hidden()
    phone.context.set_offline(False)
    expect(phone.locator("#phone")).to_have_attribute("data-view", "live")
    expect(phone.locator("#join-error")).to_be_hidden()
    table.admin.wait_for(lambda s: [p["name"] for p in s.state["items"]["people"].values()]
                         == ["Ada"])


def test_a_phone_away_when_the_event_was_deleted_says_so_when_it_comes_back(table):
    """Deleted while a phone was off the wifi (or asleep): back, it is refused the room and
    says the event is gone, instead of showing a turn that no longer exists as "Connected"."""
    host = table.create()
    ada, bob = table.join("Ada"), table.join("Bob")
    table.act("start")
    expect(ada.locator("#my-turn")).to_be_visible()
    go_offline(ada)
    host.context.set_offline(True)  # a second console, say on a laptop gone to sleep
    expect(host.locator("#conn")).to_have_attribute("data-state", "reconnecting")
    assert table.admin.call("delete_room", {"code": table.code})["ok"]
    expect(bob.locator("#gone-title")).to_have_text(
        "This event has ended and its data was deleted.")  # there when it happened
    ada.context.set_offline(False)
    expect(ada.locator("#gone-title")).to_have_text(
        "This event has ended and its data was deleted.")
    expect(ada.locator("#my-turn")).to_be_hidden()
    expect(ada.locator("#conn")).to_have_text("Event ended")
    host.context.set_offline(False)
    expect(host.locator("#no-key-title")).to_have_text("This event has ended")
    expect(host.locator("#no-key-detail")).to_have_text(
        "This event has ended and its data was deleted.")


def test_join_tapped_again_after_its_answer_was_lost_makes_one_person(table):
    """The venue's wifi drops the server's answer to a join, not the join: the phone says
    "didn't answer in time" and its owner taps Join again. That used to seat a second Ada,
    the first one a ghost with a turn of her own; the phone now sends the secret it made for
    itself with both, and the second finds the person the first made."""
    table.create()
    context = table.phone_context()
    # The join's answer, lost on the way.
    lost = lose_first(context, lambda m: re.match(r'43\d+\[\{"ok":true,"token"', m) is not None)
    phone = context.new_page()
    phone.goto(table.join_url)
    phone.fill("#join-name", "Ada")
    tap(phone.locator("#join-submit"))
    expect(phone.locator("#join-error")).to_have_text(
        "The server didn't answer in time. Please try again.")
    table.admin.wait_for(lambda s: len(s.state["items"]["people"]) == 1)
    tap(phone.locator("#join-submit"))
    expect(phone.locator("#phone")).to_have_attribute("data-view", "live")
    assert len(lost) == 1
    table.admin.sync()
    assert [p["name"] for p in table.admin.state["items"]["people"].values()] == ["Ada"]
