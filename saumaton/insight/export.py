"""CSV and XLSX downloads of a dashboard table: the same rows the page shows, unformatted.

Shares and effects are fractions (0.25 = 25 %), euros are numbers, suppressed cells are the
text "..". CSV is UTF-8 with a byte-order mark and semicolons, which Finnish Excel opens
correctly; XLSX is written with openpyxl.
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

from .tables import Table, plain

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _matrix(table: Table) -> list[list]:
    return [[c.label for c in table.columns]] + [
        [plain(cell) for cell in row] for row in table.rows
    ]


def to_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows(_matrix(table))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(table: Table) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = table.slug[:31]
    for row in _matrix(table):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
