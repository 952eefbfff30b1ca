"""Pour record pages into the page shell MkDocs built.

MkDocs Material stays the site engine: every page carries the same header, navigation, styles and
scripts. Record pages (tens of thousands at scale) skip the per-page Markdown pipeline: MkDocs builds
one hidden *shell* page at the same folder depth, and each record's HTML fragment replaces the
shell's placeholder title and body.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from markupsafe import escape

from generator.errors import BuildFailed
from generator.model.page import Page
from generator.model.sitemap import index_html
from generator.site.mkdocs import BODY_MARK, TITLE_MARK, shell_url

URL_MARK = "HSPSHELLCANONICAL"


def pour(shells: list[Page], site: Path, base: str = "") -> None:
    """Write every shell page into the MkDocs-built site. With the site's address known, each page's
    canonical link names the page itself (the shell's names the shell)."""
    # The shell is split at its title marks and encoded once per depth; each page then only joins
    # bytes (re-replacing and re-encoding ~20 KB of shell per page cost more than writing it).
    parts: dict[str, tuple[list[bytes], list[bytes]]] = {}
    for page in shells:
        url = shell_url(page.url)
        if url not in parts:
            shell = (site / url / "index.html").read_text(encoding="utf-8")
            head, _, tail = shell.partition(BODY_MARK)
            if not tail:
                raise BuildFailed("页面外壳中找不到占位内容：主题模板可能已更改。")
            if base:
                head = head.replace(
                    f'<link rel="canonical" href="{base}{url}">', f'<link rel="canonical" href="{URL_MARK}">'
                )
            head, tail = _compact(_drop_generated_h1(head)), _compact(tail)
            parts[url] = ([p.encode() for p in head.split(TITLE_MARK)], [p.encode() for p in tail.split(TITLE_MARK)])
        head_parts, tail_parts = parts[url]
        title = str(escape(page.title)).encode()
        html = title.join(head_parts) + page.body.encode() + title.join(tail_parts)
        if base:
            html = html.replace(URL_MARK.encode(), str(escape(base + page.url)).encode(), 1)
        target = site / index_html(page.url)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html)
    shutil.rmtree(site / "records")


def _compact(html: str) -> str:
    """Drop the theme's indentation from the shell (a quarter of a record page's bytes). Safe because
    the shell holds no whitespace-sensitive element; the record fragment itself is left untouched."""
    if re.search(r"<(pre|textarea)\b", html):
        return html
    return re.sub(r"\n[ \t]+", "\n", html)


def _drop_generated_h1(head: str) -> str:
    """Material adds <h1>{title}</h1> when content has none; record fragments bring their own."""
    return head.replace(f"<h1>{TITLE_MARK}</h1>", "")
