"""The offline bundle: ``build --offline`` writes ``<out>/offline.zip``; unzipped, the site works from
file:// with the network off, the finder included."""

from __future__ import annotations

import csv
import html
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from click.testing import CliRunner
from conftest import REPO

from generator.cli import main
from generator.site.offline import FOLDER, explicit_index

LINK = re.compile(r'\s(?:href|src|action)="([^"]*)"')


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed datasets built with --offline, exactly as a person would run it."""
    out = tmp_path_factory.mktemp("offline") / "site"
    result = CliRunner().invoke(main, ["build", "--datasets", str(REPO / "datasets"), "--out", str(out), "--offline"])
    assert result.exit_code == 0, result.output
    assert f"离线包：{out / 'offline.zip'}" in result.output
    return out / "offline.zip"


@pytest.fixture(scope="module")
def unzipped(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(target)
    return target / FOLDER


@pytest.fixture(scope="module")
def unzipped_under_a_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle of a site published under a path (build --site-url …/zt/gjgjn/ --offline), unzipped."""
    out = tmp_path_factory.mktemp("offline-path") / "site"
    args = ["build", "--datasets", str(REPO / "datasets"), "--out", str(out), "--offline"]
    result = CliRunner().invoke(main, [*args, "--site-url", "https://www.example.gov.cn/zt/gjgjn/"])
    assert result.exit_code == 0, result.output
    target = tmp_path_factory.mktemp("unzipped-path")
    with zipfile.ZipFile(out / "offline.zip") as archive:
        archive.extractall(target)
    return target / FOLDER


@pytest.fixture
def offline_page(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A page with the network off: offline, and every request that is not file:// aborted."""
    context = browser.new_context(locale="zh-CN", offline=True)
    requested: list[str] = []
    context.route(
        lambda url: not url.startswith("file:"), lambda route: (requested.append(route.request.url), route.abort())
    )
    page = context.new_page()
    page.requested = requested  # type: ignore[attr-defined]
    yield page
    context.close()


def test_the_zip_holds_one_folder_and_not_itself(bundle: Path) -> None:
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert all(name.startswith(FOLDER + "/") for name in names)
    assert f"{FOLDER}/index.html" in names and f"{FOLDER}/find/data.js" in names
    assert not any(name.endswith("offline.zip") for name in names)


@pytest.mark.parametrize("where", ["unzipped", "unzipped_under_a_path"])
def test_every_link_names_a_file(where: str, request: pytest.FixtureRequest) -> None:
    """From file:// a folder link opens a directory listing, and a link from the site's root (as
    MkDocs writes them on 404.html: /assets/…, /zt/gjgjn/assets/…) names the disk's root: every link
    must name a file of the bundle, from the page that has it."""
    unzipped: Path = request.getfixturevalue(where)
    bad = []
    for page in unzipped.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for url in LINK.findall(text):
            parts = urlsplit(html.unescape(url))
            if parts.scheme or url.startswith(("//", "#")) or not parts.path:
                continue
            if url.startswith("/") or not (page.parent / unquote(parts.path)).resolve().is_file():
                bad.append(f"{page.relative_to(unzipped)} → {url}")
        base = re.search(r'"base": "([^"]*)"', text)
        if base and (base.group(1).startswith("/") or not (page.parent / base.group(1) / "index.html").is_file()):
            bad.append(f"{page.relative_to(unzipped)} → base {base.group(1)}")
    assert bad == []


def test_the_404_page_works_from_file_under_a_path(unzipped_under_a_path: Path, offline_page) -> None:  # type: ignore[no-untyped-def]
    """The bundle's 404.html, of a site published under /zt/gjgjn/: styled, its links and its
    search work from disk."""
    page, unzipped = offline_page, unzipped_under_a_path
    page.goto((unzipped / "404.html").as_uri())
    assert page.text_content("h1") == "找不到这个页面（404）"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    page.fill("#hsp-404-q", "付一鸣")
    page.press("#hsp-404-q", "Enter")
    page.wait_for_selector("#hsp-search-results a.hsp-sr")
    link = page.locator("#hsp-search-results a.hsp-sr").first
    assert link.locator(".hsp-sr__title").text_content() == "付一鸣技能大师工作室"
    assert link.evaluate("a => a.href") == (unzipped / "studios" / "S000001" / "index.html").as_uri()
    page.keyboard.press("Escape")
    page.click("main a:text('返回首页')")
    page.wait_for_load_state()
    assert page.url == (unzipped / "index.html").as_uri()
    assert page.requested == []


def test_finder_works_from_file_with_the_network_off(unzipped: Path, offline_page) -> None:  # type: ignore[no-untyped-def]
    page = offline_page
    with (REPO / "datasets" / "register" / "studios.csv").open(encoding="utf-8", newline="") as f:
        wuhan = {r["id"] for r in csv.DictReader(f) if "武汉" in r["city"] + r["host_organization"] + r["name"]}
    page.goto((unzipped / "find" / "index.html").as_uri() + "?q=" + quote("武汉"))
    page.wait_for_selector("#hsp-finder-results li")
    hrefs = page.eval_on_selector_all("#hsp-finder-results a", "els => els.map(e => e.getAttribute('href'))")
    assert {h for h in hrefs if h.startswith("../studios/")} == {f"../studios/{i}/index.html" for i in wuhan}
    page.click("#hsp-finder-results a >> text=付一鸣技能大师工作室")
    page.wait_for_load_state()
    assert page.url == (unzipped / "studios" / "S000001" / "index.html").as_uri()
    assert page.text_content("h1") == "付一鸣技能大师工作室"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", "styles loaded"
    page.click(".md-header__inner .md-logo")
    assert page.url == (unzipped / "index.html").as_uri()
    assert page.requested == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("studios/S000001/", "studios/S000001/index.html"),
        ("../..", "../../index.html"),
        (".", "./index.html"),
        ("./", "./index.html"),
        ("../find/?q=%E6%AD%A6&amp;level=x", "../find/index.html?q=%E6%AD%A6&amp;level=x"),
        ("../policies/plan-2011/#a2-s4-3", "../policies/plan-2011/index.html#a2-s4-3"),
        ("../assets/site.css", "../assets/site.css"),
        ("https://example.org/", "https://example.org/"),
        ("mailto:x@example.org", "mailto:x@example.org"),
        ("#top", "#top"),
        ("?q=1", "?q=1"),
        ("", ""),
    ],
)
def test_folder_links_name_their_index(url: str, expected: str) -> None:
    assert explicit_index(url) == expected


def test_site_search_works_from_file_with_the_network_off(unzipped: Path, offline_page) -> None:  # type: ignore[no-untyped-def]
    """The header search loads its data as scripts, which file:// allows (fetch would be refused)."""
    page = offline_page
    page.goto((unzipped / "policies" / "plan-2011" / "index.html").as_uri())
    page.click("#hsp-search-q")
    page.fill("#hsp-search-q", "付一鸣")
    page.wait_for_selector("#hsp-search-results a.hsp-sr")
    assert page.text_content("#hsp-search-results .hsp-sr__title") == "付一鸣技能大师工作室"
    page.click("#hsp-search-results a.hsp-sr")
    page.wait_for_load_state()
    assert page.url == (unzipped / "studios" / "S000001" / "index.html").as_uri()
    page.click("#hsp-search-q")
    page.fill("#hsp-search-q", "湖北")
    page.wait_for_selector("#hsp-search-results a.hsp-sr")
    first = page.locator("#hsp-search-results a.hsp-sr").first
    assert first.locator(".hsp-sr__title").text_content() == "湖北的技能大师工作室"
    assert first.evaluate("a => a.href") == (unzipped / "studios" / "province" / "420000" / "index.html").as_uri()
    page.fill("#hsp-search-q", "師生比")  # traditional input, offline too
    page.wait_for_selector("#hsp-search-results a.hsp-sr")
    page.click("#hsp-search-results a.hsp-sr >> nth=0")
    page.wait_for_load_state()
    assert page.url in {
        (unzipped / "apply" / "base" / "index.html").as_uri() + "#base-teachers",
        (unzipped / "policies" / "plan-2011" / "index.html").as_uri() + "#a2-s4-3",
    }
    assert "师生比" in page.locator("[id='" + page.url.split("#")[1] + "']").evaluate(
        "h => h.parentElement.textContent"
    )
    assert page.requested == []
