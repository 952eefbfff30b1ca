"""Record pages and per-province / per-level lists, checked against the committed CSV files."""

from __future__ import annotations

import csv
import html
import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import REPO

REGISTER = REPO / "datasets" / "register"
LINK = re.compile(r'\s(?:href|src)="([^"]*)"')


def rows(name: str) -> list[dict[str, str]]:
    with (REGISTER / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def enum_label(table: str, field: str, value: str) -> str:
    schema = json.loads((REPO / "schemas" / f"{table}.schema.json").read_text(encoding="utf-8"))
    spec = next(f for f in schema["fields"] if f["name"] == field)
    return str(spec["enumLabels"][value])


def text_of(page: Path) -> str:
    """The page's visible text, roughly: tags dropped, entities decoded, whitespace collapsed."""
    body = page.read_text(encoding="utf-8")
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.mark.parametrize(
    ("section", "table", "prefix"),
    [
        ("bases", "bases", "B"),
        ("studios", "studios", "S"),
        ("announcements", "announcements", ""),
    ],
)
def test_every_record_has_exactly_one_page(built_site: Path, section: str, table: str, prefix: str) -> None:
    ids = [r["id"] for r in rows(table)]
    pages = sorted(
        p.parent.name for p in (built_site / section).glob("*/index.html") if p.parent.name not in {"province", "level"}
    )
    assert len(ids) == len(set(ids))
    assert pages == sorted(ids)
    assert all(i.startswith(prefix) for i in ids)


def test_a_studio_page_shows_every_fact(built_site: Path) -> None:
    studio = next(r for r in rows("studios") if r["master_name"] and r["city"] and r["announcement_id"])
    announcement = next(a for a in rows("announcements") if a["id"] == studio["announcement_id"])
    province = next(p for p in rows("provinces") if p["code"] == studio["province_code"])
    level = next(lv for lv in rows("levels") if lv["code"] == studio["level"])
    page = built_site / "studios" / studio["id"] / "index.html"
    text = text_of(page)
    for expected in (
        studio["name"],
        studio["host_organization"],
        province["name"],
        studio["city"],
        level["label"],
        studio["year"],
        announcement["title"],
        studio["evidence"],
    ):
        assert expected in text
    for master in studio["master_name"].split(";"):
        assert master in text
    assert f"（{enum_label('announcements', 'stage', announcement['stage'])}）" in text
    assert enum_label("studios", "evidence_level", studio["evidence_level"]) in text
    source = page.read_text(encoding="utf-8")
    assert f'href="{html.escape(studio["source_url"])}"' in source
    assert f'href="../../announcements/{announcement["id"]}/"' in source
    assert f'href="../province/{studio["province_code"]}/"' in source
    assert f'href="../level/{studio["level"]}/"' in source


def test_name_as_printed_shown_only_when_it_differs(built_site: Path) -> None:
    records = rows("studios") + rows("bases")
    differs = [r for r in records if r["name_as_printed"] and r["name_as_printed"] != r["name"]]
    same = next(r for r in records if r["name_as_printed"] == r["name"])
    assert differs, "the committed data has names printed differently (traditional mirrors)"
    for r in differs:
        section = "bases" if r["id"].startswith("B") else "studios"
        text = text_of(built_site / section / r["id"] / "index.html")
        assert "原文写法" in text and " ".join(r["name_as_printed"].split()) in text
    section = "bases" if same["id"].startswith("B") else "studios"
    assert "原文写法" not in text_of(built_site / section / same["id"] / "index.html")


def test_records_sharing_a_master_or_host_link_to_each_other(built_site: Path) -> None:
    records = rows("studios")
    hosts = Counter(r["host_organization"] for r in records if r["host_organization"])
    host, _ = hosts.most_common(1)[0]
    group = [r for r in records if r["host_organization"] == host]
    assert len(group) > 1
    first = (built_site / "studios" / group[0]["id"] / "index.html").read_text(encoding="utf-8")
    assert "同一大师或依托单位的其他记录" in first
    for other in group[1:]:
        assert f'href="../{other["id"]}/"' in first


@pytest.mark.parametrize(("section", "table"), [("bases", "bases"), ("studios", "studios")])
def test_one_list_page_per_province_and_level(built_site: Path, section: str, table: str) -> None:
    records = rows(table)
    by_province = Counter(r["province_code"] for r in records if r["province_code"])
    by_level = Counter(r["level"] for r in records)
    provinces = {p.parent.name for p in (built_site / section / "province").glob("*/index.html")}
    levels = {p.parent.name for p in (built_site / section / "level").glob("*/index.html")}
    assert provinces == set(by_province)
    assert levels == set(by_level)
    for folder, counts in (("province", by_province), ("level", by_level)):
        for code, n in counts.items():
            page = (built_site / section / folder / code / "index.html").read_text(encoding="utf-8")
            assert page.count('<th scope="row">') == n
            assert f"共 {n} 个" in page
            assert f'href="../../../feeds/{folder}/{code}.xml"' in page


def test_every_relative_link_in_the_site_resolves(built_site: Path) -> None:
    """Catches pages poured into a shell of the wrong folder depth (assets and links would break)."""
    broken = []
    for page in built_site.rglob("*.html"):
        for url in LINK.findall(page.read_text(encoding="utf-8")):
            url = html.unescape(url)
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("//", "#", "/")) or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(built_site)} → {url}")
    assert broken == []
