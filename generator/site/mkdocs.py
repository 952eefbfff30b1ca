"""Run MkDocs Material on the content pages, with one hidden *shell* page per folder depth for the
record pages that :mod:`generator.site.pour` fills in afterwards."""

from __future__ import annotations

import dataclasses
import logging
import shutil
from collections.abc import Iterable
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException

from generator import paths
from generator.errors import BuildFailed
from generator.model.config import SiteConfig
from generator.model.page import Page

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
        if page.kind == "fill":
            fill(docs / page.url, page.title, page.body)
            continue
        target = docs / page.url / "index.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.body, encoding="utf-8")
    for url in {SHELL_URL} | {shell_url(page.url) for page in shells}:
        (docs / url).mkdir(parents=True, exist_ok=True)
        (docs / url / "index.md").write_text(SHELL_MD, encoding="utf-8")
    return shells


def fill(path: Path, name: str, body: str) -> None:
    """Put ``body`` where the hand-written page ``path`` says ``<!-- hsp:fill name -->``."""
    marker = f"<!-- hsp:fill {name} -->"
    text = path.read_text(encoding="utf-8")
    if text.count(marker) != 1:
        raise BuildFailed(
            f"{path.name} 中应当恰好有一处 {marker}（生成的段落放在那里），实际有 {text.count(marker)} 处。"
        )
    path.write_text(text.replace(marker, body), encoding="utf-8")


def shell_url(url: str) -> str:
    """The hidden shell page at the same folder depth as ``url``, so its relative links fit."""
    return "records/" + "shell/" * max(url.count("/") - 1, 1)


def run_mkdocs(docs: Path, site: Path, settings: SiteConfig | None = None) -> None:
    """Build ``docs`` into ``site``; the site's address and the footer's publisher details come from
    ``settings`` (``site.toml`` and the command line), not from mkdocs.yml."""
    settings = settings or SiteConfig()
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(
            str(paths.MKDOCS_YML),
            docs_dir=str(docs),
            site_dir=str(site),
            strict=True,
            site_url=settings.site_url or None,
        )
        config.extra["hsp"] = dataclasses.asdict(settings)
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
