"""Typed values of CSV cells, per Table Schema field type, for the JSON, Parquet and XLSX downloads.

Export never validates: the cells have passed validation. A cell that does not cast anyway is kept
as its text rather than dropped, so no value is ever lost in a download.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")

Value = str | int | float | bool | dt.date | None


def cast(spec: dict[str, Any], text: str) -> Value:
    """The typed value of one cell: None for an empty cell; dates as :class:`datetime.date`."""
    if text == "":
        return None
    kind = spec.get("type", "string")
    try:
        if kind in {"integer", "year"}:
            return int(text)
        if kind == "number":
            number = float(text)
            return int(number) if number.is_integer() and not any(c in text for c in ".eE") else number
        if kind == "boolean":
            if text in spec.get("trueValues", TRUE_VALUES):
                return True
            if text in spec.get("falseValues", FALSE_VALUES):
                return False
            return text
        if kind == "date":
            return dt.date.fromisoformat(text)
    except ValueError:
        return text
    return text


def json_value(value: Value) -> str | int | float | bool | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def typed_row(fields: list[dict[str, Any]], row: dict[str, str]) -> dict[str, Value]:
    return {f["name"]: cast(f, row.get(f["name"], "")) for f in fields}
