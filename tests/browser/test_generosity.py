"""Keeping it generous, as people see it: the pitch nudge, raised hands, common ground, the
airtime chart, switching a feature off, introductions and the host's summary."""

from playwright.sync_api import expect

from .helpers import AXE_JS, tap
from .test_accessibility import SERIOUS, axe


def test_a_pitch_nudge_and_questions_during_a_turn(table):
    host = table.create()
    ada = table.join("Ada", interests="running, kids")
    grace = table.join("Grace", interests="jogging")
    kath = table.join("Katherine", interests="children, chess")
    table.act("start")
    expect(host.locator("#speaker-name")).to_have_text("Ada")

    # Listeners raise hands; the speaker and the host see the queue in order.
    tap(grace.get_by_role("button", name="I have a question"))
    expect(grace.locator("#gen-hand-status")).to_have_text("Your hand is up: number 1 in line.")
    tap(kath.get_by_role("button", name="I have a question"))
    expect(ada.locator("#gen-speaker-queue .hand-name")).to_have_text(["Grace", "Katherine"])
    expect(host.locator("#gen-hands-list .hand-name")).to_have_text(["Grace", "Katherine"])

    # One of two listeners taps "sounds like a pitch": the speaker gets a kind word, the host a
    # discreet marker with the count; the listener only a thank-you.
    tap(grace.get_by_role("button", name="Sounds like a pitch"))
    expect(grace.locator("#gen-pitch")).to_have_text("Thanks, noted anonymously")
    expect(ada.locator("#gen-nudge")).to_contain_text("Try a story, or ask the table a question")
    expect(host.locator("#gen-marker")).to_have_text("Pitch taps 1/1 · nudged")
    expect(kath.locator("#gen-nudge")).to_be_hidden()
    expect(kath.locator("#gen-pitch")).to_have_text("Sounds like a pitch")

    # Questions have a life cycle: the speaker marks one answered, the host another; a hand
    # still up goes down when the turn ends, and no phone says its hand is up after that.
    tap(ada.get_by_role("button", name="Grace's question answered"))
    expect(host.locator("#gen-hands-list .hand-name")).to_have_text(["Katherine"])
    expect(grace.locator("#gen-hand")).to_have_text("I have a question")
    expect(grace.locator("#gen-hand-status")).to_have_text("")
    tap(grace.get_by_role("button", name="I have a question"))
    expect(host.locator("#gen-hands-list li")).to_have_count(2)
    host.get_by_role("button", name="Katherine's question answered").click()
    expect(ada.locator("#gen-speaker-queue .hand-name")).to_have_text(["Grace"])
    table.act("next")
    expect(host.locator("#speaker-name")).to_have_text("Grace")
    expect(host.locator("#gen-hands")).to_be_hidden()
    expect(ada.locator("#gen-hand-status")).to_have_text("")
    expect(ada.locator("#gen-hand")).to_have_text("I have a question")
    expect(kath.locator("#gen-hand")).to_have_text("I have a question")
    tap(kath.get_by_role("button", name="I have a question"))
    expect(host.locator("#gen-hands-list li")).to_have_count(1)
    host.locator("#gen-hands-clear").click()
    expect(host.locator("#gen-hands")).to_be_hidden()
    expect(grace.locator("#gen-speaker-queue li")).to_have_count(0)


def test_between_rounds_the_host_shows_airtime_and_what_the_table_shares(table):
    host = table.create()
    ada = table.join("Ada", interests="Running, kids")
    grace = table.join("Grace", interests="jogging, sailing")
    table.join("Katherine", interests="children")
    expect(ada.locator("#gen-mine-list li")).to_have_text(
        ["You and Katherine both mentioned kids", "You and Grace both mentioned Running"])
    expect(grace.locator("#gen-mine-list li")).to_have_text(["You and Ada both mentioned Running"])

    table.act("start")
    for _ in range(3):
        table.act("next")
    expect(host.locator("#host")).to_have_attribute("data-status", "round_over")
    expect(host.locator("#gen-tip")).not_to_be_empty()
    host.get_by_role("button", name="Everyone's airtime").click()
    expect(host.locator("#gen-airtime-bars .gen-bar-name")).to_have_text(
        ["Ada", "Grace", "Katherine"])
    host.get_by_role("button", name="What we share").click()
    expect(host.locator("#gen-common-list li")).to_have_text(["2 of you have kids", "2 of you run"])


def ada_speaking_with_the_people_list_open(table):
    """The host's page once Ada's turn has run a second, with the Manage drawer open."""
    host = table.create()
    table.join("Ada")
    table.join("Grace")
    table.act("start")
    host.keyboard.press("m")
    expect(row(host, "Ada").locator(".row-air")).not_to_have_text("00:00")  # counting up
    return host


def row(host, name: str):
    return host.locator("#people-list li", has_text=name)


def test_the_hosts_people_list_counts_airtime_up_and_keeps_it(table):
    """Screens count the running turn up from the server's `since`, and keep finished turns."""
    host = ada_speaking_with_the_people_list_open(table)
    ada, grace = (row(host, name).locator(".row-air") for name in ("Ada", "Grace"))
    table.act("next")
    expect(host.locator("#speaker-name")).to_have_text("Grace")
    expect(grace).not_to_have_text("00:00")
    expect(ada).not_to_have_text("00:00")  # her finished turn stays counted
    host.reload()  # and a fresh snapshot says the same
    host.keyboard.press("m")
    expect(ada).not_to_have_text("00:00")


def test_a_paused_turns_airtime_holds_still_and_survives_a_reload(table):
    """While paused, screens show `spoken` and count nothing up; a fresh snapshot says the same."""
    host = ada_speaking_with_the_people_list_open(table)
    ada = row(host, "Ada").locator(".row-air")
    table.act("pause")
    expect(row(host, "Ada")).to_have_attribute("data-tag", "paused")
    held = ada.inner_text()
    host.reload()
    host.keyboard.press("m")
    expect(row(host, "Ada")).to_have_attribute("data-tag", "paused")
    expect(ada).to_have_text(held)


def test_the_host_switches_a_feature_off_and_the_phones_follow(table):
    host = table.create()
    table.join("Ada")
    grace = table.join("Grace")
    table.act("start")
    expect(grace.get_by_role("button", name="Sounds like a pitch")).to_be_visible()
    host.keyboard.press("m")
    host.locator("#gen-switch-pitch_nudges").uncheck()
    expect(grace.get_by_role("button", name="Sounds like a pitch")).to_be_hidden()
    expect(grace.get_by_role("button", name="I have a question")).to_be_visible()


def test_an_accepted_introduction_reaches_both_follow_up_pages_and_the_summary(table):
    host = table.create()
    ada = table.join("Ada")
    grace = table.join("Grace")
    kath = table.join("Katherine")
    kath.locator("#gen-intros summary").click()
    kath.select_option("#gen-introduce-to", label="Ada")
    kath.select_option("#gen-introduce-with", label="Grace")
    kath.fill("#gen-introduce-text", "You both sail")
    tap(kath.get_by_role("button", name="Suggest the introduction"))
    for phone in (ada, grace):
        expect(phone.locator("#gen-intros-list")).to_contain_text(
            "Katherine would like to introduce you to")
        tap(phone.get_by_role("button", name="Accept introduction"))
    expect(kath.locator("#gen-intros-list")).to_contain_text("Accepted")

    ada.goto(f"{table.join_url}/me")
    expect(ada.locator("#intros li")).to_contain_text("Katherine introduces you to Grace")
    grace.goto(f"{table.join_url}/me")
    expect(grace.locator("#intros li")).to_contain_text("Katherine introduces Ada to you")

    host.goto(f"{table.base_url}/host/{table.code}/summary")
    expect(host.locator("#summary-figures")).to_contain_text("1 suggested, 1 accepted")
    expect(host.locator("#summary-network svg .summary-label")).to_have_text(
        ["Ada", "Katherine"])
    expect(host.locator("#summary-edges li")).to_have_text(["Katherine → Ada: 1 offer"])


def test_axe_finds_nothing_serious_in_the_generosity_tools(table):
    def serious(page) -> list:
        return [v for v in axe(page)["violations"] if v["impact"] in SERIOUS]

    desktop = table.desktop()
    desktop.add_init_script(path=AXE_JS)
    host = table.create(context=desktop)
    ada = table.join("Ada", interests="running")
    grace = table.join("Grace", interests="jogging")
    grace.context.add_init_script(path=AXE_JS)
    table.act("start")
    grace.reload()
    tap(grace.get_by_role("button", name="I have a question"))
    expect(host.locator("#gen-hands-list .hand-name")).to_have_text(["Grace"])
    assert serious(grace) == []
    tap(ada.get_by_role("button", name="I'm done"))
    # Wait for Grace's turn before "next": sent too early, it would end Ada's turn instead.
    expect(host.locator("#speaker-name")).to_have_text("Grace")
    table.act("next")
    expect(host.locator("#host")).to_have_attribute("data-status", "round_over")
    for name in ("Everyone's airtime", "What we share", "Asks waiting for an offer"):
        host.get_by_role("button", name=name).click()
    host.keyboard.press("m")
    assert serious(host) == []
    host.goto(f"{table.base_url}/host/{table.code}/summary")
    expect(host.locator("#summary-content")).to_be_visible()
    assert serious(host) == []
