"""Between-round tips for the host screen, chosen for the kind of prompt coming up.

The words live in `tips.json` so the room's voice can be edited without touching code. Tips
rotate with the round number, so a long event doesn't repeat one line.
"""

import json
from functools import cache
from pathlib import Path

TIPS_FILE = Path(__file__).with_name("tips.json")
FALLBACK_KIND = "custom"


@cache
def tips() -> dict[str, list[str]]:
    """Every tip by prompt kind, read once."""
    data = json.loads(TIPS_FILE.read_text(encoding="utf-8"))
    return {kind: lines for kind, lines in data.items() if not kind.startswith("_")}


def tip_for(kind: str | None, round_no: int) -> str:
    """The tip to show before round `round_no + 1`, whose prompt is of `kind`."""
    lines = tips().get(kind or FALLBACK_KIND) or tips()[FALLBACK_KIND]
    return lines[round_no % len(lines)]
