"""The arithmetic behind the grid constructions: the integers mod t, or the finite field of t
elements when t is a prime power.

In a field, the lines i + m·c = v of two different slopes m meet in exactly one point, which is
what keeps any two rounds from seating a pair together twice. Mod a composite t they may not
(2·3 = 0 mod 6), so the constructions count what they build rather than assume.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product


class Ring:
    """The t elements 0..t-1 with + and ·; a field when t is a prime power."""

    def __init__(self, order: int) -> None:
        self.order = order
        p, k = _prime_power(order)
        self.is_field = k >= 1
        self.extension = k >= 2  # else plain arithmetic mod t
        self._p, self._k = p, k
        if self.extension:  # GF(p^k): x·x·…, modulo a primitive polynomial, runs through every unit
            self._exp = _powers_of_x(p, k)
            self._log = {value: power for power, value in enumerate(self._exp)}

    def add(self, a: int, b: int) -> int:
        if self._k < 2:
            return (a + b) % self.order
        if self._p == 2:
            return a ^ b
        total, place = 0, 1
        for _ in range(self._k):  # base-p digits are the polynomial's coefficients
            total += ((a % self._p + b % self._p) % self._p) * place
            a, b, place = a // self._p, b // self._p, place * self._p
        return total

    def mul(self, a: int, b: int) -> int:
        if self._k < 2:
            return (a * b) % self.order
        if a == 0 or b == 0:
            return 0
        return self._exp[(self._log[a] + self._log[b]) % (self.order - 1)]


@lru_cache(maxsize=32)
def ring_of(order: int) -> Ring:
    """The finite field of `order` elements when `order` is a prime power, else Z_order."""
    return Ring(order)


def _prime_power(n: int) -> tuple[int, int]:
    """(p, k) with n = p**k, or (n, 0) when n is not a prime power (or below 2)."""
    if n < 2:
        return n, 0
    p = next(d for d in range(2, n + 1) if n % d == 0)
    k = 0
    while n % p == 0:
        n //= p
        k += 1
    return (p, k) if n == 1 else (p, 0)


def _powers_of_x(p: int, k: int) -> list[int]:
    """x^0, x^1, … x^(q-2) as numbers, for the first monic polynomial of degree k over GF(p)
    under which they are all different: then it is primitive, and so irreducible."""
    q = p**k
    for low in product(range(p), repeat=k):
        if low[-1] == 0:  # x would divide the modulus
            continue
        powers, element = [], [1] + [0] * (k - 1)
        for _ in range(q - 1):
            powers.append(sum(c * p**i for i, c in enumerate(element)))
            top = element[-1]  # multiply by x, then take away top·(x^k - modulus)
            element = [0, *element[:-1]]
            element = [(e - top * m) % p for e, m in zip(element, reversed(low), strict=True)]
        if len(set(powers)) == q - 1:
            return powers
    raise AssertionError(f"no primitive polynomial of degree {k} over GF({p})")
