"""Kela's monthly municipal-share file: the format this project defines and its parser.

Why: Kela invoices each home municipality monthly in arrears for its share of TMT, PPR and
general support, and forwards APR shares (TTL 14:3d(1)–(2)); TTL 13:6 lets Kela give the
municipality the recipients' identity data and the previous month's amount. No public file
specification was found, so this module fixes one (docs/analytics.md shows an example) and the
financing view reads only this shape. The parser is all-or-nothing (``csvio``).

Columns, one row per person, benefit and payment month:

=====================  ===========================================================
person_key             the person's key in the platform (a pseudonym, 1–64 chars)
municipality_code      home municipality on the payment day, three digits (VTJ)
benefit                labour_market_subsidy | basic_allowance |
                       earnings_related_allowance | general_support
payment_month          YYYY-MM, the month whose benefit days are invoiced
paid_days              benefit days paid for that month, 0–23
cumulative_paid_days   the person's financing day count at the end of the month,
                       this month's days included (TTL 14:3a–3b); ≥ paid_days
amount_eur             benefit paid, euros with at most two decimals
municipal_share_eur    the municipality's share that Kela invoices, ≤ amount_eur
=====================  ===========================================================
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from saumaton.analytics.csvio import (
    CsvImportError,
    LineError,
    parse_decimal,
    parse_int,
    read_csv,
)
from saumaton.rules.errors import RuleInputError
from saumaton.rules.financing import BENEFITS, municipal_share

COLUMNS = (
    "person_key",
    "municipality_code",
    "benefit",
    "payment_month",
    "paid_days",
    "cumulative_paid_days",
    "amount_eur",
    "municipal_share_eur",
)
MAX_DAYS_IN_MONTH = 23  # Monday–Friday days in the longest month
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_MUNICIPALITY = re.compile(r"^\d{3}$")


def parse_kela_csv(text: str) -> pd.DataFrame:
    """The rows of a Kela municipal-share file, or :class:`CsvImportError` listing every error.

    Result columns: ``line`` and :data:`COLUMNS`, with ``payment_month`` as the first day of
    the month (``datetime.date``) and euros as floats rounded to cents.
    """
    table = read_csv(text, COLUMNS, optional=())
    errors: list[LineError] = list(table.errors)
    records = []
    seen: dict[tuple[str, str, date], int] = {}
    for line, raw in table.rows:
        row, row_errors = _parse_row(line, raw, table.decimal_comma)
        errors += row_errors
        if row is None:
            continue
        key = (row["person_key"], row["benefit"], row["payment_month"])
        if key in seen:
            errors.append(
                LineError(line, "person_key", f"same person, benefit and month as line {seen[key]}")
            )
        seen.setdefault(key, line)
        records.append(row)
    if errors:
        raise CsvImportError(errors)
    return pd.DataFrame(records, columns=["line", *COLUMNS])


def _parse_row(line: int, raw: dict[str, str], decimal_comma: bool):
    errors: list[LineError] = []

    def fail(column: str, message: str) -> None:
        errors.append(LineError(line, column, message))

    key = raw["person_key"]
    if not 1 <= len(key) <= 64:
        fail("person_key", "must be 1–64 characters")
    if not _MUNICIPALITY.match(raw["municipality_code"]):
        fail("municipality_code", f"{raw['municipality_code']!r} is not a three-digit code")
    benefit = raw["benefit"]
    if benefit not in BENEFITS:
        fail("benefit", f"{benefit!r} is not one of {', '.join(BENEFITS)}")
    month = _month(raw["payment_month"])
    if month is None:
        fail("payment_month", f"{raw['payment_month']!r} is not a month YYYY-MM")
    elif benefit in BENEFITS:
        try:
            municipal_share(benefit, 1, month)
        except RuleInputError as exc:
            fail("payment_month", exc.message)
    numbers = {}
    for column, parse in (
        ("paid_days", parse_int),
        ("cumulative_paid_days", parse_int),
        ("amount_eur", lambda t: parse_decimal(t, decimal_comma)),
        ("municipal_share_eur", lambda t: parse_decimal(t, decimal_comma)),
    ):
        try:
            numbers[column] = parse(raw[column])
        except ValueError as exc:
            fail(column, str(exc))
    _check_ranges(numbers, fail)
    if errors:
        return None, errors
    return {
        "line": line,
        "person_key": key,
        "municipality_code": raw["municipality_code"],
        "benefit": benefit,
        "payment_month": month,
        "paid_days": numbers["paid_days"],
        "cumulative_paid_days": numbers["cumulative_paid_days"],
        "amount_eur": float(numbers["amount_eur"]),
        "municipal_share_eur": float(numbers["municipal_share_eur"]),
    }, errors


def _check_ranges(numbers: dict, fail) -> None:
    paid = numbers.get("paid_days")
    if paid is not None and not 0 <= paid <= MAX_DAYS_IN_MONTH:
        fail("paid_days", f"must be 0–{MAX_DAYS_IN_MONTH}")
    cumulative = numbers.get("cumulative_paid_days")
    if cumulative is not None and paid is not None and cumulative < paid:
        fail("cumulative_paid_days", "is smaller than paid_days")
    for column in ("amount_eur", "municipal_share_eur"):
        value = numbers.get(column)
        if value is None:
            continue
        if value < 0:
            fail(column, "must not be negative")
        elif value.as_tuple().exponent < -2:
            fail(column, "has more than two decimals")
    amount, share = numbers.get("amount_eur"), numbers.get("municipal_share_eur")
    if amount is not None and share is not None and share > amount:
        fail("municipal_share_eur", "is larger than amount_eur")


def _month(text: str) -> date | None:
    match = _MONTH.match(text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    return date(int(match.group(1)), int(match.group(2)), 1)


def to_csv(frame: pd.DataFrame) -> str:
    """Write rows of the Kela shape (e.g. synthetic ones) in this format."""
    out = frame.loc[:, list(COLUMNS)].copy()
    out["payment_month"] = [d.strftime("%Y-%m") for d in out["payment_month"]]
    for column in ("amount_eur", "municipal_share_eur"):
        out[column] = [f"{v:.2f}" for v in out[column]]
    return out.to_csv(index=False, lineterminator="\n")
