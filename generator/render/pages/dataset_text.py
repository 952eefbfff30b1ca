"""Words about a dataset that its page shows: field rows, the preview, citations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.model.cells import is_id_like
from generator.model.register import Resource
from generator.model.schema import constraint_texts, enum_text, fields_of, type_label

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
        out.append(
            FieldRow(
                f["name"],
                f.get("title", ""),
                type_label(f),
                "；".join(constraint_texts(plain)),
                enum_text(f, limit=100),
                f.get("description", ""),
                is_id_like(f),
            )
        )
    return out


def preview(resource: Resource) -> list[list[str]]:
    """The first rows, each cell shortened to PREVIEW_CHARS characters."""
    names = [f["name"] for f in fields_of(resource.schema)]
    return [[_short(row.get(n, "")) for n in names] for row in resource.rows[:PREVIEW_ROWS]]


def _short(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"


PANDAS_TYPES = {"integer": "Int64", "year": "Int64", "number": "Float64", "boolean": "boolean"}
DUCKDB_TYPES = {"integer": "BIGINT", "year": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE"}


def pandas_read(var: str, url: str, schema: dict[str, Any]) -> str:
    """``pd.read_csv`` with every column typed from the Table Schema: text as ``string`` (ids keep
    their leading zeros, ``2011`` stays ``"2011"``), integers and years as ``Int64`` (empty cells stay
    empty instead of turning the column into floats), dates parsed as dates."""
    fields = fields_of(schema)
    dtype = {f["name"]: PANDAS_TYPES.get(f.get("type", "string"), "string") for f in fields if f.get("type") != "date"}
    dates = [f["name"] for f in fields if f.get("type") == "date"]
    args = [f'"{url}"', "dtype={" + ", ".join(f'"{k}": "{v}"' for k, v in dtype.items()) + "}"]
    if dates:
        args.append("parse_dates=[" + ", ".join(f'"{d}"' for d in dates) + "]")
    return f"{var} = pd.read_csv(" + ", ".join(args) + ")"


def duckdb_read(table: str, url: str, schema: dict[str, Any]) -> str:
    """A DuckDB ``CREATE TABLE`` reading the CSV with every column typed from the Table Schema."""
    columns = ", ".join(
        f"'{f['name']}': '{DUCKDB_TYPES.get(f.get('type', 'string'), 'VARCHAR')}'" for f in fields_of(schema)
    )
    return f"CREATE TABLE {table} AS SELECT * FROM read_csv('{url}', header = true, columns = {{{columns}}});"


R_TYPES = {
    "integer": "col_integer()",
    "year": "col_integer()",
    "number": "col_double()",
    "boolean": "col_logical()",
    "date": 'col_date("%Y-%m-%d")',
}


def r_read(var: str, url: str, schema: dict[str, Any]) -> str:
    """readr's ``read_csv`` with every column typed from the Table Schema: text as character (ids keep
    their leading zeros), integers and years as integers, dates as dates."""
    typed = "".join(f"{f['name']} = {R_TYPES[f['type']]}, " for f in fields_of(schema) if f.get("type") in R_TYPES)
    return f'{var} <- read_csv("{url}", col_types = cols({typed}.default = col_character()))'


PLACEHOLDER = "(URL of this page)"  # where a citation's URL goes when the site's address is not configured


@dataclass(frozen=True)
class Citation:
    """What every citation format of a dataset says."""

    key: str  # BibTeX key
    author: str
    author_en: str
    title: str
    title_en: str
    version: str
    date: str  # the release date of the version cited (or the last change when unreleased)
    url: str  # the page's absolute URL, or "" (then the page fills in its address for PLACEHOLDER)

    @property
    def year(self) -> str:
        return self.date[:4]

    def bibtex(self) -> str:
        return "\n".join(
            [
                f"@misc{{{self.key},",
                f"  author       = {{{{{self.author_en}}}}},",
                f"  title        = {{{{{self.title_en}}}}},",
                f"  year         = {{{self.year}}},",
                f"  version      = {{{self.version}}},",
                f"  date         = {{{self.date}}},",
                f"  howpublished = {{\\url{{{self.url or PLACEHOLDER}}}}},",
                f"  url          = {{{self.url or PLACEHOLDER}}},",
                f"  note         = {{{self.title}. Data set, CC BY 4.0}},",
                "}",
            ]
        )

    def ris(self) -> str:
        return "\n".join(
            [
                "TY  - DATA",
                f"AU  - {self.author_en}",
                f"AU  - {self.author}",
                f"TI  - {self.title_en}",
                f"T2  - {self.title}",
                f"PY  - {self.year}",
                f"DA  - {self.date.replace('-', '/')}",
                f"ET  - {self.version}",
                f"UR  - {self.url or PLACEHOLDER}",
                "LA  - zh",
                "ER  - ",
            ]
        )
