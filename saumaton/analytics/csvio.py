"""Reading analysts' and Kela's CSV files all-or-nothing, with errors by line and column.

Why: an import that keeps the good lines and drops the bad ones silently changes a
municipality's liability or an impact estimate. Both importers here collect every problem
(line number as a spreadsheet shows it, the header being line 1; the column name; a message)
and return nothing unless the whole file is clean.

Format rules shared by both importers: UTF-8 (a byte-order mark is ignored), a header line,
comma-separated; a file whose header contains ";" and no "," is read as semicolon-separated,
the way Finnish spreadsheet programs save CSV, and then a decimal comma is accepted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True)
class LineError:
    """One problem in an input file: ``line`` 1-based (the header is line 1)."""

    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class CsvImportError(ValueError):
    """The file was rejected; ``errors`` lists every problem found, in file order."""

    def __init__(self, errors: Sequence[LineError]) -> None:
        self.errors = tuple(sorted(errors, key=lambda e: e.line))
        super().__init__("; ".join(str(e) for e in self.errors[:5]))


@dataclass(frozen=True)
class CsvRows:
    """The header, the well-formed data rows (line number, {column: text}) and the lines with
    the wrong number of fields, which the caller reports together with its own errors."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]
    decimal_comma: bool
    errors: tuple[LineError, ...]


def read_csv(text: str, required: Sequence[str], optional: Sequence[str] = ()) -> CsvRows:
    """Split ``text`` into rows; a bad header raises :class:`CsvImportError` at once.

    Unknown columns are errors when ``optional`` is a sequence of names; pass ``None`` to let
    any extra column through (the analyst's person-level file carries many).
    """
    text = text.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = tuple(name.strip() for name in next(reader))
    except StopIteration:
        raise CsvImportError([LineError(1, None, "the file is empty")]) from None
    errors = _header_errors(header, required, optional)
    if errors:
        raise CsvImportError(errors)
    rows: list[tuple[int, dict[str, str]]] = []
    for line, values in _records(reader):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            errors.append(
                LineError(line, None, f"{len(values)} fields, the header has {len(header)}")
            )
            continue
        rows.append(
            (line, {name: value.strip() for name, value in zip(header, values, strict=True)})
        )
    return CsvRows(header, tuple(rows), delimiter == ";", tuple(errors))


def _records(reader) -> Iterator[tuple[int, list[str]]]:
    start = reader.line_num + 1
    for values in reader:
        yield start, values
        start = reader.line_num + 1


def _header_errors(header, required, optional) -> list[LineError]:
    errors = []
    for name in required:
        if name not in header:
            errors.append(LineError(1, name, "required column is missing"))
    if optional is not None:
        allowed = set(required) | set(optional)
        for name in header:
            if name not in allowed:
                errors.append(LineError(1, name, "unknown column"))
    duplicates = sorted({name for name in header if header.count(name) > 1})
    errors += [LineError(1, name, "column appears twice") for name in duplicates]
    return errors


def parse_decimal(text: str, decimal_comma: bool) -> Decimal:
    """A plain decimal number ("1234.56"; "1234,56" in a semicolon file); ValueError if not."""
    if decimal_comma:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number") from None
    if not value.is_finite():
        raise ValueError(f"{text!r} is not a finite number")
    return value


def parse_int(text: str) -> int:
    """A whole number written with digits only (and an optional minus)."""
    stripped = text[1:] if text.startswith("-") else text
    if not stripped.isdigit():
        raise ValueError(f"{text!r} is not a whole number")
    return int(text)
