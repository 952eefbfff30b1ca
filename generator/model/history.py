"""The release history as values: every recorded release with its snapshot of the packages, and the
row-level changes between consecutive releases (computed by :mod:`generator.export.changes`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.model.register import Package

RELEASES_CSV = "releases.csv"
RELEASES_DIR = "releases"
COLUMNS = ("version", "date", "note")
VERSION = re.compile(r"^\d+\.\d+\.\d+$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UNRELEASED = "unreleased"
CHANGELOG_ID = "hsp-changes"  # the changelog as a dataset: one identifier in DCAT and schema.org
CHANGELOG_TITLE = "更新记录：逐条记录的变更清单"
CHANGELOG_DESCRIPTION = (
    "两个相邻版本之间（以及最新版本与当前数据之间）逐条记录的新增、删除和修改，每个修改的字段都有原值和新值。"
)
CHANGE_LABELS = {"added": "新增", "removed": "删除", "changed": "修改"}
CHANGE_COLUMNS = (
    "from_version",
    "to_version",
    "date",
    "package",
    "resource",
    "id",
    "name",
    "change",
    "field",
    "old",
    "new",
)


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


@dataclass(frozen=True)
class Release:
    version: str
    date: str
    note: str
    folder: Path  # datasets/releases/<version>, for messages
    packages: tuple[Package, ...]

    def package(self, name: str) -> Package | None:
        return next((p for p in self.packages if p.name == name), None)

    def data(self, package: str, path: str) -> bytes | None:
        """The bytes of one file of the snapshot, or None when the snapshot does not hold it."""
        found = self.package(package)
        resource = next((r for r in found.resources if r.path == path), None) if found else None
        return resource.data if resource else None


@dataclass(frozen=True)
class History:
    releases: tuple[Release, ...] = ()  # oldest first

    @property
    def latest(self) -> Release | None:
        return self.releases[-1] if self.releases else None

    def last_changed(self, package: str, path: str, current: bytes) -> Release | None:
        """The release that introduced the current content of a file, or None when the content
        has changed since the latest release (or nothing was released yet)."""
        found = None
        for release in reversed(self.releases):
            if release.data(package, path) != current:
                break
            found = release
        return found


@dataclass(frozen=True)
class Change:
    from_version: str  # "" for the first release
    to_version: str  # a version, or "unreleased" for the current data
    date: str
    package: str
    resource: str
    id: str
    name: str
    change: str  # added | removed | changed
    field: str = ""  # the changed field ("changed" only)
    old: str = ""
    new: str = ""

    @property
    def label(self) -> str:
        return CHANGE_LABELS[self.change]

    def cells(self) -> list[str]:
        return [str(getattr(self, c)) for c in CHANGE_COLUMNS]


@dataclass(frozen=True)
class Step:
    """One step of the history: from one release (or nothing) to the next (or the current data)."""

    from_version: str
    to_version: str
    date: str
    note: str
    changes: tuple[Change, ...]
