"""Closing the event to newcomers and removing a flood of them, as the host and a phone see it
(issue 16.7): the panel says whether newcomers get in, a phone is told why it can't, and the
people removed leave the host's list."""

from playwright.sync_api import expect

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
