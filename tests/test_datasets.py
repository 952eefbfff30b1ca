"""The committed datasets: valid by our validator and by frictionless itself, and complete against
the real records as they were handed in (a copy in tests/cases/handed-in/)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from frictionless import Package

from generator.validate import validate

HANDED_IN = REPO / "tests" / "cases" / "handed-in"
PACKAGES = sorted(REPO.glob("datasets/*/datapackage.json"))


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_committed_datasets_validate_clean() -> None:
    problems = validate(REPO / "datasets")
    assert [p.line() for p in problems if p.severity == "error"] == []


@pytest.mark.parametrize("descriptor", PACKAGES, ids=[p.parent.name for p in PACKAGES])
def test_frictionless_validates_each_package(descriptor: Path) -> None:
    report = Package(str(descriptor)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    cli = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", str(descriptor)], capture_output=True, text=True, cwd=REPO
    )
    assert cli.returncode == 0, cli.stdout[-2000:]


def test_csv_files_are_utf8_without_bom() -> None:
    for path in REPO.glob("datasets/*/*.csv"):
        data = path.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), path
        data.decode("utf-8")
        assert b"\r\n" not in data, path


@pytest.mark.parametrize("kind", ["bases", "studios"])
def test_every_handed_in_record_is_imported_with_provenance(kind: str) -> None:
    source = rows(HANDED_IN / f"{kind}.csv")
    ours = rows(REPO / "datasets" / "register" / f"{kind}.csv")
    assert len(ours) == len(source) == {"bases": 39, "studios": 123}[kind]
    for theirs, mine in zip(source, ours):
        for field in ("name", "host_organization", "city", "level", "year", "announcement_id", "source_url"):
            assert mine[field] == theirs[field], (mine["id"], field)
        if kind == "studios":
            assert (mine["master_name"], mine["name_as_printed"], mine["name_quality"]) == (
                theirs["master_name"],
                theirs["name_as_printed"],
                theirs["name_quality"],
            )
        assert mine["evidence_level"] and mine["evidence"]
    assert len({r["id"] for r in ours}) == len(ours)


def test_every_handed_in_announcement_is_imported() -> None:
    source = {r["id"]: r for r in rows(HANDED_IN / "announcements.csv")}
    ours = {r["id"]: r for r in rows(REPO / "datasets" / "register" / "announcements.csv")}
    assert ours.keys() == source.keys()
    for key, theirs in source.items():
        for field in ("title", "doc_number", "date", "level", "kind", "count_bases", "count_studios", "source_url"):
            assert ours[key][field] == theirs[field], (key, field)
