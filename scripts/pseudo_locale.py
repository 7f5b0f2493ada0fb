"""Write the pseudo-locale's catalog (facilitator/i18n.py, PSEUDO) from messages.pot: every
message accented and 40% longer, its placeholders and markup kept, in brackets. A page read in
it shows at once any string left unmarked (plain English) and any layout that breaks when text
grows, as German and French make it grow. Run by `scripts/i18n update`."""

import math
import re
import sys

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçđéƒĝĥíĵķĺɱñóƥɋŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤɊŔŠŢÚṼŴẊÝŽ")
# Left as they are: placeholders (%(name)s, %%), markup (<strong>), entities (&amp;).
KEEP = re.compile(r"%\(\w+\)[sd]|%%|<[^>]*>|&\w+;")
GROWTH = 0.4
PADDING = " ·ĺóñĝ·ŵóŕđš·ƒóŕ·ƒíţ·"


def pseudo(text: str) -> str:
    """`text` accented and lengthened by 40% (at least one padding character)."""
    parts, at = [], 0
    for kept in KEEP.finditer(text):
        parts.append(text[at:kept.start()].translate(ACCENTS))
        parts.append(kept.group())
        at = kept.end()
    parts.append(text[at:].translate(ACCENTS))
    extra = max(1, math.ceil(len(text) * GROWTH))
    padding = (PADDING * (extra // len(PADDING) + 1))[:extra]
    return f"[{''.join(parts)}{padding}]"


def main(pot_path: str, po_path: str, locale: str) -> None:
    with open(pot_path, "rb") as pot:
        template = read_po(pot)
    catalog = Catalog(locale=locale, project="Facilitator", fuzzy=False)
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            forms = [pseudo(message.id[0])] + [pseudo(message.id[1])] * (catalog.num_plurals - 1)
            catalog.add(message.id, tuple(forms), locations=message.locations,
                        flags=message.flags)
        else:
            catalog.add(message.id, pseudo(message.id), locations=message.locations,
                        flags=message.flags)
    with open(po_path, "wb") as po:
        write_po(po, catalog, width=100)


if __name__ == "__main__":
    main(*sys.argv[1:4])
