"""Statistical disclosure control for the summary tables: small cells are not published.

Rule (threshold rule, as in Statistics Finland's and TEM's tables): a cell describing fewer
than :data:`MIN_CELL` people is suppressed before it is stored —

- a count of 1–4 (0 is shown: it describes nobody);
- a share whose denominator is 1–4 (numerator and denominator go with it);
- a median over fewer than 5 people (the base count is given by :data:`MEDIAN_BASE`).

Suppressed cells keep their row with ``suppressed=True`` and empty figures, so a table shows
"fewer than 5" rather than a gap that reads as zero. Known limit: there is no complementary
suppression, so a suppressed municipality can sometimes be recovered by subtracting the other
municipalities from the area total; the area totals are what leaders use, and the cells are
counts of a public-authority's customers, not sensitive attributes (docs/insight.md).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

MIN_CELL = 5
MEDIAN_BASE = {
    "median_duration_ongoing": "unemployed_jobseekers",
    "median_duration_ended": "outflow",
}


def suppress(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """``frame`` (rows of ``analytics.metrics.monthly_metrics``) with a ``suppressed`` column
    and the figures of suppressed cells emptied. ``keys`` are the grouping columns."""
    out = frame.copy()
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
    hidden = small_count | small_base | small_median
    out["suppressed"] = hidden
    out.loc[hidden, ["value", "numerator", "denominator"]] = np.nan
    return out
