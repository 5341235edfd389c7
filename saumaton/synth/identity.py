"""Unique synthetic identifiers: henkilötunnus in the temporary range and Y-tunnus.

Identity codes use individual numbers 900–999, the range reported for temporary codes that are
never recorded in the Population Information System (RULES.md §16.1), so a synthetic code cannot
collide with a real person's. Both allocators guarantee uniqueness across one population.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from saumaton.rules.identifiers import make_business_id, make_hetu

TEMPORARY_FIRST = 900
TEMPORARY_LAST = 999
_NUMBERS_PER_SEX = (TEMPORARY_LAST - TEMPORARY_FIRST + 1) // 2
_TRIES_PER_DAY = 12
# Y-tunnus bodies from 9,000,000 up: far above the numbers issued so far (≈ 3.4 million), so
# a synthetic organisation is unlikely to share a real one's ID. Not a reserved range.
BUSINESS_ID_FIRST = 9_000_000
_BUSINESS_ID_SPREAD = 900_000


class HetuAllocator:
    """Hands out identity codes whose ``DDMMYYNNN`` part is unique in the population.

    Keeping the part without the century sign unique is stricter than needed (since 2023 the
    sign is distinguishing) but keeps the data usable by systems that still drop the sign.
    """

    def __init__(self) -> None:
        self._used: set[str] = set()

    def allocate(
        self, rng: random.Random, birth: date, male: bool, *, new_signs: bool, young: bool
    ) -> tuple[str, date]:
        """A fresh code for someone born on ``birth`` (odd number = male, R§16.1).

        When all numbers of a birth date are taken, the date moves a day at a time toward
        middle age (earlier for the ``young``, later for the others), so nobody leaves the
        17–64 age range; the possibly moved date is returned with the code.
        """
        step = timedelta(days=-1 if young else 1)
        parity = 1 if male else 0
        while True:
            for _ in range(_TRIES_PER_DAY):
                number = TEMPORARY_FIRST + parity + 2 * rng.randrange(_NUMBERS_PER_SEX)
                hetu = make_hetu(birth, number, new_signs=new_signs)
                body = hetu[:6] + hetu[7:10]
                if body not in self._used:
                    self._used.add(body)
                    return hetu, birth
            birth += step


class BusinessIdAllocator:
    """Consecutive valid Y-tunnus values from a seed-dependent start (unique by construction)."""

    def __init__(self, rng: random.Random) -> None:
        self._next = BUSINESS_ID_FIRST + rng.randrange(_BUSINESS_ID_SPREAD)

    def allocate(self) -> str:
        while True:
            candidate = make_business_id(self._next)
            self._next += 1
            if candidate is not None:
                return candidate
