"""CSV files as Finnish Excel opens them: UTF-8 with a BOM, `;` between cells, formulas neutralised.

Excel in a Finnish locale reads a double-clicked CSV with `;` as the separator (`,` is the decimal
comma) and guesses the encoding from the BOM. A cell that begins like a formula is text typed by
someone (a poll option, a voter's name, a provider's name): it gets a leading apostrophe so that
Excel shows it instead of running it (OWASP's advice against CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = frozenset("=+-@\t\r")  # what makes Excel read a cell as a formula
SEPARATOR = ";"


def neutralise(value: str) -> str:
    """The cell as Excel must show it: text that would start a formula gets a leading apostrophe."""
    return "'" + value if value[:1] in FORMULA_STARTS else value


def excel_csv(rows: Iterable[Iterable[str | int]]) -> bytes:
    """The rows as a CSV file for Finnish Excel; text cells neutralised, numbers written as they are."""
    output = io.StringIO()
    writer = csv.writer(output, delimiter=SEPARATOR, lineterminator="\r\n")
    for row in rows:
        writer.writerow([cell if isinstance(cell, int) else neutralise(cell) for cell in row])
    return output.getvalue().encode("utf-8-sig")
