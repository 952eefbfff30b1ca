"""The content half of the header search's data, made once MkDocs has written its own index."""

from __future__ import annotations

import json
from pathlib import Path

from generator.export.search_index import pages_file
from generator.load.config import mkdocs_settings
from generator.model import sitemap
from generator.model.publication import Download


def content_search_file(site: Path) -> Download:
    """``search/pages.js`` from ``search/search_index.json`` in the built ``site`` and the nav labels."""
    index_path = site / sitemap.MKDOCS_SEARCH_INDEX
    index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.exists() else {}
    return pages_file(index, mkdocs_settings().get("nav") or [])
