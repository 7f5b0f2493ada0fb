"""Phones in their readers' languages: Arabic reads right to left with nothing scrolling
sideways at 360 px and axe clean; German, the longest, fits every phone state; the pseudo-locale
shows no English left behind. The room's screens in the language the host picks: the display and
the console load again in Arabic, mirrored, with the countdown still left to right."""

import re

from playwright.sync_api import Page, expect

from tests.live.helpers import Screen

from .helpers import AXE_JS, DRAWN_LEFT_TO_RIGHT, overflows_x, tap
from .test_accessibility import SERIOUS, axe

NARROW = {"width": 360, "height": 740}


# Whether the element's text ends with a character drawn right of the one before it.
FULL_STOP_LAST = """(el) => {
    const text = el.firstChild, n = text.length;
    const left = (i) => {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getBoundingClientRect().left;
    };
    return left(n - 1) > left(n - 2);
}"""


def clipped(page: Page) -> list[str]:
    """Visible buttons, headings and labels whose text is wider than their box (cut off)."""
    return page.evaluate("""() => [...document.querySelectorAll(
            "button, h1, h2, h3, label, .eyebrow, .my-status, .conn, summary")]
        .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.id || el.tagName}: ${el.textContent.trim().slice(0, 40)}`)""")


def fits(page: Page, state: str) -> None:
    assert overflows_x(page) == 0, f"{state}: scrolls sideways"
    assert clipped(page) == [], f"{state}: text cut off"


def serious(page: Page) -> list:
    return [v for v in axe(page)["violations"] if v["impact"] in SERIOUS]


def test_an_arabic_phone_reads_right_to_left_fits_360px_and_passes_axe(table):
    table.create(turn_seconds=90)
    phone = table.open_phone(locale="ar", viewport=NARROW, screen=NARROW, init_script=AXE_JS)
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.locator("#join-heading")).to_have_text("انضم إلى الطاولة")
    fits(phone, "join")
    assert serious(phone) == []

    table.join("علياء", "أخبز الخبز", "القراءة", page=phone)
    table.join("Bob")
    expect(phone.locator("#my-status")).to_contain_text("بانتظار أن يبدأ المضيف")
    fits(phone, "lobby")

    table.act("start")
    expect(phone.locator("#my-turn-title")).to_have_text("دورك")
    ring = phone.locator("#phone-ring .ring-time")
    expect(ring).to_have_text("1:30")
    # The countdown reads left to right inside the right-to-left page.
    assert ring.evaluate("(el) => getComputedStyle(el).direction") == "ltr"
    # Mirrored: the page starts from the right.
    assert phone.evaluate("() => getComputedStyle(document.body).direction") == "rtl"
    # The room's English prompt reads left to right in it: its full stop ends it, on the right.
    hint = phone.locator("#prompt-hint")
    expect(hint).to_have_text(re.compile(r"^Tell it as a story.*\.$"))
    assert hint.evaluate(FULL_STOP_LAST)
    fits(phone, "my turn")
    assert serious(phone) == []

    table.act("next")
    expect(phone.locator("#speaker-name")).to_have_text("Bob")
    tap(phone.locator("#board-ask summary"))
    fits(phone, "listening, ask form open")
    assert serious(phone) == []


def test_a_german_phone_fits_every_state(table):
    table.create(turn_seconds=60)
    phone = table.open_phone(locale="de-DE", viewport=NARROW, screen=NARROW)
    expect(phone.locator("#join-submit")).to_have_text("Am Tisch mitmachen")
    fits(phone, "join")

    table.join("Gretchen Müller-Lüdenscheidt", "Ich backe Brot", "Wandern, Chor", page=phone)
    table.join("Bob", interests="Chor")
    expect(phone.locator("#my-status")).to_contain_text("Warten auf den Start")
    fits(phone, "lobby")

    table.act("start")
    expect(phone.locator("#btn-done")).to_have_text("Ich bin fertig")
    expect(phone.locator("#btn-pass")).to_have_text("Passen")
    fits(phone, "my turn")

    table.act("next")
    expect(phone.locator("#gen-hand")).to_have_text("Ich habe eine Frage")
    expect(phone.locator("#my-status")).to_have_text("Du warst in dieser Runde schon dran")
    tap(phone.locator("#board-give summary"))
    fits(phone, "listening, offer open")

    table.act("next")
    expect(phone.locator("#my-status")).to_have_text(
        "Diese Runde ist vorbei. Die nächste beginnt bald.")
    expect(phone.locator("#gen-mine-list li")).to_have_text(["Du und Bob habt beide Chor genannt"])
    fits(phone, "round over")

    table.act("end_event")
    expect(phone.locator("#followup-content")).to_be_visible()
    expect(phone.locator("#received-title")).to_have_text("Angebote, die du bekommen hast")
    fits(phone, "follow-up")


def test_the_pseudo_locale_leaves_no_english_on_a_phone(table):
    table.create()
    phone = table.open_phone()
    phone.goto(f"{table.base_url}/lang/en_001?next=/j/{table.code}")
    expect(phone.locator("html")).to_have_attribute("lang", "en-001")
    table.join("Zoë", page=phone)
    table.join("Åsa")
    table.act("start")
    expect(phone.locator("#my-turn")).to_be_visible()
    # Every visible text is the catalogs' (bracketed, accented) or people's own.
    english = phone.evaluate("""() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const found = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent.trim();
            if (!text || node.parentElement.closest("[hidden], script")) continue;
            if (node.parentElement.offsetParent === null) continue;
            if (/[A-Za-z]{2,}/.test(text) && !/[\\[\\]]/.test(text)) found.push(text);
        }
        return found;
    }""")
    prompt = table.admin.state["sections"]["prompts"]["items"][0]
    people_words = {"Thursday breakfast", "Zoë", "Åsa", prompt["text"], prompt["hint"],
                    "en_001", "English", "Español", "Français", "Deutsch"}
    assert [t for t in english if t not in people_words] == []
    fits(phone, "pseudo-locale, my turn")


def test_the_host_picks_arabic_and_the_display_and_console_follow_it(table):
    desktop = table.desktop()
    desktop.add_init_script(path=AXE_JS)
    host = table.create(context=desktop)
    display = desktop.new_page()
    display.goto(f"{table.base_url}/display/{table.code}")
    expect(display.locator("#display")).to_have_attribute("data-status", "lobby")
    expect(display.locator("html")).to_have_attribute("lang", "en")

    tap(host.locator("#btn-panel"))
    host.locator("#display-language").select_option("ar")
    # Both screens load again in the room's language; phones keep their readers' own.
    for screen in (display, host):
        expect(screen.locator("html")).to_have_attribute("dir", "rtl")
        expect(screen.locator("#lobby-title")).to_have_text(
            "أهلًا بكم! أمسكوا هواتفكم وانضموا إلى الطاولة")
    expect(host.locator("#host")).to_have_attribute("data-status", "lobby")  # the key survived
    # The join link reads as typed, digits and slashes in order, on both.
    for screen in (display, host):
        assert screen.locator("#join-url").evaluate(DRAWN_LEFT_TO_RIGHT)
    phone = table.join("Ada", locale="de")
    expect(phone.locator("html")).to_have_attribute("lang", "de")

    table.join("Bob")
    table.act("start")
    expect(display.locator("#speaker-name")).to_have_text("Ada")
    expect(display.locator("#round-label")).to_have_text("الجولة 1")
    ring = display.locator(".ring-time").first
    assert ring.evaluate("(el) => getComputedStyle(el).direction") == "ltr"
    for name, screen in (("display", display), ("console", host)):
        assert overflows_x(screen) == 0, f"{name} scrolls sideways"
        assert serious(screen) == [], name


# Where an element's text is drawn inside its box: whether its first character shows, whether
# the text is cut, and the gap between the text's right end and the box's.
TEXT_IN_BOX = """(el) => {
    const box = el.getBoundingClientRect(), text = el.firstChild, range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 1);
    const first = range.getBoundingClientRect();
    range.setEnd(text, text.length);
    return { firstShown: first.left >= box.left - 1 && first.right <= box.right + 1,
             cut: el.scrollWidth > el.clientWidth,
             rightGap: box.right - Math.min(box.right, range.getBoundingClientRect().right) };
}"""


def test_an_arabic_summary_cuts_a_long_latin_name_at_its_end(table):
    """In the airtime chart a name reads in its own direction: a long Latin name in an Arabic
    summary loses its end, not its first name, and lines up on the right with the others."""
    host = table.create(context=table.desktop(locale="ar"))
    people = [Screen(table.base_url, table.code) for _ in range(2)]
    try:
        for screen, name in zip(people, ("Jean-Baptiste Okonkwo-Fitzgerald", "Bob"), strict=True):
            screen.join(name)
        table.act("start")
        table.act("end_event")
    finally:
        for screen in people:
            screen.close()
    summary = host.context.new_page()
    summary.goto(f"{table.base_url}/host/{table.code}/summary")
    names = summary.locator("#summary-airtime .gen-bar-name")
    expect(names).to_have_count(2)
    long = names.filter(has_text="Jean-Baptiste").evaluate(TEXT_IN_BOX)
    assert long["cut"] and long["firstShown"], long
    assert names.filter(has_text="Bob").evaluate(TEXT_IN_BOX)["rightGap"] < 1
