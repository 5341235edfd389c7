"""Kela file contract (all or nothing, errors by line and column) and the liability figures."""

from datetime import date

import pandas as pd
import pytest

from saumaton.analytics import financing, kela
from saumaton.analytics.csvio import CsvImportError
from saumaton.analytics.synthetic_kela import kela_rows
from saumaton.synth.generator import generate

HEADER = (
    "person_key,municipality_code,benefit,payment_month,paid_days,"
    "cumulative_paid_days,amount_eur,municipal_share_eur\n"
)
GOOD = (
    HEADER
    # days 91..110 of TMT: 10 days at 0 %, 10 at 10 % of €37.21 -> €37.21
    + "p1,905,labour_market_subsidy,2025-05,20,110,744.20,37.21\n"
    # days 76..95: all at 0 %; Kela invoiced €50.00 -> a flagged difference
    + "p2,499,labour_market_subsidy,2025-05,20,95,744.20,50.00\n"
)


def test_a_clean_file_is_read_with_types():
    rows = kela.parse_kela_csv(GOOD)
    assert list(rows["line"]) == [2, 3]
    assert rows.loc[0, "payment_month"] == date(2025, 5, 1)
    assert rows.loc[0, "cumulative_paid_days"] == 110


def test_semicolon_file_with_decimal_comma():
    text = GOOD.replace(",", ";").replace("744.20", "744,20").replace("37.21", "37,21")
    text = text.replace("50.00", "50,00")
    assert kela.parse_kela_csv(text)["amount_eur"].tolist() == [744.20, 744.20]


@pytest.mark.parametrize(
    ("bad_line", "column", "message"),
    [
        ("p3,9050,labour_market_subsidy,2025-05,20,110,744.20,37.21", "municipality_code", "three"),
        ("p3,905,pension,2025-05,20,110,744.20,37.21", "benefit", "not one of"),
        ("p3,905,labour_market_subsidy,2025-13,20,110,744.20,37.21", "payment_month", "YYYY-MM"),
        ("p3,905,labour_market_subsidy,2026-06,20,110,744.20,37.21", "payment_month", "not paid"),
        ("p3,905,labour_market_subsidy,2025-05,24,110,744.20,37.21", "paid_days", "0–23"),
        ("p3,905,labour_market_subsidy,2025-05,20,10,744.20,37.21", "cumulative_paid_days", ""),
        ("p3,905,labour_market_subsidy,2025-05,20,110,7x4,37.21", "amount_eur", "not a number"),
        ("p3,905,labour_market_subsidy,2025-05,20,110,744.201,37.21", "amount_eur", "decimals"),
        ("p3,905,labour_market_subsidy,2025-05,20,110,744.20,800", "municipal_share_eur", ""),
        ("p1,905,labour_market_subsidy,2025-05,20,110,744.20,37.21", "person_key", "line 2"),
    ],
)
def test_a_bad_line_rejects_the_whole_file(bad_line, column, message):
    with pytest.raises(CsvImportError) as exc:
        kela.parse_kela_csv(GOOD + bad_line + "\n")
    [error] = exc.value.errors
    assert (error.line, error.column) == (4, column)
    assert message in error.message


def test_every_error_is_reported_in_file_order():
    text = HEADER + "p1,90,x,2025-05,20,110,1.00,0.00\n\n" + "p2,905,basic_allowance,2025-05,1,2\n"
    with pytest.raises(CsvImportError) as exc:
        kela.parse_kela_csv(text)
    assert [(e.line, e.column) for e in exc.value.errors] == [
        (2, "municipality_code"),
        (2, "benefit"),
        (4, None),  # the blank line 3 is skipped; line 4 has too few fields
    ]


def test_header_errors_name_the_column():
    with pytest.raises(CsvImportError) as exc:
        kela.parse_kela_csv(HEADER.replace("paid_days,", "days,", 1) + "\n")
    assert {(e.line, e.column) for e in exc.value.errors} == {(1, "paid_days"), (1, "days")}


def test_reconcile_recomputes_with_the_rules_and_flags_differences():
    result = financing.reconcile(kela.parse_kela_csv(GOOD))
    assert result["computed_share_eur"].tolist() == [37.21, 0.0]
    assert result["flagged"].tolist() == [False, True]
    assert result.loc[1, "difference_eur"] == 50.0
    month = financing.liability_by_month(result)
    assert month.set_index("municipality_code")["flagged_rows"].to_dict() == {"499": 1, "905": 0}


def test_forecast_of_one_person_without_exits_matches_the_ladder():
    rows = kela.parse_kela_csv(HEADER + "p2,499,labour_market_subsidy,2025-05,22,95,818.62,0\n")
    result = financing.forecast(rows, months=2, hazards=(0.0, 0.0, 0.0, 0.0))
    # paid all 22 weekdays of May; June 2025 has 21 weekdays:
    # days 96..116 -> 16 days at 10 % of €37.21 = €59.54
    assert result.loc[0, "month"] == date(2025, 6, 1)
    assert result.loc[0, "expected_eur"] == pytest.approx(59.54)
    assert result.loc[0, "expected_eur"] == result.loc[0, "ceiling_eur"]


def test_watchlist_gives_the_step_date_and_joins_prospects():
    rows = kela.parse_kela_csv(HEADER + "p2,499,labour_market_subsidy,2025-05,22,95,818.62,0\n")
    prospects = pd.DataFrame({"person_key": ["p2"], "p_long_term": [0.62]})
    [row] = financing.watchlist(rows, prospects=prospects).to_dict("records")
    # day 101 is the 6th weekday from 2025-06-01 (a Sunday): Monday 2025-06-09
    assert (row["threshold"], row["step_date"]) == (100, date(2025, 6, 9))
    assert (row["share_before"], row["share_after"], row["p_long_term"]) == (0.0, 0.1, 0.62)


def test_synthetic_file_round_trips_and_reconciles_cleanly():
    population = generate("small", seed=3, today=date(2026, 3, 1), scale=0.05)
    rows = kela_rows(population, months=4)
    parsed = kela.parse_kela_csv(kela.to_csv(rows))
    assert len(parsed) == len(rows)
    assert not financing.reconcile(parsed)["flagged"].any()
    forecast = financing.forecast(parsed)
    assert (forecast["expected_eur"] <= forecast["ceiling_eur"] + 0.01).all()
