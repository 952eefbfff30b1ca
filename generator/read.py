"""Read files as they are: data package folders (descriptor, every resource's rows and bytes, README)
and the release history's list and snapshots. Used by validation (which judges the files) and by
loading (which turns valid files into the model); judges nothing itself."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from generator.model.history import RELEASES_CSV, RELEASES_DIR, VERSION, Release, version_key
from generator.model.register import Attachment, Package, Resource


def package_folders(datasets: Path) -> list[Path]:
    return sorted(p.parent for p in datasets.glob("*/datapackage.json"))


def parse_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    rows = [dict(zip(header, cells)) for cells in reader if any(cells)]
    return header, rows


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a UTF-8 CSV (a BOM is tolerated here; validation reports it)."""
    return parse_csv(path.read_text(encoding="utf-8-sig"))


def read_package(folder: Path) -> Package:
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    resources = []
    for res in descriptor.get("resources", []):
        data = (folder / res["path"]).read_bytes()
        _, rows = parse_csv(data.decode("utf-8-sig"))
        resources.append(
            Resource(
                name=res["name"],
                path=res["path"],
                title=res.get("title", res["name"]),
                schema=res.get("schema", {}),
                rows=tuple(rows),
                data=data,
            )
        )
    readme = folder / "README.md"
    return Package(
        name=folder.name,
        folder=folder,
        descriptor=descriptor,
        resources=tuple(resources),
        readme=readme.read_text(encoding="utf-8") if readme.exists() else "",
        attachments=attachments(folder, [p for p in sorted(folder.glob("*/**/*")) if p.parent != folder]),
    )


def attachments(root: Path, files: list[Path]) -> tuple[Attachment, ...]:
    """The files as they are, named by their path under ``root``; hidden files and folders are skipped."""
    return tuple(
        Attachment(p.relative_to(root).as_posix(), p.read_bytes())
        for p in files
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def schema_files(schemas: Path) -> tuple[Attachment, ...]:
    """``schemas/*.schema.json`` and the code lists under ``schemas/codelists/``."""
    if not schemas.is_dir():
        return ()
    return attachments(schemas, sorted([*schemas.glob("*.schema.json"), *schemas.glob("codelists/*")]))


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
