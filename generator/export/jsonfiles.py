"""JSON downloads: each resource as an array of typed objects, and one JSON twin per record page."""
from __future__ import annotations

import json
from collections.abc import Iterator, Mapping

from generator.model import sitemap
from generator.model.publication import Download
from generator.export.table import Table
from generator.export.values import json_value
from generator.model.register import Register

TWIN_RESOURCES = tuple(sitemap.BY_SECTION)  # the resources that have record pages
LINE = json.JSONEncoder(ensure_ascii=False)  # no indent: the C encoder, fast enough for 20,000 twins


def objects(table: Table) -> list[dict[str, object]]:
    names = table.names
    return [{n: json_value(v) for n, v in zip(names, row)} for row in table.typed]


def json_array(table: Table) -> bytes:
    """One object a line, so that the file reads and diffs well."""
    lines = [LINE.encode(obj) for obj in objects(table)]
    return ("[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n").encode("utf-8")


def twins(register: Register, tables: Mapping[tuple[str, str], Table]) -> Iterator[Download]:
    """``bases/B000001.json`` beside the page ``bases/B000001/``: the record's row, typed as in the
    resource's JSON download."""
    pages = {**{a.id: a.url for a in register.announcements}, **{r.id: r.url for r in register.records}}
    for (_, name), table in tables.items():
        if name not in TWIN_RESOURCES:
            continue
        for obj in objects(table):
            url = pages.get(str(obj.get("id")))
            if url:
                yield Download(sitemap.twin(url), (LINE.encode(obj) + "\n").encode("utf-8"), "json", name)

