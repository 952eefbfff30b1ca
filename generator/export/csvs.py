"""The two CSV downloads of a resource: canonical (UTF-8, no BOM, ``\\n``) and for Excel/WPS (BOM, CRLF).

Both are neutralised (see :mod:`generator.downloads.cells`). The canonical file is a byte copy of the
committed file when no cell needed neutralising, so its SHA-256 matches the repository's.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from generator.model.cells import neutralise
from generator.export.table import Table

BOM = "\ufeff"


def canonical_csv(table: Table) -> bytes:
    if table.resource.data and not table.neutralised:
        return table.resource.data
    return write_csv(table.names, table.safe, "\n").encode("utf-8")


def excel_csv(table: Table) -> bytes:
    return (BOM + write_csv(table.names, table.safe, "\r\n")).encode("utf-8")


def write_csv(head: Sequence[str], rows: Sequence[Sequence[Any]], newline: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow(head)
    writer.writerows(rows)
    return out.getvalue()


def text_csv(head: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """A CSV of plain text cells (the changelog): every cell neutralised."""
    return write_csv(head, [[neutralise(c) for c in row] for row in rows], "\n").encode("utf-8")
