"""The values a clerk picks from a drop-down list, and how an option is written.

An option is ``"<code> <label>"`` (``"420000 湖北"``, ``"national 国家级"``, ``"wuhan-2023 2023年武汉市…"``):
the code first, so the importer reads it back without guessing, the label after it, so the clerk sees
what they chose. The template writes these options and the importer accepts them silently.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from generator import paths
from generator.intake.fields import TableSpec
from generator.model import sitemap
from generator.model.register import Register

TITLE_LIMIT = 40


def option(code: str, label: str) -> str:
    label = label if len(label) <= TITLE_LIMIT else label[: TITLE_LIMIT - 1] + "…"
    return f"{code} {label}".strip()


@dataclass(frozen=True)
class Choices:
    provinces: tuple[tuple[str, str, str], ...]  # code, short name (湖北), full name (湖北省)
    announcements: tuple[tuple[str, str], ...]  # id, title

    def options(self, spec: TableSpec, field: str) -> list[tuple[str, str]]:
        """(code, option text) for a field with a list; empty when the field has none."""
        if field == "province_code":
            return [(code, option(code, name)) for code, name, _ in self.provinces]
        if field == "announcement_id":
            return [(aid, option(aid, title)) for aid, title in self.announcements]
        return [(code, option(code, label)) for code, label in spec.enum(field)]


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    except (OSError, UnicodeDecodeError, csv.Error):
        return []  # a broken file gives an empty list here; validation reports it


def choices_from_files(datasets: Path, codelists: Path = paths.CODELISTS) -> Choices:
    """Read leniently, so a template can be made even while the datasets have problems."""
    provinces = tuple(
        (r.get("code", ""), r.get("name", ""), r.get("full_name", ""))
        for r in _rows(codelists / "provinces.csv")
        if r.get("code")
    )
    announcements = tuple(
        (r.get("id", ""), r.get("title", ""))
        for r in _rows(datasets / sitemap.REGISTER / "announcements.csv")
        if r.get("id")
    )
    return Choices(provinces, tuple(sorted(announcements)))


def choices_from_register(register: Register) -> Choices:
    provinces = tuple((p.code, p.name, p.full_name) for p in register.provinces.values())
    announcements = tuple(sorted((a.id, a.title) for a in register.announcements))
    return Choices(provinces, announcements)
