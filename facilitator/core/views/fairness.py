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


def _tenths_per_round(log: Iterable[dict[str, Any]]) -> dict[int, dict[str, int]]:
    """Tenths of a second each person spoke, by round. Turns are logged to the tenth, so in
    tenths they add up exactly, with no rounding of each sum (the host's report is made again
    on every turn, from the whole log)."""
    rounds: dict[int, dict[str, int]] = {}
    for rec in log:
        spoken = rounds.get(rec["round"])
        if spoken is None:
            spoken = rounds[rec["round"]] = {}
        spoken[rec["pid"]] = spoken.get(rec["pid"], 0) + round(rec["seconds"] * 10)
    return rounds


def _summed(rounds: Iterable[dict[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for spoken in rounds:
        for pid, tenths in spoken.items():
            out[pid] = out.get(pid, 0) + tenths
    return out


def _seconds(tenths: dict[str, int]) -> dict[str, float]:
    return {pid: t / 10 for pid, t in tenths.items()}


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
    rounds = _tenths_per_round(log)
    total = _seconds(_summed(rounds.values()))
    return {"per_round": [{"round": n, "airtime": _seconds(spoken)}
                          for n, spoken in sorted(rounds.items())],
            "total": total, "ratio": ratio(total), "chart": chart(total, order)}
