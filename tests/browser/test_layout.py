"""Layout: nothing scrolls sideways on a 360 px phone, the host screen reads from the back of the
room at 1280x720, and long names and prompts wrap instead of breaking the page."""

from playwright.sync_api import Page, expect

from facilitator.core.state.participants import NAME_MAX_LEN

from .helpers import overflows_x, tap

SMALL_PHONE = {"width": 360, "height": 740}
# As long as a name may be, with a 40-character part no space breaks
LONG_NAME = "Maximiliana-Wolfeschlegelsteinhausenberg de la Santísima Trinidad y Ruiz-Picasso"
LONG_PROMPT = (  # 200 characters
    "Think of a time someone you barely knew went out of their way to help you: what did they "
    "do, why do you think they did it, and what would you like to pass on to the people sitting "
    "at this table today?")
LONG_ASK = "Introductions-to-anyone-who-funds-community-bakeries-" * 3


def inside(page: Page, selector: str) -> dict:
    """Where an element sits against the viewport, and whether its text fits its own box."""
    return page.locator(selector).evaluate("""(el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                 fits: el.scrollWidth <= el.clientWidth + 1,
                 width: innerWidth, height: innerHeight,
                 fontSize: parseFloat(getComputedStyle(el).fontSize) };
    }""")


def one_line(page: Page, selector: str) -> bool:
    """Whether the element's text sits on a single line."""
    return page.locator(selector).evaluate("""(el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size === 1;
    }""")


def within_viewport(box: dict) -> bool:
    return (box["left"] >= 0 and box["top"] >= 0 and box["right"] <= box["width"] + 0.5
            and box["bottom"] <= box["height"] + 0.5)


def test_nothing_scrolls_sideways_on_a_360px_phone(table):
    assert len(LONG_NAME) == NAME_MAX_LEN and len(LONG_PROMPT) == 200
    host = table.create("The Annual Gathering of Independent Bookshop Owners and Friends")
    table.prompt_up_next(LONG_PROMPT, "Take your time: a small kindness counts too.")
    small = {"viewport": SMALL_PHONE, "screen": SMALL_PHONE}
    joiner = table.open_phone(**small)
    assert overflows_x(joiner) == 0, "join page"
    mine = table.join(LONG_NAME, "Bookshop-and-cafe-owner-with-a-very-long-job-title-indeed",
                      page=joiner)
    other = table.join("Bo", **small)
    assert overflows_x(mine) == 0, "lobby"

    host.keyboard.press("n")
    expect(mine.locator("#my-turn")).to_be_visible()
    expect(mine.locator("#prompt-text")).to_have_text(LONG_PROMPT)
    tap(mine.locator("#board-ask summary"))
    mine.fill("#board-ask-text", LONG_ASK)
    tap(mine.get_by_role("button", name="Post my ask"))
    expect(mine.locator("#toast")).to_have_text("Your ask is on the board.")
    assert one_line(mine, "#toast"), "a short toast wraps as if the screen were half as wide"
    expect(other.locator("#board-asks")).to_contain_text(LONG_ASK[:40])
    expect(other.locator("#speaker-card #speaker-name")).to_have_text(LONG_NAME)
    tap(other.locator("#speaker-card").get_by_role("button", name="I know someone"))
    assert overflows_x(mine) == 0, "on my turn"
    assert overflows_x(other) == 0, "someone else speaking, offer form open"
    for selector in ("#speaker-card #speaker-name", "#prompt-text", "#order-list"):
        assert inside(other, selector)["fits"], selector

    other.get_by_role("link", name="Your follow-up").click()
    expect(other.locator("#followup-content")).to_be_visible()
    assert overflows_x(other) == 0, "follow-up"
    other.goto(table.base_url + "/")
    assert overflows_x(other) == 0, "home"


def test_the_host_screen_reads_well_at_1280x720(table):
    host = table.create(
        "The Annual Gathering of Independent Bookshop Owners and Their Friends",
        context=table.desktop(viewport={"width": 1280, "height": 720}))
    table.prompt_up_next(LONG_PROMPT, "Take your time: a small kindness counts too.")
    for name in (LONG_NAME, "Bo", "Alexandria-Octavia-Fitzgerald-Pemberton"):
        table.join(name, "Runs a bookshop, a cafe and a small press in a former railway station")
    expect(host.locator("#people-chips .chip")).to_have_count(3)
    assert overflows_x(host) == 0, "lobby"
    for selector in ("#people-chips", "#lobby-prompt", "#join-card"):
        assert within_viewport(inside(host, selector)), selector
    # A long prompt leaves less room: names give way to "+1 more" rather than run under the
    # controls.
    controls = inside(host, "#host-controls")
    assert inside(host, "#people-chips")["bottom"] <= controls["top"]
    assert inside(host, "#join-card")["bottom"] <= controls["top"]

    host.keyboard.press("n")
    expect(host.locator("#speaker-name")).to_have_text(LONG_NAME)
    expect(host.locator("#ring .ring-time")).to_have_text("1:30")
    assert overflows_x(host) == 0, "round"
    prompt = inside(host, "#prompt-text")
    assert prompt["fontSize"] >= 28, prompt  # read from the back of the room, even when long
    for selector in ("#prompt-text", "#speaker-name", "#speaker-about", "#ring", "#next-up",
                     "#join-card", "#btn-next", "#progress"):
        box = inside(host, selector)
        assert within_viewport(box) and box["fits"], (selector, box)
    assert inside(host, "#ring .ring-time")["fontSize"] >= 48
    ring, main = inside(host, "#ring"), inside(host, ".round-main")
    assert main["right"] <= ring["left"], "the prompt runs under the countdown"

    # The board beside the prompt squeezes it: still nothing sideways, the prompt starts below
    # the header and the countdown stays whole.
    host.keyboard.press("b")
    expect(host.locator("#board")).to_be_visible()
    assert overflows_x(host) == 0, "board beside"
    assert inside(host, "#prompt-text")["top"] >= inside(host, ".display-bar")["bottom"]
    for selector in ("#prompt-text", "#board-title", "#ring"):
        box = inside(host, selector)
        assert box["fits"] and box["right"] <= box["width"], (selector, box)
    assert within_viewport(inside(host, "#ring"))
