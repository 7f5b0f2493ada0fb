"""The host's summary after the event: what happened, in figures and one picture.

Rounds run, airtime per person, pitch nudges (counts only), questions asked, asks met, offers by
kind, the tables (the new people each person met, offers that crossed tables), introductions,
the follow-through people marked afterwards (offers followed up, offers that helped,
introductions that met), and who helped whom as a network whose layout is computed here (people
on a circle), so the page only draws lines and dots and the exports carry the same picture.
"""

import math
from collections.abc import Callable
from typing import Any

from ..errors import N_, Text, say, say_n
from ..seating import quality
from ..state.board import OFFER
from ..state.followthrough import FOLLOWED_UP, HELPED
from ..state.intros import offers as intro_offers
from ..state.room import Room
from . import fairness, give_take

VIEW_SIZE = 400  # the SVG viewBox is VIEW_SIZE x VIEW_SIZE
RADIUS = 140  # leaves room for names around the circle


def summary(room: Room, now: float) -> dict[str, Any]:
    """The whole summary as plain data (JSON-able), for the page and the exports (of an event
    read with all its tables)."""
    g = room.generosity
    names = {pid: p.name for pid, p in room.participants.items()}
    tables = room.tables.loaded()
    airtime = fairness.report([rec for t in tables for rec in t.turns.log],
                              list(room.participants))
    taps = [{**turn, "table": t.number} for t in tables for turn in t.nudges.history()]
    asked: dict[str, int] = {}
    for t in tables:
        for pid, count in t.hands.asked.items():
            asked[pid] = asked.get(pid, 0) + count
    counts = room.board.counts()
    intros = intro_offers(room.board)
    return {
        "event": {"code": room.code, "name": room.name},
        "people": names,
        "rounds": [{"round": r["round"], "text": r["text"]} for r in room.rounds],
        "airtime": airtime,
        "nudges": {"taps": sum(t["taps"] for t in taps),
                   "nudged": sum(t["nudged"] for t in taps), "turns": taps},
        "questions": {"total": sum(asked.values()), "by_person": asked},
        "asks": {"total": counts["asks"], "met": counts["met"],
                 "waiting": len(room.board.waiting())},
        "offers_by_kind": give_take.offers_by_kind(room.board),
        "tables": tables_met(room),
        "introductions": {"made": len(intros),
                          "accepted": sum(g.intros.is_accepted(o) for o in intros),
                          "met": sum(o.id in room.follow_through.met for o in intros)},
        "follow_through": room.follow_through.counts(room.board),
        "network": network(room),
    }


def tables_met(room: Room) -> dict[str, Any]:
    """What the tables did for the event's point: the new people each person sat with (mean,
    and the least anyone met), pairs who met again, and the offers that crossed tables."""
    met = quality(room.layout.rounds)
    to_someone = [o for o in room.board.shown(OFFER) if o.table and o.to_table]
    return {"count": room.layout.count, "reshuffles": room.layout.reshuffles,
            "people_met": {"mean": round(met.mean_mates, 1), "least": met.min_mates},
            "repeats": met.repeats,
            "offers_across": sum(o.table != o.to_table for o in to_someone),
            "offers_to_someone": len(to_someone)}


def network(room: Room) -> dict[str, Any]:
    """Who helped whom: an edge per (giver, receiver) with how many offers, how many were taken
    up at the event, followed up after it and marked as having helped; nodes are the people on
    any edge, placed evenly on a circle."""
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for offer in room.board.shown(OFFER):
        if offer.to and offer.to in room.participants:
            edge = edges.setdefault((offer.author, offer.to), {
                "from": offer.author, "to": offer.to, "offers": 0, "taken": 0,
                "followed_up": 0, "helped": 0})
            mark = room.follow_through.of(offer.id)
            edge["offers"] += 1
            edge["taken"] += offer.taken
            edge["followed_up"] += mark in FOLLOWED_UP
            edge["helped"] += mark == HELPED
    people = [pid for pid in room.participants
              if any(pid in (e["from"], e["to"]) for e in edges.values())]
    return {"size": VIEW_SIZE,
            "nodes": [{"id": pid, "name": room.participants[pid].name, **spot}
                      for pid, spot in zip(people, circle(len(people)), strict=True)],
            "edges": list(edges.values())}


def circle(count: int) -> list[dict[str, Any]]:
    """`count` points evenly on a circle, first at the top, clockwise, with where a label goes:
    outside the circle, anchored so it reads away from it."""
    centre = VIEW_SIZE / 2
    spots = []
    for i in range(count):
        angle = 2 * math.pi * i / count - math.pi / 2
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        spots.append({"x": round(centre + RADIUS * cos, 1), "y": round(centre + RADIUS * sin, 1),
                      "label_x": round(centre + (RADIUS + 12) * cos, 1),
                      "label_y": round(centre + (RADIUS + 12) * sin + 4, 1),
                      "anchor": anchor})
    return spots


def offers_of_kind(kind: str, count: int) -> Text:
    """ "1 offer to help", "3 resources": a count of one kind of offer, in its plural."""
    if kind == "intro":
        return say_n("%(num)d introduction offered", "%(num)d introductions offered", count)
    if kind == "resource":
        return say_n("%(num)d resource", "%(num)d resources", count)
    return say_n("%(num)d offer to help", "%(num)d offers to help", count)


def markdown_lines(data: dict[str, Any], escape: Callable[[object], str],
                   words: Callable[[Text], str] = str) -> list[str]:
    """The summary's figures as a Markdown section for the export (`escape` makes text literal,
    `words` puts the section's own words in the reader's language)."""
    kinds = ", ".join(words(offers_of_kind(k, n)) for k, n in data["offers_by_kind"].items())
    asks, intros, nudges = data["asks"], data["introductions"], data["nudges"]
    tables = data["tables"]
    after = data["follow_through"]
    ratio = data["airtime"]["ratio"]
    figures = [
        say("Rounds run: %(rounds)s", rounds=len(data["rounds"])),
        say("Airtime, most ÷ least: %(ratio)s", ratio=ratio) if ratio is not None
        else N_("Airtime, most ÷ least: not enough turns yet"),
        say_n("Pitch nudges: %(nudged)s (from %(num)d anonymous tap)",
              "Pitch nudges: %(nudged)s (from %(num)d anonymous taps)", nudges["taps"],
              nudged=nudges["nudged"]),
        say("Questions asked: %(questions)s", questions=data["questions"]["total"]),
        say("Asks met: %(met)s of %(total)s", met=asks["met"], total=asks["total"]),
        say("Tables: %(tables)s; new people each person met: %(mean)s on average, at least "
            "%(least)s; offers across tables: %(across)s of %(offers)s",
            tables=say_n("%(tables)s, %(num)d reshuffle", "%(tables)s, %(num)d reshuffles",
                         tables["reshuffles"], tables=tables["count"]),
            mean=tables["people_met"]["mean"], least=tables["people_met"]["least"],
            across=tables["offers_across"], offers=tables["offers_to_someone"]),
        say("Offers: %(kinds)s", kinds=kinds),
        say("Introductions: %(made)s made, %(accepted)s accepted, %(met)s met",
            made=intros["made"], accepted=intros["accepted"], met=intros["met"]),
        say("Afterwards: %(followed_up)s of %(offers)s offers followed up, %(helped)s helped, "
            "%(didnt_work)s didn't work out", followed_up=after["followed_up"],
            offers=after["offers"], helped=after["helped"], didnt_work=after["didnt_work"]),
    ]
    return ["## " + words(N_("Summary")), "", *(f"- {words(line)}" for line in figures), "",
            "| " + words(N_("Name")) + " | " + words(N_("Airtime (s)")) + " |", "|---|---|",
            *(f"| {escape(data['people'][bar['pid']])} | {bar['seconds']} |"
              for bar in data["airtime"]["chart"]), ""]
