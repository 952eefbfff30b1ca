"""One resource, read once for every download: its fields, its typed rows (for JSON, Parquet, XLSX),
its text rows as committed (for the canonical CSV) and as the Excel CSV shows them. Each is computed
once, on first use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from generator.export.values import Value, cast
from generator.model.cells import for_excel_csv
from generator.model.register import Resource
from generator.model.schema import fields_of


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
    def for_excel(self) -> list[list[str]]:
        """Cells as the Excel CSV holds them: formula-like text behind an apostrophe (:mod:`generator.model.cells`)."""
        return [[for_excel_csv(t) for t in row] for row in self.texts]


def _caster(spec: dict[str, Any]) -> Callable[[str], Value]:
    if spec.get("type", "string") == "string":
        return lambda text: text if text != "" else None
    return lambda text: cast(spec, text)
