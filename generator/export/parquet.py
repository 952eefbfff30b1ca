"""The Parquet download of a resource: columns typed per Table Schema, titles and descriptions kept as
field metadata. A column whose cells do not all cast is kept as text, so no value is lost."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from generator.export.table import Table
from generator.export.values import Value

ARROW_TYPES: dict[str, tuple[pa.DataType, tuple[type, ...]]] = {
    "integer": (pa.int64(), (int,)),
    "year": (pa.int64(), (int,)),
    "number": (pa.float64(), (int, float)),
    "boolean": (pa.bool_(), (bool,)),
    "date": (pa.date32(), (dt.date,)),
}


def parquet(table: Table, *, title: str) -> bytes:
    arrays, fields = [], []
    for i, spec in enumerate(table.fields):
        array = _column(spec, [row[i] for row in table.typed], [row[i] for row in table.texts])
        arrays.append(array)
        meta = {"title": str(spec.get("title", "")), "description": str(spec.get("description", ""))}
        fields.append(pa.field(spec["name"], array.type, metadata={k: v.encode() for k, v in meta.items()}))
    schema = pa.schema(fields, metadata={"name": table.resource.name.encode(), "title": title.encode()})
    out = io.BytesIO()
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), out)
    return out.getvalue()


def _column(spec: dict[str, Any], values: list[Value], texts: list[str]) -> pa.Array:
    kind = str(spec.get("type", "string"))
    if kind in ARROW_TYPES:
        arrow_type, python_types = ARROW_TYPES[kind]
        if all(v is None or (isinstance(v, python_types) and not _bool_as_number(v, kind)) for v in values):
            if kind == "number":
                return pa.array([float(v) if isinstance(v, (int, float)) else None for v in values], type=arrow_type)
            return pa.array(values, type=arrow_type)
    return pa.array([t if t != "" else None for t in texts], type=pa.string())


def _bool_as_number(value: Value, kind: str) -> bool:
    return isinstance(value, bool) and kind != "boolean"
