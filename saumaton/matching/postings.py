"""A sparse (row × key) matrix kept key-major for fast lookups and updated one row at a time.

Queries ask "for these keys (skills, ISCO groups) with these weights, what is each row's sum?",
which a key-major layout answers by touching only the postings of the query's keys. Updates
replace a whole row. To keep both cheap the matrix is a large immutable *base* plus a small
*delta* of rows changed since the base was built; a changed row's base postings are ignored.
When the delta grows past a fraction of the rows it is merged into a new base (compaction), the
same log-structured idea search engines use for their segments.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

COMPACT_MIN_ROWS = 4096
COMPACT_FRACTION = 64  # compact when more than 1/64 of the rows are in the delta


class _KeyMajor:
    """Immutable postings: for key k, rows ``rows[indptr[k]:indptr[k+1]]`` with ``vals``."""

    __slots__ = ("indptr", "keys", "rows", "vals")

    def __init__(self, rows: np.ndarray, keys: np.ndarray, vals: np.ndarray, n_keys: int):
        order = np.argsort(keys, kind="stable")
        self.rows = rows[order].astype(np.int64)
        self.keys = keys[order].astype(np.int64)
        self.vals = vals[order].astype(np.float64)
        self.indptr = np.zeros(n_keys + 1, dtype=np.int64)
        np.cumsum(np.bincount(self.keys, minlength=n_keys), out=self.indptr[1:])

    def lookup(self, keys: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Rows and weighted values of the postings of ``keys`` (keys beyond the base skipped)."""
        known = keys < len(self.indptr) - 1
        keys, weights = keys[known], weights[known]
        starts, ends = self.indptr[keys], self.indptr[keys + 1]
        lengths = ends - starts
        total = int(lengths.sum())
        if total == 0:
            return np.empty(0, np.int64), np.empty(0, np.float64)
        # Positions of all postings of all keys, built without a Python loop.
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        positions = offsets + np.arange(total)
        return self.rows[positions], self.vals[positions] * np.repeat(weights, lengths)


class Postings:
    """The updatable matrix. Rows and keys are non-negative integers assigned by the caller."""

    def __init__(self) -> None:
        self._rows: list[tuple[np.ndarray, np.ndarray] | None] = []
        self._base = _KeyMajor(*(np.empty(0, np.int64),) * 2, np.empty(0), 0)
        self._dirty: set[int] = set()
        self._delta: _KeyMajor | None = None
        self._dirty_array = np.empty(0, np.int64)

    def set_row(self, row: int, keys: np.ndarray, vals: np.ndarray, *, defer: bool = False) -> None:
        """Replace a row. ``defer`` skips the compaction check, for bulk loads that call
        ``compact`` once at the end."""
        while len(self._rows) <= row:
            self._rows.append(None)
        self._rows[row] = (np.asarray(keys, np.int64), np.asarray(vals, np.float64))
        if defer:
            self._dirty.add(row)
            self._delta = None
        else:
            self._touch(row)

    def clear_row(self, row: int) -> None:
        if row < len(self._rows):
            self._rows[row] = None
            self._touch(row)

    def row(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        entry = self._rows[row] if row < len(self._rows) else None
        return entry if entry is not None else (np.empty(0, np.int64), np.empty(0))

    def _touch(self, row: int) -> None:
        self._dirty.add(row)
        self._delta = None
        if len(self._dirty) > max(COMPACT_MIN_ROWS, len(self._rows) // COMPACT_FRACTION):
            self.compact()

    def compact(self) -> None:
        """Merge every row into a new base."""
        rows, keys, vals = self._all_entries(range(len(self._rows)))
        n_keys = int(keys.max()) + 1 if len(keys) else 0
        self._base = _KeyMajor(rows, keys, vals, n_keys)
        self._dirty = set()
        self._delta = None

    def _all_entries(self, row_numbers) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        entries = [(r, self._rows[r]) for r in row_numbers if self._rows[r] is not None]
        if not entries:
            return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0)
        rows = np.concatenate([np.full(len(e[0]), r, np.int64) for r, e in entries])
        keys = np.concatenate([e[0] for _, e in entries])
        vals = np.concatenate([e[1] for _, e in entries])
        return rows, keys, vals

    def _current_delta(self) -> _KeyMajor:
        if self._delta is None:
            rows, keys, vals = self._all_entries(sorted(self._dirty))
            n_keys = int(keys.max()) + 1 if len(keys) else 0
            self._delta = _KeyMajor(rows, keys, vals, n_keys)
            self._dirty_array = np.fromiter(self._dirty, np.int64, len(self._dirty))
        return self._delta

    def weighted_sum(self, keys: np.ndarray, weights: np.ndarray, n_rows: int) -> np.ndarray:
        """For every row, Σ weights[i] * M[row, keys[i]] as a dense array of length n_rows."""
        keys = np.asarray(keys, np.int64)
        weights = np.asarray(weights, np.float64)
        rows, vals = self._base.lookup(keys, weights)
        out = _sums(rows, vals, n_rows)
        if self._dirty:
            delta = self._current_delta()
            out[self._dirty_array] = 0.0
            rows, vals = delta.lookup(keys, weights)
            out += _sums(rows, vals, n_rows)
        return out

    def _current_entries(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rows, keys, vals) of every live posting: the base without changed rows, plus the
        delta; vectorised, so it costs one pass over the postings and no Python loop."""
        base = self._base
        if not self._dirty:
            return base.rows, base.keys, base.vals
        delta = self._current_delta()
        stale = np.isin(base.rows, self._dirty_array)
        return (
            np.concatenate([base.rows[~stale], delta.rows]),
            np.concatenate([base.keys[~stale], delta.keys]),
            np.concatenate([base.vals[~stale], delta.vals]),
        )

    def to_csr(self, n_rows: int, n_keys: int, key_weights: np.ndarray | None = None):
        """The whole matrix as a scipy CSR (rows × keys), values times ``key_weights[key]``."""
        rows, keys, vals = self._current_entries()
        if key_weights is not None:
            vals = vals * key_weights[keys]
        return sparse.csr_matrix((vals, (rows, keys)), shape=(n_rows, n_keys))

    def row_sums(self, key_weights: np.ndarray, n_rows: int) -> np.ndarray:
        """Σ_key M[row, key] * key_weights[key] for every row."""
        rows, keys, vals = self._current_entries()
        return _sums(rows, vals * key_weights[keys], n_rows)


def _sums(rows: np.ndarray, vals: np.ndarray, n_rows: int) -> np.ndarray:
    """Per-row sums as float64 (``np.bincount`` of nothing would be int64)."""
    return np.bincount(rows, vals, minlength=n_rows).astype(np.float64, copy=False)
