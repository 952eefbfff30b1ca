"""Warnings the maintainers have checked and confirmed, listed in ``datasets/acknowledged.csv``.

A confirmed warning stays visible (as a note on the validation report page and in ``validate``
output) but no longer counts as a warning, so ``--strict`` can pass on data whose known weaknesses
are documented. Errors can never be acknowledged. A row matches a warning by code, file (path
inside the datasets folder), field and cell value — not by row number, which shifts as rows are added.
"""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

from generator.model.problems import NOTE, WARNING, Problem

FILE = "acknowledged.csv"
COLUMNS = ("code", "file", "field", "value", "reason")


def read_acknowledged(datasets: Path) -> list[dict[str, str]]:
    path = datasets / FILE
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def apply_acknowledged(problems: list[Problem], datasets: Path) -> list[Problem]:
    rows = read_acknowledged(datasets)
    if not rows:
        return problems
    out = []
    for p in problems:
        match = next((r for r in rows if p.severity == WARNING and _matches(p, r, datasets)), None)
        out.append(dataclasses.replace(p, severity=NOTE, hint=f"已确认：{match['reason']}") if match else p)
    return out


def _matches(p: Problem, row: dict[str, str], datasets: Path) -> bool:
    path = Path(p.path).resolve()
    try:
        inside = path.relative_to(datasets.resolve()).as_posix()
    except ValueError:
        inside = p.path
    return (
        row.get("code") == p.code
        and row.get("file") == inside
        and row.get("field", "") == (p.field or "")
        and row.get("value", "") == (p.actual or "")
    )
