"""Read the release history: ``datasets/releases.csv`` (version, date, note) and one snapshot of every
package per release under ``datasets/releases/<version>/<package>/``. Loading never judges:
:mod:`generator.validate.checks.releases` reports what is wrong with the history."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.load.tables import package_folders, read_csv, read_package
from generator.model.history import RELEASES_CSV, RELEASES_DIR, VERSION, History, Release, version_key


@dataclass(frozen=True)
class Entry:
    """A line of releases.csv with a well-formed version and a snapshot folder."""

    version: str
    date: str
    note: str
    folder: Path


def release_rows(datasets: Path) -> list[dict[str, str]]:
    path = datasets / RELEASES_CSV
    return read_csv(path)[1] if path.is_file() else []


def entries(datasets: Path) -> list[Entry]:
    """Releases with a well-formed version and an existing snapshot folder, oldest first."""
    found = []
    for row in release_rows(datasets):
        version = row.get("version", "").strip()
        folder = datasets / RELEASES_DIR / version
        if VERSION.match(version) and folder.is_dir():
            found.append(Entry(version, row.get("date", "").strip(), row.get("note", "").strip(), folder))
    unique = {e.version: e for e in found}
    return sorted(unique.values(), key=lambda e: version_key(e.version))


def read_release(entry: Entry) -> Release:
    """One release with its snapshot read (raises OSError or ValueError on a damaged snapshot)."""
    packages = tuple(read_package(folder) for folder in package_folders(entry.folder))
    return Release(entry.version, entry.date, entry.note, entry.folder, packages)


def load_history(datasets: Path) -> History:
    return History(tuple(read_release(e) for e in entries(datasets)))
