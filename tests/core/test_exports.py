"""Exports: each format read back, hidden posts and unconsented contacts left out."""

import csv
import io
import json

import pytest
import vobject

from facilitator.core.commands import board, contacts, people, round, tables
from facilitator.core.state.layout import Layout
from facilitator.core.state.room import Room
from facilitator.core.views import exports
from facilitator.core.views.followup import shared_contacts


@pytest.fixture
def event():
    """A small event: two turns, an ask with a taken-up offer, a hidden ask, a standalone offer."""
    room, _ = Room.create(name="Founders' *breakfast*", deck_id="classic", turn_seconds=90,
                          now=1_764_168_000)
    ann, bob, cat = (people.join(room, name=n, now=0)[0].id for n in ("Ann", "=Bob", "Cat <b>"))
    round.start(room, now=1_764_168_000)
    round.advance(room, now=1_764_168_030)
    ask = board.post_ask(room, ann, text="An intro to a | printer", now=1_764_168_040)
    offer = board.post_offer(room, bob, kind="intro", text="My friend prints", ask=ask,
                             who="Dana", now=1_764_168_050)
    board.take_offer(room, ann, offer_id=offer)
    hidden = board.post_ask(room, cat, text="Something rude", now=1_764_168_060)
    board.moderate(room, post_id=hidden, hidden=True)
    board.post_offer(room, cat, kind="resource", text="# A [guide](x)",
                     link="https://example.org/guide", now=1_764_168_070)
    contacts.set_contact(room, ann, email="ann@example.org", share=True, share_with_host=True)
    contacts.set_contact(room, bob, email="bob@example.org", phone="+44 1234 5678", share=True)
    return room, {"ann": ann, "bob": bob, "cat": cat, "ask": ask, "offer": offer,
                  "hidden": hidden}


def test_json_is_the_whole_event_and_reads_back(event):
    room, ids = event
    data = json.loads(exports.to_json(exports.event_record(room, now=1_764_168_100)))
    assert data["event"]["name"] == "Founders' *breakfast*"
    assert data["event"]["exported_at"] == "2025-11-26T14:41:40+00:00"
    assert data["counts"] == {"asks": 1, "met": 1, "offers": 2}
    assert len(data["prompts"]) == len(room.prompts.items)
    assert data["rounds"][0]["round"] == 1
    people = {p["name"]: p for p in data["participants"]}
    assert people["Ann"]["airtime_seconds"] == 30.0
    assert people["Ann"]["contact"] == {"email": "ann@example.org"}
    assert people["=Bob"]["contact"] is None  # shared with partners, not with the host
    assert [a["id"] for a in data["asks"]] == [ids["ask"]]
    assert data["asks"][0]["met"] is True
    assert data["helped"] == [{"from": ids["bob"], "from_name": "=Bob", "to": ids["ann"],
                               "to_name": "Ann", "offer": ids["offer"], "taken": True}]
    text = json.dumps(data)
    assert "Something rude" not in text and "bob@example.org" not in text
    assert "token" not in text and "digest" not in text


def test_csv_has_one_row_per_record_and_reads_back(event):
    room, ids = event
    rows = list(csv.DictReader(io.StringIO(exports.to_csv(
        exports.event_record(room, now=1_764_168_100)))))
    assert tuple(rows[0]) == exports.CSV_COLUMNS
    by_kind: dict[str, list[dict]] = {}
    for row in rows:
        by_kind.setdefault(row["record"], []).append(row)
    assert len(by_kind["prompt"]) == len(room.prompts.items)
    assert len(by_kind["participant"]) == 3 and len(by_kind["round"]) == 1
    [ask] = by_kind["ask"]
    assert (ask["id"], ask["name"], ask["text"], ask["met"]) == (
        ids["ask"], "Ann", "An intro to a | printer", "True")
    offer = next(r for r in by_kind["offer"] if r["id"] == ids["offer"])
    assert (offer["kind"], offer["answers"], offer["to"], offer["taken"], offer["who"]) == (
        "I know someone", ids["ask"], "Ann", "True", "Dana")
    # Text a spreadsheet would run as a formula is defused.
    assert offer["name"] == "'=Bob"
    people = {r["id"]: r for r in by_kind["participant"]}
    assert people[ids["ann"]]["email"] == "ann@example.org"
    assert people[ids["bob"]]["email"] == "" and people[ids["bob"]]["phone"] == ""
    assert all(r["text"] != "Something rude" for r in rows)


@pytest.mark.parametrize(("raw", "written"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t'=1"),
    ("\r=1", "'\r'=1"), ("＝1", "'＝1"),
    # Opened where ";" separates cells, a cell can start after one, or on a new line.
    ("ok;=cmd|' /C calc'!A0", "ok;'=cmd|' /C calc'!A0"), ("a;b;+1", "a;b;'+1"),
    ("line\n=1", "line\n'=1"), ("tab\t@x", "tab\t'@x"), ("x\t\t=1", "x\t'\t'=1"),
    ("plain text, - a dash; fine", "plain text, - a dash; fine"), ("a=b", "a=b"),
])
def test_csv_cells_never_start_a_formula_in_any_locale(raw, written):
    assert exports.csv_cell(raw) == written


def test_csv_quotes_every_cell(event):
    room, _ = event
    text = exports.to_csv(exports.event_record(room, now=1_764_168_100))
    lines = text.split("\r\n")[:-1]
    assert all(line.startswith('"') and line.endswith('"') and '",,"' not in line
               for line in lines)
    # Split at ";" as a spreadsheet in such a locale would, no piece starts a formula.
    for piece in text.replace("\r\n", ";").replace('"', "").replace(",", ";").split(";"):
        assert not piece.startswith(("=", "+", "@")), piece


def test_markdown_reports_the_event_with_peoples_text_kept_literal(event):
    room, _ = event
    report = exports.to_markdown(exports.event_record(room, now=1_764_168_100))
    assert report.startswith("# Founders' \\*breakfast\\*\n")
    assert "Asks met: 1 of 1. Offers: 2." in report
    assert "### Ann: An intro to a \\| printer (met)" in report
    assert ("- **I know someone** from =Bob: My friend prints (introduces Dana) — taken up"
            in report)
    assert "\\# A \\[guide\\]\\(x\\) <https://example.org/guide>" in report
    assert "Cat \\<b\\>" in report and "<b>" not in report
    assert "- =Bob → Ann (taken up)" in report
    assert "Something rude" not in report and "bob@example.org" not in report


@pytest.mark.parametrize(("raw", "shown"), [
    ("- not a list", "\\- not a list"),
    ("1. not a list", "1\\. not a list"),
    ("<script>", "\\<script\\>"),
    ("`code` and _em_", "\\`code\\` and \\_em\\_"),
])
def test_markdown_escaping(raw, shown):
    assert exports.md(raw) == shown


def test_vcards_hold_only_shared_contacts_of_partners_and_read_back(event):
    room, ids = event
    text = exports.to_vcards(shared_contacts(room, ids["ann"]))
    [card] = list(vobject.readComponents(text))
    assert card.version.value == "3.0"
    assert card.fn.value == "=Bob"
    assert card.email.value == "bob@example.org" and card.tel.value == "+44 1234 5678"
    assert "My friend prints" in card.note.value
    # Cat made a standalone offer and shared nothing: no card for Ann; Bob gets Ann's.
    assert [c.fn.value for c in vobject.readComponents(
        exports.to_vcards(shared_contacts(room, ids["bob"])))] == ["Ann"]
    assert exports.to_vcards(shared_contacts(room, ids["cat"])) == ""


def test_vcard_escapes_structure_characters():
    text = exports.to_vcards([{"name": "Ann; Smith, Jr\\", "note": "Line one\nline two"}])
    assert "FN:Ann\\; Smith\\, Jr\\\\" in text
    card = vobject.readOne(text)
    assert card.fn.value == "Ann; Smith, Jr\\" and card.note.value == "Line one\nline two"


def test_an_event_of_several_tables_exports_who_sat_where():
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0,
                          layout=Layout.new(tables=2))
    pids = {n: people.join(room, name=n, now=0)[0].id for n in ("Ann", "Bob", "Cat", "Dan")}
    round.start(room, now=10)
    ask = board.post_ask(room, pids["Ann"], text="A venue", now=20)
    round.end_round(room, now=30)
    tables.reshuffle(room, seed=1, now=40)
    round.start(room, now=50)
    record = exports.event_record(room, now=60)
    data = json.loads(exports.to_json(record))
    assert [t["number"] for t in data["tables"]] == [1, 2]
    seated = [{frozenset(t["people"]) for t in r["tables"]} for r in data["rounds"]]
    assert len(seated) == 2 and not seated[0] & seated[1]  # a reshuffle: all new pairs
    now_at = {p["id"]: p["table"] for p in data["participants"]}
    assert seated[1] == {frozenset(p for p in now_at if now_at[p] == n) for n in (1, 2)}
    ann_sat_at = next(n for n, sitting in enumerate(room.layout.rounds[0], 1)
                      if pids["Ann"] in sitting)
    assert data["asks"][0]["table"] == ann_sat_at  # where the ask was made

    rows = list(csv.DictReader(io.StringIO(exports.to_csv(record))))
    seats = [(r["answers"], r["name"], r["table"]) for r in rows if r["record"] == "seat"]
    assert len(seats) == 8 and {s[2] for s in seats} == {"Table 1", "Table 2"}
    [ask_row] = [r for r in rows if r["record"] == "ask"]
    assert (ask_row["id"], ask_row["table"]) == (ask, f"Table {ann_sat_at}")

    report = exports.to_markdown(record)
    assert "| Name | About | Airtime (s) | Contact | Table |" in report
    assert "## Who sat where\n\n### Round 1: How did you get into your field?" in report
    assert report.count("\n- Table 1: ") == 2 and report.count("\n- Table 2: ") == 2


def test_an_event_of_one_table_exports_no_tables(event):
    room, _ = event
    record = exports.event_record(room, now=1_764_168_100)
    rows = list(csv.DictReader(io.StringIO(exports.to_csv(record))))
    assert not any(r["record"] == "seat" or r["table"] for r in rows)
    assert "Who sat where" not in exports.to_markdown(record)
