"""Site URLs. Every URL is written root-relative without a leading slash (``studios/S000001/``) and made
relative to the page that links to it, so the site works from any folder and from ``file://``."""
from __future__ import annotations

import posixpath


def relative(target: str, page: str) -> str:
    """Link from the page at URL ``page`` (a folder URL such as ``bases/``) to ``target``."""
    base = posixpath.dirname(page.rstrip("/") + "/x") if page else ""
    rel = posixpath.relpath(target or ".", base or ".")
    if (target == "" or target.endswith("/")) and not rel.endswith("/"):
        rel += "/"
    return rel


def index_html(url: str) -> str:
    """The file a folder URL is served from."""
    return url + "index.html" if url.endswith("/") else url
