"""Site URLs. Every URL is written root-relative without a leading slash (``studios/S000001/``) and made
relative to the page that links to it, so the site works from any folder and from ``file://``."""
from __future__ import annotations

import posixpath


def relative(target: str, page: str) -> str:
    """Link from the page at URL ``page`` (a folder URL such as ``bases/``) to ``target``."""
    base = posixpath.dirname(page.rstrip("/") + "/x") if page else ""
    rel = _relpath(target or ".", base or ".")
    if (target == "" or target.endswith("/")) and not rel.endswith("/"):
        rel += "/"
    return rel


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for two relative paths, without its two ``abspath`` calls (each asks the
    OS for the working directory; a build makes hundreds of thousands of links)."""
    path_parts = [p for p in path.split("/") if p and p != "."]
    start_parts = [p for p in start.split("/") if p and p != "."]
    if path.startswith("/") or start.startswith("/") or ".." in path_parts or ".." in start_parts:
        return posixpath.relpath(path, start)
    common = 0
    for a, b in zip(path_parts, start_parts):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start_parts) - common) + path_parts[common:]
    return "/".join(parts) if parts else "."


def index_html(url: str) -> str:
    """The file a folder URL is served from."""
    return url + "index.html" if url.endswith("/") else url
