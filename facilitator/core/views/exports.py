"""The event written out for the host (JSON, CSV, Markdown) and contacts as vCards.

One record of the event (`event_record`) is built here, from what the room saw: hidden posts
stay out, and contact details only of people who agreed to give them to the host. Each format
is a rendering of that record, with escaping done by the format's library or in one function.
"""

import csv
import io
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import vobject

from ..errors import N_, Text, say
from ..state.board import ASK, OFFER, OFFER_KINDS, Post
from ..state.layout import Seating, default_name
from ..state.room import Room
from .summary import markdown_lines, summary

CSV_COLUMNS = ("record", "id", "name", "text", "detail", "kind", "answers", "to", "taken",
               "met", "link", "who", "airtime_seconds", "email", "phone", "profile", "at",
               "table")
# Spreadsheets run a cell starting with one of these as a formula (the full-width forms too, in
# East Asian locales): each gets an apostrophe before it wherever a cell could start. That is the
# start of the value, and after a ";", a tab or a line break: a spreadsheet whose locale
# separates cells with ";" splits our commas' quoted cells there (issue 16.11).
FORMULA = re.compile(r"(?<![^;\t\r\n])([=+\-@\t\r＝＋－＠])")
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def when(epoch: float | None) -> str | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC).isoformat("T", "seconds")


def event_record(room: Room, now: float) -> dict[str, Any]:
    """The whole event as plain data: the JSON export, and what CSV and Markdown render (of an
    event read with all its tables). Its tables are numbered as `tables` lists them: where each
    person sits now, where each post was made, who sat where in each round."""
    names = {pid: p.name for pid, p in room.participants.items()}
    layout = room.layout
    # Who sat where, kept as each round started; an event saved before that was kept has no
    # seating for its first rounds.
    seatings: list[Seating] = [[]] * (len(room.rounds) - len(layout.rounds)) + layout.rounds
    airtime: dict[str, float] = {}
    for table in room.tables.loaded():
        for pid, seconds in table.turns.airtime(now).items():
            airtime[pid] = round(airtime.get(pid, 0.0) + seconds, 1)
    board = room.board

    def ask(post: Post) -> dict[str, Any]:
        return {"id": post.id, "by": post.author, "by_name": names.get(post.author),
                "text": post.text, "met": board.met(post), "by_host": post.by_host,
                "at": when(post.at), "table": post.table}

    def offer(post: Post) -> dict[str, Any]:
        return {"id": post.id, "by": post.author, "by_name": names.get(post.author),
                "kind": post.kind, "kind_label": OFFER_KINDS[post.kind], "text": post.text,
                "answers": post.ask, "to": post.to,
                "to_name": names.get(post.to) if post.to else None,
                "who": post.who, "link": post.link, "taken": post.taken, "at": when(post.at),
                "table": post.table}

    offers = [offer(p) for p in board.shown(OFFER)]
    return {
        "event": {"code": room.code, "name": room.name, "created_at": when(room.created_at),
                  "exported_at": when(now)},
        "counts": board.counts(),
        "prompts": room.prompts.items,
        "tables": [layout.label(n) for n in range(1, layout.count + 1)],
        "rounds": [{**r, "started_at": when(r["started_at"]),
                    "tables": [{"table": n, "people": here}
                               for n, people in enumerate(seating, 1)
                               if (here := [pid for pid in people if pid in names])]}
                   for r, seating in zip(room.rounds, seatings, strict=True)],
        "participants": [
            {**p.public(), "airtime_seconds": airtime.get(pid, 0.0),
             "contact": room.contacts.for_host(pid), "table": layout.seats.get(pid)}
            for pid, p in room.participants.items()],
        "asks": [ask(p) for p in board.shown(ASK)],
        "offers": offers,
        "helped": [{"from": o["by"], "from_name": o["by_name"], "to": o["to"],
                    "to_name": o["to_name"], "offer": o["id"], "taken": o["taken"]}
                   for o in offers if o["to"]],
        "summary": summary(room, now),
    }


def to_json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2)


def csv_cell(value: object) -> object:
    """A value as a CSV cell no spreadsheet runs as a formula, in any locale."""
    return FORMULA.sub(r"'\1", value) if isinstance(value, str) else value


def table_names(record: dict[str, Any]) -> dict[int, str] | None:
    """Each table's name by number, for an event that ran several tables (None for one table,
    whose exports say nothing of tables). A table dropped since keeps its default name."""
    if len(record["tables"]) < 2 and all(len(r["tables"]) < 2 for r in record["rounds"]):
        return None
    named = {t["number"]: t["name"] for t in record["tables"]}
    used = {t["table"] for r in record["rounds"] for t in r["tables"]}
    used |= {p["table"] for p in record["asks"] + record["offers"] if p["table"]}
    return {n: named.get(n) or str(default_name(n)) for n in sorted(used | set(named))}


def to_csv(record: dict[str, Any]) -> str:
    """One table, one row per prompt, round, participant, ask and offer (the `record` column);
    at an event of several tables, the `table` of each person and post, and a `seat` row per
    person per round (`answers`: the round)."""
    tables = table_names(record) or {}
    names = {p["id"]: p["name"] for p in record["participants"]}
    rows: list[dict[str, Any]] = []
    for p in record["prompts"]:
        rows.append({"record": "prompt", "id": p["id"], "text": p["text"], "detail": p["hint"],
                     "kind": p["kind"]})
    for r in record["rounds"]:
        rows.append({"record": "round", "id": r["round"], "text": r["text"],
                     "answers": r["prompt_id"], "at": r["started_at"]})
    for p in record["participants"]:
        contact = p["contact"] or {}
        rows.append({"record": "participant", "id": p["id"], "name": p["name"],
                     "detail": p["about"], "kind": p["status"],
                     "airtime_seconds": p["airtime_seconds"], "email": contact.get("email"),
                     "phone": contact.get("phone"), "profile": contact.get("link"),
                     "table": tables.get(p["table"])})
    for r in record["rounds"] if tables else ():
        rows += [{"record": "seat", "id": pid, "name": names[pid], "answers": r["round"],
                  "table": tables[t["table"]]} for t in r["tables"] for pid in t["people"]]
    for a in record["asks"]:
        rows.append({"record": "ask", "id": a["id"], "name": a["by_name"], "text": a["text"],
                     "met": a["met"], "at": a["at"], "table": tables.get(a["table"])})
    for o in record["offers"]:
        rows.append({"record": "offer", "id": o["id"], "name": o["by_name"], "text": o["text"],
                     "kind": o["kind_label"], "answers": o["answers"], "to": o["to_name"],
                     "taken": o["taken"], "link": o["link"], "who": o["who"], "at": o["at"],
                     "table": tables.get(o["table"])})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n",
                            quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def md(text: object) -> str:
    """Text as Markdown shows it literally: no markup, links, HTML or list markers of its own."""
    escaped = MD_SPECIAL.sub(r"\\\1", str(text))
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", re.sub(r"^-", r"\\-", escaped))


def to_markdown(record: dict[str, Any], words: Callable[[Text], str] = str) -> str:
    """A readable report of the event, for notes or a follow-up email; `words` puts its own
    words in the reader's language (the edge's translation; English as written by default)."""
    event, counts = record["event"], record["counts"]
    lines = [f"# {md(event['name'])}", "",
             words(say("Event %(code)s, exported %(at)s. Asks met: %(met)s of %(asks)s. "
                       "Offers: %(offers)s.", code=event["code"], at=event["exported_at"],
                       met=counts["met"], asks=counts["asks"], offers=counts["offers"])),
             "", "## " + words(N_("Prompts")), ""]
    lines += [f"{i}. {md(p['text'])} ({p['kind']})" for i, p in enumerate(record["prompts"], 1)]
    tables = table_names(record)

    def table(number: int | None) -> str:
        """A table's name for the reader: a default one in their language."""
        if not tables or number is None:
            return ""
        name = tables[number]
        return words(default_name(number)) if name == str(default_name(number)) else md(name)

    columns = [N_("Name"), N_("About"), N_("Airtime (s)"), N_("Contact")]
    columns += [N_("Table")] if tables else []
    lines += ["", "## " + words(N_("Participants")), "",
              "| " + " | ".join(words(c) for c in columns) + " |", "|---" * len(columns) + "|"]
    for p in record["participants"]:
        contact = ", ".join(md(v) for v in (p["contact"] or {}).values())
        cells = [md(p["name"]), md(p["about"]), str(p["airtime_seconds"]), contact]
        cells += [table(p["table"])] if tables else []
        lines.append("| " + " | ".join(cells) + " |")
    if tables:
        lines += _seating_lines(record, table, words)
    lines += ["", "## " + words(N_("Asks and offers")), ""]
    offers = record["offers"]
    for a in record["asks"]:
        state = words(N_("met") if a["met"] else N_("open"))
        lines += [f"### {md(a['by_name'])}: {md(a['text'])} ({state})", ""]
        lines += ([_offer_line(o, words) for o in offers if o["answers"] == a["id"]]
                  or [words(N_("No offers."))])
        lines.append("")
    others = [o for o in offers if o["answers"] is None]
    if others:
        lines += ["### " + words(N_("Other offers")), "",
                  *(_offer_line(o, words) for o in others), ""]
    lines += markdown_lines(record["summary"], md, words)
    lines += ["## " + words(N_("Who helped whom")), ""]
    taken = " (" + words(N_("taken up")) + ")"
    lines += [f"- {md(h['from_name'])} → {md(h['to_name'])}{taken if h['taken'] else ''}"
              for h in record["helped"]] or [words(N_("Nobody yet."))]
    return "\n".join(lines) + "\n"


def _seating_lines(record: dict[str, Any], table: Callable[[int], str],
                   words: Callable[[Text], str]) -> list[str]:
    """ "Who sat where": each round's tables and their people (`table` names a table)."""
    names = {p["id"]: md(p["name"]) for p in record["participants"]}
    lines = ["", "## " + words(N_("Who sat where"))]
    for r in record["rounds"]:
        heading = words(say("Round %(round)s", round=r["round"]))
        lines += ["", f"### {heading}: {md(r['text'])}", ""]
        lines += [f"- {table(t['table'])}: {', '.join(names[pid] for pid in t['people'])}"
                  for t in r["tables"]]
    return lines


def _offer_line(o: dict[str, Any], words: Callable[[Text], str]) -> str:
    kind = words(Text(o["kind_label"]))  # one of OFFER_KINDS, in the catalogs
    if o["to_name"] and o["answers"] is None:
        line = words(say("- **%(kind)s** from %(by)s to %(to)s", kind=kind, by=md(o["by_name"]),
                         to=md(o["to_name"])))
    else:
        line = words(say("- **%(kind)s** from %(by)s", kind=kind, by=md(o["by_name"])))
    line += f": {md(o['text'])}"
    if o["who"]:
        line += " " + words(say("(introduces %(who)s)", who=md(o["who"])))
    if o["link"]:
        line += f" <{o['link']}>"  # http(s) only and free of <>, spaces: safe as an autolink
    return line + (" — " + words(N_("taken up")) if o["taken"] else "")


def to_vcards(cards: list[dict[str, Any]]) -> str:
    """vCard 3.0 for each `{"name", "email"?, "phone"?, "link"?, "note"?}`, escaped by vobject."""
    out = []
    for card in cards:
        vcard = vobject.vCard()
        vcard.add("fn").value = card["name"]
        vcard.add("n").value = vobject.vcard.Name(given=card["name"])
        for field, key in (("email", "email"), ("tel", "phone"), ("url", "link"),
                           ("note", "note")):
            if card.get(key):
                vcard.add(field).value = card[key]
        out.append(vcard.serialize())
    return "".join(out)
