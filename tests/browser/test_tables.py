"""An event of three tables as people live it: the organiser creates it from the home form, phones
join and are told where to sit and with whom, every table runs its round from its phones while
the host's screen shows each at a glance, and a reshuffle moves everyone to meet new people."""

import re
from itertools import combinations

from playwright.sync_api import Page, expect

from tests.live.helpers import Screen, create_room

from .helpers import tap

NAMES = ["Ada", "Grace", "Katherine", "Hedy", "Mary", "Annie"]
RUNNERS = {"Ada": "Running", "Hedy": "parkrun", "Mary": "jogging"}  # common ground


def create_three_tables(table, turn_seconds: int = 90) -> Page:
    """The organiser's way: the home form, "3 tables"."""
    page = table.desktop().new_page()
    page.goto(table.base_url + "/")
    page.fill("#event-name", "Chamber breakfast")
    page.fill("#turn-seconds", str(turn_seconds))
    page.fill("#table-count", "3")  # focusing the number picks "tables"
    expect(page.locator("input[name=seating][value=count]")).to_be_checked()
    page.get_by_role("button", name="Create the event").click()
    expect(page.locator("#host")).to_have_attribute("data-tables", "many")
    table.code = page.locator("#host").get_attribute("data-code")
    table.key = page.evaluate("(code) => localStorage.getItem(`facilitator.host.${code}`)",
                              table.code)
    return page


def seating(host: Page) -> dict[str, set[str]]:
    """Who the host's screen shows at each table, between rounds."""
    cards = host.locator("#tables-grid .table-card")
    return {cards.nth(i).locator(".table-card-name").inner_text():
            set(cards.nth(i).locator(".table-card-names li").all_inner_texts())
            for i in range(cards.count())}


def boxes_apart(page: Page, selector: str) -> None:
    """Every element matching `selector` is inside the viewport and overlaps no other."""
    rects = page.eval_on_selector_all(selector, """els => els.map(e => {
        const r = e.getBoundingClientRect();
        return [r.left, r.top, r.right, r.bottom, e.scrollWidth > e.clientWidth + 1];
    })""")
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    for left, top, right, bottom, clipped in rects:
        assert 0 <= left and right <= width and 0 <= top and bottom <= height, rects
        assert not clipped, rects
    for a, b in combinations(rects, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def ada_table(seats: dict[str, set[str]]) -> str:
    return next(label for label, people in seats.items() if "Ada" in people)


def take_turns(host: Page, phones: dict, sockets: dict, turns: int) -> None:
    """Each speaker on the host's cards ends their turn from their phone, `turns` times."""
    speaking = host.locator("#tables-grid .table-card-speaker")
    for _ in range(turns):
        expect(speaking).to_have_count(3)
        for name in speaking.all_inner_texts():
            if name in phones:
                expect(phones[name].locator("#my-turn")).to_be_visible()
                tap(phones[name].get_by_role("button", name="I'm done"))
                expect(phones[name].locator("#my-turn")).to_be_hidden()
            else:
                sockets[name].wait_for(lambda s: s.turns["current"] == s.me)
                assert sockets[name].call("turn_done")["ok"]


def test_three_tables_with_a_reshuffle_end_to_end(table):
    host = create_three_tables(table)
    # One phone per table in a real browser; the others as phones' sockets, to keep it light.
    phones = {name: table.join(name, interests=RUNNERS.get(name, "")) for name in NAMES[:3]}
    sockets = {}
    for name in NAMES[3:]:
        sockets[name] = Screen(table.base_url, table.code)
        sockets[name].join(name, interests=[RUNNERS[name]] if name in RUNNERS else [])

    # Seated as they came, two at each table; each phone says where, in words, and with whom.
    first = seating(host)
    assert sorted(len(people) for people in first.values()) == [2, 2, 2]
    assert set(first) == {"Table 1 — green", "Table 2 — blue", "Table 3 — orange"}
    for label, people in first.items():
        for name in people & set(phones):
            mate = next(iter(people - {name}))
            expect(phones[name].locator("#my-table-name")).to_have_text(label)
            expect(phones[name].locator("#my-mates")).to_have_text(f"With {mate}.")
    boxes_apart(host, "#tables-grid .table-card, #join-card")
    # Common ground spans the tables: at Ada's, and where the others who share it sit.
    assert {"Ada", "Hedy"} <= first["Table 1 — green"] and "Mary" in first["Table 2 — blue"]
    expect(phones["Ada"].locator("#gen-mine-list li")).to_have_text(
        ["You and Hedy both mentioned Running", "Mary at Table 2 — blue also mentioned Running"])
    # Introductions span it too: each person is offered with where to find them, by name.
    expect(phones["Ada"].locator("#gen-introduce-to option")).to_contain_text(
        ["Choose someone", "Mary at Table 2 — blue"])
    offered = phones["Ada"].locator("#gen-introduce-to option").all_text_contents()[1:]
    assert [o.split(" at ")[0] for o in offered] == sorted(set(NAMES) - {"Ada"})

    # One "start" for every table; each table runs itself from its phones.
    tap(host.locator("#btn-start"))
    expect(host.locator("#host")).to_have_attribute("data-status", "speaking")
    boxes_apart(host, "#tables-grid .table-card, #join-card")
    take_turns(host, phones, sockets, turns=2)
    expect(host.locator("#host")).to_have_attribute("data-status", "round_over")
    expect(host.locator('#tables-grid .table-card[data-state="done"]')).to_have_count(3)

    # An ask for Ada, typed by the host, at the table Ada is about to leave.
    ada = next(pid for pid, p in table.admin.state["items"]["people"].items()
               if p["name"] == "Ada")
    assert table.admin.call("post_ask", {"text": "A mentor in retail", "for": ada})["ok"]

    # A seating rule from Manage: Ada's table-mate keeps their table, so Ada moves.
    ada_mate = next(iter(first["Table 1 — green"] - {"Ada"}))
    host.locator("#btn-panel").click()
    # Manage lists everyone by table, and the prompts, as at an event of one table.
    expect(host.locator("#people-title")).to_have_text("People, by table (6)")
    expect(host.locator("#people-list li[data-pid] .row-tag")).to_have_count(6)
    listed = [(row.locator(".row-tag").inner_text(), row.locator(".row-title").inner_text())
              for row in host.locator("#people-list li[data-pid]").all()]
    assert listed == sorted(listed), listed  # table by table, and by name at each
    # The room's switches show as they are (they showed all off at several tables).
    expect(host.locator("#gen-switch-airtime")).to_be_checked()
    expect(host.locator("#gen-switch-auto_advance")).not_to_be_checked()
    expect(host.locator("#gen-fairness")).to_have_text(
        "At an event of several tables, the event summary counts airtime, asks and offers per "
        "person.")
    expect(host.locator("#prompt-list li").first).to_be_visible()
    host.select_option("#rule-person", label=ada_mate)
    host.check("#rule-stay")
    host.get_by_role("button", name="Save rules").click()
    expect(host.locator("#rules-list")).to_have_text(f"{ada_mate} keeps their table")

    # The reshuffle: nobody sits with the person they sat with; phones say "move now". A double
    # click moves people once (the summary below counts one reshuffle).
    host.get_by_role("button", name="Reshuffle the tables").dblclick()
    expect(host.locator("#tables-title")).to_have_text(
        "Move now: find your name, and sit at your new table")
    host.locator("#btn-panel-close").click()
    second = seating(host)
    # The display (no host key) shows the same plan, with none of the console's tools.
    display = table.desktop().new_page()
    display.goto(f"{table.base_url}/display/{table.code}")
    expect(display.locator("#tables-title")).to_have_text(
        "Move now: find your name, and sit at your new table")
    assert seating(display) == second
    expect(display.locator(".table-card-controls")).to_have_count(0)
    boxes_apart(display, "#tables-grid .table-card, #join-card")
    display.close()
    assert sorted(len(people) for people in second.values()) == [2, 2, 2]
    assert ada_mate in second["Table 1 — green"]
    before = {frozenset(p) for p in first.values()}
    assert not before & {frozenset(p) for p in second.values()}  # all new pairs
    was_at = {name: label for label, people in first.items() for name in people}
    for label, people in second.items():
        for name in people & set(phones):
            mate = next(iter(people - {name}))
            phone = phones[name]
            # Said to a screen reader as well, moved or not.
            if was_at[name] == label:  # kept at their table: told to stay, and with whom
                expect(phone.locator("#move-now")).to_be_hidden()
                expect(phone.locator("#my-table")).to_have_text(f"Stay at {label}With {mate}.")
                expect(phone.locator("#announcer")).to_have_text(f"Stay at {label}. With {mate}.")
                continue
            expect(phone.locator("#move-now")).to_be_visible()
            expect(phone.locator("#move-table")).to_have_text(label)
            expect(phone.locator("#move-mates")).to_have_text(f"You'll sit with {mate}.")
            expect(phone.locator("#announcer")).to_have_text(
                f"Move now to {label}. You'll sit with {mate}.")
    tap(phones["Ada"].get_by_role("button", name="I'm at my new table"))
    expect(phones["Ada"].locator("#move-now")).to_be_hidden()

    # The board spans the event: an ask from another table reaches Ada, who can show one table.
    # Each author is shown where they sit now: Ada's ask from before the move, at her new table.
    asker = next(name for name in sockets if name not in second[ada_table(second)])
    assert sockets[asker].call("post_ask", {"text": "A venue for 80"})["ok"]
    asked_at = next(label for label, people in second.items() if asker in people)
    ask = phones["Ada"].locator("#board-asks .post-ask")
    expect(ask.filter(has_text="A venue for 80")).to_contain_text(
        f"{asker} at {asked_at.split(' — ')[0]}")
    expect(ask.filter(has_text="A mentor in retail")).to_contain_text(
        f"Ada (typed by the host) at {ada_table(second).split(' — ')[0]}")
    phones["Ada"].select_option("#board-table", label=ada_table(second))
    expect(ask).to_have_text([re.compile("A mentor in retail")])  # hers, not where she left
    phones["Ada"].select_option("#board-table", label=asked_at)
    expect(ask).to_have_text([re.compile("A venue for 80")])

    # The next round starts at the new tables, and runs there.
    tap(host.locator("#btn-start"))
    expect(host.locator("#host")).to_have_attribute("data-status", "speaking")
    take_turns(host, phones, sockets, turns=1)
    for screen in sockets.values():
        screen.close()

    # The summary counts the event's point: everyone has met two people, both new.
    summary = host.context.new_page()
    summary.goto(f"{table.base_url}/host/{table.code}/summary")
    figures = summary.locator("#summary-figures")
    expect(figures.locator('dt:text-is("New people each person met") + dd')).to_have_text(
        "2 on average, at least 2")
    expect(figures.locator('dt:text-is("Tables") + dd')).to_have_text("3, 1 reshuffle")

    # Ended, the event says so on the console and on a display opened afterwards (the stage
    # follows no one table's turns there), with no code left to join by.
    table.act("end_event")
    display = table.desktop().new_page()
    display.goto(f"{table.base_url}/display/{table.code}")
    for screen, root in ((host, "#host"), (display, "#display")):
        expect(screen.locator(root)).to_have_attribute("data-status", "ended")
        expect(screen.locator("#ended-view")).to_be_visible()
        expect(screen.locator("#lobby-view")).to_be_hidden()
        expect(screen.locator("#tables-view")).to_be_hidden()
    expect(display.locator("#join-card")).to_be_hidden()


SHOWN_CARDS = """(grid) => {
    const box = grid.getBoundingClientRect();
    return [...grid.children].filter((c) => getComputedStyle(c).visibility !== "hidden")
        .map((c) => {
            const r = c.getBoundingClientRect();
            return [c.querySelector(".table-card-name").textContent,
                    r.top >= box.top - 1 && r.bottom <= box.bottom + 1];
        });
}"""


def test_a_projector_too_small_for_every_table_shows_them_a_page_at_a_time(table):
    """Nobody scrolls a projector: at 1280x720, eight tables of three show whole cards a page at
    a time, say which tables are in view, and turn to the others by themselves. The console,
    which the host scrolls, keeps every card, until it is what the room sees ("Present here")."""
    table.code, table.key = create_room(table.base_url, "Chamber breakfast", seating="count",
                                        tables="8")
    people = [Screen(table.base_url, table.code) for _ in range(24)]
    try:
        for i, screen in enumerate(people):
            screen.join(f"Person {i + 1} Fitzgerald-Okonkwo")
        display = table.desktop(viewport={"width": 1280, "height": 720}).new_page()
        display.clock.install()
        display.goto(f"{table.base_url}/display/{table.code}")
        expect(display.locator("#tables-lead")).to_have_text("24 people at 8 tables")
        note, grid = display.locator("#tables-page"), display.locator("#tables-grid")
        expect(note).to_have_text(re.compile(r"Tables 1–[1-7] of 8"))
        seen: set[str] = set()
        while True:
            shown = grid.evaluate(SHOWN_CARDS)
            assert shown and all(whole for _, whole in shown), shown  # no card cut in half
            assert len(shown) == int(re.search(r"–(\d+)", note.inner_text())[1]) - len(seen)
            seen.update(name for name, _ in shown)
            if note.inner_text().endswith("–8 of 8"):
                break
            display.clock.fast_forward(10_000)  # the next page comes round
        assert len(seen) == 8
        display.clock.fast_forward(10_000)
        expect(note).to_have_text(re.compile(r"Tables 1–"))  # and round again

        console = table.desktop(viewport={"width": 1280, "height": 720}).new_page()
        console.clock.install()
        console.goto(f"{table.base_url}/host/{table.code}#key={table.key}")
        expect(console.locator("#tables-lead")).to_have_text("24 people at 8 tables")
        expect(console.locator("#tables-page")).to_be_hidden()
        cards = console.locator("#tables-grid")
        assert len(cards.evaluate(SHOWN_CARDS)) == 8
        scrolled = cards.evaluate("(grid) => (grid.scrollTop = grid.scrollHeight)")
        console.clock.run_for(2_000)  # the stage is drawn again each second
        assert scrolled > 0 and cards.evaluate("(grid) => grid.scrollTop") > 0
        console.get_by_role("button", name="Present here").click()  # the console projected
        expect(console.locator("#tables-page")).to_have_text(re.compile(r"Tables 1–[1-7] of 8"))
    finally:
        for screen in people:
            screen.close()


def test_the_console_says_who_is_kept_apart_company_by_company(table):
    """Among hundreds, the seating rules read as groups: each company's people, however they
    wrote it, and none for a company only one person here gave."""
    table.code, table.key = create_room(table.base_url, "Chamber breakfast", seating="count",
                                        tables="2")
    people = [Screen(table.base_url, table.code) for _ in range(5)]
    try:
        for screen, (name, company) in zip(people, [
                ("Grace", "Acme Ltd"), ("Ada", "acme ltd."), ("Mary", "Globex"),
                ("Hedy", ""), ("Annie", "ACME LTD")], strict=True):
            screen.join(name, company=company)
        host = table.desktop().new_page()
        host.goto(f"{table.base_url}/host/{table.code}#key={table.key}")
        host.keyboard.press("m")
        expect(host.locator("#rules-list li")).to_have_text(
            ["Acme Ltd, kept apart: Ada, Annie, and Grace"])
        people[4].call("leave")
        expect(host.locator("#rules-list li")).to_have_text(["Acme Ltd, kept apart: Ada and Grace"])
    finally:
        for screen in people:
            screen.close()
