"""Site: turn the rendered pages and the prepared publication into the built site folder.

MkDocs builds the content pages into a staging folder beside ``out``; the record pages are poured
into their shells while the downloads are written on the other core; the sitemap, ``robots.txt`` and
(on request) the offline bundle follow; then the staging folder is swapped in (see
:mod:`generator.site.output`), so that a reader never sees a half-built site, a failed build leaves
the previous one as it was, and nothing the tool did not make is ever deleted.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from generator.errors import BuildFailed
from generator.model import sitemap
from generator.model.config import SiteConfig
from generator.model.page import Page
from generator.model.publication import Download, Publication
from generator.parallel import Pending
from generator.site.mkdocs import run_mkdocs, write_docs
from generator.site.offline import write_offline
from generator.site.output import (
    MARKER,
    MARKER_TEXT,
    check_out,
    locked,
    remove_in_background,
    remove_leftovers,
    staging_folder,
    swap,
)
from generator.site.pour import pour
from generator.site.search import content_search_file
from generator.site.seo import write_seo

Say = Callable[[str], None]
Lap = Callable[[str], None]


def publish(
    pages: list[Page], publication: Publication, out: Path, *, config: SiteConfig, offline: bool, say: Say, lap: Lap
) -> Path:
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)  # the command line has checked it exists; the API may make it
    check_out(out)
    with locked(out):
        remove_leftovers(out, say)
        staging = staging_folder(out, publication.built)
        old = staging.with_name(staging.name.replace("-build-", "-old-", 1))
        try:
            say(f"[4/5] MkDocs 构建（{sum(p.kind == 'md' for p in pages)} 个内容页）…")
            new_site = staging / "site"
            shells = write_docs(pages, staging / "docs")
            run_mkdocs(staging / "docs", new_site, config)
            lap("mkdocs")
            say(f"[5/5] 写入记录页 {len(shells)} 个和下载文件 …")
            files = publication.files + publication.site_files + (content_search_file(new_site),)
            written = Pending("写入下载文件", lambda: write_files(files, new_site))  # on the other core
            pour(shells, new_site, config.site_url)
            lap("pour")
            written.result()
            write_seo(new_site, config.site_url, last_changes(publication), publication.modified)
            (new_site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
            lap("export")
            if offline:
                say("[+] 生成离线包 offline.zip（可从本地文件打开的网站副本）…")
                write_offline(new_site, staging, publication.modified, urlsplit(config.site_url).path or "/")
                lap("offline")
            swap(new_site, out, old)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)  # a failed build cleans up before it reports
            raise
        remove_in_background(old)
        remove_in_background(staging)
    return out


def last_changes(publication: Publication) -> dict[str, str]:
    """The date each record page's data last changed: that of its resource."""
    out: dict[str, str] = {}
    for pf in publication.packages:
        for rf in pf.resources:
            kind = sitemap.BY_SECTION.get(rf.resource.name)
            if kind is None:
                continue
            for row in rf.resource.rows:
                out[sitemap.record(kind.code, row.get("id", ""))] = rf.changed
    return out


def write_files(files: tuple[Download, ...], site: Path) -> None:
    for f in files:
        target = site / f.url
        if target.exists():
            raise BuildFailed(f"下载文件 {f.url} 与网站中已有的文件同名，无法写入：请检查数据包和资源的名称。")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(f.data)
