"""The register package's rows as typed values."""

from __future__ import annotations

from pathlib import Path

from generator.model.register import Announcement, Level, Package, Province, Record, Register

LIFE_FIELDS = (
    "status",
    "status_date",
    "status_source_url",
    "status_note",
    "valid_from",
    "valid_to",
    "occupation",
    "occupation_code",
)


def _int(value: str) -> int | None:
    return int(value) if value.strip() else None


def record(kind: str, row: dict[str, str]) -> Record:
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
        **{name: row.get(name, "") for name in LIFE_FIELDS},
    )


def announcement(row: dict[str, str]) -> Announcement:
    values: dict[str, object] = {k: row.get(k, "") for k in Announcement.__dataclass_fields__}
    values["count_bases"] = _int(row.get("count_bases", ""))
    values["count_studios"] = _int(row.get("count_studios", ""))
    return Announcement(**values)  # type: ignore[arg-type]


def load_register(package: Package) -> Register:
    rows = {r.name: r.rows for r in package.resources}
    sources = Path(package.folder) / "sources"
    return Register(
        levels={
            r["code"]: Level(r["code"], r["label"], int(r["rank"]), r.get("description", "")) for r in rows["levels"]
        },
        provinces={
            r["code"]: Province(r["code"], r["name"], r["full_name"], r.get("kind", "")) for r in rows["provinces"]
        },
        announcements=tuple(announcement(r) for r in rows["announcements"]),
        bases=tuple(record("base", r) for r in rows["bases"]),
        studios=tuple(record("studio", r) for r in rows["studios"]),
        sources={p.stem: p.read_text(encoding="utf-8") for p in sorted(sources.glob("*.txt"))},
    )
