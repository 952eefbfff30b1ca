"""Site: turn the rendered pages and the prepared publication into the built site folder.

MkDocs builds the content pages into a staging folder beside ``out``; the record pages are poured
into their shells while the downloads are written on the other core; the offline bundle is made
from the result on request; then the staging folder is swapped in, so that a reader never sees a
half-built site and a failed build leaves the previous one as it was.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from generator.errors import BuildFailed
from generator.model.page import Page
from generator.model.publication import Download, Publication
from generator.parallel import Pending
from generator.site.mkdocs import run_mkdocs, write_docs
from generator.site.offline import write_offline
from generator.site.pour import pour

Say = Callable[[str], None]
Lap = Callable[[str], None]


def publish(pages: list[Page], publication: Publication, out: Path, *, offline: bool, say: Say, lap: Lap) -> Path:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-build-", dir=out.parent))
    try:
        say(f"[4/5] MkDocs 构建（{sum(p.kind == 'md' for p in pages)} 个内容页）…")
        new_site = staging / "site"
        shells = write_docs(pages, staging / "docs")
        run_mkdocs(staging / "docs", new_site)
        lap("mkdocs")
        say(f"[5/5] 写入记录页 {len(shells)} 个和下载文件 …")
        files = publication.files + publication.site_files
        written = Pending("写入下载文件", lambda: write_files(files, new_site))  # on the other core
        pour(shells, new_site)
        lap("pour")
        written.result()
        lap("export")
        if offline:
            say("[+] 生成离线包 offline.zip（可从本地文件打开的网站副本）…")
            write_offline(new_site, staging)
            lap("offline")
        swap(new_site, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def write_files(files: tuple[Download, ...], site: Path) -> None:
    for f in files:
        target = site / f.url
        if target.exists():
            raise BuildFailed(f"下载文件 {f.url} 与网站中已有的文件同名，无法写入：请检查数据包和资源的名称。")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(f.data)


def swap(new: Path, out: Path) -> None:
    """Replace ``out`` with ``new`` in two renames, so a reader never sees a half-built site."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-old-{dt.datetime.now():%H%M%S%f}")
        out.rename(old)
    new.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
