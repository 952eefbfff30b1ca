"""Row-level changelog between consecutive releases (and from the latest release to the current
data): records added, removed and changed, by primary key, with each changed field's old and new value."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from generator.model.history import UNRELEASED, Change, History, Step
from generator.model.register import Package, Resource
from generator.model.schema import fields_of

NAME_FIELDS = ("name", "title", "label")


def key_fields(resource: Resource) -> list[str]:
    key = resource.schema.get("primaryKey", [])
    return [key] if isinstance(key, str) else [str(k) for k in key] if isinstance(key, list) else []


def field_names(*resources: Resource | None) -> list[str]:
    names: list[str] = []
    for resource in resources:
        for spec in fields_of(resource.schema) if resource else []:
            if spec["name"] not in names:
                names.append(spec["name"])
    return names


def diff_resource(old: Resource | None, new: Resource | None, head: dict[str, str]) -> Iterator[Change]:
    """Changes from ``old`` to ``new`` (either may be missing); ``head`` holds the Change's
    version, date, package and resource."""
    either = new or old
    key = key_fields(either) if either else []
    if not key:
        return
    before = {_key(row, key): row for row in (old.rows if old else ())}
    after = {_key(row, key): row for row in (new.rows if new else ())}
    names = field_names(old, new)
    for rid, row in after.items():
        if rid not in before:
            yield Change(**head, id=rid, name=_name(row), change="added")
            continue
        was = before[rid]
        for name in names:
            if was.get(name, "") != row.get(name, ""):
                yield Change(
                    **head,
                    id=rid,
                    name=_name(row),
                    change="changed",
                    field=name,
                    old=was.get(name, ""),
                    new=row.get(name, ""),
                )
    for rid, row in before.items():
        if rid not in after:
            yield Change(**head, id=rid, name=_name(row), change="removed")


def diff_packages(
    old: Sequence[Package], new: Sequence[Package], *, from_version: str, to_version: str, date: str
) -> list[Change]:
    changes: list[Change] = []
    olds = {p.name: p for p in old}
    news = {p.name: p for p in new}
    for package in [*news, *(n for n in olds if n not in news)]:
        o, n = olds.get(package), news.get(package)
        resources = [r.name for r in (n.resources if n else ())]
        resources += [r.name for r in (o.resources if o else ()) if r.name not in resources]
        for name in resources:
            head = {
                "from_version": from_version,
                "to_version": to_version,
                "date": date,
                "package": package,
                "resource": name,
            }
            changes.extend(diff_resource(_resource(o, name), _resource(n, name), head))
    return changes


def steps(history: History, current: Sequence[Package], built: str) -> list[Step]:
    """Every step, oldest first; the last one (to "unreleased") only when the current data differs."""
    out: list[Step] = []
    previous: tuple[Package, ...] = ()
    previous_version = ""
    for release in history.releases:
        changes = diff_packages(
            previous, release.packages, from_version=previous_version, to_version=release.version, date=release.date
        )
        out.append(Step(previous_version, release.version, release.date, release.note, tuple(changes)))
        previous, previous_version = release.packages, release.version
    if history.releases:
        pending = diff_packages(previous, current, from_version=previous_version, to_version=UNRELEASED, date=built)
        if pending:
            out.append(Step(previous_version, UNRELEASED, built, "", tuple(pending)))
    return out


def _key(row: dict[str, str], key: list[str]) -> str:
    return "|".join(row.get(k, "") for k in key)


def _name(row: dict[str, str]) -> str:
    return next((row[f] for f in NAME_FIELDS if row.get(f)), "")


def _resource(package: Package | None, name: str) -> Resource | None:
    return next((r for r in package.resources if r.name == name), None) if package else None
