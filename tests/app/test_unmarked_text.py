"""No text people read is left out of the catalogs: every template's words, every script's
strings and every refusal the core or an edge writes go through gettext (README, "Languages").

Text is found the way a translator would miss it: words between tags or in a text attribute of
a template, outside `{{ _(…) }}`; a script's string literal that reads as a phrase (a space, and a
capital or closing punctuation) outside `gettext(…)`/`ngettext(…)`; a refusal raised with a
plain string, or a module's message constant that is not `N_(…)`. The pseudo-locale (en_001)
shows the same in a browser.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "templates").glob("*.html"))
SCRIPTS = sorted((ROOT / "static" / "js").rglob("*.js"))
PYTHON = sorted((ROOT / "facilitator").rglob("*.py"))

# Words that are the same in every language: the product's name, a sample room code.
NOT_WORDS = {"Facilitator", "W4PBBG"}
# Script strings that are protocol, not words: an HTTP header's scheme.
NOT_PHRASES = {"Bearer "}

JINJA = re.compile(r"\{% block body_class %\}.*?\{% endblock %\}|\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}",
                   re.S)
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.S)
TEXT_ATTRIBUTE = re.compile(r'\b(?:placeholder|aria-label|title|alt)="([^"]*)"')
TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"[A-Za-z]{2,}")


# Inside `{{ … }}`: a string given to gettext, and any string literal.
EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.S)
PY_STRING = r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'"
GETTEXT_ARGUMENTS = re.compile(rf"\b(?:_|n?gettext)\(\s*(?:(?:{PY_STRING})\s*,\s*)?(?:{PY_STRING})")
PY_LITERAL = re.compile(rf"({PY_STRING})(\s+if\b)?")
PRINTED_BRANCH = re.compile(rf"\b(?:else|or)\s+({PY_STRING})")


def unmarked_in_expressions(source: str) -> list[str]:
    """Strings a template prints from inside `{{ … }}` outside gettext: phrases (a macro's
    label), and words chosen by `… if … else …` or `… or …`."""
    found = []
    for expression in EXPRESSION.findall(source):
        code = GETTEXT_ARGUMENTS.sub("_(", expression)
        printed = {m.group(1) for m in PRINTED_BRANCH.finditer(code)}
        for match in PY_LITERAL.finditer(code):
            literal = match.group(1)[1:-1]
            branch = match.group(2) is not None or match.group(1) in printed
            if reads_as_a_phrase(literal) or branch and WORD.search(literal):
                found.append(literal)
    return found


def unmarked_in_template(source: str) -> list[str]:
    found = [v for v in TEXT_ATTRIBUTE.findall(source) if "{{" not in v and WORD.search(v)]
    found += unmarked_in_expressions(source)
    text = TAG.sub("\n", SCRIPT_OR_STYLE.sub("", JINJA.sub("", source)))
    found += [line.strip() for line in text.splitlines() if WORD.search(line)]
    return [f for f in found if f.strip(" ·:") not in NOT_WORDS]


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_every_word_of_a_template_is_marked(path):
    assert unmarked_in_template(path.read_text(encoding="utf-8")) == []


COMMENTS = re.compile(r"/\*.*?\*/|(?<![:\\])//[^\n]*", re.S)
STRING = r'"(?:[^"\\]|\\.)*"(?:\s*\+\s*"(?:[^"\\]|\\.)*")*'  # "…", or "…" + "…" + …
MARKED = re.compile(rf"\bn?gettext\(\s*(?:{STRING}\s*,\s*)?{STRING}")
LITERAL = re.compile(r"\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`", re.S)
PLACEHOLDER = re.compile(r"\$\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")


def reads_as_a_phrase(text: str) -> bool:
    text = PLACEHOLDER.sub("", text)
    if text.strip(" ·") in NOT_WORDS or text in NOT_PHRASES:
        return False
    if not WORD.search(text) or " " not in text.strip():
        return False
    return bool(re.search(r"[A-Z]", text) or re.search(r"[.!?…:]\s*$", text))


def unmarked_in_script(source: str) -> list[str]:
    code = MARKED.sub("gettext(", COMMENTS.sub("", source))
    found = []
    for match in LITERAL.finditer(code):
        literal = next(g for g in match.groups() if g is not None)
        if match.group(3) is not None:  # a template literal: look inside its ${…} too
            found += unmarked_in_script(" ".join(PLACEHOLDER.findall(literal)))
        if reads_as_a_phrase(literal):
            found.append(literal)
    return found


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_phrase_of_a_script_is_marked(path):
    assert unmarked_in_script(path.read_text(encoding="utf-8")) == []


REFUSERS = {"RoomError", "refuse", "abort"}


def is_words(node: ast.expr) -> bool:
    return (isinstance(node, ast.JoinedStr)
            or isinstance(node, ast.Constant) and isinstance(node.value, str)
            and bool(WORD.search(node.value)) and " " in node.value)


def unmarked_in_python(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in REFUSERS:
                found += [ast.unparse(a) for a in node.args if is_words(a)]
        elif isinstance(node, ast.Assign) and all(
                isinstance(t, ast.Name | ast.Tuple) for t in node.targets):
            names = [n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
            values = node.value.elts if isinstance(node.value, ast.Tuple) else [node.value]
            if all(n.isupper() for n in names) and any(n.endswith(MESSAGE_NAMES) for n in names):
                found += [ast.unparse(v) for v in values if is_words(v)]
    return found


# The constants that hold a message or a label somebody reads.
MESSAGE_NAMES = ("_ASK", "_LABEL", "_REFUSED", "_GONE", "ENDED", "DELETED", "MOVED", "FAST",
                 "MALFORMED", "NO_PLACE", "NO_SUCH_ROOM", "WRONG_HOST_KEY", "NOT_WATCHING",
                 "_EVENTS", "_JOINS", "JSON_ONLY", "MAIL_OFF", "CONFIRM_DELETE", "NUDGE_TEXT")


@pytest.mark.parametrize("path", PYTHON, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_refusal_is_marked(path):
    assert unmarked_in_python(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(("source", "found"), [
    ('<p>Hello there</p>', ["Hello there"]),
    ('<p>{{ _("Hello there") }}</p>', []),
    ('<input placeholder="Your name">', ["Your name"]),
    ('<input placeholder="{{ _(\'Your name\') }}">', []),
    ('<p class="brand">Facilitator</p>{# a comment #}<script>x = "Hi you"</script>', []),
    ('{{ ring("ring", "Time left") }}', ["Time left"]),
    ('{{ ring("ring", _("Time left")) }}', []),
    ('<h1>{{ "console" if role == "host" else "display" }}</h1>', ["console", "display"]),
    ('{{ message or "That page is gone." }}', ["That page is gone."]),
    ("{{ url_for('static', filename='css/app.css') }} {{ form.get('name', '') }}", []),
    ('{{ ngettext("%(num)d day", "%(num)d days", n) }}', []),
])
def test_the_template_scan_finds_unmarked_words(source, found):
    assert unmarked_in_template(source) == found


@pytest.mark.parametrize(("source", "found"), [
    ('setText(x, "Thank you.");', ["Thank you."]),
    ('setText(x, gettext("Thank you."));', []),
    ('ngettext("%(num)d person", "%(num)d people", n)', []),
    ('gettext("A long one, " + "in two.")', []),
    ('el("li", { text: `Offer ${name} help` })', ["Offer ${name} help"]),
    ('el("li", { text: `${gettext("Offer help")} ${x}` })', []),
    ('el("li", { class: "button button-small" }); // Not words', []),
    ('if (reason === "io client disconnect") return;', []),
])
def test_the_script_scan_finds_unmarked_phrases(source, found):
    assert unmarked_in_script(source) == found


@pytest.mark.parametrize(("source", "found"), [
    ('raise RoomError("No way.")', ["'No way.'"]),
    ('raise RoomError(f"No {x}.")', ["f'No {x}.'"]),
    ('raise RoomError(N_("No way."))', []),
    ('KIND_ASK = "Choose a kind."', ["'Choose a kind.'"]),
    ('KIND_ASK = N_("Choose a kind.")', []),
    ('API_PREFIX = "/api/"', []),
])
def test_the_python_scan_finds_unmarked_refusals(source, found):
    assert unmarked_in_python(source) == found
