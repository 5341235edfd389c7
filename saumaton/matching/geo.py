"""Great-circle distance for commute limits: haversine for a pair, unit vectors for arrays.

Arrays of places are kept as unit vectors on the sphere, so the cosine of the central angle to
many places is one matrix product; the arccos is taken only where a distance is needed.
"""

from __future__ import annotations

import math

import numpy as np

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def unit_vector(lat: float, lon: float) -> np.ndarray:
    phi, lam = math.radians(lat), math.radians(lon)
    return np.array([math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi)])


def km_from_cosines(cosines: np.ndarray) -> np.ndarray:
    """Great-circle distances from cosines of central angles (vectorised)."""
    return EARTH_RADIUS_KM * np.arccos(np.clip(cosines, -1.0, 1.0))


def cosine_of_km(km: np.ndarray | float) -> np.ndarray | float:
    """The cosine threshold equivalent to a distance: distance <= km iff cosine >= this."""
    return np.cos(np.minimum(np.asarray(km, dtype=np.float64) / EARTH_RADIUS_KM, math.pi))
