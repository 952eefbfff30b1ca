"""Run MkDocs on the content pages, then pour record pages into the page shell MkDocs built.

MkDocs Material stays the site engine: every page carries the same header, navigation, styles and
scripts. Record pages (tens of thousands at scale) skip the per-page Markdown pipeline: MkDocs builds
one hidden *shell* page at the same folder depth, and each record's HTML fragment replaces the
shell's placeholder title and body.
"""
from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from markupsafe import escape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException

from generator import paths
from generator.errors import BuildFailed
from generator.render.jinja import Page
from generator.model.sitemap import index_html

SHELL_URL = "records/shell/"
TITLE_MARK = "HSPSHELLTITLE"
BODY_MARK = "<p>HSPSHELLBODY</p>"
SHELL_MD = f"""---
title: {TITLE_MARK}
search:
  exclude: true
hide:
  - toc
---
HSPSHELLBODY
"""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def write_docs(pages: Iterable[Page], docs: Path) -> list[Page]:
    """Copy hand-written docs, write Markdown pages; return the shell pages for later."""
    shutil.copytree(paths.DOCS, docs)
    shells = []
    for page in pages:
        if page.kind == "shell":
            shells.append(page)
            continue
        target = docs / page.url / "index.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.body, encoding="utf-8")
    for url in {SHELL_URL} | {shell_url(page.url) for page in shells}:
        (docs / url).mkdir(parents=True, exist_ok=True)
        (docs / url / "index.md").write_text(SHELL_MD, encoding="utf-8")
    return shells


def shell_url(url: str) -> str:
    """The hidden shell page at the same folder depth as ``url``, so its relative links fit."""
    return "records/" + "shell/" * max(url.count("/") - 1, 1)


def run_mkdocs(docs: Path, site: Path) -> None:
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(paths.MKDOCS_YML), docs_dir=str(docs), site_dir=str(site), strict=True)
        _use_programme_terms(config)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, MkDocsException) as exc:
        detail = "\n".join(handler.messages) or str(exc)
        raise BuildFailed(f"MkDocs 构建失败（严格模式下任何警告都视为失败）：\n{detail}") from exc
    finally:
        logger.removeHandler(handler)


def _use_programme_terms(config: MkDocsConfig) -> None:
    """Site search splits Chinese text into words with jieba; teach it the programme's terms (技能大师工作室,
    师生比 …) so that each is one searchable word. The search plugin's ``jieba_dict_user`` option would
    take a path relative to the working directory, and jieba opens that path without closing it (a
    ResourceWarning); so the dictionary is handed to jieba here, as a file that is closed again."""
    if config.plugins.get("material/search") is None:
        return
    import jieba

    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter is not a build message

    with paths.JIEBA_USERDICT.open("rb") as terms:
        jieba.load_userdict(terms)


def pour(shells: list[Page], site: Path) -> None:
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
            head, tail = _compact(_drop_generated_h1(head)), _compact(tail)
            parts[url] = ([p.encode() for p in head.split(TITLE_MARK)], [p.encode() for p in tail.split(TITLE_MARK)])
        head_parts, tail_parts = parts[url]
        title = str(escape(page.title)).encode()
        html = title.join(head_parts) + page.body.encode() + title.join(tail_parts)
        target = site / index_html(page.url)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html)
    shutil.rmtree(site / "records")
    _drop_from_sitemap(site)


def _compact(html: str) -> str:
    """Drop the theme's indentation from the shell (a quarter of a record page's bytes). Safe because
    the shell holds no whitespace-sensitive element; the record fragment itself is left untouched."""
    if re.search(r"<(pre|textarea)\b", html):
        return html
    return re.sub(r"\n[ \t]+", "\n", html)


def _drop_generated_h1(head: str) -> str:
    """Material adds <h1>{title}</h1> when content has none; record fragments bring their own."""
    return head.replace(f"<h1>{TITLE_MARK}</h1>", "")


def _drop_from_sitemap(site: Path) -> None:
    for name in ("sitemap.xml",):
        path = site / name
        if path.exists():
            text = path.read_text(encoding="utf-8")
            while (start := text.find(SHELL_URL)) != -1:
                a = text.rfind("<url>", 0, start)
                b = text.find("</url>", start) + len("</url>")
                text = text[:a] + text[b:]
            path.write_text(text, encoding="utf-8")
        gz = site / (name + ".gz")
        if gz.exists():
            gz.unlink()
