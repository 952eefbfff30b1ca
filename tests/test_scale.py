"""Scale (issue 7): a 2,000-record synthetic site, built once, has the right structure and page sizes.
Timings are measured by ``benchmarks/run.py``, never here."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from generator.build import build
from generator.synth import synthesize

RECORDS = 2000
RECORD_PAGE_LIMIT = 30 * 1024
PAGE_LIMIT = 1024 * 1024
FINDER_DATA = ("find/data.js", "find/data.json")


@pytest.fixture(scope="session")
def scale_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("scale")
    synthesize(RECORDS, root / "datasets", seed=0)
    site = build(root / "datasets", root / "out" / "site", strict=True, say=lambda _: None)
    return root / "datasets", site


def ids(datasets: Path, name: str) -> list[str]:
    with (datasets / "register" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return [row["id"] for row in csv.DictReader(f)]


def test_every_record_has_exactly_one_page(scale_site: tuple[Path, Path]) -> None:
    datasets, site = scale_site
    folders = Counter(p.parent.name for p in site.rglob("index.html"))
    for section, name in (("bases", "bases"), ("studios", "studios"), ("announcements", "announcements")):
        wanted = ids(datasets, name)
        assert len(wanted) == len(set(wanted))
        missing = [i for i in wanted if not (site / section / i / "index.html").is_file()]
        assert missing == []
        assert [i for i in wanted if folders[i] != 1] == []
    assert len(ids(datasets, "bases")) + len(ids(datasets, "studios")) == RECORDS


def test_finder_data_has_every_record(scale_site: tuple[Path, Path]) -> None:
    datasets, site = scale_site
    found = [site / name for name in FINDER_DATA if (site / name).is_file()]
    if not found:
        pytest.skip("the site has no finder data (find/data.js)")
    text = found[0].read_text(encoding="utf-8")
    assert [i for i in ids(datasets, "bases") + ids(datasets, "studios") if f'"{i}"' not in text] == []


def sizes(site: Path, pattern: str) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in site.glob(pattern)}


@pytest.mark.parametrize("pattern", ["bases/B*/index.html", "studios/S*/index.html"])
def test_base_and_studio_pages_are_small(scale_site: tuple[Path, Path], pattern: str) -> None:
    pages = sizes(scale_site[1], pattern)
    assert pages
    assert {url: n for url, n in pages.items() if n > RECORD_PAGE_LIMIT} == {}


def test_announcement_pages_are_small(scale_site: tuple[Path, Path]) -> None:
    pages = sizes(scale_site[1], "announcements/*/index.html")
    assert pages
    assert {url: n for url, n in pages.items() if n > RECORD_PAGE_LIMIT} == {}


def test_no_page_over_one_megabyte(scale_site: tuple[Path, Path]) -> None:
    pages = sizes(scale_site[1], "**/*.html")
    assert len(pages) > RECORDS
    assert {url: n for url, n in pages.items() if n > PAGE_LIMIT} == {}
