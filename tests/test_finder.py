"""The finder (find/): data file, Chinese substring search, normalising, facets with live counts,
state in the query string, and the size of its data at 20,000 records."""

from __future__ import annotations

import csv
import gzip
import json
import random
import re
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from conftest import REPO

from generator.export import finder
from generator.model.loaded import Model
from generator.model.register import Announcement, Level, Province, Record, Register
from generator.model.site import SiteModel

REGISTER = REPO / "datasets" / "register"
COUNT = re.compile(r"^(.*)（(\d+)）$")


def table(name: str) -> list[dict[str, str]]:
    with (REGISTER / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def records() -> list[dict[str, str]]:
    return [{**r, "type": "base", "master_name": ""} for r in table("bases")] + [
        {**r, "type": "studio"} for r in table("studios")
    ]


def link(r: dict[str, str]) -> str:
    return f"../{'bases' if r['type'] == 'base' else 'studios'}/{r['id']}/"


def expected(*words: str) -> set[str]:
    """What a person expects: every record with each word somewhere in name, master, host or city."""

    def hay(r: dict[str, str]) -> str:
        return " ".join([r["name"], r["master_name"].replace(";", "、"), r["host_organization"], r["city"]])

    return {link(r) for r in records() if all(w in hay(r) for w in words)}


def open_finder(page, site_url: str, query: str = ""):  # type: ignore[no-untyped-def]
    page.goto(site_url + "find/" + query)
    page.wait_for_function("document.getElementById('hsp-finder-status').textContent.indexOf('载入') < 0")
    return page


def results(page) -> set[str]:  # type: ignore[no-untyped-def]
    return set(page.eval_on_selector_all("#hsp-finder-results a", "els => els.map(e => e.getAttribute('href'))"))


def options(page, name: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Each option of a facet select: value → the count a person reads in its label."""
    out = {}
    for value, text in page.eval_on_selector_all(
        f"#hsp-finder-{name} option", "els => els.map(o => [o.value, o.textContent])"
    ):
        match = COUNT.match(text)
        assert match, f"option without a count: {text}"
        out[value] = int(match.group(2))
    return out


# --- the data file ---------------------------------------------------------------------------------


def test_data_js_holds_every_record_once(built_site: Path) -> None:
    text = (built_site / "find" / "data.js").read_text(encoding="utf-8")
    assert text.startswith("window.HSP_FINDER=") and text.rstrip().endswith(";")
    data = json.loads(text[len("window.HSP_FINDER=") :].rstrip().rstrip(";"))
    ids = [row[1] for row in data["rows"]]
    assert sorted(ids) == sorted(r["id"] for r in records())
    trad, simp = data["t2s"]
    assert len(trad) == len(simp) > 0
    assert trad[simp.index("汉")] == "漢"  # 汉 occurs in the data (武汉), so 漢 is mapped
    searched = "".join(r["name"] + r["master_name"] + r["host_organization"] + r["city"] for r in records())
    words = "".join(p[2] for p in data["provinces"]) + "".join(lv[1] for lv in data["levels"])  # 湖北省, 国家级
    assert set(simp) <= set(searched + words), "only characters the data needs"
    assert ["420000", "湖北", "湖北省"] in data["provinces"]


def synthetic_site(n: int, seed: int = 1) -> SiteModel:
    """n studios with random (hard to compress) names, hosts and cities, as a large register would have."""
    rng = random.Random(seed)
    common = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]

    def word(k: int) -> str:
        return "".join(rng.choice(common) for _ in range(k))

    levels = {
        c: Level(c, label, i, "")
        for i, (c, label) in enumerate(
            [("national", "国家级"), ("provincial", "省级"), ("municipal", "市级"), ("county", "县级")]
        )
    }
    provinces = {f"{i}0000": Province(f"{i}0000", word(2), word(3), "省") for i in range(11, 65)}
    announcements = tuple(
        Announcement(
            f"a-{i}",
            word(20),
            "printed",
            word(10),
            "",
            f"20{10 + i % 15}-01-01",
            "provincial",
            "studios",
            "list",
            "",
            None,
            None,
            "complete",
            "https://example.invalid/",
            "official",
            "",
        )
        for i in range(600)
    )
    hosts = [word(rng.randint(6, 14)) + "有限公司" for _ in range(n // 2)]
    cities = [word(2) for _ in range(300)]
    studios = []
    for i in range(n):
        master = word(rng.choice((2, 3)))
        studios.append(
            Record(
                "studio",
                f"S{i + 1:06d}",
                master + word(rng.randint(0, 4)) + "技能大师工作室",
                "",
                "printed",
                (master,),
                rng.choice(hosts),
                "",
                rng.choice(list(provinces)),
                rng.choice(cities),
                rng.choice(list(levels)),
                rng.randint(2011, 2025),
                f"a-{rng.randrange(600)}",
                "https://example.invalid/",
                "official",
                "",
            )
        )
    register = Register(
        levels=levels, provinces=provinces, announcements=announcements, bases=(), studios=tuple(studios)
    )
    return SiteModel(Model(Path("."), (), register), built="2025-01-01")


def test_data_stays_under_2_mb_gzip_at_20000_records() -> None:
    script = finder.script(finder.finder_data(synthetic_site(20_000)))
    size = len(gzip.compress(script.encode("utf-8"), compresslevel=6))
    assert size <= 2 * 1024 * 1024, f"{size / 1024 / 1024:.2f} MB gzip"


# --- searching in Chromium ------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["付一鸣", "地铁", "武汉", "大师"])
def test_text_matches_any_part_of_name_master_host_or_city(page, site_url: str, word: str) -> None:  # type: ignore[no-untyped-def]
    want = expected(word)
    assert want, f"the committed data has records with {word}"
    open_finder(page, site_url, "?q=" + quote(word))
    assert page.input_value("#hsp-finder-q") == word
    if len(want) <= 200:
        assert results(page) == want
    assert page.text_content("#hsp-finder-status").startswith(f"找到 {len(want)} 条记录")


def test_master_finds_only_that_studio(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_finder(page, site_url, "?q=" + quote("付一鸣"))
    assert results(page) == {"../studios/S000001/"}
    page.click("#hsp-finder-results a")
    assert page.url.endswith("/studios/S000001/")
    assert page.text_content("h1") == "付一鸣技能大师工作室"


def test_traditional_and_full_width_input_are_normalised(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_finder(page, site_url)
    page.fill("#hsp-finder-q", "武漢")
    assert results(page) == expected("武汉")
    page.fill("#hsp-finder-q", "付一鳴　地鐵")  # traditional, and an ideographic (full-width) space
    assert results(page) == expected("付一鸣", "地铁") == {"../studios/S000001/"}


def test_typing_updates_results_and_url(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_finder(page, site_url)
    page.fill("#hsp-finder-q", "地铁")
    assert results(page) == expected("地铁")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["地铁"]}
    assert not page.is_checked("#__search"), "Material's own search box must not open for ?q="


# --- facets ---------------------------------------------------------------------------------------


def test_facet_counts_equal_the_dataset(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    rows = records()
    open_finder(page, site_url)
    assert results(page) == {link(r) for r in rows}
    assert options(page, "type") == {"": len(rows), **Counter(r["type"] for r in rows)}
    assert options(page, "level") == {"": len(rows), **Counter(r["level"] for r in rows)}
    assert options(page, "province") == {
        "": len(rows),
        **Counter(r["province_code"] for r in rows if r["province_code"]),
    }
    assert options(page, "year") == {"": len(rows), **Counter(r["year"] or "unknown" for r in rows)}
    assert options(page, "announcement") == {"": len(rows), **Counter(r["announcement_id"] or "none" for r in rows)}


def test_facet_counts_follow_the_other_facets(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    studios = [r for r in records() if r["type"] == "studio"]
    municipal = [r for r in studios if r["level"] == "municipal"]
    open_finder(page, site_url, "?type=studio&level=municipal")
    assert results(page) == {link(r) for r in municipal}
    # the level facet counts studios at every level (its own choice aside); type counts municipal records
    assert options(page, "level") == {"": len(studios), **Counter(r["level"] for r in studios)}
    assert options(page, "type")["base"] == sum(
        1 for r in records() if r["type"] == "base" and r["level"] == "municipal"
    )
    in_province = Counter(r["province_code"] for r in municipal if r["province_code"])
    every_province = {r["province_code"] for r in records() if r["province_code"]}
    assert options(page, "province") == {"": len(municipal), **{c: in_province[c] for c in every_province}}


def test_state_lives_in_the_url_and_back_restores_it(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_finder(page, site_url, "?q=" + quote("武汉"))
    page.select_option("#hsp-finder-level", "national")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["武汉"], "level": ["national"]}
    assert results(page) == {link(r) for r in records() if r["level"] == "national"} & expected("武汉")
    page.go_back()
    page.wait_for_function("document.getElementById('hsp-finder-level').value === ''")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["武汉"]}
    assert results(page) == expected("武汉")
    page.go_forward()
    page.wait_for_function("document.getElementById('hsp-finder-level').value === 'national'")
    assert page.input_value("#hsp-finder-q") == "武汉"


def test_list_pages_open_the_finder_filtered(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "studios/province/420000/")
    page.click("text=在查找中筛选")
    page.wait_for_selector("#hsp-finder-results li")
    assert page.input_value("#hsp-finder-province") == "420000"
    assert results(page) == {link(r) for r in records() if r["type"] == "studio" and r["province_code"] == "420000"}


def test_rows_are_capped_with_show_more(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """With more records than one page of rows (a synthetic data.js), 200 rows render, then 200 more."""
    script = finder.script(finder.finder_data(synthetic_site(450)))
    page.route("**/find/data.js", lambda route: route.fulfill(body=script, content_type="text/javascript"))
    open_finder(page, site_url)
    assert page.text_content("#hsp-finder-status") == "找到 450 条记录，显示前 200 条。"
    assert page.locator("#hsp-finder-results li").count() == 200
    page.click("#hsp-finder-more")
    assert page.locator("#hsp-finder-results li").count() == 400
    page.click("#hsp-finder-more")
    assert page.locator("#hsp-finder-results li").count() == 450
    assert page.is_hidden("#hsp-finder-more")


# --- words that mean a province, a level or an id; typing with an IME ------------------------------


@pytest.mark.parametrize(
    ("word", "field", "value"),
    [
        ("湖北", "province_code", "420000"),
        ("湖北省", "province_code", "420000"),
        ("四川", "province_code", "510000"),
        ("江苏", "province_code", "320000"),
        ("广西壮族自治区", "province_code", "450000"),
        ("国家级", "level", "national"),
        ("市级", "level", "municipal"),
    ],
)
def test_a_province_or_level_word_finds_every_record_of_it(
    page, site_url: str, word: str, field: str, value: str
) -> None:  # type: ignore[no-untyped-def]
    want = {link(r) for r in records() if r[field] == value} | expected(word)
    open_finder(page, site_url, "?q=" + quote(word))
    assert results(page) == want
    status = page.text_content("#hsp-finder-status")
    assert status.startswith(f"找到 {len(want)} 条记录")
    assert f"「{word}」按{'省份' if field == 'province_code' else '层级'}" in status, (
        "the reader is told how the word was taken"
    )


def test_province_and_level_words_combine(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    municipal = {link(r) for r in records() if r["province_code"] == "420000" and r["level"] == "municipal"}
    open_finder(page, site_url, "?q=" + quote("湖北市级"))  # 市级, not a city called 湖北市
    assert results(page) == municipal
    want = {link(r) for r in records() if r["province_code"] == "510000" and r["level"] == "national"}
    for query in ("四川 国家级", "四川国家级", "四川省国家级"):
        open_finder(page, site_url, "?q=" + quote(query))
        assert results(page) == want, query


@pytest.mark.parametrize("query", ["S000001", "s000001", "Ｓ０００００１"])
def test_an_id_finds_its_record_first(page, site_url: str, query: str) -> None:  # type: ignore[no-untyped-def]
    open_finder(page, site_url, "?q=" + quote(query))
    first = page.locator("#hsp-finder-results a").first
    assert first.get_attribute("href") == "../studios/S000001/"
    assert results(page) == {"../studios/S000001/"}


def test_whole_name_comes_before_names_that_contain_it(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_finder(page, site_url, "?q=" + quote("刘松荣技能大师工作室"))
    assert page.text_content("#hsp-finder-results li:first-child a") == "刘松荣技能大师工作室"
    open_finder(page, site_url, "?q=" + quote("福建省第二高级技工学校"))
    names = page.eval_on_selector_all("#hsp-finder-results a", "els => els.map(e => e.textContent)")
    assert names == ["福建省第二高级技工学校", "福建省第二高级技工学校"]


def test_an_ime_composition_searches_once_committed_and_never_flashes_nothing_found(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """A pinyin IME as Chromium drives it (CDP Input.imeSetComposition / insertText): while ``hubei``
    is being composed the results stay as they were; the committed 湖北 searches at once."""
    open_finder(page, site_url)
    page.evaluate("""() => { window.seen = []; new MutationObserver(() => seen.push(
        document.getElementById('hsp-finder-status').textContent)).observe(
        document.getElementById('hsp-finder-status'), {childList: true, characterData: true, subtree: true}); }""")
    page.focus("#hsp-finder-q")
    cdp = page.context.new_cdp_session(page)
    for typed in ("h", "hu", "hub", "hube", "hubei"):
        cdp.send("Input.imeSetComposition", {"text": typed, "selectionStart": len(typed), "selectionEnd": len(typed)})
    assert page.input_value("#hsp-finder-q") == "hubei"
    assert page.evaluate("seen") == [], "nothing is searched while composing"
    cdp.send("Input.insertText", {"text": "湖北"})
    hubei = {link(r) for r in records() if r["province_code"] == "420000"}
    assert results(page) == hubei
    assert not any("没有找到" in text for text in page.evaluate("seen"))


def test_pasted_text_searches_at_once(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_finder(page, site_url)
    page.focus("#hsp-finder-q")
    page.context.new_cdp_session(page).send("Input.insertText", {"text": "付一鸣"})  # as a paste: no key events
    assert results(page) == {"../studios/S000001/"}


def test_on_a_large_site_the_facet_counts_follow_the_results(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """Above 5,000 records the counts are written just after the results are painted (rewriting
    thousands of options costs more than the search); they still end up right."""
    site = synthetic_site(6000)
    script = finder.script(finder.finder_data(site))
    page.route("**/find/data.js", lambda route: route.fulfill(body=script, content_type="text/javascript"))
    open_finder(page, site_url)
    page.wait_for_function("document.querySelector('#hsp-finder-level option').textContent === '全部（6000）'")
    page.select_option("#hsp-finder-level", "national")
    national = [r for r in site.register.studios if r.level == "national"]
    page.wait_for_function(
        f"document.querySelector('#hsp-finder-type option[value=studio]').textContent === '技能大师工作室（{len(national)}）'"
    )
    assert page.text_content("#hsp-finder-status").startswith(f"找到 {len(national)} 条记录")


def test_on_a_phone_the_filters_fold_so_the_results_follow_the_box(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """At 390 px the seven selects once filled the screen between the keyword box and the count: a
    reader typing 武汉 saw no result. There the filters fold behind one button that names those in
    force; a link that sets one opens them; on a desktop they are always open and the button hidden."""
    page.set_viewport_size({"width": 390, "height": 844})
    open_finder(page, site_url)
    fold = page.locator("button.hsp-finder__fold")
    assert fold.get_attribute("aria-expanded") == "false" and not page.is_visible("#hsp-finder-level")
    page.fill("#hsp-finder-q", "武汉")
    first = page.locator("#hsp-finder-results a").first
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844, box
    assert page.locator("#hsp-finder-status").bounding_box()["y"] < box["y"]  # type: ignore[index]
    fold.click()
    assert fold.get_attribute("aria-expanded") == "true"
    page.select_option("#hsp-finder-level", "national")
    assert fold.inner_text() == "筛选（已选：国家级）"
    page.reload()
    page.wait_for_selector("#hsp-finder-results li")
    assert page.is_visible("#hsp-finder-level") and fold.get_attribute("aria-expanded") == "true"
    page.set_viewport_size({"width": 1366, "height": 900})
    open_finder(page, site_url)
    assert not fold.is_visible() and page.is_visible("#hsp-finder-level")
