"""Which script files a page runs: its entry modules (templates set `page_scripts`) and every
module they import, followed through `import … from "./x.js"`. The page's JSON block then carries
the words of those scripts alone (facilitator/i18n.py, `js_catalog`), not every script's.

Our modules import each other statically, by relative path, with no build step, so reading the
import lines is enough; a dynamic `import()` would not be followed (there is none)."""

import functools
import posixpath
import re
from pathlib import Path

STATIC_JS = Path(__file__).resolve().parent.parent / "static" / "js"
# `import { a } from "./x.js";`, `import "./x.js";`, `export { b } from "../y.js";`
IMPORT = re.compile(r"""^\s*(?:import|export)\b[^"';]*?["'](\.{1,2}/[^"']+\.js)["']""", re.M)


@functools.cache
def imports_of(path: str) -> tuple[str, ...]:
    """The modules `path` (relative to static/js, e.g. "phone/phone.js") imports directly."""
    source = (STATIC_JS / path).read_text(encoding="utf-8")
    folder = posixpath.dirname(path)
    return tuple(posixpath.normpath(posixpath.join(folder, name))
                 for name in IMPORT.findall(source))


@functools.cache
def closure(entries: tuple[str, ...]) -> frozenset[str]:
    """Every module the entry modules run, themselves included (paths relative to static/js; a
    vendored one, "../vendor/…", is listed but not read: it is shipped as is)."""
    seen: set[str] = set()
    todo = list(entries)
    while todo:
        path = todo.pop()
        if path not in seen:
            seen.add(path)
            if not path.startswith("../"):
                todo.extend(imports_of(path))
    return frozenset(seen)
