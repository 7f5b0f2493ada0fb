"""Regenerate the README's screenshots in docs/screenshots/ (run it as `scripts/screenshots`).

Starts the real server on 127.0.0.1, seats a table of eight, runs into the first round with a few
asks and offers on the board, and photographs what people see: the display on the projector
(1920x1080) and its board, the host's console on a laptop (1366x768, Manage open) and on the
host's phone, a phone's join page and the speaker's phone on its turn (390x844).

The join address on the display reads like a venue laptop's (PUBLIC_URL below); the phones in
this script never use it, they talk to the loopback server directly.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

from tests.fixtures.browser import CHROMIUM, CHROMIUM_ARGS, PHONE_CONTEXT
from tests.fixtures.live_server import start_live_server
from tests.live.helpers import Screen

from .helpers import REPO_ROOT, Table, settle

OUT = REPO_ROOT / "docs" / "screenshots"
PUBLIC_URL = "http://192.168.1.20:5000"
TABLE = [
    ("Amara Okafor", "Runs a bakery co-op in Leeds", "sourdough, allotments, jazz"),
    ("Tomás Rivera", "Teaches maths; builds furniture at weekends", "woodwork, cycling"),
    ("Priya Shah", "Designs the app for our city's libraries", "board games, swimming"),
    ("Jonas Weber", "Freelance sound engineer for theatres", "vinyl, hiking"),
    ("Mei Lin", "Starting a community repair café", "sewing, bikes, soldering"),
    ("Sam O'Connor", "Nurse, and a first-time novelist", "crime fiction, running"),
    ("Fatima Haddad", "Accountant for small charities", "choir, her two kids' football"),
    ("Olu Adeyemi", "Organises these Thursday breakfasts", "cooking, podcasts"),
]


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    screens: list[Screen] = []
    with tempfile.TemporaryDirectory() as tmp:
        server = start_live_server(Path(tmp), {"PUBLIC_URL": PUBLIC_URL})
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
                table = Table(browser, server.url)
                phone = {**PHONE_CONTEXT, "device_scale_factor": 2}  # sharp, not huge files
                host = table.create("Thursday breakfast", turn_seconds=120,
                                    context=table.desktop(viewport={"width": 1366,
                                                                    "height": 768}))
                display = table.desktop().new_page()
                display.goto(f"{server.url}/display/{table.code}")
                expect(display.locator("#display")).to_have_attribute("data-status", "lobby")
                first, *others = TABLE
                speaker = table.join(*first, **phone)
                for name, about, interests in others:
                    screen = Screen(server.url, table.code)
                    screen.join(name, about=about, interests=interests.split(", "))
                    screens.append(screen)
                tomas, _priya, jonas, mei, _sam, fatima, _olu = screens

                joiner = table.open_phone(**phone)
                joiner.fill("#join-name", "Chloé Martin")
                joiner.fill("#join-about", "Runs the farmers' market")
                joiner.locator("#join-about").blur()
                expect(joiner.locator("#join-lead")).to_contain_text("Say who you are")
                settle(joiner)
                joiner.screenshot(path=OUT / "phone-join.png")

                host.keyboard.press("n")
                expect(speaker.locator("#my-turn")).to_be_visible()
                ask = speaker_ask(speaker, "A kitchen we could borrow on Sunday mornings")
                post(tomas, "post_offer", ask=ask, kind="help",
                     text="Our school kitchen sits empty on Sundays: I'll ask the head.")
                post(mei, "post_offer", ask=ask, kind="intro", who="Dan Price",
                     text="Dan runs the community hall and its kitchen.")
                post(fatima, "post_ask", text="A treasurer for a tiny food bank, two hours a month")
                post(jonas, "post_offer", kind="resource", link="https://example.org/pa",
                     text="I lend a PA system to community events, free.")
                expect(speaker.locator("#board-asks .post-offer")).to_have_count(2)
                expect(speaker.locator("#toast")).to_be_empty(timeout=10_000)
                settle(speaker)
                speaker.evaluate("window.scrollTo(0, 0)")
                speaker.screenshot(path=OUT / "phone-turn.png")

                settle(display)
                display.screenshot(path=OUT / "display.png")
                host.keyboard.press("m")
                expect(host.locator("#panel")).to_be_visible()
                settle(host)
                host.screenshot(path=OUT / "console.png")
                host.keyboard.press("Escape")
                pocket = table.phone_context(**phone).new_page()
                pocket.goto(f"{server.url}/host/{table.code}#key={table.key}")
                expect(pocket.locator("#speaker-name")).to_have_text(first[0])
                settle(pocket)
                pocket.screenshot(path=OUT / "phone-console.png")
                table.act("display", board="full")  # once the arrivals calm down
                expect(display.locator("#display")).to_have_attribute("data-board", "full")
                expect(display.locator("#board .post.is-new")).to_have_count(0, timeout=15_000)
                settle(display)
                display.screenshot(path=OUT / "board.png")
                table.close()
                browser.close()
        finally:
            for screen in screens:
                screen.close()
            server.stop()
    for name in ("display", "board", "console", "phone-console", "phone-join", "phone-turn"):
        print(OUT / f"{name}.png")
    return 0


def post(screen: Screen, event: str, **data: str) -> None:
    ack = screen.call(event, data)
    assert ack["ok"], ack


def speaker_ask(page: Page, text: str) -> str:
    """The speaker posts an ask from her phone; returns its id."""
    page.locator("#board-ask summary").click()
    page.fill("#board-ask-text", text)
    page.get_by_role("button", name="Post my ask").click()
    post = page.locator("#board-asks > li.post-ask", has_text=text)
    expect(post).to_be_visible()
    return post.get_attribute("data-id")


if __name__ == "__main__":
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} missing: run scripts/setup --dev")
    sys.exit(main())
