"""Steps the browser tests (and the screenshots command) repeat: a host screen, phones that join.

A `Table` is one event as people live it: the host screen in a desktop context, one phone context
per person. Setup the test is not about (extra prompts, turn lengths) may go through `admin`, a
real Socket.IO client holding the host key, so the browser time goes to what is being tested.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from playwright.sync_api import expect

from tests.fixtures.browser import DESKTOP_VIEWPORT, PHONE_CONTEXT
from tests.live.helpers import Screen, create_room

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_JS = REPO_ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"


class Table:
    """A host screen and the phones at its table, all against one live server."""

    def __init__(self, browser: Browser, base_url: str,
                 phone_context: Callable[..., BrowserContext] | None = None) -> None:
        self.browser, self.base_url = browser, base_url
        self._phone_context = phone_context
        self.contexts: list[BrowserContext] = []
        self.code = self.key = ""
        self._admin: Screen | None = None

    # --- the host ------------------------------------------------------------------------

    def desktop(self, **options: Any) -> BrowserContext:
        """A fresh desktop context (1920x1080 unless `viewport` says otherwise)."""
        context = self.browser.new_context(**{"viewport": DESKTOP_VIEWPORT, **options})
        self.contexts.append(context)
        return context

    def create(self, name: str = "Thursday breakfast", turn_seconds: int = 90, *,
               via_form: bool = False, context: BrowserContext | None = None) -> Page:
        """Create the event and open its host screen; returns the host page, in the lobby."""
        page = (context or self.desktop()).new_page()
        if via_form:
            page.goto(self.base_url + "/")
            page.fill("#event-name", name)
            page.check("input[name=deck][value=classic]")
            page.fill("#turn-seconds", str(turn_seconds))
            page.get_by_role("button", name="Create the event").click()
            expect(page.locator("#host")).to_have_attribute("data-status", "lobby")
            self.code = page.locator("#host").get_attribute("data-code")
            self.key = page.evaluate("(code) => localStorage.getItem(`facilitator.host.${code}`)",
                                     self.code)
        else:
            self.code, self.key = create_room(self.base_url, name, turn_seconds)
            page.goto(f"{self.base_url}/host/{self.code}#key={self.key}")
            expect(page.locator("#host")).to_have_attribute("data-status", "lobby")
        return page

    @property
    def join_url(self) -> str:
        return f"{self.base_url}/j/{self.code}"

    @property
    def admin(self) -> Screen:
        """A Socket.IO client with the host key, for setup the test is not about."""
        if self._admin is None:
            self._admin = Screen(self.base_url, self.code, host_key=self.key)
        return self._admin

    def act(self, action: str, **args: Any) -> dict:
        """A host action through `admin`; asserts the server accepted it."""
        ack = self.admin.call("host", {"action": action, "args": args} if args else
                              {"action": action})
        assert ack["ok"], ack
        return ack

    def prompt_up_next(self, text: str, hint: str = "") -> None:
        """Add a prompt and make it the one the next round starts on."""
        self.act("prompt_add", text=text, hint=hint)
        self.admin.wait_for(lambda s: any(
            p["text"] == text for p in s.state["sections"]["prompts"]["items"]))
        prompt = next(p for p in self.admin.state["sections"]["prompts"]["items"]
                      if p["text"] == text)
        self.act("prompt_select", id=prompt["id"])

    # --- phones --------------------------------------------------------------------------

    def phone_context(self, *, init_script: Path | None = None, **options: Any) -> BrowserContext:
        """A phone-sized touch context (the `phone_context` fixture's, when there is one);
        `init_script` runs in every page before the app's own scripts."""
        if self._phone_context is not None:
            context = self._phone_context(**options)
        else:
            context = self.browser.new_context(**{**PHONE_CONTEXT, **options})
            self.contexts.append(context)
        if init_script is not None:
            context.add_init_script(path=init_script)
        return context

    def open_phone(self, url: str | None = None, **options: Any) -> Page:
        """A phone on the join page (not joined yet)."""
        page = self.phone_context(**options).new_page()
        page.goto(url or self.join_url)
        expect(page.locator("#phone")).to_have_attribute("data-view", "join")
        return page

    def join(self, name: str, about: str = "", interests: str = "", *, page: Page | None = None,
             url: str | None = None, **options: Any) -> Page:
        """A phone that opens the join page, fills in the form and taps "Join the table"."""
        page = page or self.open_phone(url, **options)
        page.fill("#join-name", name)
        page.fill("#join-about", about)
        page.fill("#join-interests", interests)
        tap(page.locator("#join-submit"))
        refused = page.locator("#join-error:not([hidden])")
        expect(page.locator("#phone[data-view='live']").or_(refused).first).to_be_visible()
        assert not refused.is_visible(), f"{name}'s join was refused: {refused.inner_text()}"
        return page

    def close(self) -> None:
        if self._admin is not None:
            self._admin.close()
        for context in self.contexts:
            context.close()


def tap(locator) -> None:
    """Tap on touch screens, click elsewhere (as a person would)."""
    if locator.page.evaluate("'ontouchstart' in window"):
        locator.tap()
    else:
        locator.click()


def decode_qr(image: Path) -> str:
    """The text in the QR code on this PNG (Debian's zbarimg, from zbar-tools)."""
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg missing (run scripts/setup --dev)"
    result = subprocess.run([zbarimg, "--raw", "-q", str(image)], capture_output=True,
                            text=True, timeout=30, check=True)
    return result.stdout.strip()


def settle(page: Page) -> None:
    """Wait until one-off CSS animations (a new post fading in) have finished."""
    page.wait_for_function("""() => document.getAnimations().every((a) =>
        !(a instanceof CSSAnimation) || a.playState !== "running"
        || a.effect.getComputedTiming().iterations === Infinity)""")


def ring_seconds(text: str) -> int:
    """ "1:28" -> 88."""
    match = re.fullmatch(r"(\d+):(\d\d)", text.strip())
    assert match, f"not a countdown: {text!r}"
    return int(match.group(1)) * 60 + int(match.group(2))


# Whether an element's text is drawn left to right, character after character (on one line),
# across its text nodes (an address has a break opportunity, <wbr>, after each slash).
DRAWN_LEFT_TO_RIGHT = """(el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), lefts = [];
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        for (let i = 0; i < text.length; i++) {
            const range = document.createRange();
            range.setStart(text, i);
            range.setEnd(text, i + 1);
            lefts.push(range.getBoundingClientRect().left);
        }
    }
    return lefts.length > 1 && lefts.every((left, i) => i === 0 || left > lefts[i - 1]);
}"""


def overflows_x(page: Page) -> int:
    """How many CSS pixels the page is wider than its viewport (0: no horizontal scrolling)."""
    return page.evaluate(
        "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth")
