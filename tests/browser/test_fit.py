"""Nothing clipped, nothing overlapping: every state of the display at five projector sizes (an
old 800x600 one among them) and every state of a phone at three phone sizes, each block of the
screen either in view or where the page (or its own scrolling box) can scroll to it, and no
block drawn over another; and the join address whole on its card, however long."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.fixtures.live_server import start_live_server
from tests.live.helpers import Screen, create_room

from .helpers import Table, tap

PROJECTORS = [(800, 600), (1024, 768), (1280, 720), (1366, 768), (1920, 1080)]
PHONES = [(320, 568), (360, 640), (390, 844)]
# The blocks a screen is made of: each must be reachable and none may cover another.
DISPLAY_BLOCKS = (".display-bar > *, #join-card, #lobby-view > *, .round-main > *, #ring, "
                  "#next-up, #gen-hands, #over-view > :not(.gen-between), .gen-card, "
                  "#board .board-head, #board-asks > li, #board-others, #ended-view > *")
PHONE_BLOCKS = (".phone-bar > *, #join-view form > *, #my-turn > *, #my-status, .prompt-card, "
                ".speaker-card, #gen-listen, #board .board-head, #board-asks > li, .order-card, "
                ".leave-row")

PROBLEMS = """(selector) => {
    const shown = (el) => el.getClientRects().length > 0
        && getComputedStyle(el).visibility !== "hidden";
    const blocks = [...document.querySelectorAll(selector)].filter(shown);
    const problems = [];
    const name = (el) => el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}.${el.className}`;
    for (const el of blocks) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.left < -1 || r.right > innerWidth + 1) problems.push(`${name(el)} off the side`);
        // Clipped by a box that doesn't scroll, or below a page that doesn't scroll.
        let inScroller = false;
        for (let box = el.parentElement; box; box = box.parentElement) {
            const style = getComputedStyle(box);
            const clips = /hidden|clip/.test(style.overflowY + style.overflowX);
            if (/auto|scroll/.test(style.overflowY)) {
                inScroller = true;
                break;
            }
            if (clips && box !== document.body && box !== document.documentElement) {
                const b = box.getBoundingClientRect();
                if (r.bottom > b.bottom + 1 || r.top < b.top - 1 || r.right > b.right + 1)
                    problems.push(`${name(el)} clipped by ${name(box)}`);
                break;
            }
        }
        const page = document.scrollingElement;
        const pageScrolls = page.scrollHeight > innerHeight
            && !/hidden|clip/.test(getComputedStyle(document.body).overflowY);
        if (r.bottom > innerHeight + 1 + page.scrollTop && !pageScrolls && !inScroller
            && !problems.some((p) => p.startsWith(name(el))))
            problems.push(`${name(el)} below the screen`);
    }
    for (let i = 0; i < blocks.length; i++) {
        for (let j = i + 1; j < blocks.length; j++) {
            const a = blocks[i], b = blocks[j];
            if (a.contains(b) || b.contains(a)) continue;
            const p = a.getBoundingClientRect(), q = b.getBoundingClientRect();
            const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
            const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
            if (w > 2 && h > 2) problems.push(`${name(a)} overlaps ${name(b)}`);
        }
    }
    return problems;
}"""


def problems(page: Page, blocks: str) -> list[str]:
    return page.evaluate(PROBLEMS, blocks)


def walk(page: Page, sizes, blocks: str, state: str, found: dict) -> None:
    for width, height in sizes:
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(100)  # a frame to lay out at the new size (not a timed assertion)
        if bad := problems(page, blocks):
            found[f"{state} at {width}x{height}"] = bad


def test_every_display_state_fits_every_projector(table):
    table.create()
    display = table.desktop().new_page()
    display.goto(f"{table.base_url}/display/{table.code}")
    root = display.locator("#display")
    phones = [table.join(name, "Runs a bookshop, a cafe and a small press",
                         interests="running, books") for name in ("Ada", "Grace", "Katherine",
                                                                   "Dorothy", "Barbara")]
    found: dict[str, list[str]] = {}
    expect(display.locator("#people-chips .chip")).to_have_count(5)
    walk(display, PROJECTORS, DISPLAY_BLOCKS, "lobby", found)

    table.act("start")
    for phone in phones[1:4]:
        tap(phone.get_by_role("button", name="I have a question"))
    expect(display.locator("#gen-hands-list li")).to_have_count(3)
    walk(display, PROJECTORS, DISPLAY_BLOCKS, "a turn with hands up", found)
    table.act("pause")
    expect(root).to_have_attribute("data-status", "paused")
    walk(display, PROJECTORS, DISPLAY_BLOCKS, "paused", found)
    table.act("resume")

    speaker = table.admin.table["sections"]["turns"]["current"]
    for i in range(3):
        assert table.admin.call("post_ask", {"text": f"An introduction to a baker, please ({i})",
                                             "for": speaker})["ok"]
    table.act("display", board="beside")
    expect(display.locator("#board-asks > li")).to_have_count(3)
    walk(display, PROJECTORS, DISPLAY_BLOCKS, "the board beside the prompt", found)
    table.act("display", board="full")
    walk(display, PROJECTORS, DISPLAY_BLOCKS, "the board full screen", found)
    table.act("display", board="off")

    for _ in phones:
        table.act("next")
    expect(root).to_have_attribute("data-status", "round_over")
    table.act("display", cards=["airtime", "common", "gaps"])
    expect(display.locator("#gen-gaps-list li")).to_have_count(3)
    walk(display, PROJECTORS, DISPLAY_BLOCKS, "between rounds, every card up", found)

    table.act("end_event")
    expect(root).to_have_attribute("data-status", "ended")
    walk(display, PROJECTORS, DISPLAY_BLOCKS, "ended", found)
    assert not found, "\n".join(f"{state}: {bad}" for state, bad in found.items())


TABLES_BLOCKS = f"{DISPLAY_BLOCKS}, .tables-head, #tables-grid > li"


def test_an_event_of_several_tables_fits_every_projector_with_its_board(table):
    """The tables at a glance, with the board off, beside them and full screen, between rounds
    and during one."""
    table.code, table.key = create_room(table.base_url, "Founders' networking hour",
                                        seating="count", tables="4")
    people = [Screen(table.base_url, table.code) for _ in range(12)]
    try:
        for i, screen in enumerate(people):
            screen.join(f"Person {i + 1}")
        for screen in people[:3]:
            assert screen.call("post_ask", {"text": "A shared kitchen two days a week"})["ok"]
        display = table.desktop().new_page()
        display.goto(f"{table.base_url}/display/{table.code}")
        root = display.locator("#display")
        found: dict[str, list[str]] = {}
        for status in ("lobby", "speaking"):
            if status == "speaking":
                table.act("start")
            expect(root).to_have_attribute("data-status", status)
            for board in ("off", "beside", "full"):
                table.act("display", board=board)
                expect(root).to_have_attribute("data-board", board)
                walk(display, PROJECTORS, TABLES_BLOCKS, f"{status}, board {board}", found)
        assert not found, "\n".join(f"{state}: {bad}" for state, bad in found.items())
    finally:
        for screen in people:
            screen.close()


LINES = """(e) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
}"""


def test_every_phone_state_fits_every_phone(table):
    table.create("Chamber of Commerce breakfast — December")
    found: dict[str, list[str]] = {}
    ada = table.open_phone(viewport={"width": 360, "height": 640})
    walk(ada, PHONES, PHONE_BLOCKS, "join", found)
    ada = table.join("Ada", "Runs a bookshop, a cafe and a small press", page=ada)
    # A long event name takes the bar's first line or two, not a word a line beside the rest.
    assert ada.locator("#event-name").evaluate(LINES) <= 2
    grace = table.join("Grace", viewport={"width": 360, "height": 640})
    walk(ada, PHONES, PHONE_BLOCKS, "lobby", found)
    table.act("start")
    expect(ada.locator("#my-turn")).to_be_visible()
    tap(grace.get_by_role("button", name="I have a question"))
    walk(ada, PHONES, PHONE_BLOCKS, "my turn, a question waiting", found)
    walk(grace, PHONES, PHONE_BLOCKS, "listening, hand up", found)
    table.act("next")
    table.act("next")
    expect(ada.locator("#phone")).to_have_attribute("data-status", "round_over")
    walk(ada, PHONES, PHONE_BLOCKS, "between rounds", found)
    assert not found, "\n".join(f"{state}: {bad}" for state, bad in found.items())


# A venue's own name for the laptop, or a server's: longer than any line of the corner card.
LONG_ADDRESS = "http://networking-breakfast.chamber-of-commerce.example.org:5000"
# Whether the join address is drawn inside its card and the screen, with the code (its last
# text) on one line.
ADDRESS_ON_CARD = """(el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    const card = el.closest(".join-card").getBoundingClientRect();
    range.selectNodeContents(el.lastChild);
    const codeLines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    return text.left >= card.left - 1 && text.right <= card.right + 1
        && card.right <= innerWidth + 1 && text.bottom <= innerHeight + 1 && codeLines === 1;
}"""


def test_a_long_join_address_stays_on_its_card_at_every_projector(browser, tmp_path):
    """It used to run off the card's edge from the first slash it couldn't break at: a round's
    corner card at 1280x720 showed "commerce.example.org:5000/j/CODE" past its edge, and at
    800x600 even the default address, where the stage cut it off."""
    server = start_live_server(tmp_path, {"PUBLIC_URL": LONG_ADDRESS})
    table = Table(browser, server.url)
    try:
        table.create()
        display = table.desktop().new_page()
        display.goto(f"{table.base_url}/display/{table.code}")
        expect(display.locator("#join-url")).to_have_text(
            f"{LONG_ADDRESS.split('://')[1]}/j/{table.code}")
        for name in ("Ada", "Grace"):
            table.join(name)
        found = []
        for status in ("lobby", "speaking"):
            if status == "speaking":
                table.act("start")
            expect(display.locator("#display")).to_have_attribute("data-status", status)
            for width, height in PROJECTORS:
                display.set_viewport_size({"width": width, "height": height})
                display.wait_for_timeout(100)  # a frame to lay out (not a timed assertion)
                if not display.locator("#join-url").evaluate(ADDRESS_ON_CARD):
                    found.append(f"{status} at {width}x{height}")
        assert not found, f"the address leaves its card: {found}"
    finally:
        table.close()
        server.stop()
