"""The two CSV downloads of a resource: canonical (UTF-8, no BOM, ``\\n``) and for Excel/WPS (BOM, CRLF).

The canonical file holds the data as it is: a byte copy of the committed file, so its SHA-256 matches
the repository's. Only the Excel CSV protects formula-like cells, with the apostrophe of
:func:`generator.model.cells.for_excel_csv`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from generator.export.table import Table
from generator.model.cells import for_excel_csv

BOM = "\ufeff"


def canonical_csv(table: Table) -> bytes:
    if table.resource.data:
        return table.resource.data
    return write_csv(table.names, table.texts, "\n").encode("utf-8")


def excel_csv(table: Table) -> bytes:
    return (BOM + write_csv(table.names, table.for_excel, "\r\n")).encode("utf-8")


def write_csv(head: Sequence[str], rows: Sequence[Sequence[Any]], newline: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow(head)
    writer.writerows(rows)
    return out.getvalue()


def text_csv(head: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """A canonical CSV of plain text cells (the changelog), the values as they are."""
    return write_csv(head, rows, "\n").encode("utf-8")


def text_excel_csv(head: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """The Excel variant of :func:`text_csv`: BOM, CRLF, formula-like cells behind an apostrophe."""
    return (BOM + write_csv(head, [[for_excel_csv(c) for c in row] for row in rows], "\r\n")).encode("utf-8")
