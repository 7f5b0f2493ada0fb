"""The display and the console: the room's screen needs no key and never receives what only the
host may see; the host drives it from the laptop or from a phone; presenter mode hides the
host's tools and lets the controls fade."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from .helpers import tap

# Names that only the host's screens may ever receive (docs/protocol.md, "host only").
HOST_ONLY = ("host_update", "generosity", "hidden_posts", "rules", "nudges")


def open_display(table, **options):
    """The display in a desktop window of its own, recording every Socket.IO frame it gets."""
    page = table.desktop(**options).new_page()
    frames: list[str] = []
    page.on("websocket", lambda ws: ws.on(
        "framereceived", lambda frame: frames.append(frame if isinstance(frame, str) else "")))
    page.goto(f"{table.base_url}/display/{table.code}")
    expect(page.locator("#display")).to_have_attribute("data-status", "lobby")
    return page, frames


def phone_console(table):
    """The host's console on a 360 px phone, opened with the key as the private QR hands it."""
    context = table.phone_context(viewport={"width": 360, "height": 640},
                                  screen={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(f"{table.base_url}/host/{table.code}#key={table.key}")
    expect(page.locator("#host")).to_have_attribute("data-status", "lobby")
    return page


def test_a_host_action_on_the_phone_console_reaches_the_display_and_every_phone(table):
    laptop = table.create()
    display, frames = open_display(table)
    ada = table.join("Ada")
    grace = table.join("Grace")
    expect(display.locator("#people-chips .chip")).to_have_text(["Grace", "Ada"])
    console = phone_console(table)

    tap(console.get_by_role("button", name="Start round"))
    for screen in (display, laptop):
        expect(screen.locator("#speaker-name")).to_have_text("Ada")
    expect(ada.locator("#my-turn")).to_be_visible()
    tap(console.get_by_role("button", name="Next speaker"))
    expect(display.locator("#speaker-name")).to_have_text("Grace")
    expect(grace.locator("#my-turn")).to_be_visible()
    # The phone's console fits its screen: nothing wider, the controls in reach.
    width = console.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, width
    expect(console.locator("#btn-next")).to_be_in_viewport()

    # What the host alone may see happens meanwhile: a pitch tap, a hidden post.
    tap(ada.get_by_role("button", name="Sounds like a pitch"))
    expect(laptop.locator("#gen-marker")).to_contain_text("Pitch taps 1/")
    speaker = table.admin.table["sections"]["turns"]["current"]
    assert table.admin.call("post_ask", {"text": "A kind ask", "for": speaker})["ok"]
    expect(display.locator("#board-met")).to_have_text("Asks met: 0 of 1")
    table.admin.wait_for(lambda s: s.state["items"].get("posts"))
    ask = next(iter(table.admin.state["items"]["posts"]))
    assert table.admin.call("moderate", {"id": ask, "hidden": True})["ok"]
    expect(display.locator("#board-met")).to_have_text("Asks met: 0 of 0")
    expect(laptop.locator("#board-hidden-summary")).to_have_text("Hidden posts (1)")

    # The display got the room's changes and none of it: asserted on the socket traffic itself.
    traffic = "\n".join(frames)
    assert "table_update" in traffic and "room_update" in traffic
    for name in HOST_ONLY:
        assert json.dumps(name) not in traffic, name
    assert table.key not in traffic
    for hidden in ("#gen-marker", "#panel", "#host-controls", "#board-hidden-box", "#gen-tip"):
        expect(display.locator(hidden)).to_have_count(0)


def test_presenter_mode_hides_the_hosts_tools_and_fades_the_controls(table):
    host = table.create()
    table.join("Ada")
    table.join("Grace")
    table.act("start")
    expect(host.locator("#speaker-name")).to_have_text("Ada")
    expect(host.locator("#btn-panel")).to_be_visible()

    host.get_by_role("button", name="Present here").click()
    expect(host.locator("#host")).to_have_attribute("data-presenting", "true")
    for tool in ("#btn-panel", "#key-hint", "#open-display"):
        expect(host.locator(tool)).to_be_hidden()
    host.keyboard.press("m")  # the drawer stays shut: the room would see it
    expect(host.locator("#panel")).to_be_hidden()
    # The mouse rests: the controls fade; it moves: they are back.
    expect(host.locator("#host-controls")).to_be_hidden()
    host.mouse.move(200, 200)
    host.mouse.move(300, 300)
    expect(host.locator("#host-controls")).to_be_visible()
    host.get_by_role("button", name="Stop presenting").click()
    expect(host.locator("#btn-panel")).to_be_visible()


def test_the_display_needs_no_key_and_opens_from_the_console(table):
    host = table.create()
    link = host.get_by_role("link", name="Open the display")
    with host.context.expect_page() as opened:
        link.click()
    display = opened.value
    expect(display.locator("#display")).to_have_attribute("data-status", "lobby")
    expect(display.locator("#room-code")).to_have_text(table.code)
    assert display.url.endswith(f"/display/{table.code}")  # no key in its address
    expect(display.locator("#btn-next, #panel, #no-key")).to_have_count(0)
