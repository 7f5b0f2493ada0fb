"""Accessibility: axe-core finds nothing serious on any screen, the host runs the event from the
keyboard with a visible focus, and people who ask for less motion get it."""

from playwright.sync_api import Page, expect

from .helpers import AXE_JS, settle, tap

SERIOUS = ("serious", "critical")


def axe(page: Page) -> dict:
    """Run axe-core (a test-only npm package, injected by the test, never served by the app).

    Colours are judged at rest: a new post fading in is briefly pale, as it should be.
    """
    settle(page)
    return page.evaluate("""async () => {
        const results = await axe.run(document, { resultTypes: ["violations", "passes"] });
        return {
            passes: results.passes.map((r) => r.id),
            violations: results.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + ": " + n.failureSummary),
            })),
        };
    }""")


def test_axe_finds_nothing_serious_on_any_screen(table):
    found, contrast_checked = {}, []

    def check(name: str, page: Page) -> None:
        results = axe(page)
        if "color-contrast" in results["passes"]:
            contrast_checked.append(name)
        bad = [v for v in results["violations"] if v["impact"] in SERIOUS]
        if bad:
            found[name] = bad

    desktop = table.desktop()
    desktop.add_init_script(path=AXE_JS)
    home = desktop.new_page()
    home.goto(table.base_url + "/")
    check("home", home)
    home.goto(table.base_url + "/j/NOSUCH")
    expect(home.locator("#error-message")).to_be_visible()
    check("error page", home)

    host = table.create(context=desktop)
    check("host lobby", host)
    joiner = table.open_phone(init_script=AXE_JS)
    check("join page", joiner)

    ada = table.join("Ada", "Engines and poetry", page=joiner)
    bob = table.join("Bob", "Bread", init_script=AXE_JS)
    display = desktop.new_page()
    display.goto(f"{table.base_url}/display/{table.code}")
    expect(display.locator("#people-chips .chip")).to_have_count(2)
    check("display, lobby", display)
    host.keyboard.press("n")
    expect(ada.locator("#my-turn")).to_be_visible()
    expect(display.locator("#speaker-name")).to_have_text("Ada")
    check("display in a round", display)
    tap(ada.locator("#board-ask summary"))
    ada.fill("#board-ask-text", "Someone who repairs looms")
    tap(ada.get_by_role("button", name="Post my ask"))
    expect(bob.locator("#board-asks")).to_contain_text("Someone who repairs looms")
    check("phone on its turn", ada)
    expect(bob.locator("#speaker-card #speaker-name")).to_have_text("Ada")
    check("phone, someone else speaking", bob)
    card = bob.locator("#speaker-card")
    tap(card.get_by_role("button", name="I can help"))
    card.get_by_label("Your offer").fill("My uncle fixes looms")
    tap(card.get_by_role("button", name="Send"))
    expect(ada.locator("#board-asks")).to_contain_text("My uncle fixes looms")

    host.keyboard.press("b")
    expect(host.locator("#board-asks")).to_contain_text("Someone who repairs looms")
    check("host in a round, board beside", host)
    host.keyboard.press("m")
    expect(host.locator("#panel")).to_be_visible()
    check("host, Manage open", host)

    bob.get_by_role("link", name="Your follow-up").click()
    expect(bob.locator("#followup-content")).to_be_visible()
    check("follow-up", bob)

    # The host ends the event: Ada's phone moves to her follow-up page, where she can say how
    # Bob's offer went, and the projector thanks the room.
    table.act("end_event")
    expect(host.locator("#ended-view")).to_be_visible()
    check("host, event ended", host)
    expect(display.locator("#ended-view")).to_be_visible()
    check("display, event ended", display)
    expect(ada.locator("#received .marks")).to_be_visible()
    check("follow-up after the end, with marks", ada)

    assert not found, "\n".join(
        f"{page}: {v['id']} ({v['impact']}) {v['help']}\n    " + "\n    ".join(v["nodes"])
        for page, violations in found.items() for v in violations)
    assert len(contrast_checked) >= 6, contrast_checked


def test_a_phone_says_to_a_screen_reader_what_others_see_across_the_room(table):
    """Someone who can't see the screens hears their moments, once each: the round starting
    and where they stand in it, "You're next", "Your turn", the minutes of their turn and its
    end, and the round ending."""
    host = table.create(turn_seconds=15)
    ada = table.phone_context().new_page()
    ada.clock.install()  # her turn's time runs out without waiting for it
    ada.goto(table.join_url)
    table.join("Ada", page=ada)
    bob, cy = table.join("Bob"), table.join("Cy")
    said = {name: page.locator("#announcer") for name, page in
            (("Ada", ada), ("Bob", bob), ("Cy", cy))}
    expect(said["Ada"]).to_have_attribute("aria-live", "assertive")
    expect(said["Cy"]).to_have_text("")  # what the page showed when it opened is not said

    host.keyboard.press("n")
    expect(said["Ada"]).to_have_text("Your turn")
    expect(said["Bob"]).to_have_text("You're next")
    expect(said["Cy"]).to_have_text("You're up in 2 turns")
    minutes = ada.locator("#phone-ring .ring-spoken")
    expect(minutes).to_have_attribute("aria-live", "polite")
    expect(minutes).to_have_text("About 1 minute left")
    ada.clock.fast_forward(16_000)  # less than a missed ping: the connection stays
    expect(minutes).to_have_text("Time's up. Please wrap up")

    tap(ada.get_by_role("button", name="I'm done"))
    expect(said["Bob"]).to_have_text("Your turn")
    expect(said["Cy"]).to_have_text("You're next")
    expect(said["Ada"]).to_have_text("Your turn")  # nothing new for her mid-round
    for phone in (bob, cy):
        tap(phone.get_by_role("button", name="I'm done"))
    expect(said["Ada"]).to_have_text("That round is done. The next one starts soon.")


def focus_ring(page: Page) -> dict:
    """What marks the focused element: its outline (from :focus-visible)."""
    return page.evaluate("""() => {
        const el = document.activeElement, style = getComputedStyle(el);
        return { id: el.id, text: el === document.body ? "" : el.textContent.trim(),
                 visible: el.matches(":focus-visible"),
                 outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    }""")


def test_the_host_runs_the_event_from_the_keyboard(table):
    host = table.create()
    for name in ("Ada", "Bob", "Cy"):
        table.join(name)
    expect(host.locator("#people-count")).to_have_text("3 people at the table")

    # Every control is reachable with Tab, and shows where the focus is.
    controls = {"btn-panel", "btn-start", "btn-next-prompt", "btn-shuffle", "btn-fullscreen",
                "btn-board"}
    reached = []
    for _ in range(40):
        host.keyboard.press("Tab")
        ring = focus_ring(host)
        if ring["id"] or ring["text"]:
            assert ring["visible"] and ring["outline"] != "none" and ring["width"] >= 2, ring
            reached.append(ring["id"] or ring["text"])
        if controls <= set(reached):
            break
    assert controls <= set(reached), (controls - set(reached), reached)

    host.locator("#btn-start").focus()
    host.keyboard.press("Enter")
    expect(host.locator("#host")).to_have_attribute("data-status", "speaking")
    expect(host.locator("#speaker-name")).to_have_text("Ada")
    host.keyboard.press("p")
    expect(host.locator("#ring")).to_have_attribute("data-state", "paused")
    expect(host.locator("#btn-pause")).to_have_text("Resume")
    host.keyboard.press(" ")
    expect(host.locator("#ring")).to_have_attribute("data-state", "running")

    # The Manage drawer: open with M, work it with Tab and Enter, close with Escape.
    host.keyboard.press("m")
    expect(host.locator("#panel")).to_be_visible()
    expect(host.locator("#panel-title")).to_be_focused()
    host.get_by_role("button", name="Move Cy up").focus()
    host.keyboard.press("Enter")
    expect(host.locator("#next-up")).to_have_text("Next up: Cy")
    # Cy is first now, so "up" is disabled: the focus stays on her row, on "down".
    expect(host.get_by_role("button", name="Move Cy down")).to_be_focused()
    remove = host.get_by_role("button", name="Remove Bob")
    remove.focus()
    host.keyboard.press("Enter")
    expect(remove).to_have_text("Really remove?")
    host.keyboard.press("Enter")
    expect(host.locator("#people-list")).not_to_contain_text("Bob")
    expect(host.locator("#progress")).to_have_text("Turn 1 of 2")
    host.locator("#prompt-add-text").focus()
    host.keyboard.type("What are you reading at the moment?")
    host.keyboard.press("Enter")
    expect(host.locator("#prompt-list")).to_contain_text("What are you reading at the moment?")
    host.keyboard.press("Escape")
    expect(host.locator("#panel")).to_be_hidden()
    expect(host.locator("#btn-panel")).to_be_focused()

    host.keyboard.press("n")
    expect(host.locator("#speaker-name")).to_have_text("Cy")
    host.keyboard.press("n")  # Bob has gone: Cy was the last, and the round ends
    expect(host.locator("#host")).to_have_attribute("data-status", "round_over")


def motion(page: Page, selector: str) -> dict:
    return page.locator(selector).first.evaluate("""(el) => {
        const style = getComputedStyle(el);
        return { transition: style.transitionDuration, animation: style.animationName };
    }""")


def test_reduced_motion_is_respected(table):
    host = table.create()
    calm = table.desktop(reduced_motion="reduce").new_page()
    calm.goto(f"{table.base_url}/host/{table.code}#key={table.key}")
    ada = table.join("Ada", reduced_motion="reduce")
    host.keyboard.press("n")
    for page in (host, calm):
        page.keyboard.press("b")
        expect(page.locator("#board-ask-for")).to_be_visible()
    host.fill("#board-ask-for-text", "A mentor in bookbinding")
    host.keyboard.press("Enter")
    for page in (host, calm):
        expect(page.locator("#board-asks .post.is-new")).to_contain_text("A mentor in bookbinding")

    # Without the preference things move a little; with it, nothing moves.
    assert motion(host, "#ring .ring-progress")["transition"] != "0s"
    assert motion(host, "#board-asks .post.is-new")["animation"] == "board-arrive"
    for page, ring in ((calm, "#ring"), (ada, "#phone-ring")):
        assert motion(page, f"{ring} .ring-progress") == {"transition": "0s", "animation": "none"}
        assert motion(page, ".button")["transition"] == "0s"
        assert motion(page, "#toast")["transition"] == "0s"
    assert motion(calm, "#board-asks .post.is-new")["animation"] == "none"
    expect(ada.locator("#board-asks .post.is-new")).to_contain_text("A mentor in bookbinding")
    assert motion(ada, "#board-asks .post.is-new")["animation"] == "none"


def test_the_dark_screens_stay_readable(table, tmp_path):
    """A phone in dark mode, and the display in the dark projector theme: axe finds nothing
    serious, colour contrast included."""
    table.create()
    phone = table.join("Ada", "Engines", color_scheme="dark", init_script=AXE_JS)
    bob = table.join("Bob", color_scheme="dark", init_script=AXE_JS)
    expect(phone.locator("body")).to_have_attribute("data-theme", "dark")
    table.act("display", theme="dark")
    desktop = table.desktop()
    desktop.add_init_script(path=AXE_JS)
    display = desktop.new_page()
    display.goto(f"{table.base_url}/display/{table.code}")
    expect(display.locator("#display")).to_have_attribute("data-theme", "dark")
    table.act("start")
    expect(bob.locator("#speaker-card #speaker-name")).to_have_text("Ada")
    expect(display.locator("#speaker-name")).to_have_text("Ada")
    found = {}
    for name, page in (("phone on its turn", phone), ("phone listening", bob),
                       ("display", display)):
        results = axe(page)
        assert "color-contrast" in results["passes"], name
        bad = [v for v in results["violations"] if v["impact"] in SERIOUS]
        if bad:
            found[name] = bad
    assert not found, found
