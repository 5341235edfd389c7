"""Statistical disclosure control for the summary tables: small cells are not published, nor
cells from which a small one could be derived by subtraction.

Primary suppression (threshold rule, as in Statistics Finland's and TEM's tables): a cell
describing fewer than :data:`MIN_CELL` people is suppressed before it is stored —

- a count of 1–4 (0 is shown: it describes nobody);
- a share whose denominator is 1–4 (numerator and denominator go with it);
- a median over fewer than 5 people (the base count is given by :data:`MEDIAN_BASE`).

Complementary (secondary) suppression: some published figures add up to another published
figure, so one hidden cell could be recovered as the total minus the others. The additive
groups are

- the cells of a dimension that partitions the area (:data:`PARTITIONS`: every person is in
  exactly one member municipality and one unit), whose counts — and the numerators and
  denominators of shares — sum to the whole area's figure of the same metric;
- the parts of a metric that sums its parts in the same cell (:data:`SUMS`: outflow by
  destination, the four components of structural unemployment).

Rule (the usual one for tables with margins): in every group whose total is published, the
hidden members must be at least two and together describe at least :data:`MIN_CELL` people;
while they are not, the smallest published non-zero member is hidden as well (its size is the
count, or a share's denominator). A cell hidden in one group may leave another group with a
single hidden member, so the rule runs until no group changes. Zeros are never hidden: they add
no people to the hidden total. Medians are not additive and are left to the threshold rule.

Suppressed cells keep their row with ``suppressed=True`` and empty figures; pages show every
suppressed cell with the same mark, so a reader cannot tell a small cell from its complement.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from saumaton.analytics.catalogue import DESTINATIONS

MIN_CELL = 5
MEDIAN_BASE = {
    "median_duration_ongoing": "unemployed_jobseekers",
    "median_duration_ended": "outflow",
}
WHOLE_AREA = "area"
PARTITIONS = ("municipality", "unit")
SUMS = {
    "outflow": tuple(f"outflow_{d}" for d in DESTINATIONS),
    "structural_unemployment": (
        "long_term_unemployed",
        "comparable_long_term_unemployed",
        "unemployed_after_services",
        "service_to_service",
    ),
}


def suppress(frame: pd.DataFrame, keys: list[str], cell: str = "cell") -> pd.DataFrame:
    """``frame`` (rows of ``analytics.metrics.monthly_metrics``) with a ``suppressed`` column,
    a ``complementary`` column (hidden only to protect another cell) and the figures of
    suppressed cells emptied. ``keys`` are the grouping columns; when they include
    ``dimension``, ``cell`` names the column holding the dimension's cell."""
    out = frame.reset_index(drop=True)
    numerator = out["numerator"].to_numpy(dtype=float)
    denominator = out["denominator"].to_numpy(dtype=float)
    is_count = np.isnan(denominator) & ~np.isnan(numerator)
    small_count = is_count & (numerator >= 1) & (numerator < MIN_CELL)
    small_base = (denominator >= 1) & (denominator < MIN_CELL)
    small_median = np.zeros(len(out), dtype=bool)
    for median, base in MEDIAN_BASE.items():
        counts = out[out["metric"] == base].set_index(keys)["numerator"]
        rows = out["metric"] == median
        n = pd.MultiIndex.from_frame(out.loc[rows, keys]).map(counts.to_dict().get)
        n = np.array([np.nan if v is None else v for v in n], dtype=float)
        small_median[rows.to_numpy()] = np.nan_to_num(n, nan=0.0) < MIN_CELL
    primary = small_count | small_base | small_median
    size = np.where(is_count, numerator, denominator)  # NaN for medians: never in a group
    hidden = _complement(primary, size, _additive_groups(out, size, keys, cell))
    out["suppressed"] = hidden
    out["complementary"] = hidden & ~primary
    out.loc[hidden, ["value", "numerator", "denominator"]] = np.nan
    return out


def _complement(primary: np.ndarray, size: np.ndarray, groups) -> np.ndarray:
    """``primary`` plus the cells hidden so that no group reveals a hidden member."""
    hidden = primary.copy()
    changed = True
    while changed:
        changed = False
        for total, members in groups:
            if hidden[total]:
                continue  # an unpublished total gives nothing to subtract from
            concealed = hidden[members]
            if not concealed.any():
                continue
            if concealed.sum() >= 2 and size[members][concealed].sum() >= MIN_CELL:
                continue
            candidates = members[~concealed & (size[members] > 0)]
            if candidates.size == 0:
                continue  # the hidden members are the whole non-zero total: itself small
            hidden[candidates[np.argmin(size[candidates])]] = True
            changed = True
    return hidden


def _additive_groups(out: pd.DataFrame, size: np.ndarray, keys: list[str], cell: str) -> list:
    """``(total row, member rows)`` of every group whose members sum to the total."""
    additive = out[~np.isnan(size)]
    groups = []
    if "dimension" in keys:
        outer = [k for k in keys if k not in ("dimension", cell)] + ["metric"]
        totals = _positions(additive[additive["dimension"] == WHOLE_AREA], outer)
        parts = additive[additive["dimension"].isin(PARTITIONS)]
        for key, rows in parts.groupby([*outer, "dimension"], observed=True).indices.items():
            total = totals.get(key[:-1])
            if total is not None:
                groups.append((total, parts.index.to_numpy()[rows]))
    for total_metric, members in SUMS.items():
        totals = _positions(additive[additive["metric"] == total_metric], keys)
        parts = additive[additive["metric"].isin(members)]
        for key, rows in parts.groupby(keys, observed=True).indices.items():
            total = totals.get(key if isinstance(key, tuple) else (key,))
            if total is not None:
                groups.append((total, parts.index.to_numpy()[rows]))
    return groups


def _positions(frame: pd.DataFrame, columns: list[str]) -> dict[tuple, int]:
    """Row position of each combination of ``columns`` (one row each)."""
    return {
        tuple(values): position
        for values, position in zip(
            frame[columns].itertuples(index=False, name=None), frame.index, strict=True
        )
    }
