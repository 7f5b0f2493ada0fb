"""Airtime fairness, from the turn log: who spoke how long, per round and overall.

Pure functions over `Turns.log` records `{pid, round, seconds, outcome}`, so the host screen, the
event summary and the exports all count the same way. The chart is neutral on purpose: bars in
seating order, not a ranking, so nobody is singled out as the talker or the quiet one.
"""

from collections.abc import Iterable
from typing import Any

# Someone who passed straight away spoke ~0 s; dividing by that would make the figure
# meaningless, so the least airtime counts as at least this much.
MIN_DIVISOR_SECONDS = 1.0


def totals(log: Iterable[dict[str, Any]]) -> dict[str, float]:
    """Seconds each person spoke across all finished turns."""
    out: dict[str, float] = {}
    for rec in log:
        out[rec["pid"]] = out.get(rec["pid"], 0.0) + rec["seconds"]
    return {pid: round(s, 1) for pid, s in out.items()}


def per_round(log: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """`[{"round": n, "airtime": {pid: seconds}}]`, rounds in order."""
    rounds: dict[int, list[dict[str, Any]]] = {}
    for rec in log:
        rounds.setdefault(rec["round"], []).append(rec)
    return [{"round": n, "airtime": totals(recs)} for n, recs in sorted(rounds.items())]


def ratio(airtime: dict[str, float]) -> float | None:
    """Most airtime ÷ least, among those who had a turn: 1.0 is perfectly even.

    None until at least two people have spoken.
    """
    if len(airtime) < 2:
        return None
    most, least = max(airtime.values()), min(airtime.values())
    return round(most / max(least, MIN_DIVISOR_SECONDS), 1)


def chart(airtime: dict[str, float], order: list[str]) -> list[dict[str, Any]]:
    """Bars for everyone in `order` (seating order), each as a share of the longest bar."""
    longest = max(airtime.values(), default=0.0)
    return [{"pid": pid, "seconds": airtime.get(pid, 0.0),
             "share": round(airtime.get(pid, 0.0) / longest, 3) if longest else 0.0}
            for pid in order]


def report(log: list[dict[str, Any]], order: list[str]) -> dict[str, Any]:
    """Everything the host's airtime panel shows."""
    total = totals(log)
    return {"per_round": per_round(log), "total": total, "ratio": ratio(total),
            "chart": chart(total, order)}
