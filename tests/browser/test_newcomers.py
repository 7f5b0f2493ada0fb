"""Closing the event to newcomers and removing a flood of them, as the host and a phone see it
(issue 16.7): the panel says whether newcomers get in, a phone is told why it can't, and the
people removed leave the host's list."""

import re

from playwright.sync_api import expect

from tests.live.helpers import Screen

from .helpers import tap


def test_the_host_closes_the_event_and_removes_the_last_minutes_joiners(table):
    host = table.create("Friday lunch")
    table.join("Ada")
    host.keyboard.press("m")
    expect(host.locator("#people-list")).to_contain_text("Ada")
    state = host.locator("#newcomers-state")
    expect(state).to_have_text("Open: anyone with the code can join.")
    host.get_by_role("button", name="Close to newcomers").click()
    expect(state).to_have_text(
        "Closed: nobody new can join. People already here come and go as before.")
    expect(host.locator("#btn-lock")).to_have_attribute("aria-pressed", "true")

    late = table.open_phone()
    # Before its socket is up a phone answers a tap with "Not connected right now": not this test.
    expect(late.locator("#conn")).to_have_attribute("data-state", "connected")
    late.fill("#join-name", "Bot")
    tap(late.locator("#join-submit"))
    expect(late.get_by_text("The host has closed this event to newcomers. Please ask the host."))\
        .to_be_visible()

    remove = host.locator("#btn-remove-recent")
    remove.click()
    expect(remove).to_have_text("Really remove everyone from the last 5 min?")
    remove.click()
    expect(host.locator("#people-title")).to_have_text("People, in speaking order (0)")
    expect(host.locator("#people-list")).not_to_contain_text("Ada")
    host.get_by_role("button", name="Open to newcomers again").click()
    expect(state).to_have_text("Open: anyone with the code can join.")


def test_a_new_code_for_latecomers_is_on_the_consoles_join_card_and_lets_them_in(table):
    host = table.create("Friday lunch")
    host.keyboard.press("m")
    host.get_by_role("button", name="Close, with a new code for latecomers").click()
    expect(host.locator("#newcomers-state")).to_contain_text("latecomers join with")
    card_code = host.locator("#room-code")
    expect(card_code).not_to_have_text(table.code)
    late = card_code.inner_text()
    assert late.startswith(table.code) and len(late) == len(table.code) + 4
    expect(host.locator("#join-url")).to_have_text(re.compile(f"/j/{late}$"))
    expect(host.locator(".join-qr")).to_have_attribute("src", re.compile(f"/qr/{late}.svg$"))

    old = table.open_phone()
    expect(old.locator("#conn")).to_have_attribute("data-state", "connected")
    old.fill("#join-name", "Bot")
    tap(old.locator("#join-submit"))
    expect(old.get_by_text("This event has a new code for latecomers")).to_be_visible()
    table.join("Latecomer", url=f"{table.base_url}/j/{late}")
    expect(host.locator("#people-list")).to_contain_text("Latecomer")
    host.get_by_role("button", name="Open to newcomers again").click()
    expect(card_code).to_have_text(table.code)


def test_the_host_finds_one_of_many_in_the_list_and_the_sections_after_it_stay_near(table):
    """A room of forty: the people list scrolls on its own, a box finds one person by a part
    of their name (accents aside), and the sections after it follow within a screen."""
    host = table.create("Chamber breakfast")
    people = [Screen(table.base_url, table.code) for _ in range(40)]
    try:
        for i, screen in enumerate(people):
            screen.join("Zoë Okafor" if i == 17 else f"Person {i + 1}")
        host.keyboard.press("m")
        rows = host.locator("#people-list li[data-pid]")
        expect(rows).to_have_count(40)
        box = host.get_by_label("Find someone")
        expect(box).to_be_visible()
        assert box.bounding_box()["height"] >= 44  # a field like the others, easy to tap
        box.fill("zoe")
        expect(rows.filter(visible=True)).to_have_text([re.compile("^Zoë Okafor")])
        box.fill("")
        expect(rows.filter(visible=True)).to_have_count(40)
        height = host.viewport_size["height"]
        listed = host.locator("#people-list").bounding_box()
        assert listed["height"] <= 0.6 * height + 1, listed
        section = host.locator("section", has=host.locator("#people-list")).bounding_box()
        assert section["height"] < height, section  # what follows is not forty rows below
    finally:
        for screen in people:
            screen.close()
