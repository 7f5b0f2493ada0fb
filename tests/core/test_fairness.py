"""Airtime fairness from the turn log: per round, in total, the ratio and the neutral chart."""

from facilitator.core.views.fairness import chart, ratio, report

LOG = [
    {"pid": "ann", "round": 1, "seconds": 90.0, "outcome": "done"},
    {"pid": "bob", "round": 1, "seconds": 30.0, "outcome": "next"},
    {"pid": "ann", "round": 2, "seconds": 60.0, "outcome": "done"},
    {"pid": "bob", "round": 2, "seconds": 45.5, "outcome": "passed"},
    {"pid": "bob", "round": 2, "seconds": 4.5, "outcome": "next"},
]


def test_totals_and_per_round():
    out = report(LOG, ["ann", "bob"])
    assert out["total"] == {"ann": 150.0, "bob": 80.0}
    assert out["per_round"] == [{"round": 1, "airtime": {"ann": 90.0, "bob": 30.0}},
                                {"round": 2, "airtime": {"ann": 60.0, "bob": 50.0}}]


def test_the_ratio_is_most_over_least_and_needs_two_speakers():
    assert ratio({"ann": 150.0, "bob": 80.0}) == 1.9
    assert ratio({"ann": 60.0, "bob": 60.0}) == 1.0
    assert ratio({"ann": 60.0}) is None
    assert ratio({}) is None
    # Someone who passed at once counts as one second, not zero.
    assert ratio({"ann": 60.0, "bob": 0.0}) == 60.0


def test_the_chart_follows_the_given_order_not_a_ranking():
    bars = chart({"ann": 150.0, "bob": 75.0}, ["bob", "cat", "ann"])
    assert bars == [{"pid": "bob", "seconds": 75.0, "share": 0.5},
                    {"pid": "cat", "seconds": 0.0, "share": 0.0},
                    {"pid": "ann", "seconds": 150.0, "share": 1.0}]
    assert chart({}, ["ann"]) == [{"pid": "ann", "seconds": 0.0, "share": 0.0}]


def test_report_has_everything_the_host_panel_shows():
    out = report(LOG, ["ann", "bob"])
    assert out["ratio"] == 1.9 and out["total"] == {"ann": 150.0, "bob": 80.0}
    assert [b["pid"] for b in out["chart"]] == ["ann", "bob"]
    assert len(out["per_round"]) == 2
