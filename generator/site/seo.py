"""What search engines read: ``sitemap.xml`` (every page, record pages included, with ``lastmod``) and
``robots.txt`` naming it. A sitemap needs absolute URLs, so without the site's address only a
``robots.txt`` without a sitemap is written (the build says so)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from generator.model import sitemap

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def page_urls(site: Path) -> list[str]:
    """Every page of the built site (a folder with an ``index.html``), hand-written ones included."""
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
    )


def sitemap_xml(urls: Iterable[str], base: str, lastmod: dict[str, str], default: str) -> bytes:
    """``lastmod``: the date each page's data last changed, by page URL (``default`` for the others)."""
    root = ET.Element("urlset", {"xmlns": NS})
    for page in urls:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = base + page
        ET.SubElement(url, "lastmod").text = lastmod.get(page, default)
    body: bytes = ET.tostring(root, encoding="utf-8")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


def root_of(base: str) -> str:
    """The host's root (``https://www.example.gov.cn/``) when the site is a 专栏 under a path, else ""."""
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}/" if base and parts.path not in ("", "/") else ""


def sitemap_line(base: str) -> str:
    return f"Sitemap: {base}{sitemap.SITEMAP}"


def robots_txt(base: str) -> bytes:
    """At the root of its host, rules and the sitemap. Under a path (a 专栏 inside a government site),
    crawlers never read this file: it says so, and gives the line to add to the host's own."""
    root = root_of(base)
    if root:
        lines = [
            f"# 本站是 {root} 下的专栏（{base}）。搜索引擎只读取网站根目录的 {root}robots.txt，不读这个文件：",
            f"# 请把下面一行加入 {root}robots.txt，让搜索引擎找到本站的站点地图。",
            sitemap_line(base),
        ]
    else:
        lines = ["User-agent: *", "Allow: /"]
        if base:
            lines.append(sitemap_line(base))
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_seo(site: Path, base: str, lastmod: dict[str, str], default: str) -> None:
    for name in (sitemap.SITEMAP, sitemap.SITEMAP + ".gz"):
        (site / name).unlink(missing_ok=True)  # MkDocs' own lists only the content pages
    if base:
        (site / sitemap.SITEMAP).write_bytes(sitemap_xml(page_urls(site), base, lastmod, default))
    (site / "robots.txt").write_bytes(robots_txt(base))
