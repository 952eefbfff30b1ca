"""Read a data package folder: its descriptor, every resource's rows and bytes, its README."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from generator.model.register import Package, Resource


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
    )
