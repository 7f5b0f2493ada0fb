"""After the event, as people live it: the host ends it, each phone moves to its follow-up page
and says how long it stays, the two sides of an offer say how it went, and the host's summary
counts it and draws it."""

from playwright.sync_api import expect

from .helpers import DRAWN_LEFT_TO_RIGHT, tap


def test_end_then_follow_up_then_marks_reach_the_summary(table):
    host = table.create("Friday lunch")
    ada, grace = table.join("Ada"), table.join("Grace")
    host.keyboard.press("n")
    expect(ada.locator("#my-turn")).to_be_visible()

    ask = "Someone who restores old looms"
    tap(ada.locator("#board-ask summary"))
    ada.fill("#board-ask-text", ask)
    tap(ada.get_by_role("button", name="Post my ask"))
    card = grace.locator("#speaker-card")
    expect(card.locator(".speaker-offer-label")).to_have_text(f"Offer help with: {ask}")
    tap(card.get_by_role("button", name="I can help"))
    card.get_by_label("Your offer").fill("My aunt runs the textile museum")
    tap(card.get_by_role("button", name="Send"))
    expect(ada.locator("#board-asks")).to_contain_text("My aunt runs the textile museum")

    # The host ends the event from the side panel, confirming once more.
    host.keyboard.press("m")
    end = host.get_by_role("button", name="End the event")
    expect(host.locator("#ending-running")).to_contain_text("30 days")
    end.click()
    expect(host.locator("#btn-end-event")).to_have_text("Really end? The board closes")
    host.locator("#btn-end-event").click()
    expect(host.locator("#ended-view")).to_be_visible()
    expect(host.locator("#ending-kept")).to_contain_text("stays until")
    expect(host.locator("#host-controls")).to_be_hidden()
    expect(host.locator(".join-card")).to_be_hidden()

    # Every phone is now on its owner's follow-up page, which says until when it stays.
    for phone in (ada, grace):
        expect(phone).to_have_url(f"{table.base_url}/j/{table.code}/me")
        expect(phone.locator("#followup-kept")).to_contain_text("stays available until")
        expect(phone.locator("#followup-content")).to_be_visible()
    received = ada.locator("#received > li", has_text="My aunt runs the textile museum")
    expect(received.locator(".marks")).to_contain_text("How did it go?")

    # Grace says they are in touch; a week on, Ada says it helped.
    made = grace.locator("#made > li", has_text="My aunt runs the textile museum")
    tap(made.get_by_role("button", name="We're in touch"))
    expect(made.get_by_role("button", name="We're in touch")).to_have_attribute(
        "aria-pressed", "true")
    expect(made).to_contain_text("You said: We're in touch")
    # Grace saying so opens nothing: only Ada, who received the offer, can make it an exchange.
    expect(grace.locator("#contact-audience")).to_contain_text("Nobody yet")
    ada.reload()
    expect(received).to_contain_text("Grace said: We're in touch")
    tap(received.get_by_role("button", name="It helped"))
    expect(received).to_contain_text("You said: It helped")
    grace.reload()
    expect(grace.locator("#contact-audience")).to_have_text(
        "If you share, exactly these people see them now: Ada. A later exchange adds its "
        "person; nobody who joins after you leave ever sees them.")
    grace.fill("#contact-phone", "+44 20 7946 0958")
    grace.check("#contact-share")
    tap(grace.get_by_role("button", name="Save my details"))
    expect(grace.locator("#contact-saved")).to_have_text("Saved.")
    # Ada reads it in Arabic: a phone number keeps its digits in order in a right-to-left page.
    ada.goto(f"{table.base_url}/lang/ar?next=/j/{table.code}/me")
    number = ada.locator('#contacts a[href^="tel:"]')
    expect(number).to_have_text("+44 20 7946 0958")
    assert number.evaluate(DRAWN_LEFT_TO_RIGHT)

    # The board is closed: the phone that goes back to it is sent to its follow-up page again.
    ada.goto(table.join_url)
    expect(ada).to_have_url(f"{table.base_url}/j/{table.code}/me")

    # The host's summary counts the follow-through and draws it.
    with host.context.expect_page() as opened:
        host.locator("#ending-ended").get_by_role("link", name="Event summary").click()
    summary = opened.value
    expect(summary.locator("#summary-content")).to_be_visible()

    def figure(term: str):
        return summary.locator("#summary-figures dt", has_text=term).locator(
            "xpath=following-sibling::dd[1]")

    expect(figure("Offers followed up")).to_have_text("1 of 1 (in touch, or it helped)")
    expect(figure("Offers that helped")).to_have_text("1")
    expect(summary.locator("line.summary-edge.is-helped")).to_have_count(1)
    expect(summary.locator("#summary-edges")).to_have_text(
        "Grace → Ada: 1 offer, 1 followed up, 1 helped")


def test_a_returning_organiser_starts_again_and_keeps_a_deck(table):
    host = table.create("Breakfast #7")
    table.act("prompt_add", text="What will you try this month?")
    host.keyboard.press("m")

    # Keep this event's prompts as a deck: the create form in this browser offers it.
    host.fill("#deck-title", "Our breakfast deck")
    host.get_by_role("button", name="Save as a deck").click()
    expect(host.locator("#deck-saved")).to_contain_text("Saved “Our breakfast deck”")
    home = host.context.new_page()
    home.goto(table.base_url + "/")
    mine = home.locator("#saved-decks label.deck", has_text="Our breakfast deck")
    expect(mine).to_contain_text("prompts · first:")
    mine.locator("input").check()
    home.fill("#event-name", "Another breakfast")
    home.get_by_role("button", name="Create the event").click()
    expect(home.locator("#host")).to_have_attribute("data-status", "lobby")
    home.keyboard.press("m")
    expect(home.locator("#prompt-list")).to_contain_text("What will you try this month?")

    # The next event of the series, named in the same pattern, from the ended one.
    expect(host.locator("#again-name")).to_have_value("Breakfast #8")
    host.get_by_role("button", name="Start the next event from this one").click()
    expect(host.locator("#event-name")).to_have_text("Breakfast #8")
    expect(host.locator("#host")).to_have_attribute("data-status", "lobby")
    expect(host.locator("#people-count")).to_have_text("Waiting for the first person to join")
    host.keyboard.press("m")
    expect(host.locator("#prompt-list")).to_contain_text("What will you try this month?")
