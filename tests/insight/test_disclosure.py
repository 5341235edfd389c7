"""Disclosure control: no published cell describes 1–4 people."""

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from saumaton.insight.disclosure import MIN_CELL, suppress

counts = st.integers(min_value=0, max_value=40)


@settings(deadline=None)  # pandas' first call is slow on the shared machine
@given(st.lists(st.tuples(counts, counts, counts), min_size=1, max_size=12))
def test_no_small_cell_survives(cells):
    rows = []
    for i, (a, b, c) in enumerate(cells):
        share_base = max(b, c)
        rows += [
            {
                "area": i,
                "service_type": "*",
                "metric": "unemployed_jobseekers",
                "numerator": float(a),
                "denominator": np.nan,
                "value": float(a),
            },
            {
                "area": i,
                "service_type": "*",
                "metric": "activation_rate",
                "numerator": float(min(b, c)),
                "denominator": float(share_base),
                "value": min(b, c) / share_base if share_base else np.nan,
            },
            {
                "area": i,
                "service_type": "*",
                "metric": "median_duration_ongoing",
                "numerator": np.nan,
                "denominator": np.nan,
                "value": 100.0,
            },
        ]
    out = suppress(pd.DataFrame(rows), ["area", "service_type"])
    for row in out.itertuples():
        if row.suppressed:
            assert np.isnan(row.value) and np.isnan(row.numerator)
            continue
        if row.metric == "unemployed_jobseekers":
            assert row.numerator == 0 or row.numerator >= MIN_CELL
        if row.metric == "activation_rate":
            assert row.denominator == 0 or row.denominator >= MIN_CELL
        if row.metric == "median_duration_ongoing":
            base = out[(out["area"] == row.area) & (out["metric"] == "unemployed_jobseekers")]
            assert cells[row.area][0] >= MIN_CELL and not base["suppressed"].iloc[0]


def test_large_cells_are_kept_as_they_are():
    frame = pd.DataFrame(
        [
            {
                "area": 1,
                "service_type": "*",
                "metric": "inflow",
                "numerator": 5.0,
                "denominator": np.nan,
                "value": 5.0,
            }
        ]
    )
    out = suppress(frame, ["area", "service_type"])
    assert not out["suppressed"].iloc[0] and out["value"].iloc[0] == 5.0
