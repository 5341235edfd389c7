"""Growable column arrays for one side of the index (profiles or vacancies).

Rows are assigned once per id and never reused, so a row number is stable for the index's
lifetime; a removed row is only marked dead. Capacity doubles, so n upserts cost O(n).
"""

from __future__ import annotations

from collections.abc import Hashable

import numpy as np

INITIAL_CAPACITY = 1024


class Table:
    def __init__(self, columns: dict[str, tuple[np.dtype, tuple[int, ...]]]):
        self._specs = columns
        self.capacity = INITIAL_CAPACITY
        self.columns = {
            name: np.zeros((self.capacity, *shape), dtype)
            for name, (dtype, shape) in columns.items()
        }
        self.alive = np.zeros(self.capacity, bool)
        self.ids: list[Hashable] = []
        self.row_of: dict[Hashable, int] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def row_for(self, record_id: Hashable) -> int:
        """The row of ``record_id``, appending a new one if it has none."""
        row = self.row_of.get(record_id)
        if row is None:
            row = self.row_of[record_id] = len(self.ids)
            self.ids.append(record_id)
            if row >= self.capacity:
                self._grow(2 * self.capacity)
        self.alive[row] = True
        return row

    def _grow(self, capacity: int) -> None:
        for name, array in self.columns.items():
            bigger = np.zeros((capacity, *array.shape[1:]), array.dtype)
            bigger[: self.capacity] = array
            self.columns[name] = bigger
        alive = np.zeros(capacity, bool)
        alive[: self.capacity] = self.alive
        self.alive = alive
        self.capacity = capacity

    def widen(self, name: str, width: int) -> None:
        """Give a 2-D column ``width`` columns (new ones zero)."""
        array = self.columns[name]
        if array.shape[1] < width:
            wider = np.zeros((self.capacity, width), array.dtype)
            wider[:, : array.shape[1]] = array
            self.columns[name] = wider

    def kill(self, record_id: Hashable) -> int | None:
        row = self.row_of.get(record_id)
        if row is not None:
            self.alive[row] = False
        return row
