"""Words about a dataset that its page shows: field rows, the preview, citations."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.model.cells import is_id_like
from generator.model.schema import fields_of
from generator.model.register import Resource
from generator.model.schema import constraint_texts, enum_text, type_label

PREVIEW_ROWS = 20
PREVIEW_CHARS = 60


@dataclass(frozen=True)
class FieldRow:
    """One row of a resource's schema table."""

    name: str
    title: str
    type: str
    constraints: str
    enum: str
    description: str
    text: bool  # stored as text in the .xlsx (ids and codes)


def field_rows(resource: Resource) -> list[FieldRow]:
    out = []
    for f in fields_of(resource.schema):
        plain: dict[str, Any] = {**f, "constraints": {k: v for k, v in f.get("constraints", {}).items() if k != "enum"}}
        out.append(FieldRow(f["name"], f.get("title", ""), type_label(f), "；".join(constraint_texts(plain)),
                            enum_text(f, limit=100), f.get("description", ""), is_id_like(f)))
    return out


def preview(resource: Resource) -> list[list[str]]:
    """The first rows, each cell shortened to PREVIEW_CHARS characters."""
    names = [f["name"] for f in fields_of(resource.schema)]
    return [[_short(row.get(n, "")) for n in names] for row in resource.rows[:PREVIEW_ROWS]]


def _short(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"

