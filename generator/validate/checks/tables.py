"""Raw rows of a package, numbered as a spreadsheet numbers them (the header is row 1)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

csv.field_size_limit(1 << 30)  # the default 128 KiB limit would raise on an oversized cell; checks report it


@dataclass(frozen=True)
class Table:
    name: str
    shown: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]

    def column(self, field: str) -> list[tuple[int, str]]:
        return [(n, row.get(field, "")) for n, row in self.rows]


def read_table(name: str, path: Path, shown: str) -> Table:
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = tuple(next(reader, []))
    rows = tuple(
        (number, dict(zip(header, cells)))
        for number, cells in enumerate(reader, start=2)
        if any(c.strip() for c in cells)
    )
    return Table(name, shown, header, rows)
