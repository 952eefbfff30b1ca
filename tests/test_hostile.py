"""Untrusted text stays text: names with markup, script, template syntax and Markdown build into a
site where no script runs, every page shows them literally, and the feeds carry them escaped."""

from __future__ import annotations

import csv
import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import REPO, serve

from generator.build import build
from generator.model.problems import Problem, errors

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = '"><script>window.__pwned=1</script>'
TEMPLATE = "{{7*7}}"
EMPH = "*emph*"
NAME = f"{IMG}{EMPH}技能大师工作室"
MASTER = f"{TEMPLATE}{SCRIPT}"
HOST = f"{SCRIPT}{EMPH}有限公司"
CITY = IMG
TITLE = f"{SCRIPT}{IMG}{TEMPLATE}{EMPH}名单"
ATOM = "{http://www.w3.org/2005/Atom}"


def rewrite(path: Path, change: dict[str, dict[str, str]]) -> None:
    """Set fields of the rows whose id is a key of ``change``; keep everything else byte for byte."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    for row in rows:
        row.update(change.get(row["id"], {}))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Problem], str]:
    """The committed datasets with hostile names in studio S000001 (付一鸣, 武汉) and in the titles of
    its announcement and of the newest announcement (shown on the home page)."""
    root = tmp_path_factory.mktemp("hostile")
    datasets = shutil.copytree(REPO / "datasets", root / "datasets")
    register = datasets / "register"
    rewrite(
        register / "studios.csv",
        {
            "S000001": {
                "name": NAME,
                "name_as_printed": NAME,
                "master_name": MASTER,
                "host_organization": HOST,
                "city": CITY,
            }
        },
    )
    with (register / "announcements.csv").open(encoding="utf-8", newline="") as f:
        newest = max((r for r in csv.DictReader(f) if r["date"]), key=lambda r: (r["date"], r["id"]))["id"]
    rewrite(register / "announcements.csv", {a: {"title": TITLE} for a in ("wuhan-2023", newest)})
    problems: list[Problem] = []
    out = build(datasets, root / "site", strict=False, say=lambda _: None, report=problems.extend)
    return out, problems, newest


@pytest.fixture(scope="module")
def hostile_url(hostile: tuple[Path, list[Problem], str]) -> Iterator[str]:
    server, url = serve(hostile[0])
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def watched(page) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The page, recording every dialog (an alert would mean a script ran)."""
    dialogs: list[str] = []

    def dismiss(dialog) -> None:  # type: ignore[no-untyped-def]
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.dialogs = dialogs
    yield page


def assert_inert(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_timeout(100)  # let an onerror handler of a broken image fire, if one was created
    assert page.dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0


def test_validation_warns_and_the_build_succeeds(hostile: tuple[Path, list[Problem], str]) -> None:
    out, problems, _ = hostile
    assert errors(problems) == []
    flagged = {(p.path.split("/")[-1], p.field) for p in problems if p.code == "markup-in-name"}
    assert {
        ("studios.csv", "name"),
        ("studios.csv", "master_name"),
        ("studios.csv", "host_organization"),
        ("studios.csv", "city"),
        ("announcements.csv", "title"),
    } <= flagged
    assert (out / "studios" / "S000001" / "index.html").exists()


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("studios/S000001/", NAME),
        ("announcements/wuhan-2023/", TITLE),
        ("announcements/", TITLE),
        ("studios/", NAME),
        ("studios/province/420000/", NAME),
        ("studios/level/municipal/", NAME),
        ("", TITLE),
    ],
)
def test_pages_show_the_text_and_run_nothing(watched, hostile_url: str, url: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    page = watched
    page.goto(hostile_url + url)
    assert_inert(page)
    text = page.inner_text("article")
    assert shown in text
    assert page.evaluate("document.querySelectorAll('article em, article script:not([src])').length") == 0


def test_record_page_shows_every_hostile_field_literally(watched, hostile_url: str) -> None:  # type: ignore[no-untyped-def]
    page = watched
    page.goto(hostile_url + "studios/S000001/")
    assert page.text_content("h1") == NAME
    facts = dict(
        zip(
            page.eval_on_selector_all("dl.hsp-meta dt", "els => els.map(e => e.textContent)"),
            page.eval_on_selector_all("dl.hsp-meta dd", "els => els.map(e => e.textContent)"),
        )
    )
    assert facts["技能大师"] == MASTER and facts["依托单位"] == HOST and facts["城市"] == CITY
    assert facts["公告"].startswith(TITLE)
    assert page.title().startswith(NAME)
    assert_inert(page)


@pytest.mark.parametrize("query", ["onerror", "ｏｎｅｒｒｏｒ", "7*7", "__pwned"])
def test_finder_shows_hostile_results_as_text(watched, hostile_url: str, query: str) -> None:  # type: ignore[no-untyped-def]
    page = watched
    page.goto(hostile_url + "find/?q=" + quote(query))
    page.wait_for_selector("#hsp-finder-results li")
    assert page.eval_on_selector_all("#hsp-finder-results a", "els => els.map(e => e.textContent)") == [NAME]
    meta = page.text_content("#hsp-finder-results .hsp-finder__meta")
    assert MASTER in meta and HOST in meta and CITY in meta
    page.select_option("#hsp-finder-announcement", "wuhan-2023")
    assert TITLE in page.eval_on_selector_all(
        "#hsp-finder-announcement option", "els => els.map(e => e.textContent).join()"
    )
    assert_inert(page)


def test_site_search_runs_nothing(watched, hostile_url: str, hostile: tuple[Path, list[Problem], str]) -> None:  # type: ignore[no-untyped-def]
    page = watched
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(hostile_url)
    page.click(".md-search__input")
    for word in ("pwned", "onerror", "emph"):
        page.fill(".md-search__input", word)
        page.press(".md-search__input", "End")
        page.wait_for_timeout(300)
        assert_inert(page)
    docs = json.loads((hostile[0] / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    raw = [
        d["location"]
        for d in docs
        if "<script>window.__pwned" in d["title"] + d["text"] or "<img src=x" in d["title"] + d["text"]
    ]
    assert raw == [], "the search index holds HTML, so names in it must stay escaped"


def test_feeds_carry_the_text_escaped(hostile: tuple[Path, list[Problem], str]) -> None:
    out, _, newest = hostile
    for feed in (
        out / "feeds" / "announcements.xml",
        out / "feeds" / "province" / "420000.xml",
        out / "feeds" / "level" / "municipal.xml",
    ):
        raw = feed.read_text(encoding="utf-8")
        assert "<script>" not in raw and "<img" not in raw
        titles = {
            e.findtext(f"{ATOM}id").rstrip("/").rsplit("/", 1)[1]: e.findtext(f"{ATOM}title")
            for e in ET.parse(feed).getroot().iter(f"{ATOM}entry")
        }
        assert titles["wuhan-2023"] == TITLE
    everything = ET.parse(out / "feeds" / "announcements.xml").getroot()
    assert any(
        e.findtext(f"{ATOM}title") == TITLE and e.findtext(f"{ATOM}id").endswith(f"/{newest}/")
        for e in everything.iter(f"{ATOM}entry")
    )
