"""The display and the console: the room's screen needs no key and never receives what only the
host may see; the host drives it from the laptop or from a phone; presenter mode hides the
host's tools and lets the controls fade."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from tests.live.helpers import Screen

from .helpers import decode_qr, tap

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


def phone_console(table, laptop, tmp_path):
    """The host's console on a 360 px phone, opened by scanning the private QR code the laptop's
    console shows in its Manage drawer."""
    laptop.keyboard.press("m")
    laptop.get_by_role("button", name="Show the QR code for my phone").click()
    image = tmp_path / "console-qr.png"
    laptop.locator("#console-qr").screenshot(path=image)
    url = decode_qr(image)
    assert url.endswith(f"/host/{table.code}#key={table.key}"), url
    laptop.get_by_role("button", name="Hide the QR code").click()
    expect(laptop.locator("#console-qr")).to_be_hidden()
    laptop.keyboard.press("Escape")
    context = table.phone_context(viewport={"width": 360, "height": 640},
                                  screen={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(url.replace(url.split("/host/")[0], table.base_url))  # the LAN address: loopback
    expect(page.locator("#host")).to_have_attribute("data-status", "lobby")
    assert "key=" not in page.url  # taken from the address bar into the phone's storage
    return page


def test_a_host_action_on_the_phone_console_reaches_the_display_and_every_phone(table, tmp_path):
    laptop = table.create()
    display, frames = open_display(table)
    ada = table.join("Ada")
    grace = table.join("Grace")
    expect(display.locator("#people-chips .chip")).to_have_text(["Grace", "Ada"])
    console = phone_console(table, laptop, tmp_path)

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


def test_what_the_console_chooses_for_the_display_reaches_it(table):
    host = table.create()
    display, frames = open_display(table)
    table.join("Ada", interests="running")
    table.join("Grace", interests="jogging")
    expect(display.locator("#display")).to_have_attribute("data-theme", "light")
    assert display.evaluate("document.body.dataset.chimes") is None

    # The chime is off by default: a new turn and a turn's time-up pass in silence.
    table.act("turn_seconds", seconds=15)
    table.act("start")
    table.act("next")
    expect(display.locator("#speaker-name")).to_have_text("Grace")
    assert display.evaluate("document.body.dataset.chimes") is None

    # The host switches it on, and picks the dark theme, in the console's Manage drawer.
    host.keyboard.press("m")
    host.get_by_label("A gentle chime at time-up and at each new turn").check()
    host.get_by_label("Dark, high contrast (a dim room, a weak projector)").check()
    expect(display.locator("#display")).to_have_attribute("data-theme", "dark")
    expect(display.locator("#chime-blocked")).to_be_visible()  # nobody clicked the display yet
    display.locator("#stage").click()
    expect(display.locator("#chime-blocked")).to_be_hidden()
    table.act("next")  # the round ends: Grace's was the last turn
    expect(display.locator("#display")).to_have_attribute("data-status", "round_over")
    table.act("start")
    expect(display.locator("body")).to_have_attribute("data-chimes", "1")  # a new turn
    host.keyboard.press("Escape")

    # The board and the cards between rounds: chosen on the console, shown on the display.
    for place in ("beside", "full", "off"):
        host.keyboard.press("b")
        for screen, root in ((display, "#display"), (host, "#host")):
            expect(screen.locator(root)).to_have_attribute("data-board", place)
    expect(display.locator("#board")).to_be_hidden()
    table.act("next")
    table.act("next")
    expect(display.locator("#display")).to_have_attribute("data-status", "round_over")
    host.get_by_role("button", name="Everyone's airtime").click()
    host.get_by_role("button", name="What we share").click()
    expect(display.locator("#gen-airtime-bars .gen-bar-name")).to_have_text(["Ada", "Grace"])
    expect(display.locator("#gen-common-list li")).to_have_text(["2 of you run"])
    expect(display.locator("#gen-tip, .gen-show")).to_have_count(0)  # the console's alone
    assert all(json.dumps(name) not in "\n".join(frames) for name in HOST_ONLY)


def test_a_new_host_key_stops_the_other_consoles(table, tmp_path):
    laptop = table.create()
    phone = phone_console(table, laptop, tmp_path)
    laptop.keyboard.press("m")
    revoke = laptop.get_by_role("button", name="New host key")
    revoke.click()
    laptop.get_by_role("button", name="Really? Other consoles stop").click()
    expect(laptop.locator("#toast")).to_contain_text("every other console has stopped")
    laptop.keyboard.press("Escape")
    tap(phone.get_by_role("button", name="Shuffle"))
    expect(phone.locator("#toast")).to_contain_text("The host key was changed")
    phone.reload()  # its stored key opens nothing now
    expect(phone.locator("#no-key")).to_be_visible()
    laptop.reload()  # the laptop kept the new one
    expect(laptop.locator("#host")).to_have_attribute("data-status", "lobby")


def test_ending_a_round_early_asks_first_and_says_so_honestly(table):
    host = table.create()
    display, _ = open_display(table)
    ada = table.join("Ada")
    table.join("Bo")
    cy = table.join("Cy")
    table.act("start")
    expect(display.locator("#speaker-name")).to_have_text("Ada")

    ending = host.locator("#btn-next-prompt")
    ending.click()
    expect(ending).to_have_text("2 people haven't spoken yet. End the round anyway?")
    expect(display.locator("#display")).to_have_attribute("data-status", "speaking")
    ending.click()
    expect(display.locator("#display")).to_have_attribute("data-status", "round_over")
    expect(display.locator("#over-eyebrow")).to_have_text("Round 1 ended early")
    expect(display.locator("#over-title")).to_have_text("Bo and Cy speak first next round")
    expect(cy.locator("#my-status")).to_have_text(
        "The host ended that round before your turn. You speak first in the next one.")
    expect(ada.locator("#my-status")).to_have_text("That round is done. The next one starts soon.")
    table.act("next")  # the next round
    expect(display.locator("#speaker-name")).to_have_text("Bo")
    expect(display.locator("#next-up")).to_have_text("Next up: Cy")


def test_two_people_with_one_name_are_told_apart(table):
    table.create()
    display, _ = open_display(table)
    table.join("Sam", "Designer")
    baker = table.join("Sam", "Baker")
    table.join("Ali")
    table.join("Ali")
    expect(display.locator("#people-chips .chip")).to_have_text(
        ["Ali 2", "Ali 1", "Sam (Baker)", "Sam (Designer)"])
    table.act("start")
    expect(display.locator("#speaker-name")).to_have_text("Sam (Designer)")
    expect(display.locator("#next-up")).to_have_text("Next up: Sam (Baker)")
    expect(baker.locator("#order-list .order-name")).to_have_text(
        ["Sam (Designer)", "Sam (Baker)", "Ali 1", "Ali 2"])


def test_the_speakers_part_is_inside_the_turn_card_on_a_small_phone(table):
    table.create()
    small = {"viewport": {"width": 360, "height": 740}, "screen": {"width": 360, "height": 740}}
    ada = table.join("Ada", **small)
    grace = table.join("Grace", **small)
    kath = table.join("Katherine", **small)
    table.act("start")
    table.act("next")
    table.act("next")
    table.act("next")  # round 1 over; round 2 asks what people need help with
    table.act("next")
    expect(ada.locator("#my-turn")).to_be_visible()
    expect(ada.locator("#prompt-text")).to_contain_text("help")
    tap(grace.get_by_role("button", name="I have a question"))
    tap(grace.get_by_role("button", name="Sounds like a pitch"))
    tap(kath.get_by_role("button", name="Sounds like a pitch"))
    turn = ada.locator("#my-turn")
    for part in ("#gen-nudge", "#gen-speaker-queue li", "#board-ask-text"):
        expect(turn.locator(part)).to_be_visible()
    # All of it within the turn card, one after another under "Your turn".
    card = turn.bounding_box()
    for part in ("#gen-nudge", "#board-ask-text"):
        box = ada.locator(part).bounding_box()
        assert card["y"] <= box["y"] and box["y"] + box["height"] <= card["y"] + card["height"]
    ada.locator("#board-ask-text").fill("An introduction to a food bank")
    tap(ada.get_by_role("button", name="Post my ask"))
    expect(grace.locator("#board-asks")).to_contain_text("An introduction to a food bank")
    tap(ada.get_by_role("button", name="I'm done"))
    expect(ada.locator("#my-turn")).to_be_hidden()
    expect(ada.locator("#board #board-ask")).to_have_count(1)  # the form went back to the board


def test_the_console_asks_the_host_to_try_the_code_until_someone_joins(table):
    """Venue wifi that keeps devices apart is the usual reason nobody can join, and the laptop
    can't see it: until the first person joins, the console (never the projector) says how to
    check with one's own phone and what to do if the page won't open."""
    host = table.create()
    display = table.desktop().new_page()
    display.goto(f"{table.base_url}/display/{table.code}")
    check = host.locator("#join-check")
    expect(check).to_be_visible()
    expect(check).to_contain_text("Check it with your own phone")
    expect(check).to_contain_text("If the page won't open, this wifi keeps devices apart")
    expect(display.locator("#display")).to_have_attribute("data-status", "lobby")
    assert display.locator("#join-check").count() == 0
    check.get_by_role("button", name="Hide").click()
    expect(check).to_be_hidden()
    again = table.desktop().new_page()  # another console: it says so until someone joins
    again.goto(f"{table.base_url}/host/{table.code}#key={table.key}")
    expect(again.locator("#join-check")).to_be_visible()
    on_a_phone = table.phone_context().new_page()  # a console on a phone reached the laptop
    on_a_phone.goto(f"{table.base_url}/host/{table.code}#key={table.key}")
    expect(on_a_phone.locator("#host")).to_have_attribute("data-status", "lobby")
    expect(on_a_phone.locator("#join-check")).to_be_hidden()
    table.join("Ada")
    expect(again.locator("#join-check")).to_be_hidden()


def test_with_move_on_at_time_up_the_display_moves_a_table_on_when_every_phone_sleeps(table):
    """Phones are locked or put away during a turn, and a page in the background stops
    counting, so "the table moves on by itself" held only while some phone there was awake.
    The display asks too. (The server checks its own clock: this waits the shortest turn, 15 s,
    and the grace, 10 s, for real.)"""
    table.create(turn_seconds=15).close()  # the projector alone: the console asks too
    table.act("features", auto_advance=True)
    people = [Screen(table.base_url, table.code) for _ in range(2)]  # asleep: they never ask
    try:
        for name, screen in zip(("Ada", "Grace"), people, strict=True):
            screen.join(name)
        display = table.desktop().new_page()
        display.goto(f"{table.base_url}/display/{table.code}")
        expect(display.locator("#people-chips .chip")).to_have_count(2)
        table.act("start")
        expect(display.locator("#speaker-name")).to_have_text("Ada")
        expect(display.locator("#speaker-name")).to_have_text("Grace", timeout=45_000)
    finally:
        for screen in people:
            screen.close()
