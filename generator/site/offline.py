"""The offline bundle (``build --offline``): ``<out>/offline.zip``, a copy of the site that works when
opened from disk (``file://``), e.g. after unzipping on a computer with no network.

The published site uses MkDocs' directory URLs (``studios/S000001/``), which a web server completes
with ``index.html`` but a browser opening files does not. The bundle is the same site with every
relative ``href``/``src``/``action`` that names a folder rewritten to name its ``index.html``
(``../studios/`` → ``../studios/index.html``). The finder and the header search need nothing more:
their data are scripts (``find/data.js``, ``search/data.js``), which a browser loads from ``file://``
where it would refuse a fetch, and their result links add ``index.html`` themselves on ``file://``.

MkDocs writes one page with addresses from the site's root instead (``404.html``: a server shows it
at any depth): ``/assets/…``, or ``/zt/gjgjn/assets/…`` under ``--site-url``. On ``file://`` such an
address names the disk's root, so in the bundle they become relative to the page, like every other.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

from generator.archive import zip_time

ZIP_NAME = "offline.zip"
FOLDER = "hsp-offline"  # the one folder inside the zip: unzipping never scatters files
_ATTRIBUTE = re.compile(r'(\s(?:href|src|action)=")([^"]*)(")')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Material's page settings: "base" is the site's root as this page reaches it (relative, but from the
# site's root on 404.html), "search" a script under it.
_CONFIG_URL = re.compile(r'("(?:base|search)": ")(/[^"]*)(")')


def explicit_index(url: str) -> str:
    """``url`` with ``index.html`` named when it points at a folder; other URLs unchanged."""
    if not url or url.startswith(("#", "/", "?")) or _SCHEME.match(url):
        return url
    cut = min((i for i in (url.find("?"), url.find("#")) if i != -1), default=len(url))
    path, rest = url[:cut], url[cut:]
    if path.endswith("/"):
        path += "index.html"
    elif path in (".", "..") or path.endswith(("/.", "/..")):
        path += "/index.html"
    return path + rest


def from_root(url: str, root: str, up: str) -> str:
    """``url`` relative to a page ``up`` (``../`` per folder) below the site's root, when it is an
    address from that root (``root`` is its path, ``/`` or ``/zt/gjgjn/``); other URLs unchanged."""
    if not url.startswith(root) or url.startswith("//"):
        return url
    return (up + url[len(root) :]) or "./"


def rewrite(html: str, root: str = "/", up: str = "") -> str:
    """The page's links as they work from disk: from the site's root ``root`` made relative (``up``:
    ``../`` per folder of the page), and every folder named by its ``index.html``."""
    html = _CONFIG_URL.sub(lambda m: m.group(1) + (from_root(m.group(2), root, up) or ".") + m.group(3), html)
    return _ATTRIBUTE.sub(lambda m: m.group(1) + explicit_index(from_root(m.group(2), root, up)) + m.group(3), html)


def write_offline(site: Path, work: Path, day: str, root: str = "/") -> Path:
    """Copy ``site`` into ``work``, rewrite its links, and zip it as ``site/offline.zip`` with every
    entry dated ``day`` (the data's last change), so the same data gives the same archive. ``root``:
    the path the site is published under (``/``, or ``/zt/gjgjn/`` for ``--site-url …/zt/gjgjn/``)."""
    copy = work / FOLDER
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns(ZIP_NAME))
    for page in copy.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        up = "../" * (len(page.relative_to(copy).parts) - 1)
        page.write_text(rewrite(text, root, up), encoding="utf-8")
    target = site / ZIP_NAME
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(copy.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(path.relative_to(work).as_posix(), date_time=zip_time(day))
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes(), compresslevel=6)
    shutil.rmtree(copy)
    return target
