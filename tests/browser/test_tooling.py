"""Smoke tests for the project tooling itself (vendored assets, CI browser). No app import."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import BrowserContext, Page

VENDOR = Path(__file__).resolve().parents[2] / "static" / "vendor" / "socket.io"


def test_vendored_socketio_client_present_and_versioned() -> None:
    for name in ("socket.io.esm.min.js", "socket.io.min.js", "LICENSE"):
        path = VENDOR / name
        assert path.is_file(), f"{path} missing"
        assert path.stat().st_size > 0, f"{path} is empty"

    banner = (VENDOR / "socket.io.esm.min.js").read_text()[:200]
    match = re.search(r"Socket\.IO v(\d+\.\d+\.\d+)", banner)
    assert match, "no version banner in socket.io.esm.min.js"
    version = match.group(1)
    assert version.startswith("4."), f"expected socket.io-client 4.x, got {version}"
    assert f"Version: {version}" in (VENDOR / "README.md").read_text()


def test_chromium_renders_a_page(desktop_page: Page) -> None:
    desktop_page.goto("data:text/html,<title>facilitator-smoke</title><h1>ok</h1>")
    assert desktop_page.title() == "facilitator-smoke"
    assert desktop_page.viewport_size == {"width": 1920, "height": 1080}


def test_phone_context_is_mobile(phone_context: Callable[..., BrowserContext]) -> None:
    page = phone_context().new_page()
    # is_mobile honours <meta name=viewport>; without it the layout width would be 980.
    page.goto(
        "data:text/html,<meta name=viewport content='width=device-width'><title>phone</title>"
    )
    assert page.evaluate("() => [innerWidth, 'ontouchstart' in window]") == [390, True]


def test_readme_shows_every_screenshot() -> None:
    root = VENDOR.parents[2]
    readme = (root / "README.md").read_text()
    for name in ("display", "board", "console", "phone-console", "phone-join", "phone-turn"):
        path = f"docs/screenshots/{name}.png"
        assert path in readme, f"README does not show {path}"
        assert (root / path).is_file(), f"{path} missing: run scripts/screenshots"
