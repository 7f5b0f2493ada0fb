"""What the pages draw needs no emoji font: a laptop or a projector's computer without one
drew the language switcher's globe as an empty box. Pictographs are drawn (an inline SVG)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRAWN = sorted([*(ROOT / "templates").glob("*.html"), *(ROOT / "static" / "js").rglob("*.js"),
                *(ROOT / "static" / "css").glob("*.css")])
# The emoji blocks: symbols no text font has (arrows, ✓ and ● are in every font we name).
EMOJI = re.compile("[\U0001F000-\U0001FAFF]")


@pytest.mark.parametrize("path", DRAWN, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_emoji_in_what_the_pages_draw(path):
    found = EMOJI.findall(path.read_text(encoding="utf-8"))
    assert not found, f"{path.name} draws {found}: use an inline SVG"
