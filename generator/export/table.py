"""One resource, read once for every download: its fields, its typed rows (for JSON, Parquet, XLSX)
and its neutralised text rows (for the CSVs). Each is computed once, on first use."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from generator.model.cells import safe_cell
from generator.export.values import Value, cast
from generator.model.schema import fields_of
from generator.model.register import Resource


@dataclass(frozen=True)
class Table:
    resource: Resource

    @cached_property
    def fields(self) -> list[dict[str, Any]]:
        return fields_of(self.resource.schema)

    @cached_property
    def names(self) -> list[str]:
        return [str(f["name"]) for f in self.fields]

    @cached_property
    def texts(self) -> list[list[str]]:
        """The committed cells, row by row, in field order."""
        names = self.names
        return [[row.get(n, "") for n in names] for row in self.resource.rows]

    @cached_property
    def typed(self) -> list[list[Value]]:
        casters = [_caster(f) for f in self.fields]
        return [[c(t) for c, t in zip(casters, row)] for row in self.texts]

    @cached_property
    def safe(self) -> list[list[str]]:
        """Cells as a spreadsheet may see them (see :mod:`.cells`)."""
        specs = self.fields
        return [[safe_cell(s, t) for s, t in zip(specs, row)] for row in self.texts]

    @cached_property
    def neutralised(self) -> bool:
        """True when at least one cell needed an apostrophe."""
        return self.safe != self.texts


def _caster(spec: dict[str, Any]) -> Callable[[str], Value]:
    if spec.get("type", "string") == "string":
        return lambda text: text if text != "" else None
    return lambda text: cast(spec, text)
