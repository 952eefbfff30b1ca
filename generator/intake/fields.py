"""What the intake knows about a target table, all of it read from the Table Schema in ``schemas/``:
field titles (the Chinese column headers), descriptions, constraints and enum labels."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import paths
from generator.model.schema import fields_of
from generator.model.sitemap import ANNOUNCEMENT, BASE, STUDIO

# Target table → (sheet title, id prefix). A prefix means the importer assigns the ids (B000040, S000124);
# announcements keep readable slugs that the clerk chooses.
TARGETS: dict[str, tuple[str, str]] = {k.section: (k.short, k.id_prefix) for k in (STUDIO, BASE, ANNOUNCEMENT)}
REQUIRED_MARK = re.compile(r"(\*|＊|[（(]必填[)）])$")


def header_key(label: str) -> str:
    """A header cell as it is compared: NFKC, no spaces, no required mark, lower case."""
    text = "".join(unicodedata.normalize("NFKC", label).split())
    return REQUIRED_MARK.sub("", text).lower()


@dataclass(frozen=True)
class TableSpec:
    name: str
    sheet: str
    prefix: str
    schema: dict[str, Any]

    @property
    def fields(self) -> list[dict[str, Any]]:
        return fields_of(self.schema)

    @property
    def names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    def field(self, name: str) -> dict[str, Any]:
        return next((f for f in self.fields if f["name"] == name), {})

    def title(self, name: str) -> str:
        return str(self.field(name).get("title") or name)

    def in_columns(self, text: str) -> str:
        """A validator's text as a clerk with a spreadsheet reads it: field names (``status_source_url``)
        become the column titles (「状态来源网址」). Only names with an underscore, which no Chinese
        sentence holds by chance."""
        names = sorted((n for n in self.names if "_" in n), key=len, reverse=True)
        if not names or not text:
            return text
        pattern = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(map(re.escape, names)) + r")(?![A-Za-z0-9_])")
        return pattern.sub(lambda m: f"「{self.title(m.group(1))}」", text)

    def required(self, name: str) -> bool:
        return bool(self.field(name).get("constraints", {}).get("required"))

    @property
    def assigns_ids(self) -> bool:
        return bool(self.prefix)

    def by_header(self) -> dict[str, str]:
        """Header key (title or field name) → field name."""
        out: dict[str, str] = {}
        for f in self.fields:
            out[header_key(f["name"])] = f["name"]
            out[header_key(str(f.get("title", "")))] = f["name"]
        return out

    def enum(self, name: str) -> list[tuple[str, str]]:
        """(code, Chinese label) of an enum field, in schema order; empty for other fields."""
        spec = self.field(name)
        labels = spec.get("enumLabels", {})
        return [(str(v), str(labels.get(v, v))) for v in spec.get("constraints", {}).get("enum", [])]

    def is_text_column(self, name: str) -> bool:
        """Formatted as text ("@") in the template, so Excel keeps codes, ids and dates as typed."""
        return self.field(name).get("type", "string") in {"string", "date"}


def table_spec(name: str, schemas: Path = paths.SCHEMAS) -> TableSpec:
    sheet, prefix = TARGETS[name]
    schema = json.loads((schemas / f"{name}.schema.json").read_text(encoding="utf-8"))
    return TableSpec(name, sheet, prefix, schema)
