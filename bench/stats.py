"""Percentiles of fan-out latencies."""


def percentile(sorted_samples: list[float], p: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not sorted_samples:
        return float("nan")
    k = (len(sorted_samples) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(sorted_samples) - 1)
    return sorted_samples[lo] + (sorted_samples[hi] - sorted_samples[lo]) * (k - lo)


def summary(samples: list[float]) -> dict:
    """n, p50, p95, p99 and max of latencies in milliseconds."""
    ordered = sorted(samples)
    return {"n": len(ordered),
            **{f"p{p}": round(percentile(ordered, p), 1) for p in (50, 95, 99)},
            "max": round(ordered[-1], 1) if ordered else float("nan")}
