"""One output page, as the page producers yield it and the site stage writes it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """``url`` is the page's folder URL (``studios/S000001/``). ``kind`` is ``"md"`` for a content page
    that MkDocs builds, ``"shell"`` for a record or list page whose HTML is poured into a page shell
    MkDocs built (see :mod:`generator.site.pour`), or ``"fill"`` for a generated passage of a
    hand-written page: ``url`` is then that page's file in ``docs/`` (``about.md``), and ``body``
    replaces its marker ``<!-- hsp:fill TITLE -->``."""

    url: str
    kind: str
    title: str
    body: str
