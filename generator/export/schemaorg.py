"""The schema.org ``Dataset`` description embedded in each dataset page (and in the changes page, for the
changelog) as JSON-LD, with the fields
Google Dataset Search documents: name, description, license, creator, distribution (contentUrl,
encodingFormat), temporalCoverage, spatialCoverage, identifier and url.

The dataset's ``@id`` is the dataset's IRI in ``catalog.jsonld`` (its page) and its ``identifier``
the catalogue's ``dct:identifier``, so the two descriptions name one dataset. The context is inline
(``@vocab`` plus the URL-valued terms), so the block parses offline; URLs are relative to the page
unless the site's address is known (see :func:`generator.model.sitemap.link`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from generator.model import sitemap
from generator.model.history import CHANGELOG_DESCRIPTION, CHANGELOG_ID, CHANGELOG_TITLE
from generator.model.publication import Download, PackageFiles, title_en
from generator.model.register import Package
from generator.model.schema import fields_of

CONTEXT = {
    "@vocab": "https://schema.org/",
    "url": {"@type": "@id"},
    "contentUrl": {"@type": "@id"},
    "license": {"@type": "@id"},
    "sameAs": {"@type": "@id"},
}

SPATIAL = {
    "@type": "Place",
    "name": "中华人民共和国",
    "sameAs": "http://publications.europa.eu/resource/authority/country/CHN",
}


def download(f: Download, at: Callable[[str], str]) -> dict[str, Any]:
    return {
        "@type": "DataDownload",
        "name": f.name,
        "description": f.format.label,
        "encodingFormat": f.format.media_type,
        "contentUrl": at(f.url),
        "contentSize": f"{f.size} B",
        "sha256": f.sha256,
        "dateModified": f.changed,
    }


def dataset_jsonld(pf: PackageFiles, *, page_url: str, base: str, site_name: str, first_release: str) -> dict[str, Any]:
    d = pf.package.descriptor

    def at(target: str) -> str:
        return sitemap.link(target, page_url, base)

    publisher = {"@type": "Organization", "name": pf.package.publisher, "url": at(sitemap.PUBLISHER)}
    title = str(d.get("title", pf.name))
    out: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Dataset",
        "@id": at(pf.url),
        "name": title,
        "alternateName": [title_en(pf.name, title), str(d.get("name", pf.name))],
        "description": str(d.get("description", "")),
        "url": at(pf.url),
        "identifier": str(d.get("name", pf.name)),
        "version": str(d.get("version", "")),
        "keywords": pf.package.keywords,
        "license": pf.package.licence,
        "isAccessibleForFree": True,
        "inLanguage": "zh-CN",
        "creator": publisher,
        "publisher": publisher,
        "dateCreated": str(d.get("created", ""))[:10],
        "dateModified": pf.changed,
        "spatialCoverage": SPATIAL,
        "includedInDataCatalog": {"@type": "DataCatalog", "name": site_name, "url": at(sitemap.CATALOG_PAGE)},
        "variableMeasured": list(
            dict.fromkeys(str(f.get("title") or f["name"]) for r in pf.resources for f in fields_of(r.resource.schema))
        ),
        "distribution": [download(f, at) for f in pf.files],
    }
    if first_release:
        out["datePublished"] = first_release
    if pf.coverage[0]:
        out["temporalCoverage"] = f"{pf.coverage[0]}/{pf.coverage[1]}"
    return out


def changelog_jsonld(
    files: Sequence[Download], package: Package, *, base: str, site_name: str, first_release: str, modified: str
) -> dict[str, Any]:
    """The changelog (``changes.csv`` and its Excel variant) as the changes page describes it; its
    ``@id`` is the catalogue's changelog dataset and its ``identifier`` the same ``hsp-changes``."""
    page_url = sitemap.CHANGES_PAGE

    def at(target: str) -> str:
        return sitemap.link(target, page_url, base)

    publisher = {"@type": "Organization", "name": package.publisher, "url": at(sitemap.PUBLISHER)}
    out: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Dataset",
        "@id": at(sitemap.CHANGES_DATASET),
        "name": CHANGELOG_TITLE,
        "alternateName": ["Change log of the National High-Skilled Talent Revitalisation Plan data", CHANGELOG_ID],
        "description": CHANGELOG_DESCRIPTION,
        "url": at(page_url),
        "identifier": CHANGELOG_ID,
        "keywords": ["更新记录", "变更清单"],
        "license": package.licence,
        "isAccessibleForFree": True,
        "inLanguage": "zh-CN",
        "creator": publisher,
        "publisher": publisher,
        "dateModified": modified,
        "temporalCoverage": f"{first_release or modified}/{modified}",
        "spatialCoverage": SPATIAL,
        "includedInDataCatalog": {"@type": "DataCatalog", "name": site_name, "url": at(sitemap.CATALOG_PAGE)},
        "distribution": [download(f, at) for f in files if f.kind != "schema"],
    }
    if first_release:
        out["datePublished"] = first_release
    return out
