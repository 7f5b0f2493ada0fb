"""Script payloads typed by people render as visible text in a real browser; no script runs.

Every page gets a dialog listener (any dialog fails the test) and every payload also tries to
set `window.__xss`, so a script that runs without a dialog is caught too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from playwright.sync_api import expect

from tests.live.helpers import Screen

if TYPE_CHECKING:
    from playwright.sync_api import Page

RUN = "window.__xss=1;alert(document.domain)"
EVENT = f"<script>{RUN}</script>Breakfast"
NAME = "<img src=x onerror=alert(1)>"
ABOUT = f"<script>{RUN}</script> & <b>bold</b>"
# Screens show interests only as common-ground groups (normalised wording), never verbatim:
# this one is only checked not to run.
INTEREST = "<svg onload=alert(4)>"
PROMPT = f"<iframe srcdoc='<script>parent.{RUN}</script>'></iframe> Who helped you?"
ASK = f'"><img src=x onerror="{RUN}"> An intro to a printer'
OFFER = f"<a href=javascript:{RUN}>click</a> My cousin prints"
WHO = "<style>*{display:none}</style>Dana"


class Guard:
    """Watches pages for dialogs and for the marker a running payload would set."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.pages: list[Page] = []

    def watch(self, page: Page) -> Page:
        page.on("dialog", self._dialog)
        self.pages.append(page)
        return page

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_nothing_ran(self) -> None:
        assert self.dialogs == [], f"a payload ran and opened a dialog: {self.dialogs}"
        for page in self.pages:
            assert page.evaluate("() => window.__xss") is None, page.url


def shows(page: Page, *texts: str) -> None:
    """Each text is on the page, as text (markup would have been parsed away)."""
    for text in texts:
        expect(page.locator("body")).to_contain_text(text)


def test_script_payloads_render_as_text_and_never_run(table):
    guard = Guard()
    host_context = table.desktop()
    host_context.on("page", guard.watch)
    host = table.create(EVENT, via_form=True, context=host_context)
    phones = []
    for name, about, interests in [(NAME, ABOUT, INTEREST), ("Bob", "Printer", "")]:
        page = guard.watch(table.phone_context().new_page())
        page.goto(table.join_url)
        phones.append(table.join(name, about, interests, page=page))
    ann, bob = phones

    table.prompt_up_next(PROMPT, hint=ABOUT)
    table.act("start")  # Ann speaks first, with her payload name and "about"
    ann_token = ann.evaluate("(c) => localStorage.getItem(`facilitator.token.${c}`)", table.code)
    bob_token = bob.evaluate("(c) => localStorage.getItem(`facilitator.token.${c}`)", table.code)
    as_ann = Screen(table.base_url, table.code, token=ann_token)
    as_bob = Screen(table.base_url, table.code, token=bob_token)
    try:
        ask = as_ann.call("post_ask", {"text": ASK})
        offer = as_bob.call("post_offer", {"ask": ask["id"], "kind": "intro", "text": OFFER,
                                           "who": WHO, "link": "https://example.org/?q=%3Cb%3E"})
        assert ask["ok"] and offer["ok"], (ask, offer)
    finally:
        as_ann.close()
        as_bob.close()

    # Live updates first, then the same screens loaded fresh (server-rendered parts too).
    for fresh in (False, True):
        if fresh:
            for page in [host, ann, bob]:
                page.reload()
        shows(host, EVENT, PROMPT, NAME, ABOUT, ASK, OFFER)
        shows(bob, EVENT, PROMPT, NAME, ABOUT, ASK, OFFER)
        shows(ann, EVENT, PROMPT, ASK, OFFER)
    expect(host.locator("#event-name")).to_have_text(EVENT)
    expect(host.locator("#speaker-name")).to_have_text(NAME)
    expect(bob.locator("#speaker-about")).to_have_text(ABOUT)

    # Pages built from the same text elsewhere: the follow-up page and the home form's echo.
    ann.goto(f"{table.join_url}/me")
    shows(ann, ASK, OFFER)
    home = guard.watch(table.desktop().new_page())
    home.goto(table.base_url + "/")
    home.fill("#event-name", NAME)
    # A turn length the server refuses, so the form comes back with the name filled in.
    home.locator("#turn-seconds").evaluate("(input) => input.removeAttribute('max')")
    home.fill("#turn-seconds", "5000")
    home.get_by_role("button", name="Create the event").click()
    expect(home.locator("#create-error")).to_be_visible()
    expect(home.locator("#event-name")).to_have_value(NAME)
    guard.assert_nothing_ran()
