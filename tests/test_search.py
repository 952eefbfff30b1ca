"""Site search (issue 13): the header search box of every page finds records, announcements, list
pages and sections of content pages, in Chinese as a reader types it; its data; the ways in (home,
lists, 404 page) and the province grid.

The browser tests type into the header search as a person does and read what the results show. The
query set (``tests/search_queries.json``) is run whole by ``benchmarks/search_quality.py``; a subset
of it runs here."""

from __future__ import annotations

import csv
import functools
import gzip
import http.server
import json
import re
import socketserver
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import REPO
from test_finder import synthetic_site

from generator import paths
from generator.export import finder, search_index
from generator.model import sitemap

PLAN = "policies/plan-2011/"
# two to seven characters, each from the middle of a sentence of the plan
WORDS = ["师生比", "技能大师工作室", "高级技师", "带徒传技", "职工教育经费", "中华技能大奖", "实训基地"]
QUERIES = {
    q["q"]: q for q in json.loads((REPO / "tests" / "search_queries.json").read_text(encoding="utf-8"))["queries"]
}
SUBSET = [
    "付一鸣",
    "一鸣",
    "地铁",
    "湖北",
    "湖北省",
    "国家级",
    "市级",
    "培训基地",
    "大师工作室",
    "师带徒",
    "师生比",
    "S000001",
    "Ｓ０００００１",
    "付一鳴",
    "廣西玉林技師學院",
    "浦人社[2025]60号",
    "2013年",
    "四川 培训基地",
    "实施方案原文",
    "付一明",
    "武汉地跌",
]
RESULTS = "() => Array.from(document.querySelectorAll('#hsp-search-results a.hsp-sr')).map(a => a.href)"
RECORD_URL = re.compile(r"^(?:bases|studios)/([BS]\d{6})/$")


def records() -> list[dict[str, str]]:
    rows = []
    for name in ("bases", "studios"):
        with (REPO / "datasets" / "register" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            rows += [{**r, "kind": name[:-1] if name == "bases" else "studio"} for r in csv.DictReader(f)]
    return rows


def data_of(path: Path, name: str) -> dict:  # type: ignore[type-arg]
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"window.{name}=") and text.rstrip().endswith(";")
    return json.loads(text[len(f"window.{name}=") :].rstrip().rstrip(";"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def index(built_site: Path) -> list[dict[str, str]]:
    docs: list[dict[str, str]] = json.loads((built_site / sitemap.MKDOCS_SEARCH_INDEX).read_text(encoding="utf-8"))[
        "docs"
    ]
    return docs


@pytest.fixture(scope="module")
def search_data(built_site: Path) -> dict:  # type: ignore[type-arg]
    return data_of(built_site / sitemap.SEARCH_DATA, search_index.GLOBAL)


@pytest.fixture(scope="module")
def pages_data(built_site: Path) -> dict:  # type: ignore[type-arg]
    return data_of(built_site / sitemap.SEARCH_PAGES, search_index.PAGES_GLOBAL)


class _With404(http.server.SimpleHTTPRequestHandler):
    """A static server that answers a missing address with the site's 404.html, as hosts do."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def host(built_site: Path) -> Iterator[str]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(_With404, directory=str(built_site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def as_site_url(href: str, root: str) -> str:
    path = unquote(urlsplit(href).path)[len(urlsplit(root).path) :].removesuffix("index.html")
    match = RECORD_URL.match(path)
    fragment = urlsplit(href).fragment
    return match.group(1) if match else path + (f"#{fragment}" if fragment else "")


def search(page, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type ``query`` into the header search (already open) and return the result links in order."""
    page.fill("#hsp-search-q", query)
    page.wait_for_function("document.getElementById('hsp-search-status').textContent.indexOf('载入') < 0")
    return list(page.evaluate(RESULTS))


# --- MkDocs' own index (the source of the content pages) -------------------------------------------


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


def test_pages_with_record_names_are_not_in_the_content_index(index: list[dict[str, str]]) -> None:
    """Records are searched from the finder's data; the content index holds no record page."""
    locations = {d["location"].split("#")[0] for d in index}
    for prefix in ("bases/", "studios/", "announcements/", "records/", "provinces/"):
        assert not any(loc.startswith(prefix) for loc in locations), prefix
    text = "".join(d["title"] + d["text"] for d in index).replace("\u200b", "")
    assert [r["name"] for r in records() if r["name"] in text] == []


# --- the search data -------------------------------------------------------------------------------


def test_material_search_code_is_not_attached(built_site: Path) -> None:
    """Material's search would fetch search_index.json (refused on file://) and answer from it alone."""
    for name in ("index.html", "studios/S000001/index.html", "404.html", "find/index.html"):
        html = (built_site / name).read_text(encoding="utf-8")
        assert 'id="hsp-search-q"' in html, name
        assert 'data-md-component="search' not in html and 'name="search"' not in html, name


def test_search_data_holds_every_announcement_and_list(built_site: Path, search_data: dict) -> None:  # type: ignore[type-arg]
    with (REPO / "datasets" / "register" / "announcements.csv").open(encoding="utf-8", newline="") as f:
        announcements = list(csv.DictReader(f))
    held = {a[0]: a for a in search_data["announcements"]}
    assert set(held) == {a["id"] for a in announcements}
    for a in announcements:
        assert held[a["id"]][1] == a["title"] and held[a["id"]][3] == a["doc_number"]
    for url, *_ in search_data["lists"]:
        assert (built_site / url / "index.html").is_file(), url
    provinces = {(r["kind"], r["province_code"]) for r in records() if r["province_code"]}
    assert {(kind, code) for _, _, kind, code, _, _ in search_data["lists"] if code} == provinces


def test_every_content_section_links_to_its_anchor(built_site: Path, pages_data: dict) -> None:  # type: ignore[type-arg]
    pages = pages_data["pages"]
    assert any(url == PLAN + "#a2-s4-3" and "师生比" in text for url, _, _, text in pages)
    bad = []
    for url, title, _, text in pages:
        path, _, anchor = url.partition("#")
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        if anchor and f'id="{anchor}"' not in html:
            bad.append(url)
        assert "\u200b" not in title + text and "<p>" not in text
    assert bad == []
    assert not any(url.startswith("find/") for url, *_ in pages)
    assert pages[[p[0] for p in pages].index(PLAN)][:3] == [
        PLAN,
        "关于印发国家高技能人才振兴计划实施方案的通知",
        "实施方案原文",
    ]


def test_search_data_stays_under_3_mb_gzip_at_20000_records(index: list[dict[str, str]]) -> None:
    site = synthetic_site(20_000)
    scripts = (
        finder.script(finder.finder_data(site)).encode("utf-8")
        + search_index.search_file(site).data
        + search_index.pages_file({"docs": index}, []).data
    )
    size = len(gzip.compress(scripts, compresslevel=6))
    assert size <= 3 * 1024 * 1024, f"{size / 1024 / 1024:.2f} MB gzip"


# --- the header search in Chromium -----------------------------------------------------------------


@pytest.fixture
def searching(page, site_url: str):  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(site_url + "studios/S000001/")  # two folders deep: result links must still be right
    page.click("#hsp-search-q")
    return page


@pytest.mark.parametrize("query", SUBSET)
def test_query_set_subset_in_the_header_search(searching, site_url: str, query: str) -> None:  # type: ignore[no-untyped-def]
    expect = QUERIES[query]["expect"]
    got = [as_site_url(h, site_url) for h in search(searching, query)]
    status = searching.text_content("#hsp-search-status")
    if not expect:
        assert got == [] and status.startswith("没有找到"), status
        return
    assert got and got[0] in expect, got[:3]
    assert len(set(got[:10]) & set(expect)) >= min(len(expect), 10) - (1 if len(expect) > 3 else 0), got[:10]
    assert status.startswith("找到 ")


def test_a_result_shows_type_level_province_and_year(searching) -> None:  # type: ignore[no-untyped-def]
    search(searching, "付一鸣")
    group = searching.locator(".hsp-sr-group").first
    assert group.locator(".hsp-sr-group__title").text_content() == "技能大师工作室（1）"
    assert group.locator(".hsp-sr__title").text_content() == "付一鸣技能大师工作室"
    assert (
        group.locator(".hsp-sr__meta").text_content() == "已批准 技能大师工作室 · 市级 · 湖北 武汉 · 2023 年 · S000001"
    )
    assert group.locator(".hsp-sr__meta .hsp-status").text_content() == "已批准"
    assert "武汉地铁集团有限公司" in group.locator(".hsp-sr__more").text_content()
    search(searching, "2023年武汉市技能大师工作室名单")
    first = searching.locator(".hsp-sr-group").first
    assert first.locator(".hsp-sr-group__title").text_content().startswith("公告")
    assert first.locator(".hsp-sr__meta").first.text_content() == "公告 · 市级 · 湖北 · 2023-12-19"


def test_a_gongshi_record_reads_nominated_in_the_header_search(searching) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: a record from a 公示 is labelled 拟入选 everywhere, the header search included (its
    level alone, 国家级, would read as approved)."""
    gongshi = {r["id"] for r in records() if r["status"] == "nominated"}
    assert len(gongshi) == 13
    for record_id in sorted(gongshi):
        search(searching, record_id)
        hit = searching.locator(".hsp-sr-group .md-search-result__item").first
        assert hit.locator(".hsp-sr__meta").text_content().endswith(record_id)
        assert hit.locator(".hsp-status").all_text_contents() == ["拟入选（公示中）"], record_id


def test_groups_are_by_type_the_best_first(searching) -> None:  # type: ignore[no-untyped-def]
    search(searching, "湖北")
    titles = searching.eval_on_selector_all(".hsp-sr-group__title", "els => els.map(e => e.textContent)")
    hubei = Counter(r["kind"] for r in records() if r["province_code"] == "420000")
    assert titles[0] == "名单（1）" and titles[1] == f"技能大师工作室（{hubei['studio']}）"
    assert any(t.startswith("公告") for t in titles)
    assert "「湖北」按省份匹配" in searching.text_content("#hsp-search-status")


def test_traditional_input_finds_what_simplified_finds(searching) -> None:  # type: ignore[no-untyped-def]
    assert search(searching, "技能大師") == search(searching, "技能大师") != []
    assert search(searching, "師帶徒") == search(searching, "师带徒") != []


def test_enter_opens_the_first_result(searching, site_url: str) -> None:  # type: ignore[no-untyped-def]
    search(searching, "S000039")
    searching.press("#hsp-search-q", "Enter")
    searching.wait_for_url(site_url + "studios/S000039/")
    assert searching.text_content("h1") == "夏瑛技能大师工作室"


def test_a_section_result_opens_the_clause(searching, site_url: str) -> None:  # type: ignore[no-untyped-def]
    search(searching, "师生比")
    searching.click("#hsp-search-results a.hsp-sr >> nth=0")
    searching.wait_for_load_state()
    assert "#" in searching.url
    anchor = searching.url.split("#", 1)[1]
    assert "师生比" in searching.locator(f"[id='{anchor}']").evaluate("h => h.parentElement.textContent")


def test_pasted_and_ime_text_search_at_once(searching) -> None:  # type: ignore[no-untyped-def]
    cdp = searching.context.new_cdp_session(searching)
    cdp.send("Input.insertText", {"text": "师生比"})  # a paste: an input event, no key released
    searching.wait_for_selector("#hsp-search-results a.hsp-sr")
    assert searching.text_content("#hsp-search-status").startswith("找到 ")
    searching.fill("#hsp-search-q", "")
    searching.evaluate("""() => { window.seen = []; new MutationObserver(() => seen.push(
        document.getElementById('hsp-search-status').textContent)).observe(
        document.getElementById('hsp-search-status'), {childList: true, characterData: true, subtree: true}); }""")
    for typed in ("fu", "fuyi", "fuyiming"):
        cdp.send("Input.imeSetComposition", {"text": typed, "selectionStart": len(typed), "selectionEnd": len(typed)})
    assert searching.evaluate("seen") == [], "nothing is searched (or said) while composing"
    cdp.send("Input.insertText", {"text": "付一鸣"})
    searching.wait_for_selector("#hsp-search-results a.hsp-sr")
    assert searching.text_content("#hsp-search-results .hsp-sr__title") == "付一鸣技能大师工作室"
    assert not any("没有找到" in text for text in searching.evaluate("seen"))


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("付一鸣", "付一鸣技能大师工作室"),
        ("湖北", "湖北的技能大师工作室"),
        ("培训基地", "全部高技能人才培训基地"),
        ("S000001", "付一鸣技能大师工作室"),
        ("技能大師", None),
    ],
)
def test_on_a_phone_the_header_search_finds_it_first(page, site_url: str, query: str, first: str | None) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "bases/")
    page.click("label.md-header__button[for='__search']")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'hsp-search-q'")
    page.keyboard.type(query)
    page.wait_for_selector("#hsp-search-results a.hsp-sr")
    link = page.locator("#hsp-search-results a.hsp-sr").first
    assert link.is_visible()
    # within the screen once Material's opening transition has ended (a timeout here is a failure)
    page.wait_for_function(
        """() => { const r = document.querySelector('#hsp-search-results a.hsp-sr').getBoundingClientRect();
        return r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= window.innerHeight; }""",
        timeout=3000,
    )
    title = link.locator(".hsp-sr__title").text_content()
    if first:
        assert title == first
    else:  # 技能大師: a studio (技能大师…) or the studios' conditions page
        assert "技能大师" in title


# --- ways in: home, lists, the 404 page ------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["", "bases/", "studios/", "announcements/", "bases/province/510000/", "studios/level/national/"]
)
def test_home_and_every_list_page_link_to_the_finder_and_the_province_view(built_site: Path, url: str) -> None:
    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    main = html[html.index("<article") : html.index("</article>")]
    targets = {
        urljoin("http://x/" + url, h).removeprefix("http://x/").split("?")[0]
        for h in re.findall(r'href="([^"]+)"', main)
    }
    assert {"find/", "provinces/"} <= targets, url


def test_the_404_page_is_chinese_and_its_links_work_at_any_depth(page, host: str) -> None:  # type: ignore[no-untyped-def]
    response = page.goto(host + "no/such/page/here/")
    assert response is not None and response.status == 404
    assert page.text_content("h1") == "找不到这个页面（404）"
    hrefs = page.eval_on_selector_all("a[href], link[href]", "els => els.map(e => e.href)")
    broken = []
    for href in {h for h in hrefs if h.startswith(host)}:
        status = page.request.get(href.split("#")[0]).status
        if status != 200:
            broken.append(f"{href} {status}")
    assert broken == []
    assert page.get_attribute("link[type='application/atom+xml']", "href") == "/feeds/announcements.xml"
    page.fill("#hsp-404-q", "付一鸣")
    page.press("#hsp-404-q", "Enter")
    page.wait_for_selector("#hsp-search-results a.hsp-sr")
    assert page.text_content("#hsp-search-results .hsp-sr__title") == "付一鸣技能大师工作室"


# --- the province view ------------------------------------------------------------------------------


def test_the_province_grid_has_31_tiles_with_the_counts(built_site: Path) -> None:
    html = (built_site / "provinces" / "index.html").read_text(encoding="utf-8")
    tiles = re.findall(r'<section class="hsp-tile[^"]*" aria-labelledby="p-(\d+)">(.*?)</section>', html, re.DOTALL)
    assert len(tiles) == 31
    kinds = Counter((r["province_code"], r["kind"]) for r in records())
    for code, body in tiles:
        if kinds[code, "base"] + kinds[code, "studio"]:
            assert f"基地 {kinds[code, 'base']} · 工作室 {kinds[code, 'studio']}" in body, code
            assert f'href="../find/?province={code}"' in body
        else:
            assert "暂无记录" in body
        for link in re.findall(r'href="([^"?]+)', body):
            assert (built_site / "provinces" / link / "index.html").resolve().is_file(), link


@pytest.mark.parametrize("width", [390, 1366])
def test_the_province_grid_fits_the_screen(page, site_url: str, width: int) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "provinces/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    boxes = page.eval_on_selector_all(
        ".hsp-tiles > li", "els => els.map(e => e.getBoundingClientRect()).map(r => [r.x, r.y, r.width])"
    )
    assert len(boxes) == 31
    assert len({(round(x), round(y)) for x, y, _ in boxes}) == 31, "no two tiles on top of each other"
    assert min(w for _, _, w in boxes) >= (150 if width == 390 else 100)
    page.click("a[aria-label='湖北的技能大师工作室名单']")
    page.wait_for_url(site_url + "studios/province/420000/")
