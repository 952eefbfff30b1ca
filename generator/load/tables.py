"""Read ``datasets/`` into plain dataclasses. Loading never judges: run validation first."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from generator import paths
from generator.model.register import Announcement, Level, Package, Province, Record, Register, Resource


def package_folders(datasets: Path) -> list[Path]:
    return sorted(p.parent for p in datasets.glob("*/datapackage.json"))


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a UTF-8 CSV (a BOM is tolerated here; validation reports it)."""
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    rows = [dict(zip(header, cells)) for cells in reader if any(cells)]
    return header, rows


def read_package(folder: Path) -> Package:
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    resources = []
    for res in descriptor.get("resources", []):
        _, rows = read_csv(folder / res["path"])
        resources.append(
            Resource(
                name=res["name"],
                path=res["path"],
                title=res.get("title", res["name"]),
                schema=res.get("schema", {}),
                rows=tuple(rows),
            )
        )
    readme = folder / "README.md"
    return Package(
        name=folder.name,
        folder=str(folder),
        descriptor=descriptor,
        resources=tuple(resources),
        readme=readme.read_text(encoding="utf-8") if readme.exists() else "",
    )


def _int(value: str) -> int | None:
    return int(value) if value.strip() else None


def _record(kind: str, row: dict[str, str]) -> Record:
    masters = tuple(m.strip() for m in row.get("master_name", "").split(";") if m.strip())
    return Record(
        kind=kind,
        id=row["id"],
        name=row["name"],
        name_as_printed=row.get("name_as_printed", "") or row["name"],
        name_quality=row.get("name_quality", "printed") or "printed",
        masters=masters,
        host_organization=row.get("host_organization", ""),
        credit_code=row.get("credit_code", ""),
        province_code=row.get("province_code", ""),
        city=row.get("city", ""),
        level=row["level"],
        year=_int(row.get("year", "")),
        announcement_id=row.get("announcement_id", ""),
        source_url=row["source_url"],
        evidence_level=row["evidence_level"],
        evidence=row.get("evidence", ""),
    )


def _announcement(row: dict[str, str]) -> Announcement:
    values: dict[str, object] = {k: row.get(k, "") for k in Announcement.__dataclass_fields__}
    values["count_bases"] = _int(row.get("count_bases", ""))
    values["count_studios"] = _int(row.get("count_studios", ""))
    return Announcement(**values)  # type: ignore[arg-type]


def load(datasets: Path = paths.DATASETS) -> Register:
    packages = tuple(read_package(folder) for folder in package_folders(datasets))
    register = next(p for p in packages if p.name == paths.REGISTER)
    rows = {r.name: r.rows for r in register.resources}
    sources_dir = Path(register.folder) / "sources"
    return Register(
        packages=packages,
        levels={
            r["code"]: Level(r["code"], r["label"], int(r["rank"]), r.get("description", ""))
            for r in rows["levels"]
        },
        provinces={
            r["code"]: Province(r["code"], r["name"], r["full_name"], r.get("kind", ""))
            for r in rows["provinces"]
        },
        announcements=tuple(_announcement(r) for r in rows["announcements"]),
        bases=tuple(_record("base", r) for r in rows["bases"]),
        studios=tuple(_record("studio", r) for r in rows["studios"]),
        sources={
            p.stem: p.read_text(encoding="utf-8") for p in sorted(sources_dir.glob("*.txt"))
        },
    )
