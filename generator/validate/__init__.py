"""Validate every package in a datasets folder. Returns problems; never writes."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from generator import paths
from generator.model.problems import Problem
from generator.validate.checks.acknowledged import apply_acknowledged
from generator.validate.checks.codes import name_the_code, names_of_codes
from generator.validate.checks.files import check_file, unreadable
from generator.validate.checks.header import check_header
from generator.validate.checks.package import check_package
from generator.validate.checks.register import REGISTER_CHECKS
from generator.validate.checks.releases import check_releases
from generator.validate.checks.tables import Table, read_table
from generator.validate.frictionless_adapter import run_frictionless


def shown_path(path: Path) -> str:
    """How a path is printed: relative to the working directory when it lies inside it."""
    rel = os.path.relpath(path.resolve(), Path.cwd())
    return rel if not rel.startswith("..") else str(path)


def validate(datasets: Path = paths.DATASETS, schemas: Path = paths.SCHEMAS) -> list[Problem]:
    problems: list[Problem] = []
    folders = sorted(p.parent for p in datasets.glob("*/datapackage.json"))
    if not folders:
        return [
            Problem(
                shown_path(datasets),
                None,
                "no-packages",
                "目录中没有任何数据包（*/datapackage.json）",
                hint="请用 --datasets 指向含有数据包的目录，例如 datasets/。",
            )
        ]
    for folder in folders:
        problems.extend(validate_package(folder, schemas))
    problems.extend(check_releases(datasets, shown_path))
    problems = apply_acknowledged(problems, datasets)
    return sorted(set(problems), key=lambda p: (p.path, p.row or 0, p.code, p.field or ""))


def validate_package(folder: Path, schemas: Path) -> list[Problem]:
    shown_dp = shown_path(folder / "datapackage.json")
    try:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        return [
            Problem(
                shown_dp,
                None,
                "package-error",
                "datapackage.json 不是有效的 JSON",
                actual=str(exc)[:120],
                hint="请检查括号、逗号和引号。",
            )
        ]
    problems = list(check_package(folder, descriptor, schemas, shown_dp))
    shown = {"datapackage.json": shown_dp}
    skip: set[str] = set()
    tables: dict[str, Table] = {}
    for resource in descriptor.get("resources", []):
        rel = str(resource.get("path", ""))
        shown[rel] = shown_path(folder / rel)
        file_problems = list(check_file(folder / rel, shown[rel]))
        problems.extend(file_problems)
        if unreadable(file_problems):
            skip.add(rel)
            continue
        table = read_table(resource["name"], folder / rel, shown[rel])
        header_problems = list(check_header(table, resource.get("schema") or {}))
        problems.extend(header_problems)
        if header_problems:
            skip.add(rel)
        else:
            tables[resource["name"]] = table
    found = without_echoes(run_frictionless(folder, descriptor, skip, shown))
    problems.extend(name_the_code(found, names_of_codes(descriptor, tables)))
    for check in REGISTER_CHECKS:
        problems.extend(check(tables))
    return without_echoes(problems)


def without_echoes(problems: Iterable[Problem]) -> list[Problem]:
    """One line per wrong cell: a foreign-key or unique error that repeats a cell already reported
    (as a type, enum or primary-key error) is dropped; so is a domain check on a cell the schema already
    rejects, a required-value on a missing cell, and anything else on a blank row."""
    found = list(problems)
    cell_errors = {(p.path, p.row, p.field) for p in found if p.code in CELL_CODES}
    schema_errors = cell_errors | {(p.path, p.row, p.field) for p in found if p.code in ECHO_CODES}
    missing = {(p.path, p.row, p.field) for p in found if p.code == "missing-cell"}
    blank = {(p.path, p.row) for p in found if p.code == "blank-row"}
    return [
        p
        for p in found
        if not (
            (p.code in ECHO_CODES and (p.path, p.row, p.field) in cell_errors)
            or (p.code in DOMAIN_ECHOES and (p.path, p.row, p.field) in schema_errors)
            or (p.code == "required-value" and (p.path, p.row, p.field) in missing)
            or (p.code != "blank-row" and (p.path, p.row) in blank)
        )
    ]


CELL_CODES = {"type-error", "constraint-error", "enum-error", "required-value", "primary-key"}
ECHO_CODES = {"foreign-key", "unique-error"}
DOMAIN_ECHOES = {
    "date-invalid",
    "province-scope",
    "level-mismatch",
    "year-implausible",
    "gongshi-dates",
    "credit-code",
    "full-width",
}
