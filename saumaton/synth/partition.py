"""Group a region's municipalities into a given number of areas of neighbours around towns.

Real employment areas are built around a town and its neighbouring municipalities. Without
border data the generator approximates that: the most populous municipality is the first
centre, further centres are chosen for being both populous and far from the centres so far,
and every other municipality joins the nearest centre. Each group is a cell of a Voronoi
diagram on the municipalities' points, hence geographically contiguous as far as points can
tell. The groups are plausible, not copies of the 45 real areas.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

KM_PER_DEGREE_LATITUDE = 111.2


def group_around_centres(
    items: Sequence[T],
    groups: int,
    *,
    weight: Callable[[T], float],
    point: Callable[[T], tuple[float, float]],
    tiebreak: Callable[[T], str],
) -> list[list[T]]:
    """Split ``items`` into ``groups`` non-empty groups, each around one centre.

    ``point`` gives (lat, lon) in degrees. Groups come out in the order their centres were
    chosen (the most populous first), members sorted by ``tiebreak``.
    """
    if not 1 <= groups <= len(items):
        raise ValueError(f"cannot split {len(items)} items into {groups} groups")
    by_weight = sorted(items, key=lambda item: (-weight(item), tiebreak(item)))
    centres = _spread_centres(by_weight, groups, weight, point)
    members: list[list[T]] = [[centre] for centre in centres]
    for item in by_weight:
        if any(item is centre for centre in centres):
            continue
        nearest = min(
            range(len(centres)), key=lambda i: _distance_km(point(item), point(centres[i]))
        )
        members[nearest].append(item)
    return [sorted(group, key=tiebreak) for group in members]


def _spread_centres(
    by_weight: Sequence[T],
    groups: int,
    weight: Callable[[T], float],
    point: Callable[[T], tuple[float, float]],
) -> list[T]:
    """The heaviest item, then repeatedly the item maximising weight × distance to the centres.

    A town far from every chosen centre wins over a bigger town next to one, so centres spread
    over the region the way the real areas' lead towns do.
    """
    centres = [by_weight[0]]
    nearest_km = [_distance_km(point(item), point(by_weight[0])) for item in by_weight]
    while len(centres) < groups:
        best = max(range(len(by_weight)), key=lambda i: (weight(by_weight[i]) * nearest_km[i], -i))
        centre = by_weight[best]
        centres.append(centre)
        for i, item in enumerate(by_weight):
            nearest_km[i] = min(nearest_km[i], _distance_km(point(item), point(centre)))
        nearest_km[best] = -1.0  # never chosen twice, even at zero distance
    return centres


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Equirectangular distance; accurate enough within one Finnish region."""
    mean_lat = math.radians((a[0] + b[0]) / 2)
    dy = (a[0] - b[0]) * KM_PER_DEGREE_LATITUDE
    dx = (a[1] - b[1]) * KM_PER_DEGREE_LATITUDE * math.cos(mean_lat)
    return math.hypot(dx, dy)
