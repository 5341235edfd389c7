"""``ReachBuckets``: which people could commute to a place, without looking at everyone.

A vacancy can only be matched with people whose commute limit reaches it (or who accept a
fully remote job). Scanning all 350,000 profiles for that costs more than everything else in a
people-for-vacancy query, so profiles are bucketed by their commute band and a grid cell, and a
query takes, band by band, only the cells the band's longest commute can reach from the
vacancy. The result is a superset of the people within reach; ``pairs.feasible`` still decides
every pair exactly.

Like ``Postings``, the buckets are an immutable sorted *base* plus a small *delta* of rows
changed since it was built (new people, moves, changed limits); the delta's rows are always
candidates and their stale base entries are skipped, and the delta is merged into a new base
when it grows.
"""

from __future__ import annotations

import numpy as np

from saumaton.matching.geo import EARTH_RADIUS_KM
from saumaton.matching.table import Table

# Upper edges (km) of the commute bands; the last band's reach is its longest limit seen.
BAND_EDGES_KM = np.array([5.0, 10.0, 20.0, 30.0, 50.0, 80.0, 120.0, 200.0, np.inf])
CELL_DEGREES_LAT = 0.1  # ≈ 11 km
CELL_DEGREES_LON = 0.2  # ≈ 7–11 km in Finland
LON_CELLS = round(360 / CELL_DEGREES_LON)  # around the globe; cell numbers wrap at 180°
LAT_CELLS = round(180 / CELL_DEGREES_LAT) + 1  # pole to pole, both poles included
COMPACT_MIN_ROWS = 4096
COMPACT_FRACTION = 64  # merge when more than 1/64 of the rows are in the delta
REACH_MARGIN_KM = 0.01  # above the commute tolerance and any rounding of the box


class ReachBuckets:
    """The rows of a profile table (columns ``lat``, ``lon`` in radians, ``max_km``) bucketed
    by (commute band, latitude cell, longitude cell)."""

    def __init__(self, profiles: Table) -> None:
        self._table = profiles
        self._keys = np.empty(0, np.int64)  # sorted bucket keys of the base, one per row
        self._rows = np.empty(0, np.int64)  # the base's rows in key order
        self._reach_km = np.full(len(BAND_EDGES_KM), -np.inf)  # longest limit seen per band
        self._dirty: set[int] = set()
        self._delta: np.ndarray | None = None  # the dirty rows as an array, made on demand
        self._stale = np.zeros(0, bool)  # per row: its base entry is outdated

    def rebuild(self) -> None:
        """A new base from every row's place and commute limit."""
        n = len(self._table)
        columns = self._table.columns
        max_km = columns["max_km"][:n]
        keys, bands = _keys(columns["lat"][:n], columns["lon"][:n], max_km)
        order = np.argsort(keys, kind="stable")
        self._keys, self._rows = keys[order], order.astype(np.int64)
        self._reach_km = np.full(len(BAND_EDGES_KM), -np.inf)
        np.maximum.at(self._reach_km, bands, max_km)
        self._dirty, self._delta = set(), None
        self._stale = np.zeros(n, bool)

    def changed(self, row: int) -> None:
        """Row ``row`` is new, or its place or commute limit changed."""
        max_km = float(self._table.columns["max_km"][row])
        band = int(np.searchsorted(BAND_EDGES_KM, max_km))
        self._reach_km[band] = max(self._reach_km[band], max_km)
        self._dirty.add(row)
        self._delta = None
        if len(self._dirty) > max(COMPACT_MIN_ROWS, len(self._table) // COMPACT_FRACTION):
            self.rebuild()

    def candidates(self, lat: float, lon: float) -> np.ndarray:
        """Rows that may be within their commute limit of the place (radians): a superset."""
        wanted = self._cells_within_reach(lat, lon)
        lo = np.searchsorted(self._keys, wanted, side="left")
        hi = np.searchsorted(self._keys, wanted, side="right")
        lengths = hi - lo
        total = int(lengths.sum())
        positions = np.repeat(lo - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        rows = self._rows[positions]
        if not self._dirty:
            return rows
        if self._delta is None:
            self._delta = np.fromiter(self._dirty, np.int64, len(self._dirty))
            self._stale = np.zeros(len(self._table), bool)
            self._stale[self._delta] = True
        return np.concatenate([rows[~self._stale[rows]], self._delta])

    def _cells_within_reach(self, lat: float, lon: float) -> np.ndarray:
        """Bucket keys of every cell that a person of some band could reach the place from:
        per band, the cells overlapping the bounding box of the band's reach around the place
        (the box of a spherical cap: ±δ in latitude, ±asin(sin δ / cos φ) in longitude)."""
        keys = []
        lat_deg, lon_deg = np.degrees(lat), np.degrees(lon)
        for band, reach in enumerate(self._reach_km):
            if reach < 0:  # nobody in this band
                continue
            delta = (reach + REACH_MARGIN_KM) / EARTH_RADIUS_KM
            ratio = np.sin(delta) / max(np.cos(lat), 1e-12)
            dlon = 180.0 if delta >= np.pi / 2 or ratio >= 1 else np.degrees(np.arcsin(ratio))
            dlat = np.degrees(delta)
            lat_cells = np.arange(
                max(0, _lat_cell(lat_deg - dlat)), min(LAT_CELLS - 1, _lat_cell(lat_deg + dlat)) + 1
            )
            if dlon >= 180.0:
                lon_cells = np.arange(LON_CELLS)
            else:
                lon_cells = np.arange(_lon_cell(lon_deg - dlon), _lon_cell(lon_deg + dlon) + 1)
                lon_cells %= LON_CELLS
            keys.append(_key(band, lat_cells[:, None], lon_cells[None, :]).ravel())
        return np.unique(np.concatenate(keys)) if keys else np.empty(0, np.int64)


def _keys(lat: np.ndarray, lon: np.ndarray, max_km: np.ndarray):
    bands = np.searchsorted(BAND_EDGES_KM, max_km)
    lat_cells = _lat_cell(np.degrees(lat))
    lon_cells = _lon_cell(np.degrees(lon)) % LON_CELLS
    return _key(bands, lat_cells, lon_cells), bands


def _lat_cell(lat_deg):
    return np.floor((np.asarray(lat_deg) + 90.0) / CELL_DEGREES_LAT).astype(np.int64)


def _lon_cell(lon_deg):
    return np.floor((np.asarray(lon_deg) + 180.0) / CELL_DEGREES_LON).astype(np.int64)


def _key(band, lat_cell, lon_cell):
    return (np.asarray(band, np.int64) * LAT_CELLS + lat_cell) * LON_CELLS + lon_cell
