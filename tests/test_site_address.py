"""One site address, set once (``build --site-url`` or ``site.toml``), used everywhere that needs an
absolute URL; a base with a path works when the site is served under that path (issue 12)."""

from __future__ import annotations

import functools
import http.server
import json
import re
import socketserver
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, run_cli

BASE = "https://www.example.gov.cn/zt/gjgjn/"
PREFIX = "/zt/gjgjn/"


@pytest.fixture(scope="module")
def addressed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("addressed") / "site"
    code, output = run_cli(
        "build", "--datasets", str(REPO / "datasets"), "--out", str(out), "--site-url", BASE.rstrip("/")
    )
    assert code == 0, output
    assert "未设置网站地址" not in output
    return out


def pages_of(site: Path) -> set[str]:
    """Every page's URL, from the files of the built site (404.html is not a page of the site)."""
    return {
        p.parent.relative_to(site).as_posix().removeprefix(".") + "/" if p.parent != site else ""
        for p in site.rglob("index.html")
    }


def test_sitemap_lists_every_page_with_lastmod(addressed: Path) -> None:
    root = ET.parse(addressed / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in root.findall("s:url", ns)
    }
    expected = {BASE + (url if url != "/" else "") for url in pages_of(addressed)}
    assert set(entries) == expected
    assert BASE + "studios/S000001/" in entries and BASE + "bases/B000001/" in entries
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d or "") for d in entries.values())
    robots = (addressed / "robots.txt").read_text(encoding="utf-8")
    assert robots.endswith(f"Sitemap: {BASE}sitemap.xml\n")
    # A 专栏 under a path: crawlers read only the host's robots.txt, and this one says what to add there.
    assert "https://www.example.gov.cn/robots.txt" in robots and "Allow" not in robots


def test_a_site_under_a_path_is_told_where_its_sitemap_line_goes(tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, output = run_cli("build", "--datasets", str(REPO / "datasets"), "--out", str(out), "--site-url", BASE)
    assert code == 0, output
    assert f"请把“Sitemap: {BASE}sitemap.xml”一行加入 https://www.example.gov.cn/robots.txt" in output
    code, output = run_cli(
        "build", "--datasets", str(REPO / "datasets"), "--out", str(out), "--site-url", "https://hsp.example.org/"
    )
    assert code == 0 and "robots.txt" not in output, output  # at the root of its host, nothing to add
    assert (out / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\nSitemap: https://hsp.example.org/sitemap.xml\n"
    )


def test_every_address_that_must_be_absolute_is(addressed: Path) -> None:
    record = (addressed / "studios" / "S000001" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{BASE}studios/S000001/">' in record
    feed = (addressed / "feeds" / "announcements.xml").read_text(encoding="utf-8")
    assert f"<id>{BASE}feeds/announcements.xml</id>" in feed and "example.invalid" not in feed
    catalog = json.loads((addressed / "catalog.jsonld").read_text(encoding="utf-8"))
    assert catalog["@context"]["@base"] == BASE
    dataset = (addressed / "data" / "register" / "index.html").read_text(encoding="utf-8")
    assert f"{BASE}data/register/" in dataset  # citations
    assert f'"{BASE}data/register/studios.csv"' in dataset or f"{BASE}data/register/studios.csv" in dataset  # snippets
    # Reading a URL, DuckDB first fetches its httpfs extension from abroad: the page says what to do if it cannot.
    assert "httpfs" in dataset and "先把文件下载到本地" in dataset
    changes = (addressed / "changes" / "index.html").read_text(encoding="utf-8")
    assert f"{BASE}data/changes.csv" in changes and "先把 changes.csv 下载到本地" in changes
    not_found = (addressed / "404.html").read_text(encoding="utf-8")
    assert 'href="//' not in not_found and f'href="{PREFIX}feeds/announcements.xml"' in not_found


def test_without_an_address_the_build_says_once_what_stays_relative(tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, output = run_cli("build", "--datasets", str(REPO / "datasets"), "--out", str(out))
    assert code == 0, output
    assert output.count("未设置网站地址") == 1
    assert not (out / "sitemap.xml").exists() and not (out / "sitemap.xml.gz").exists()
    assert "Sitemap:" not in (out / "robots.txt").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in (out / "studios" / "S000001" / "index.html").read_text(encoding="utf-8")


def test_a_bad_address_is_a_usage_error(tmp_path: Path) -> None:
    code, output = run_cli(
        "build", "--datasets", str(REPO / "datasets"), "--out", str(tmp_path / "s"), "--site-url", "www.example.gov.cn"
    )
    assert code == 2 and "网站地址" in output and not (tmp_path / "s").exists()


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.gov.cn/zt/?id=1",
        "https://www.example.gov.cn/zt/#top",
        "https://user:pw@www.example.gov.cn/",
    ],
)
def test_an_address_with_a_query_fragment_or_user_is_refused(tmp_path: Path, url: str) -> None:
    """Every address is built as base + path: a query or fragment would end up in the middle of each."""
    out = tmp_path / "s"
    code, output = run_cli("build", "--datasets", str(REPO / "datasets"), "--out", str(out), "--site-url", url)
    assert code == 2 and f"网站地址「{url}」带有问号、井号或用户名" in output and not out.exists()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("HTTPS://WWW.Example.GOV.cn:8443/zt", "https://www.example.gov.cn:8443/zt/"),
        ("https://例子.中国/专栏/", "https://xn--fsqu00a.xn--fiqs8s/%E4%B8%93%E6%A0%8F/"),
        ("https://www.example.gov.cn/a%20b/", "https://www.example.gov.cn/a%20b/"),
    ],
)
def test_an_address_is_written_in_ascii_as_sitemaps_require(given: str, expected: str) -> None:
    from generator.load.config import check_site_url

    assert check_site_url(given, "--site-url ") == expected


def test_a_broken_site_toml_is_said_in_chinese_with_the_line(tmp_path: Path) -> None:
    config = tmp_path / "site.toml"
    config.write_text('site_url = "https://www.example.gov.cn/\npublisher = "某厅"\n', encoding="utf-8")
    code, output = run_cli(
        "build", "--datasets", str(REPO / "datasets"), "--out", str(tmp_path / "s"), "--config", str(config)
    )
    assert code == 2 and f"{config} 不是有效的 TOML：第 1 行第 " in output and "列附近有语法错误" in output
    assert "Illegal" not in output and not (tmp_path / "s").exists()


def test_the_footer_names_the_publisher_from_site_toml(tmp_path: Path) -> None:
    config = tmp_path / "site.toml"
    config.write_text(
        'publisher = "某省人力资源和社会保障厅<script>"\nsite_code = "1100000001"\nicp = "京ICP备12345678号"\n',
        encoding="utf-8",
    )
    out = tmp_path / "site"
    code, output = run_cli("build", "--datasets", str(REPO / "datasets"), "--out", str(out), "--config", str(config))
    assert code == 0, output
    for page in (out / "index.html", out / "studios" / "S000001" / "index.html"):
        html = page.read_text(encoding="utf-8")
        assert "主办单位：某省人力资源和社会保障厅&lt;script&gt;" in html
        assert "网站标识码：1100000001" in html and "京ICP备12345678号" in html


class _Prefixed(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder under PREFIX only, as a 专栏 inside a larger site would be."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return "/nonexistent"
        return super().translate_path("/" + path[len(PREFIX) :])

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(addressed: Path) -> Iterator[str]:
    handler = functools.partial(_Prefixed, directory=str(addressed))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()
    server.server_close()


def test_the_site_works_under_its_path(served: str, page: Any) -> None:
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(served)
    page.get_by_role("link", name=re.compile("查名单")).first.click()
    page.wait_for_load_state()
    assert page.url == served + "announcements/"
    page.goto(served + "find/?q=" + "付一鸣")
    page.wait_for_selector("#hsp-finder-results a", timeout=10_000)
    result = page.locator("#hsp-finder-results a").first
    href = result.get_attribute("href")
    result.click()
    page.wait_for_load_state()
    assert page.url.startswith(served + "studios/S"), (href, page.url)
    download = page.locator("a[href$='.json']").first
    with page.expect_download() as info:
        download.click(modifiers=["Alt"])
    assert info.value.url.startswith(served)
    assert not failed, failed


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ('feedback_email = "张三 <jiucuo@example.gov.cn>"', "不像一个电子邮箱地址"),
        ('feedback_email = "a@example.gov.cn, b@example.gov.cn"', "不像一个电子邮箱地址"),
        ('feedback_email = "jiucuo"', "不像一个电子邮箱地址"),
        ('feedback_url = "www.example.gov.cn/liuyan"', "feedback_url「www.example.gov.cn/liuyan」无效"),
        ('feedback_url = "https://www.example.gov.cn/liu yan/"', "无效"),
        ('feedback_url = "javascript:alert(1)"', "无效"),
    ],
)
def test_a_feedback_channel_that_cannot_be_opened_is_refused(tmp_path: Path, line: str, said: str) -> None:
    config = tmp_path / "site.toml"
    config.write_text(line + "\n", encoding="utf-8")
    out = tmp_path / "s"
    code, output = run_cli("build", "--datasets", str(REPO / "datasets"), "--out", str(out), "--config", str(config))
    assert code == 2 and said in output, output
    assert not out.exists()


def test_a_feedback_form_may_carry_a_query() -> None:
    from generator.load.config import check_feedback

    check_feedback({"feedback_url": "https://liuyan.example.gov.cn/form?a=1&b=中文", "feedback_email": "a+b@x.cn"}, "")
