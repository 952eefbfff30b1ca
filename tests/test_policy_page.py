"""The built policy pages: every clause of the plan has its anchor, the metadata and the supersession
chain are shown, and the library lists every policy row. Parsed from the HTML the build wrote."""

from __future__ import annotations

import csv
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from conftest import REPO

from generator.load.policy_text import parse_policy
from generator.model.policies import iter_clauses

POLICIES = REPO / "datasets" / "policies"


class Elements(HTMLParser):
    """Every element's id, and the text inside each element that has one (nested ids included)."""

    VOID: ClassVar[set[str]] = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "area", "col", "embed"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.text: dict[str, str] = {}
        self.open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id")
        if ident:
            self.ids.append(ident)
            self.text.setdefault(ident, "")
        if tag not in self.VOID:
            self.open.append((tag, ident))

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            name, _ = self.open.pop()
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, ident in self.open:
            if ident:
                self.text[ident] += data


def parse(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def policy_rows() -> list[dict[str, str]]:
    with (POLICIES / "policies.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def meta_block(html: str) -> dict[str, str]:
    """dt → dd text of the first metadata block."""
    block = re.search(r'<dl class="hsp-meta".*?</dl>', html, re.S)
    assert block, "metadata block <dl class=hsp-meta> missing"
    pairs = re.findall(r"<dt>(.*?)</dt><dd[^>]*>(.*?)</dd>", block.group(0), re.S)
    return dict(pairs)


def strip_tags(fragment: str) -> str:
    return re.sub(r"<[^>]+>", "", fragment)


@pytest.fixture(scope="module")
def plan_html(built_site: Path) -> str:
    return (built_site / "policies" / "plan-2011" / "index.html").read_text(encoding="utf-8")


def test_every_clause_anchor_is_an_element_id(built_site: Path) -> None:
    doc = parse_policy((POLICIES / "texts" / "plan-2011.txt").read_text(encoding="utf-8"))
    anchors = [c.anchor for c in iter_clauses(doc)]
    page = parse(built_site / "policies" / "plan-2011" / "index.html")
    assert len(anchors) > 60
    assert [a for a in anchors if a not in page.ids] == []
    assert [a for a in anchors if page.ids.count(a) != 1] == [], "clause ids must be unique on the page"


def test_clause_anchor_holds_the_clause_text(built_site: Path) -> None:
    page = parse(built_site / "policies" / "plan-2011" / "index.html")
    assert "年培训规模不少于3000人" in page.text["a2-s4-2-3"]
    assert "3、" in page.text["a2-s4-2-3"]
    assert "师资队伍" in page.text["a2-s4-3"]
    assert "获得高技能人才楷模或中华技能大奖称号" in page.text["a3-s4-1-1"]


def test_metadata_block_shows_issuer_number_date_and_source(plan_html: str) -> None:
    row = next(r for r in policy_rows() if r["id"] == "plan-2011")
    meta = meta_block(plan_html)
    for body in row["issuing_bodies"].split(";"):
        assert body in meta["发文机关"]
    assert strip_tags(meta["发文字号"]) == row["doc_number"]
    assert strip_tags(meta["发布日期"]).startswith(row["published_date"])
    assert f'href="{row["source_url"]}"'.replace("&", "&amp;") in meta["来源"]


def test_supersession_chain_is_shown_and_marked_as_inference(plan_html: str) -> None:
    rows = {r["id"]: r for r in policy_rows()}
    successor = rows[rows["plan-2011"]["replaced_by"]]
    chain = meta_block(plan_html)["接续文件"]
    assert successor["title"] in strip_tags(chain)
    assert f'href="../#{successor["id"]}"' in chain
    assert "推断" in rows["plan-2011"]["notes"] and "推断" in strip_tags(chain)


def test_library_lists_every_policy_with_validity_and_successor(built_site: Path) -> None:
    path = built_site / "policies" / "index.html"
    page = parse(path)
    html = path.read_text(encoding="utf-8")
    rows = {r["id"]: r for r in policy_rows()}
    labels = {"current": "现行有效", "superseded": "已被替代", "repealed": "已废止"}
    for pid, row in rows.items():
        assert pid in page.ids, f"policy {pid} has no section"
        section = page.text[pid] + html.split(f'id="{pid}"', 1)[1].split("<h2", 1)[0]
        text = strip_tags(section)
        assert row["title"] in page.text[pid]
        assert (labels[row["validity"]] if row["validity"] else "未注明") in text
        if row["doc_number"]:
            assert row["doc_number"] in text
        if row["replaced_by"]:
            assert f'href="#{row["replaced_by"]}"' in section
            assert rows[row["replaced_by"]]["title"] in text
            assert ("推断" in text) == ("推断" in row["notes"])
    assert 'href="plan-2011/"' in html, "the library links to the full text it holds"
