"""The release history: ``datasets/releases.csv`` (version, date, note) and one snapshot of every
package per release under ``datasets/releases/<version>/<package>/``. Loading never judges:
:mod:`generator.release_check` reports what is wrong with the history."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from generator.load.tables import package_folders, read_csv, read_package
from generator.model.register import Package

RELEASES_CSV = "releases.csv"
RELEASES_DIR = "releases"
COLUMNS = ("version", "date", "note")
VERSION = re.compile(r"^\d+\.\d+\.\d+$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UNRELEASED = "unreleased"


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


@dataclass(frozen=True)
class Release:
    version: str
    date: str
    note: str
    folder: Path  # datasets/releases/<version>

    @cached_property
    def packages(self) -> tuple[Package, ...]:
        return tuple(read_package(folder) for folder in package_folders(self.folder))

    def package(self, name: str) -> Package | None:
        return next((p for p in self.packages if p.name == name), None)

    def file(self, package: str, path: str) -> Path:
        return self.folder / package / path


@dataclass(frozen=True)
class History:
    releases: tuple[Release, ...]  # oldest first

    @property
    def latest(self) -> Release | None:
        return self.releases[-1] if self.releases else None

    def last_changed(self, package: str, path: str, current: bytes) -> Release | None:
        """The release that introduced the current content of a file, or None when the content
        has changed since the latest release (or nothing was released yet)."""
        found = None
        for release in reversed(self.releases):
            snapshot = release.file(package, path)
            if not snapshot.is_file() or snapshot.read_bytes() != current:
                break
            found = release
        return found


def release_rows(datasets: Path) -> list[dict[str, str]]:
    path = datasets / RELEASES_CSV
    return read_csv(path)[1] if path.is_file() else []


def load_history(datasets: Path) -> History:
    """Releases with a well-formed version and an existing snapshot folder, oldest first."""
    releases = []
    for row in release_rows(datasets):
        version = row.get("version", "").strip()
        folder = datasets / RELEASES_DIR / version
        if VERSION.match(version) and folder.is_dir():
            releases.append(Release(version, row.get("date", "").strip(), row.get("note", "").strip(), folder))
    unique = {r.version: r for r in releases}
    return History(tuple(sorted(unique.values(), key=lambda r: version_key(r.version))))
