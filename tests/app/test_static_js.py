"""Every module a page loads is there: the templates' entry scripts (`page_scripts`) and each
relative import under them, as facilitator/page_scripts.py follows them to send a page its words
(a wrong path fails only in the browser, as a module that never runs)."""

import json
import re
from pathlib import Path

from facilitator.page_scripts import STATIC_JS, closure

ROOT = Path(__file__).resolve().parents[2]
PAGE_SCRIPTS = re.compile(r"\{%\s*set page_scripts = (\[[^\]]*\])\s*%\}")


def test_every_script_a_page_loads_and_every_module_it_imports_exists():
    entries = [name for t in (ROOT / "templates").glob("*.html")
               for found in PAGE_SCRIPTS.findall(t.read_text()) for name in json.loads(found)]
    assert len(entries) >= 4  # host, phone, follow-up, summary
    for entry in entries:
        assert (STATIC_JS / entry).is_file(), f"{entry} is loaded but missing"
    runs = closure(tuple(entries))  # reads every module of ours it reaches: a missing one fails
    for module in runs:  # vendored ones are listed, not read: they must be there too
        assert (STATIC_JS / module).resolve().is_file(), f"{module} is imported but missing"
    unused = {str(p.relative_to(STATIC_JS)) for p in STATIC_JS.rglob("*.js")} - runs
    assert not unused, f"modules no page loads: {sorted(unused)}"
