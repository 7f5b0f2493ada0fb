"""The whole story as people live it: a host creates the event, phones scan the QR code, join and
run a round with their thumbs; offers posted from phones reach the projector."""

from playwright.sync_api import Page, expect

from .helpers import decode_qr, tap

PEOPLE = [
    ("Ada", "I write programs for engines", "maths, poetry"),
    ("Grace", "Compilers, and teaching admirals", "sailing"),
    ("Katherine", "Orbital mechanics by hand", "bridge, choir"),
]


def turn_of(phone: Page):
    """What a phone shows on its own turn."""
    return phone.locator("#my-turn")


def test_a_round_run_from_phones(table, server, tmp_path):
    host = table.create("Thursday breakfast", turn_seconds=90, via_form=True)

    # The QR code on the projector carries the join address, and it is one phones can open.
    qr = tmp_path / "qr.png"
    host.locator("img.join-qr").screenshot(path=qr)
    url = decode_qr(qr)
    assert url == f"{server.url}/j/{table.code}"
    assert url.startswith(server.env["PUBLIC_URL"] + "/")
    assert url.split("://", 1)[1] == host.locator("#join-url").inner_text()

    ada, grace, kath = (table.join(*person, url=url) for person in PEOPLE)
    expect(host.locator("#people-count")).to_have_text("3 people at the table")
    expect(host.locator("#people-chips .chip")).to_have_text(["Katherine", "Grace", "Ada"])
    expect(kath.locator("#my-status")).to_have_text("Waiting for the host to start — 3 people here")

    host.keyboard.press("n")  # the host's shortcut: start the round
    expect(host.locator("#host")).to_have_attribute("data-status", "speaking")
    expect(host.locator("#progress")).to_have_text("Turn 1 of 3")
    expect(host.locator("#speaker-name")).to_have_text("Ada")
    expect(host.locator("#speaker-about")).to_have_text("I write programs for engines")
    expect(host.locator("#next-up")).to_have_text("Next up: Grace")
    expect(host.locator("#ring .ring-time")).to_have_text("1:30")
    expect(turn_of(ada)).to_be_visible()
    expect(ada.locator("#my-turn-title")).to_have_text("Your turn")
    expect(ada.locator("#phone-ring")).to_have_attribute("data-state", "running")
    expect(turn_of(grace)).to_be_hidden()
    expect(grace.locator("#my-status")).to_have_text("You're next")
    expect(kath.locator("#my-status")).to_have_text("You're up in 2 turns")
    expect(kath.locator("#speaker-card #speaker-name")).to_have_text("Ada")

    tap(ada.get_by_role("button", name="I'm done"))
    expect(host.locator("#speaker-name")).to_have_text("Grace")
    expect(host.locator("#progress")).to_have_text("Turn 2 of 3")
    expect(turn_of(ada)).to_be_hidden()
    expect(ada.locator("#my-status")).to_have_text("You've had your turn this round")
    expect(turn_of(grace)).to_be_visible()

    tap(grace.get_by_role("button", name="Pass"))  # Grace goes to the end of the round
    expect(host.locator("#speaker-name")).to_have_text("Katherine")
    expect(host.locator("#next-up")).to_have_text("Next up: Grace")
    expect(turn_of(kath)).to_be_visible()
    expect(turn_of(grace)).to_be_hidden()
    for phone in (ada, grace, kath):
        expect(phone.locator("#order-list .order-name")).to_have_text(["Ada", "Katherine", "Grace"])
    expect(grace.locator("#order-list li.is-me")).to_contain_text("Grace (you)")
    expect(ada.locator("#order-list li.is-current")).to_contain_text("Katherine")

    host.keyboard.press("n")  # the host moves on: Grace's turn comes back
    expect(host.locator("#speaker-name")).to_have_text("Grace")
    expect(host.locator("#progress")).to_have_text("Turn 3 of 3")
    expect(host.locator("#next-up")).to_have_text("Last turn of this round")
    expect(host.locator("#btn-next")).to_have_text("Finish round")
    expect(turn_of(kath)).to_be_hidden()
    expect(turn_of(grace)).to_be_visible()

    tap(grace.get_by_role("button", name="I'm done"))
    expect(host.locator("#host")).to_have_attribute("data-status", "round_over")
    expect(host.locator("#over-eyebrow")).to_have_text("Round 1 complete")
    expect(host.locator("#over-title")).to_have_text("Everyone has spoken")
    expect(host.locator("#btn-start")).to_have_text("Start next round")
    for phone in (ada, grace, kath):
        expect(phone.locator("#my-status")).to_have_text(
            "That round is done. The next one starts soon.")
        expect(turn_of(phone)).to_be_hidden()


def test_offers_reach_the_host_and_a_hidden_post_leaves_every_phone(table):
    host = table.create("Friday lunch")
    ada, grace, kath = (table.join(*person) for person in PEOPLE)
    host.keyboard.press("n")
    expect(turn_of(ada)).to_be_visible()
    host.keyboard.press("b")  # the board beside the prompt
    expect(host.locator("#board")).to_be_visible()

    # The speaker posts what she needs help with.
    ask = "An introduction to someone who restores old looms"
    tap(ada.locator("#board-ask summary"))
    ada.fill("#board-ask-text", ask)
    tap(ada.get_by_role("button", name="Post my ask"))
    host_ask = host.locator("#board-asks > li.post-ask", has_text=ask)
    expect(host_ask).to_be_visible()

    # Grace offers help from the speaker's card, which now points at that ask.
    card = grace.locator("#speaker-card")
    expect(card.locator(".speaker-offer-label")).to_have_text(f"Offer help with: {ask}")
    tap(card.get_by_role("button", name="I can help"))
    card.get_by_label("Your offer").fill("My aunt runs the textile museum: I'll introduce you")
    tap(card.get_by_role("button", name="Send"))
    offer = "My aunt runs the textile museum"
    expect(host_ask.locator(".post-offer", has_text=offer)).to_be_visible()
    expect(host_ask.locator(".post-offer", has_text=offer)).to_contain_text("Grace")

    # Katherine offers something to the whole room.
    tap(kath.locator("#board-give summary"))
    give = kath.locator("#board-give")
    tap(give.get_by_role("button", name="Resource"))
    give.get_by_label("Your offer").fill("Free desk space in Leeds on Fridays")
    give.get_by_label("A link (optional)").fill("example.org/desks")  # as people type it
    tap(give.get_by_role("button", name="Send"))
    expect(host.locator("#board-offers")).to_contain_text("Free desk space in Leeds on Fridays")
    expect(host.locator("#board-offers a")).to_have_attribute("href", "https://example.org/desks")

    for phone in (ada, grace, kath):
        expect(phone.locator("#board-asks")).to_contain_text(offer)
    # The host hides Grace's offer: it leaves every phone and the projected board, folded away
    # on the host screen where the host can bring it back.
    host_ask.locator(".post-offer", has_text=offer).get_by_role("button", name="Hide").click()
    for phone in (ada, grace, kath):
        expect(phone.get_by_text(offer)).to_have_count(0)
        expect(phone.locator("#board-asks")).to_contain_text(ask)
    expect(host_ask.locator(".post-offer", has_text=offer)).to_have_count(0)
    expect(host.locator("#board-hidden-summary")).to_have_text("Hidden posts (1)")
    host.locator("#board-hidden-summary").click()
    expect(host.locator("#board-hidden")).to_contain_text(offer)
    expect(host.locator("#board-offers")).to_contain_text("Free desk space in Leeds on Fridays")
    host.locator("#board-hidden").get_by_role("button", name="Restore").click()
    for phone in (ada, grace, kath):
        expect(phone.locator("#board-asks")).to_contain_text(offer)


def test_every_screen_follows_the_order_as_people_join_and_the_host_moves_them(table):
    """The order travels apart from the turn, only when it moves: a late joiner, the host's move
    and a "next" (which leaves it as it was) all show right on the projector and on phones."""
    host = table.create()
    ada, grace = table.join("Ada"), table.join("Grace")
    table.act("start")
    expect(host.locator("#progress")).to_have_text("Turn 1 of 2")
    kath = table.join("Katherine")  # mid-round: she speaks last
    expect(host.locator("#progress")).to_have_text("Turn 1 of 3")
    phones = (ada, grace, kath)
    for phone in phones:
        expect(phone.locator("#order-list .order-name")).to_have_text(["Ada", "Grace", "Katherine"])
    host.keyboard.press("m")
    host.get_by_role("button", name="Move Katherine up").click()
    expect(host.locator("#people-list .row-title")).to_have_text(["Ada", "Katherine", "Grace"])
    for phone in phones:
        expect(phone.locator("#order-list .order-name")).to_have_text(["Ada", "Katherine", "Grace"])
    expect(kath.locator("#my-status")).to_have_text("You're next")
    table.act("next")
    expect(host.locator("#progress")).to_have_text("Turn 2 of 3")
    for phone in phones:
        expect(phone.locator("#order-list li.is-current")).to_contain_text("Katherine")
        expect(phone.locator("#order-list .order-name")).to_have_text(["Ada", "Katherine", "Grace"])
    expect(ada.locator("#my-status")).to_have_text("You've had your turn this round")
    expect(grace.locator("#my-status")).to_have_text("You're next")

    # An update that moves nothing in the list (a pause) leaves it as drawn: in a hall it has
    # 500 rows, and every post or raised hand is an update.
    drawn = ada.locator("#order-list li").first.element_handle()
    table.act("pause")
    expect(ada.locator("#phone")).to_have_attribute("data-status", "paused")
    assert drawn.evaluate("li => li.isConnected")


def test_a_double_press_of_next_speaker_moves_on_once(table):
    """A double click, or "N" pressed twice, sent two "next"s before the first came back:
    the second ended the next person's turn before they said a word. Each press now names the
    turn it ends, on the console and on a table host's phone alike."""
    host = table.create()
    phones = [table.join(name) for name in ("Ada", "Grace", "Katherine", "Dorothy")]
    table.act("start")
    expect(host.locator("#speaker-name")).to_have_text("Ada")
    host.locator("#btn-next").dblclick()
    expect(host.locator("#speaker-name")).to_have_text("Grace")
    dorothy = table.admin.state["items"]["people"]
    table.act("table_host", table=1, pid=next(pid for pid, p in dorothy.items()
                                               if p["name"] == "Dorothy"))
    on_her_phone = phones[3].locator("#table-next")
    expect(on_her_phone).to_be_visible()
    on_her_phone.dblclick()
    # Her next press is read after both: paused, Katherine has the floor, not Dorothy.
    phones[3].locator("#table-pause").click()
    expect(host.locator("#host")).to_have_attribute("data-status", "paused")
    expect(host.locator("#speaker-name")).to_have_text("Katherine")
