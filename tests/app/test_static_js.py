"""Every module a page loads is there: the templates' scripts and each relative import under them
(a wrong path fails only in the browser, as a module that never runs)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "static"
SCRIPT = re.compile(r"url_for\('static', filename='(js/[^']+\.js)'\)")
IMPORT = re.compile(r"""^\s*(?:import|export)\b[^;]*?\bfrom\s+["'](\.{1,2}/[^"']+)["']""",
                    re.M | re.S)


def imports(module: Path) -> list[Path]:
    return [(module.parent / spec).resolve() for spec in IMPORT.findall(module.read_text())]


def test_every_script_a_page_loads_and_every_module_it_imports_exists():
    pages = [STATIC / name for t in (ROOT / "templates").glob("*.html")
             for name in SCRIPT.findall(t.read_text())]
    assert len(pages) >= 4  # host, phone, follow-up, summary
    seen: set[Path] = set()
    todo = list(pages)
    while todo:
        module = todo.pop()
        assert module.is_file(), f"{module.relative_to(ROOT)} is loaded but missing"
        if module in seen or not module.is_relative_to(STATIC / "js"):  # vendored: as shipped
            continue
        seen.add(module)
        todo.extend(imports(module))
    unused = set((STATIC / "js").rglob("*.js")) - seen
    assert not unused, f"modules no page loads: {sorted(str(p.relative_to(ROOT)) for p in unused)}"
