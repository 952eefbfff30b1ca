"""The site's own settings: its public address and its name, read once by :mod:`generator.load.config`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteConfig:
    site_url: str = ""  # the public address, ending in "/"; "" while it is not known (local preview)
    site_name: str = ""
    description: str = ""
