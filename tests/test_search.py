"""Site search (MkDocs Material, lang zh, jieba with the programme's terms): words from the middle
of the plan's sentences are found; record and list pages with names stay out of the index."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from generator import paths

from conftest import REPO

PLAN = "policies/plan-2011/"
# two to seven characters, each from the middle of a sentence of the plan
WORDS = ["师生比", "技能大师工作室", "高级技师", "带徒传技", "职工教育经费", "中华技能大奖", "实训基地"]


def records() -> list[dict[str, str]]:
    rows = []
    for name in ("bases", "studios"):
        with (REPO / "datasets" / "register" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            rows += list(csv.DictReader(f))
    return rows


@pytest.fixture(scope="module")
def index(built_site: Path) -> list[dict[str, str]]:
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_words_come_from_mid_sentence_of_the_plan() -> None:
    text = (REPO / "datasets" / "policies" / "texts" / "plan-2011.txt").read_text(encoding="utf-8")
    for word in WORDS:
        assert 2 <= len(word) <= 7
        at = text.index(word)
        assert text[at - 1] not in "\n。；：" and text[at + len(word)] not in "\n", word


def test_user_dictionary_lists_the_programme_terms() -> None:
    terms = {line.split()[0] for line in paths.JIEBA_USERDICT.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert set(WORDS) <= terms
    assert {"高技能人才培训基地", "技师", "高级工", "职业技能", "全国技术能手"} <= terms


@pytest.mark.parametrize("word", WORDS)
def test_each_word_is_one_token_of_the_plan_in_the_index(index: list[dict[str, str]], word: str) -> None:
    """Material joins jieba's words with U+200B: the term must come out whole, not cut in two."""
    hits = [d["location"] for d in index if word in d["text"].split("\u200b")]
    assert any(location.startswith(PLAN) for location in hits), word


def test_pages_with_record_names_are_not_indexed(index: list[dict[str, str]], built_site: Path) -> None:
    locations = {d["location"].split("#")[0] for d in index}
    for prefix in ("bases/", "studios/", "announcements/", "records/"):
        assert not any(loc.startswith(prefix) for loc in locations), prefix
    text = "".join(d["title"] + d["text"] for d in index).replace("\u200b", "")
    indexed = [f"{d['location']}: {r['name']}" for r in records() if r["name"] in text
               for d in index if r["name"] in (d["title"] + d["text"]).replace("\u200b", "")]
    assert indexed == []


@pytest.mark.parametrize("word", WORDS)
def test_typing_a_word_in_the_search_box_finds_the_plan(page, site_url: str, word: str) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url)
    page.click(".md-search__input")
    page.fill(".md-search__input", word)
    page.press(".md-search__input", "End")  # Material searches on keyup
    page.wait_for_selector(".md-search-result__link")
    hrefs = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert any(f"/{PLAN}" in href for href in hrefs), hrefs
