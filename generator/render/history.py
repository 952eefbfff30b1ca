"""Per-record history and the list of corrections, from the release history in the model.

The steps between releases (and from the latest release to the current data) are computed by
:func:`generator.export.changes.steps` from the snapshots the model holds; nothing is read from disk.
A record's history lists, newest first, the release in which it was added, renamed, changed (field by
field) or removed. A *correction* is a change that replaced or removed a published value (a field
that was filled before) or removed a record; filling a field that was blank adds information and
is shown in the record's history, not among the corrections.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.export.changes import steps
from generator.model import sitemap
from generator.model.history import UNRELEASED, Change, Step
from generator.model.schema import fields_of
from generator.model.site import SiteModel

TRACKED = ("announcements", "bases", "studios")
UNRELEASED_LABEL = "当前数据（尚未编入发布版本）"


@dataclass(frozen=True)
class FieldChange:
    name: str
    title: str  # the field's Chinese title
    old: str
    new: str

    @property
    def corrected(self) -> bool:
        return bool(self.old)


@dataclass(frozen=True)
class Event:
    """What happened to one record in one step."""

    version: str  # a release, or "unreleased"
    date: str
    change: str  # added | changed | removed
    label: str  # 新增 / 修改 / 改名 / 删除
    fields: tuple[FieldChange, ...]
    release_url: str  # the release's anchor on the changes page

    @property
    def release_label(self) -> str:
        return UNRELEASED_LABEL if self.version == UNRELEASED else f"版本 {self.version}"


@dataclass(frozen=True)
class Correction:
    event: Event
    resource: str
    id: str
    name: str
    url: str  # the record's page, "" when it was removed
    fields: tuple[FieldChange, ...]  # only the corrected ones (old value replaced or removed)


def field_titles(site: SiteModel) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for package in site.packages:
        for resource in package.resources:
            for spec in fields_of(resource.schema):
                out[(resource.name, spec["name"])] = str(spec.get("title") or spec["name"])
    return out


def _event(
    site: SiteModel, step: Step, resource: str, changes: list[Change], titles: dict[tuple[str, str], str]
) -> Event:
    """One record's changes in one step; enum values shown by their Chinese labels."""
    head = changes[0]
    fields = tuple(
        FieldChange(
            c.field,
            titles.get((resource, c.field), c.field),
            site.label(c.field, c.old) if c.old else "",
            site.label(c.field, c.new) if c.new else "",
        )
        for c in changes
        if c.change == "changed"
    )
    label = head.label
    if head.change == "changed" and any(f.name in ("name", "title") for f in fields):
        label = "改名"
    anchor = "unreleased" if step.to_version == UNRELEASED else sitemap.release_anchor(step.to_version)
    return Event(step.to_version, step.date, head.change, label, fields, f"{sitemap.CHANGES_PAGE}#{anchor}")


def grouped(site: SiteModel) -> list[tuple[Step, dict[tuple[str, str], list[Change]]]]:
    """Every step, newest first, with its changes to announcements, bases and studios by (resource, id)."""
    out = []
    for step in reversed(steps(site.history, site.packages, site.built)):
        by_record: dict[tuple[str, str], list[Change]] = {}
        for c in step.changes:
            if c.package == sitemap.REGISTER and c.resource in TRACKED:
                by_record.setdefault((c.resource, c.id), []).append(c)
        out.append((step, by_record))
    return out


def record_histories(site: SiteModel) -> dict[tuple[str, str], list[Event]]:
    """Every record's events, newest first, by (section, id): ``("studios", "S000001")``."""
    titles = field_titles(site)
    out: dict[tuple[str, str], list[Event]] = {}
    for step, by_record in grouped(site):
        for key, changes in by_record.items():
            out.setdefault(key, []).append(_event(site, step, key[0], changes, titles))
    return out


def corrections(site: SiteModel) -> list[Correction]:
    """Every correction, newest first."""
    titles = field_titles(site)
    pages = {("announcements", a.id): a.url for a in site.register.announcements}
    pages.update({(r.section, r.id): r.url for r in site.register.records})
    out = []
    for step, by_record in grouped(site):
        for (resource, rid), changes in by_record.items():
            event = _event(site, step, resource, changes, titles)
            fixed = tuple(f for f in event.fields if f.corrected)
            if fixed or event.change == "removed":
                url = "" if event.change == "removed" else pages.get((resource, rid), "")
                out.append(Correction(event, resource, rid, changes[0].name, url, fixed))
    return out
