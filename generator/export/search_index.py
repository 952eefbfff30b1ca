"""The header search's own data: announcements and list pages (``search/data.js``), and the sections
of the content pages (``search/pages.js``).

The search box in every page's header (``overrides/partials/search.html``, run by
``docs/assets/javascripts/search.js`` with the matching in ``search-core.js``) searches four kinds of
thing: bases and studios (the finder's ``find/data.js``, :mod:`generator.export.finder`), and what
this module prepares. Content sections come from the index that MkDocs Material's search plugin
writes (``search/search_index.json``: one entry per heading, with its anchor), so whatever MkDocs
builds is searchable with no second Markdown pass; that index exists only once MkDocs has run, so
the site stage hands it to :func:`pages_file`. Every file is a script that assigns one global, loaded
by a ``<script>`` tag when the search box is first used, so search works from ``file://`` too.

``window.HSP_SEARCH`` (from the model, prepared with the other downloads)::

    {"v": 1,
     "announcements": [[id, title, issuer, doc_number, date, level_label, province_code], …],
     "lists": [[url, title, kind, province_code, level_code, count], …],   # all, per province, per level
     "t2s": [traditional chars, simplified chars]}    # for the text above (records bring their own)

``window.HSP_SEARCH_PAGES`` (from MkDocs' index)::

    {"v": 1, "pages": [[url, section_title, page_title or nav label, text], …], "t2s": […]}

Province and level words are matched with the finder's tables (``provinces`` holds full names too).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from typing import Any

from generator.export.finder import t2s_map
from generator.model import sitemap
from generator.model.publication import Download
from generator.model.site import SiteModel

GLOBAL = "HSP_SEARCH"
PAGES_GLOBAL = "HSP_SEARCH_PAGES"
SKIPPED = (sitemap.FIND,)  # a page that is itself a search form: its own text would only add noise
TEXT_LIMIT = 4000  # characters kept per section; longer sections are tables of downloads
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def search_data(site: SiteModel) -> dict[str, Any]:
    levels = site.register.levels
    announcements = [
        [
            a.id,
            a.title,
            a.issuing_body.replace(";", "、"),
            a.doc_number,
            a.date,
            levels[a.level].label if a.level in levels else "",
            a.province_code,
        ]
        for a in site.announcements_newest_first
    ]
    text = "".join("".join(a[1:4]) for a in announcements)
    return {"v": 1, "announcements": announcements, "lists": _lists(site), "t2s": list(t2s_map(text))}


def _lists(site: SiteModel) -> list[list[Any]]:
    out: list[list[Any]] = []
    for kind in sitemap.RECORD_KINDS:
        rows = [r for r in site.register.records if r.kind == kind.code]
        out.append([sitemap.section(kind.code), f"全部{kind.label}", kind.code, "", "", len(rows)])
        for code, n in sorted(Counter(r.province_code for r in rows if r.province_code).items()):
            out.append(
                [sitemap.province_list(kind.code, code), f"{site.province(code)}的{kind.label}", kind.code, code, "", n]
            )
        levels = Counter(r.level for r in rows)
        for level in sorted(site.register.levels.values(), key=lambda lv: lv.rank):
            if levels[level.code]:
                out.append(
                    [
                        sitemap.level_list(kind.code, level.code),
                        f"{level.label}{kind.label}",
                        kind.code,
                        "",
                        level.code,
                        levels[level.code],
                    ]
                )
    return out


def pages_data(mkdocs_index: dict[str, Any], nav: list[Any]) -> dict[str, Any]:
    """One row per section of a content page: its URL (with anchor), heading, page title (for a
    section) or navigation label (for the page itself, when it differs from its title) and text."""
    labels = nav_labels(nav)
    docs = mkdocs_index.get("docs", [])
    titles = {d["location"]: _plain(d["title"]) for d in docs if "#" not in d["location"]}
    pages = []
    for doc in docs:
        url = doc["location"]
        page = url.split("#", 1)[0]
        if page in SKIPPED:
            continue
        title, text = _plain(doc["title"]), _plain(doc["text"])[:TEXT_LIMIT]
        if not text and "#" in url:
            continue  # a heading with nothing under it before the next heading
        label = labels.get(page, "")
        pages.append([url, title, titles.get(page, "") if "#" in url else (label if label != title else ""), text])
    text = "".join(p[1] + p[2] + p[3] for p in pages)
    return {"v": 1, "pages": pages, "t2s": list(t2s_map(text))}


def nav_labels(nav: list[Any]) -> dict[str, str]:
    """Page URL → its label in the navigation (``mkdocs.yml`` nav), which may differ from its title:
    the plan's page is titled by the notice, but a reader knows it as 实施方案原文."""
    out: dict[str, str] = {}
    for item in nav:
        if isinstance(item, dict):
            for label, target in item.items():
                if isinstance(target, str):
                    out[_url_of(target)] = str(label)
                elif isinstance(target, list):
                    out.update({k: v for k, v in nav_labels(target).items() if k not in out})
    return out


def _url_of(source: str) -> str:
    """``policies/index.md`` → ``policies/``; ``about.md`` → ``about/``; ``index.md`` → ``""``."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
    return stem if not stem or stem.endswith("/") else stem + "/"


def _plain(value: str) -> str:
    """Text of an index entry: Material joins jieba's words with U+200B and keeps some HTML."""
    text = html.unescape(_TAG.sub(" ", value.replace("\u200b", "")))
    return _SPACE.sub(" ", text.replace("¶", "")).strip()


def script(name: str, data: dict[str, Any]) -> bytes:
    """A data script: JSON is valid JavaScript; ``</`` is escaped anyway, should it ever be inlined."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.{name}={text};\n".encode()


def search_file(site: SiteModel) -> Download:
    return Download(sitemap.SEARCH_DATA, script(GLOBAL, search_data(site)), "script")


def pages_file(mkdocs_index: dict[str, Any], nav: list[Any]) -> Download:
    return Download(sitemap.SEARCH_PAGES, script(PAGES_GLOBAL, pages_data(mkdocs_index, nav)), "script")
