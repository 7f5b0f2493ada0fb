"""The touches people expect: the projector stays awake and goes fullscreen, the phone buzzes on
its turn, and forms work with the phone's keyboard and autofill."""

from playwright.sync_api import expect

from .helpers import tap

# Headless Chromium has no screen to keep awake and no motor: record what the page asks for.
FAKE_WAKE_LOCK = """
window.__wakeLocks = [];
Object.defineProperty(Navigator.prototype, "wakeLock", { configurable: true, get: () => ({
  request: async (type) => {
    window.__wakeLocks.push(type);
    return { type, released: false, release: async () => {}, addEventListener() {} };
  },
}) });
"""
NO_WAKE_LOCK = """Object.defineProperty(Navigator.prototype, "wakeLock",
  { configurable: true, get: () => undefined });"""
FAKE_VIBRATE = """() => {
  window.__buzzes = [];
  Navigator.prototype.vibrate = function (pattern) { window.__buzzes.push(pattern); return true; };
}"""


def test_the_display_and_a_phone_say_so_when_the_screen_may_dim(table, tmp_path):
    """A browser with no wake lock to give (older ones; most on plain http): both say so."""
    table.create()
    context = table.desktop()
    context.add_init_script(NO_WAKE_LOCK)
    display = context.new_page()
    display.goto(f"{table.base_url}/display/{table.code}")
    expect(display.locator("#dim-note")).to_be_visible()
    script = tmp_path / "no-wake-lock.js"
    script.write_text(NO_WAKE_LOCK)
    phone = table.join("Ada", init_script=script)
    expect(phone.locator("#dim-note")).to_be_visible()
    # With a lock to give, the display asks for it and says nothing.
    awake = table.desktop()
    awake.add_init_script(FAKE_WAKE_LOCK)
    calm = awake.new_page()
    calm.goto(f"{table.base_url}/display/{table.code}")
    calm.wait_for_function("window.__wakeLocks.length > 0")
    expect(calm.locator("#dim-note")).to_be_hidden()


def test_the_host_screen_keeps_awake_and_goes_fullscreen(table):
    context = table.desktop()
    context.add_init_script(FAKE_WAKE_LOCK)
    host = table.create(context=context)
    host.wait_for_function("window.__wakeLocks.length > 0")
    assert host.evaluate("window.__wakeLocks") == ["screen"]

    button = host.locator("#btn-fullscreen")
    button.click()
    host.wait_for_function("document.fullscreenElement !== null")
    expect(button).to_have_text("Exit fullscreen")
    host.keyboard.press("f")
    host.wait_for_function("document.fullscreenElement === null")
    expect(button).to_have_text("Fullscreen")


def test_a_phone_buzzes_once_when_its_turn_starts(table):
    host = table.create()
    ada, bob = (table.join(name) for name in ("Ada", "Bob"))
    for phone in (ada, bob):
        phone.evaluate(FAKE_VIBRATE)  # after loading: the join happened without it
    host.keyboard.press("n")
    expect(ada.locator("#my-turn")).to_be_visible()
    expect(bob.locator("#my-status")).to_have_text("You're next")  # and a short double buzz
    bob.wait_for_function("window.__buzzes.length > 0")
    ada.wait_for_function("window.__buzzes.length > 0")
    tap(ada.get_by_role("button", name="I'm done"))
    expect(bob.locator("#my-turn")).to_be_visible()
    bob.wait_for_function("window.__buzzes.length > 1")
    host.keyboard.press("p")  # pause and resume redraw the turn: no second buzz
    expect(host.locator("#btn-pause")).to_have_text("Resume")
    expect(bob.locator("#phone-ring")).to_have_attribute("data-state", "paused")
    host.keyboard.press("p")
    expect(bob.locator("#phone-ring")).to_have_attribute("data-state", "running")
    assert ada.evaluate("window.__buzzes") == [200]
    assert bob.evaluate("window.__buzzes") == [[80, 60, 80], 200]


JOIN_FIELDS = {
    "#join-name": {"type": "text", "autocomplete": "name", "autocapitalize": "words",
                   "enterkeyhint": "next", "required": ""},
    "#join-about": {"type": "text", "autocomplete": "organization-title", "enterkeyhint": "next"},
    "#join-interests": {"type": "text", "enterkeyhint": "go"},
}


def test_join_fields_suit_autofill_and_the_phone_keyboard(table):
    table.create()
    phone = table.open_phone()
    for selector, attributes in JOIN_FIELDS.items():
        for name, value in attributes.items():
            expect(phone.locator(selector)).to_have_attribute(name, value)


def test_joining_from_the_keyboard_and_by_code(table):
    table.create()
    phone = table.phone_context().new_page()
    phone.goto(table.base_url + "/")
    code_field = phone.locator("#join-code")
    expect(code_field).to_have_attribute("autocapitalize", "characters")
    expect(phone.locator("#turn-seconds")).to_have_attribute("inputmode", "numeric")
    # On a phone, joining comes first: the code field is on the first screen, above hosting.
    expect(code_field).to_be_in_viewport()
    assert (code_field.bounding_box()["y"]
            < phone.locator("#create-title").bounding_box()["y"])
    # A wrong code is answered under the field, in view, and the field keeps the focus.
    code_field.fill("NOSUCH")
    code_field.press("Enter")
    error = phone.locator("#join-code-error")
    expect(error).to_be_in_viewport()
    expect(phone.locator("#join-code")).to_be_focused()
    gap = error.bounding_box()["y"] - phone.locator("#join-code").bounding_box()["y"]
    assert 0 < gap < 120, gap
    code_field = phone.locator("#join-code")
    code_field.fill(table.code.lower())  # as typed from the wall, in lower case
    code_field.press("Enter")
    expect(phone).to_have_url(table.join_url)

    tap(phone.locator("#join-submit"))  # no name yet: the browser asks for one, nothing is sent
    expect(phone.locator("#join-name")).to_have_js_property("validity.valueMissing", True)
    expect(phone.locator("#phone")).to_have_attribute("data-view", "join")
    phone.locator("#join-name").fill("Ada")
    phone.locator("#join-interests").fill("maths, poetry")
    phone.locator("#join-interests").press("Enter")  # the keyboard's "go" key
    expect(phone.locator("#phone")).to_have_attribute("data-view", "live")
    expect(phone.locator("#order-list li.is-me")).to_contain_text("Ada (you)")


def test_follow_up_contact_fields_use_the_right_keyboards(table):
    table.create()
    phone = table.join("Ada")
    phone.get_by_role("link", name="Your follow-up").click()
    expect(phone.locator("#followup-content")).to_be_visible()
    for selector, kind, autocomplete in [("#contact-email", "email", "email"),
                                         ("#contact-phone", "tel", "tel")]:
        expect(phone.locator(selector)).to_have_attribute("type", kind)
        expect(phone.locator(selector)).to_have_attribute("autocomplete", autocomplete)
    # A link is text with the web keyboard: the browser never refuses "example.org/me".
    link = phone.locator("#contact-link")
    expect(link).to_have_attribute("inputmode", "url")
    expect(link).to_have_attribute("autocomplete", "url")


def test_the_host_deletes_the_event_and_every_screen_says_it_ended(table):
    host = table.create()
    phone = table.join("Ada")
    host.keyboard.press("m")
    # The consequence is spelled out before anything is pressed.
    expect(host.locator("#delete-consequence")).to_contain_text("every attendee's follow-up page")
    delete = host.get_by_role("button", name="Delete this event and its data")
    delete.click()
    delete = host.locator("#btn-delete-event")  # its name is now the question it asks
    expect(delete).to_have_text("Really delete? Follow-up pages go too")
    delete.click()
    expect(phone.locator("#gone-view")).to_be_visible()
    expect(host.locator("#no-key")).to_contain_text("ended")
    assert host.request.get(f"{table.base_url}/j/{table.code}").status == 404
