"""The release history page (``changes/``): every release with its note and downloads, and between
consecutive releases the records added, removed and changed, field by field."""

from __future__ import annotations

import json
import posixpath
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import Environment

from generator.model import sitemap
from generator.model.history import UNRELEASED, Change, Step
from generator.model.page import Page
from generator.model.publication import Publication, human_size
from generator.model.site import SiteModel
from generator.render.pages.dataset_text import duckdb_read, pandas_read

SHOWN_PER_STEP = 500  # records listed per release on the page; changes.csv has them all


@dataclass(frozen=True)
class RecordChange:
    """One record's change in one step: added, removed, or changed in one or more fields."""

    id: str
    name: str
    change: str
    label: str
    fields: tuple[tuple[str, str, str], ...]  # (field, old, new)
    url: str  # the record's page when it still exists, else ""


@dataclass(frozen=True)
class StepView:
    step: Step
    anchor: str
    counts: dict[str, int]  # records added / removed / changed
    tables: tuple[tuple[str, str, int, tuple[RecordChange, ...]], ...]  # (package, resource, total, listed)
    hidden: int  # records not listed on the page (see changes.csv)

    @property
    def first(self) -> bool:
        return not self.step.from_version

    def count(self, change: str) -> int:
        return self.counts.get(change, 0)


def anchor(version: str) -> str:
    return "unreleased" if version == UNRELEASED else sitemap.release_anchor(version)


def view(step: Step, pages: dict[str, str]) -> StepView:
    grouped: dict[tuple[str, str], dict[str, list[Change]]] = {}
    for c in step.changes:
        grouped.setdefault((c.package, c.resource), {}).setdefault(c.id, []).append(c)
    counts: Counter[str] = Counter()
    tables = []
    budget = SHOWN_PER_STEP
    hidden = 0
    for (package, resource), by_id in grouped.items():
        records = []
        for rid, changes in by_id.items():
            head = changes[0]
            counts[head.change] += 1
            if budget <= 0:
                hidden += 1
                continue
            budget -= 1
            records.append(
                RecordChange(
                    rid,
                    head.name,
                    head.change,
                    head.label,
                    tuple((c.field, c.old, c.new) for c in changes if c.change == "changed"),
                    pages.get(rid, "") if head.change != "removed" else "",
                )
            )
        tables.append((package, resource, len(by_id), tuple(records)))
    return StepView(step, anchor(step.to_version), dict(counts), tuple(tables), hidden)


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    pub = site.published
    record_pages = {
        **{a.id: a.url for a in site.register.announcements},
        **{r.id: r.url for r in site.register.records},
    }
    views = [view(s, record_pages) for s in reversed(pub.steps)]
    yield Page(
        sitemap.CHANGES_PAGE,
        "md",
        "更新记录",
        env.get_template("pages/changes.md.j2").render(
            site=site,
            pub=pub,
            page_url=sitemap.CHANGES_PAGE,
            views=views,
            unreleased=UNRELEASED,
            shown_per_step=SHOWN_PER_STEP,
            human_size=human_size,
            **snippets(pub),
        ),
    )


def snippets(pub: Publication) -> dict[str, str]:
    """Reading changes.csv with its Table Schema's types, exactly as printed (tests/test_opendata.py runs them)."""
    schema_file = next((f for f in pub.changes if f.kind == "schema"), None)
    if schema_file is None:
        return {"changes_pandas": "", "changes_duckdb": ""}
    schema = json.loads(schema_file.data)
    url = pub.base + sitemap.CHANGES_CSV if pub.base else posixpath.basename(sitemap.CHANGES_CSV)
    pandas = "import pandas as pd\n\n" + pandas_read("changes", url, schema) + "\n"
    duckdb = (
        duckdb_read("changes", url, schema) + "\n"
        "SELECT to_version, change, count(DISTINCT id) AS records FROM changes GROUP BY ALL ORDER BY ALL;\n"
    )
    return {"changes_pandas": pandas, "changes_duckdb": duckdb}
