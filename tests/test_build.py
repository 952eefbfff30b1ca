"""The built site: complete, self-contained, and never half-replaced by a failed build."""

from __future__ import annotations

import csv
import hashlib
import html
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from generator.cli import main

LOADING_ATTRS = {
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("link", "href"),
}
LOADING_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "modulepreload",
    "manifest",
    "apple-touch-icon",
    "preconnect",
    "dns-prefetch",
}


class Loads(HTMLParser):
    """Collects every URL the browser would fetch when rendering a page (not plain links)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for t, attr in LOADING_ATTRS:
            if tag == t and a.get(attr):
                if tag == "link" and not (set((a.get("rel") or "").split()) & LOADING_LINK_RELS):
                    continue
                self.urls.append(a[attr] or "")
        if a.get("style") and "url(" in (a.get("style") or ""):
            self.urls.extend(re.findall(r"url\(([^)]+)\)", a["style"] or ""))


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_built_html_loads_nothing_from_another_host(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 200
    for page in pages:
        parser = Loads()
        parser.feed(page.read_text(encoding="utf-8"))
        external = [u for u in parser.urls if re.match(r"^(https?:)?//", u.strip("'\" "))]
        assert external == [], f"{page.relative_to(built_site)} loads {external}"
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), css
        assert "@import url(http" not in text and "fonts.googleapis" not in text, css


def test_every_record_has_its_page_with_its_name(built_site: Path) -> None:
    for kind in ("bases", "studios", "announcements"):
        with (REPO / "datasets" / "register" / f"{kind}.csv").open(encoding="utf-8") as f:
            records = list(csv.DictReader(f))
        for record in records:
            page = built_site / kind / record["id"] / "index.html"
            text = page.read_text(encoding="utf-8")
            name = record["title"] if kind == "announcements" else record["name"]
            assert f"<h1>{html.escape(name, quote=False)}</h1>" in text, page


def test_pages_are_chinese(built_site: Path) -> None:
    index = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in index
    assert "国家高技能人才振兴计划" in index


@pytest.fixture
def good_site(tmp_path: Path) -> tuple[Path, Path]:
    datasets = tmp_path / "datasets"
    shutil.copytree(REPO / "datasets", datasets)
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--datasets", str(datasets), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return datasets, out


def test_failed_build_leaves_previous_site_byte_identical(good_site: tuple[Path, Path]) -> None:
    datasets, out = good_site
    before = tree_digest(out)
    studios = datasets / "register" / "studios.csv"
    studios.write_text(
        studios.read_text(encoding="utf-8").replace(",municipal,2023,", ",municipal,20二3,", 1), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["build", "--datasets", str(datasets), "--out", str(out)])
    assert result.exit_code == 1
    assert "[type-error]" in result.output and "原有网站保持不变" in result.output
    assert tree_digest(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["datasets", "site"], "no staging folder left behind"


def test_successful_rebuild_replaces_the_site(good_site: tuple[Path, Path]) -> None:
    datasets, out = good_site
    (out / "stale.html").write_text("old", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--datasets", str(datasets), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert not (out / "stale.html").exists()
    assert (out / "index.html").exists()
    # the old site is removed in the background, without holding the command
    for _ in range(100):
        if sorted(p.name for p in out.parent.iterdir()) == ["datasets", "site"]:
            break
        time.sleep(0.1)
    assert sorted(p.name for p in out.parent.iterdir()) == ["datasets", "site"]


def test_mkdocs_failure_is_reported_in_chinese_and_keeps_site(
    good_site: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    datasets, out = good_site
    before = tree_digest(out)
    from generator.site import mkdocs as site_module

    def broken(pages, docs):  # type: ignore[no-untyped-def]
        shells = original(pages, docs)
        (docs / "index.md").write_text("[坏链接](no-such-page.md)\n", encoding="utf-8")
        return shells

    original = site_module.write_docs
    monkeypatch.setattr("generator.site.write_docs", broken)
    result = CliRunner().invoke(main, ["build", "--datasets", str(datasets), "--out", str(out)])
    assert result.exit_code == 1
    assert "MkDocs 构建失败" in result.output
    assert tree_digest(out) == before
