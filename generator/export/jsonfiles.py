"""JSON downloads: each resource as an array of typed objects (the record documents are in :mod:`.api`)."""

from __future__ import annotations

import json

from generator.export.table import Table
from generator.export.values import json_value
from generator.model import sitemap

TWIN_RESOURCES = tuple(sitemap.BY_SECTION)  # the resources that have record pages
LINE = json.JSONEncoder(ensure_ascii=False)  # no indent: the C encoder, fast enough for 20,000 twins


def objects(table: Table) -> list[dict[str, object]]:
    names = table.names
    return [{n: json_value(v) for n, v in zip(names, row)} for row in table.typed]


def json_array(table: Table) -> bytes:
    """One object a line, so that the file reads and diffs well."""
    lines = [LINE.encode(obj) for obj in objects(table)]
    return ("[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n").encode("utf-8")
