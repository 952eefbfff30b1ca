"""Read the site's settings from ``mkdocs.yml``: the one parser of that file outside MkDocs itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator import paths
from generator.model.config import SiteConfig


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its ``!!python/…`` and ``!ENV`` tags."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_settings(config: Path = paths.MKDOCS_YML) -> dict[str, Any]:
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (safe loader)
    return data if isinstance(data, dict) else {}


def with_slash(url: str) -> str:
    url = url.strip()
    return url if not url or url.endswith("/") else url + "/"


def load_config(mkdocs_yml: Path = paths.MKDOCS_YML) -> SiteConfig:
    settings = mkdocs_settings(mkdocs_yml)
    return SiteConfig(
        site_url=with_slash(str(settings.get("site_url") or "")),
        site_name=str(settings.get("site_name") or ""),
        description=str(settings.get("site_description") or ""),
    )
