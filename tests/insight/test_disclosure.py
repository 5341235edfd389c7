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


# ---- complementary suppression ----------------------------------------------------------


def _row(dimension, cell, count, metric="unemployed_jobseekers"):
    return {
        "area": 1,
        "dimension": dimension,
        "cell": cell,
        "service_type": "*",
        "metric": metric,
        "numerator": float(count),
        "denominator": np.nan,
        "value": float(count),
    }


KEYS = ["area", "dimension", "cell", "service_type"]


def _determined(out: pd.DataFrame, groups) -> list[int]:
    """Hidden rows whose value follows from the published figures by linear algebra: the row
    is determined when its unit vector lies in the span of the equations "hidden members of a
    group sum to the published total minus the published members"."""
    hidden = list(out.index[out["suppressed"]])
    if not hidden:
        return []
    column = {row: i for i, row in enumerate(hidden)}
    equations = []
    for total, members in groups:
        if out.loc[total, "suppressed"]:
            continue
        vector = np.zeros(len(hidden))
        for member in members:
            if member in column:
                vector[column[member]] = 1
        if vector.any():
            equations.append(vector)
    if not equations:
        return []
    a = np.array(equations)
    rank = np.linalg.matrix_rank(a)
    return [
        row
        for row, i in column.items()
        if np.linalg.matrix_rank(np.vstack([a, np.eye(len(hidden))[i]])) == rank
    ]


@settings(deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=4),
        min_size=1,
        max_size=6,
    ).filter(lambda m: len({len(r) for r in m}) == 1)
)
def test_no_suppressed_cell_is_recoverable_from_the_published_cells_and_the_total(people):
    """People counted by municipality (rows) and unit (columns): both partitions sum to the
    area total. After suppression no hidden cell can be solved for, and in every group with a
    published total the hidden members are none, or at least two describing 5 or more people."""
    counts = np.array(people)
    rows = [_row("area", "*", counts.sum())]
    rows += [_row("municipality", f"m{i}", n) for i, n in enumerate(counts.sum(axis=1))]
    rows += [_row("unit", f"u{j}", n) for j, n in enumerate(counts.sum(axis=0))]
    frame = pd.DataFrame(rows)
    out = suppress(frame, KEYS)
    groups = [
        (0, list(out.index[out["dimension"] == "municipality"])),
        (0, list(out.index[out["dimension"] == "unit"])),
    ]
    assert _determined(out, groups) == []
    original = frame["numerator"]
    for total, members in groups:
        if out.loc[total, "suppressed"]:
            continue
        concealed = [m for m in members if out.loc[m, "suppressed"]]
        assert not concealed or (len(concealed) >= 2 and original[concealed].sum() >= MIN_CELL)
    # nothing is hidden without a reason: a complementary cell is never a zero
    assert not (out["complementary"] & (original == 0)).any()
    assert (out["suppressed"] == (out["complementary"] | original.between(1, 4))).all()


def test_one_small_municipality_takes_the_next_smallest_with_it():
    frame = pd.DataFrame(
        [
            _row("area", "*", 40),
            _row("municipality", "a", 3),
            _row("municipality", "b", 7),
            _row("municipality", "c", 30),
            _row("municipality", "d", 0),
        ]
    )
    out = suppress(frame, KEYS).set_index("cell")
    assert list(out["suppressed"]) == [False, True, True, False, False]
    assert list(out["complementary"]) == [False, False, True, False, False]
    assert np.isnan(out.loc["b", "value"]) and out.loc["c", "value"] == 30


def test_an_outflow_destination_is_not_the_total_minus_the_others():
    destinations = {"employed": 2, "in_service": 9, "studying": 12}
    frame = pd.DataFrame(
        [_row("area", "*", 23, "outflow")]
        + [_row("area", "*", n, f"outflow_{d}") for d, n in destinations.items()]
    )
    out = suppress(frame, KEYS).set_index("metric")["suppressed"]
    assert out["outflow_employed"] and out["outflow_in_service"]
    assert not out["outflow"] and not out["outflow_studying"]
