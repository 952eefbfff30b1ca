"""The records as a static API: one JSON document per row that has an id, an index of every id and one
index per kind, documented on the page ``data/api/``.

Each document holds the row's ``id``, its ``kind``, its ``data`` (typed as in the resource's JSON
download), its ``links`` (its page, the announcement it comes from, the source web page and our excerpt
of it, the policy clause, the dataset and the table), the ``licence``, the ``release`` that introduced
its current content (``null`` when it changed since the latest release) and the date it last ``changed``.
Announcements, bases and studios have their document beside their page (``bases/B000001.json``);
policies, criteria and targets under ``api/<kind>/<id>.json``. Links are absolute when the site's
address is known, otherwise root-relative (resolve them against the site root, as the index says).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from generator.export.jsonfiles import LINE, objects
from generator.export.table import Table
from generator.model import sitemap
from generator.model.history import UNRELEASED, Step
from generator.model.publication import Download
from generator.model.site import SiteModel

POLICY_KINDS = ("policies", "criteria", "targets")
Links = Callable[[dict[str, Any]], dict[str, str]]


def api_files(
    site: SiteModel, tables: Mapping[tuple[str, str], Table], steps: Sequence[Step], modified: str
) -> Iterator[Download]:
    """``modified`` is the date the data last changed: the documents carry no build date, so the same
    data gives the same bytes on any day."""
    base = site.config.site_url

    def at(target: str) -> str:
        return sitemap.absolute(target, base)

    last = _last_changes(steps)
    link_makers = _links(site)
    licences = {p.name: p.licence for p in site.packages}
    index: dict[str, dict[str, Any]] = {}
    for (package, name), table in tables.items():
        make = link_makers.get(name)
        if make is None:
            continue
        entries: dict[str, Any] = {}
        for obj in objects(table):
            rid = str(obj.get("id"))
            links = {k: at(v) if not v.startswith(("http://", "https://")) else v for k, v in make(obj).items() if v}
            version, date = last.get((name, rid), ("", modified))
            release = {"version": version, "date": date} if version else None
            doc = {
                "id": rid,
                "kind": name,
                "data": obj,
                "links": links,
                **_status(site, name, rid),
                "licence": licences[package],
                "release": release,
                "changed": date,
            }
            url = make(obj)["json"]
            yield Download(url, (LINE.encode(doc) + "\n").encode("utf-8"), "json", name, date)
            entries[rid] = {
                "name": _name(obj),
                "json": links["json"],
                "page": links.get("page", ""),
                "changed": date,
                "release": version or None,
            }
        index[name] = entries
        kind_doc = {"kind": name, "dataset": at(sitemap.dataset(package)), "count": len(entries), "records": entries}
        yield Download(sitemap.api_index(name), _pretty(kind_doc), "json", name, modified)
    top = {
        "site": base,
        "resolve": "links are absolute" if base else "links are relative to the site root (the folder holding api/)",
        "modified": modified,
        "documentation": at(sitemap.API_PAGE),
        "catalog": at(sitemap.CATALOG),
        "indexes": {name: at(sitemap.api_index(name)) for name in index},
        "records": index,
    }
    yield Download(sitemap.API_INDEX, _pretty(top), "json", "", modified)


def _pretty(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _status(site: SiteModel, name: str, rid: str) -> dict[str, Any]:
    """A base's or studio's status as its page shows it: ``data.status`` is blank when only the
    announcement's stage implies it (a 公示 implies 拟入选). Whether it has ended depends on the day, so
    it is left to the reader (``data.valid_to``): the document stays the same on every day."""
    kind = {"bases": "base", "studios": "studio"}.get(name)
    status = site.statuses.get((kind, rid)) if kind else None
    if status is None:
        return {}
    return {"status": {"code": status.code or None, "label": status.label, "stated": status.stated}}


def _name(obj: dict[str, Any]) -> str:
    """The row's own name; a target has none, so its note (which says what is counted) stands in."""
    return str(obj.get("name") or obj.get("title") or obj.get("text") or obj.get("notes") or "")


def _last_changes(steps: Sequence[Step]) -> dict[tuple[str, str], tuple[str, str]]:
    """(resource, id) → (the version that last changed the row, its date); "" for unreleased changes."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for step in steps:
        for change in step.changes:
            out[change.resource, change.id] = ("" if step.to_version == UNRELEASED else step.to_version, step.date)
    return out


def _links(site: SiteModel) -> dict[str, Links]:
    """How each kind of row links to its page, its sources and its dataset."""
    register = sitemap.REGISTER
    excerpts = {a.path for p in site.packages for a in p.attachments if p.name == register}
    texts = {a.path for p in site.packages for a in p.attachments if p.name == sitemap.POLICIES}

    def excerpt(announcement_id: str) -> str:
        path = f"sources/{announcement_id or '_mentions-without-announcement'}.txt"
        return sitemap.download(register, path) if path in excerpts else ""

    def table(package: str, name: str) -> dict[str, str]:
        return {"dataset": sitemap.dataset(package), "table": sitemap.download(package, f"{name}.csv")}

    def announcement(obj: dict[str, Any]) -> dict[str, str]:
        page = sitemap.announcement(str(obj["id"]))
        return {
            "json": sitemap.twin(page),
            "page": page,
            "source": str(obj.get("source_url") or ""),
            "source_excerpt": excerpt(str(obj["id"])),
            **table(register, "announcements"),
        }

    def record(kind: str) -> Links:
        def links(obj: dict[str, Any]) -> dict[str, str]:
            page = sitemap.record(kind, str(obj["id"]))
            parent = str(obj.get("announcement_id") or "")
            return {
                "json": sitemap.twin(page),
                "page": page,
                "announcement": sitemap.announcement(parent) if parent else "",
                "announcement_json": sitemap.twin(sitemap.announcement(parent)) if parent else "",
                "source": str(obj.get("source_url") or ""),
                "source_excerpt": excerpt(parent),
                **table(register, sitemap.KINDS[kind].section),
            }

        return links

    def policy(obj: dict[str, Any]) -> dict[str, str]:
        pid = str(obj["id"])
        text = f"texts/{pid}.txt"
        return {
            "json": sitemap.api_record("policies", pid),
            "page": sitemap.policy(pid) if text in texts else sitemap.policy_entry(pid),
            "text": sitemap.download(sitemap.POLICIES, text) if text in texts else "",
            "source": str(obj.get("source_url") or ""),
            **table(sitemap.POLICIES, "policies"),
        }

    def clause(anchor: object) -> str:
        return sitemap.policy(sitemap.PLAN_ID, str(anchor)) if anchor else ""

    def criterion(obj: dict[str, Any]) -> dict[str, str]:
        return {
            "json": sitemap.api_record("criteria", str(obj["id"])),
            "page": sitemap.checklist(str(obj.get("programme") or "")),
            "clause": clause(obj.get("clause")),
            "policy": sitemap.api_record("policies", sitemap.PLAN_ID),
            **table(sitemap.POLICIES, "criteria"),
        }

    def target(obj: dict[str, Any]) -> dict[str, str]:
        pid = str(obj.get("policy_id") or "")
        return {
            "json": sitemap.api_record("targets", str(obj["id"])),
            "page": sitemap.targets_table(),
            "clause": clause(obj.get("clause")) if pid == sitemap.PLAN_ID else "",
            "policy": sitemap.api_record("policies", pid) if pid else "",
            "source": str(obj.get("source_url") or ""),
            **table(sitemap.POLICIES, "targets"),
        }

    return {
        "announcements": announcement,
        "bases": record("base"),
        "studios": record("studio"),
        "policies": policy,
        "criteria": criterion,
        "targets": target,
    }
