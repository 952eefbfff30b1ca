"""Where the site lives. ``site_url`` in mkdocs.yml is optional: when it is set, catalogues and
citations carry absolute URLs; when it is not, they carry relative ones:

* ``catalog.jsonld`` sets ``"@base": "./"``, so its relative IRIs resolve against the catalogue's own
  address, which is the site root (JSON-LD 1.1 §4.1.3: a relative ``@base`` is resolved against the
  document's URL);
* the schema.org JSON-LD in a dataset page uses URLs relative to that page, which JSON-LD in HTML
  resolves against the page's own address.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator import paths
from generator.model.sitemap import relative

RELATIVE_BASE = "./"


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its ``!!python/…`` and ``!ENV`` tags."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_config(config: Path = paths.MKDOCS_YML) -> dict[str, Any]:
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (safe loader)
    return data if isinstance(data, dict) else {}


def site_url(config: Path = paths.MKDOCS_YML) -> str:
    """The site's absolute URL with a trailing slash, or "" when mkdocs.yml does not set one."""
    url = str(site_config(config).get("site_url") or "").strip()
    return url if not url or url.endswith("/") else url + "/"


def link(target: str, page_url: str, base: str) -> str:
    """``target`` (root-relative) as written on the page at ``page_url``: absolute when the site URL
    is known, otherwise relative to the page."""
    return base + target if base else relative(target, page_url)
