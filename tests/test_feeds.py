"""Atom feeds: valid (feedparser, no bozo), newest first, one per province and level, linked from every page."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import feedparser
import pytest
from conftest import REPO

from generator.export.feeds import PLACEHOLDER_BASE, timestamp
from generator.load.config import load_config

REGISTER = REPO / "datasets" / "register"
FEED_LINK = re.compile(r'<link rel="\s*alternate\s*" type="application/atom\+xml"[^>]*href="([^"]+)"')


def table(name: str) -> list[dict[str, str]]:
    with (REGISTER / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def parse(path: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse(path.read_bytes())
    assert feed.bozo == 0, f"{path.name}: {feed.get('bozo_exception')}"
    assert feed.version == "atom10"
    return feed


def check_entries(feed: feedparser.FeedParserDict, announcements: list[dict[str, str]]) -> None:
    dated = [a for a in announcements if a["date"]]
    assert len(feed.entries) == len(dated)
    for entry in feed.entries:
        assert entry.id and entry.title and entry.updated
        assert entry.link.startswith(PLACEHOLDER_BASE + "announcements/")
    updated = [e.updated_parsed for e in feed.entries]
    assert updated == sorted(updated, reverse=True), "newest first"
    by_id = {a["id"]: a for a in dated}
    assert {e.link.rstrip("/").rsplit("/", 1)[1] for e in feed.entries} == set(by_id)
    for entry in feed.entries:
        a = by_id[entry.link.rstrip("/").rsplit("/", 1)[1]]
        assert entry.title == a["title"]
        assert entry.updated == timestamp(a["date"])


def test_feed_of_all_announcements(built_site: Path) -> None:
    feed = parse(built_site / "feeds" / "announcements.xml")
    assert feed.feed.id and feed.feed.title and feed.feed.updated
    assert feed.feed.links[0].href == PLACEHOLDER_BASE + "feeds/announcements.xml"
    check_entries(feed, table("announcements"))
    undated = sum(1 for a in table("announcements") if not a["date"])
    assert f"另有 {undated} 份公告日期不详" in feed.feed.subtitle


def test_one_feed_per_province(built_site: Path) -> None:
    announcements = table("announcements")
    records = table("bases") + table("studios")
    for province in table("provinces"):
        code = province["code"]
        there = {r["announcement_id"] for r in records if r["province_code"] == code}
        chosen = [a for a in announcements if a["province_code"] == code or a["id"] in there]
        feed = parse(built_site / "feeds" / "province" / f"{code}.xml")
        assert province["name"] in feed.feed.title
        check_entries(feed, chosen)
        # The web page it follows: that province's tile (its lists and counts), an id on the grid.
        page = next(link.href for link in feed.feed.links if link.rel == "alternate")
        grid = (built_site / "provinces" / "index.html").read_text(encoding="utf-8")
        if code in {"710000", "810000", "820000"}:  # the grid holds the mainland's 31
            assert page == PLACEHOLDER_BASE + "announcements/" and f'id="p-{code}"' not in grid
        else:
            assert page == PLACEHOLDER_BASE + f"provinces/#p-{code}" and f'id="p-{code}"' in grid


def test_one_feed_per_level(built_site: Path) -> None:
    announcements = table("announcements")
    for level in table("levels"):
        feed = parse(built_site / "feeds" / "level" / f"{level['code']}.xml")
        check_entries(feed, [a for a in announcements if a["level"] == level["code"]])


def test_every_page_links_the_feed_from_its_own_depth(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    depths = set()
    for page in pages:
        if page.name == "404.html":
            continue  # served from any folder; it cannot know its depth without site_url
        hrefs = FEED_LINK.findall(page.read_text(encoding="utf-8"))
        assert len(hrefs) == 1, page
        assert (page.parent / hrefs[0]).resolve() == (built_site / "feeds" / "announcements.xml").resolve(), page
        depths.add(len(page.relative_to(built_site).parts))
    assert depths >= {1, 2, 3, 4}, "root, section, record and province-list pages were all checked"


@pytest.mark.parametrize("folder", ["province", "level"])
def test_list_pages_link_their_feed(built_site: Path, folder: str) -> None:
    pages = sorted((built_site / "studios" / folder).glob("*/index.html"))
    assert pages
    for page in pages:
        href = f"../../../feeds/{folder}/{page.parent.name}.xml"
        assert f'href="{href}"' in page.read_text(encoding="utf-8")
        parse((page.parent / href).resolve())


def test_site_url_is_the_base_when_set(tmp_path: Path) -> None:
    yml = tmp_path / "mkdocs.yml"
    yml.write_text("site_name: x\nsite_url: https://example.org/hsp\n", encoding="utf-8")
    assert load_config(yml).site_url == "https://example.org/hsp/"
    yml.write_text("site_name: x\n# site_url: https://example.org/\n", encoding="utf-8")
    assert load_config(yml).site_url == ""


@pytest.mark.parametrize(
    ("date", "stamp"),
    [
        ("2013-07-24", "2013-07-24T00:00:00+08:00"),
        ("2018-11", "2018-11-01T00:00:00+08:00"),
        ("2014", "2014-01-01T00:00:00+08:00"),
        ("", ""),
    ],
)
def test_partial_dates_count_from_their_first_day(date: str, stamp: str) -> None:
    assert timestamp(date) == stamp
