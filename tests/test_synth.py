"""``python -m generator synth``: a synthetic datasets folder that is deterministic for a seed, realistic
in its mix, consistent with its own announcements, and validates with no problem at all."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.synth import synthesize
from generator.synth.data import PROVINCES
from generator.validate import validate

RECORDS = 400


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / "register" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "datasets"
    synthesize(RECORDS, out, seed=7)
    return out


def test_same_seed_same_bytes_other_seed_other_data(synthetic: Path, tmp_path: Path) -> None:
    synthesize(RECORDS, tmp_path / "again", seed=7)
    synthesize(RECORDS, tmp_path / "other", seed=8)
    assert files(tmp_path / "again") == files(synthetic)
    assert files(tmp_path / "other")["register/studios.csv"] != files(synthetic)["register/studios.csv"]


def test_validates_without_errors_or_warnings(synthetic: Path) -> None:
    assert [p.line() for p in validate(synthetic)] == []


def test_ids_counts_and_announcements_agree(synthetic: Path) -> None:
    bases, studios = rows(synthetic, "bases"), rows(synthetic, "studios")
    assert len(bases) + len(studios) == RECORDS
    assert [r["id"] for r in bases] == [f"B{i:06d}" for i in range(1, len(bases) + 1)]
    assert [r["id"] for r in studios] == [f"S{i:06d}" for i in range(1, len(studios) + 1)]
    assert 0.18 < len(bases) / RECORDS < 0.32
    per_announcement = Counter(
        (r["announcement_id"], kind) for kind, table in (("b", bases), ("s", studios)) for r in table
    )
    for a in rows(synthetic, "announcements"):
        assert a["list_completeness"] == "complete" and a["stage"] == "list" and a["evidence_level"] == "official"
        assert a["source_url"].startswith("https://example.invalid/")
        assert int(a["count_bases"] or 0) == per_announcement[(a["id"], "b")]
        assert int(a["count_studios"] or 0) == per_announcement[(a["id"], "s")]
        assert a["date"].startswith(a["title"][4:8])  # 关于公布2019年…


def test_records_are_plausible(synthetic: Path) -> None:
    cities = {p.code: set(p.cities) for p in PROVINCES}
    studios = rows(synthetic, "studios")
    for r in rows(synthetic, "bases") + studios:
        assert r["city"] in cities[r["province_code"]], r
        assert 2011 <= int(r["year"]) <= 2025
    for r in studios:
        assert r["name"].startswith(r["master_name"].split(";")[0]) and r["name"].endswith("技能大师工作室")
    assert len({p.code for p in PROVINCES}) == 31
    assert {r["level"] for r in rows(synthetic, "announcements")} >= {"national", "provincial", "municipal"}


def test_cli_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["synth", "--records", "10", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "不为空" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_cli_writes_a_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["synth", "--records", "25", "--out", str(tmp_path / "d"), "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert "技能大师工作室" in result.output
    assert len(rows(tmp_path / "d", "bases")) + len(rows(tmp_path / "d", "studios")) == 25
