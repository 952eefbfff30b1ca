"""The open-data overview (``data/``), a catalogue of every package and its stable URLs
(``catalog/``) and the static API's documentation (``data/api/``). Each package's own page comes from
:mod:`generator.render.pages.datasets`."""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment

from generator.model import sitemap
from generator.model.page import Page
from generator.model.publication import Publication, human_size
from generator.model.site import SiteModel

LOCAL = "http://localhost:8000/"  # where the examples look when the site has no fixed address


def pages(site: SiteModel, env: Environment) -> Iterator[Page]:
    pub = site.published
    common = {"site": site, "pub": pub, "human_size": human_size}
    yield Page(
        sitemap.DATA, "md", "开放数据", env.get_template("pages/data.md.j2").render(page_url=sitemap.DATA, **common)
    )
    yield Page(
        sitemap.CATALOG_PAGE,
        "md",
        "数据目录",
        env.get_template("pages/catalog.md.j2").render(page_url=sitemap.CATALOG_PAGE, **common),
    )
    kind, rid = example(site)
    yield Page(
        sitemap.API_PAGE,
        "md",
        "记录接口（API）",
        env.get_template("pages/data_api.md.j2").render(
            page_url=sitemap.API_PAGE,
            kinds=[f.resource for f in pub.api if f.url == sitemap.api_index(f.resource)],  # the per-kind indexes
            example=sitemap.twin(sitemap.record(sitemap.BY_SECTION[kind].code, rid)) if rid else "",
            **api_examples(pub, kind, rid),
            **common,
        ),
    )


def example(site: SiteModel) -> tuple[str, str]:
    """The record the examples read: the first studio (or base)."""
    for record in (*site.register.studios, *site.register.bases):
        return record.section, record.id
    return sitemap.STUDIO.section, ""


def api_examples(pub: Publication, kind: str, rid: str) -> dict[str, str]:
    """The curl, Python and JavaScript examples, exactly as printed (tests/test_opendata.py runs them)."""
    site = pub.base or LOCAL
    twin = sitemap.twin(sitemap.record(sitemap.BY_SECTION[kind].code, rid))
    curl = (
        "\n".join(
            [
                f'SITE="{site}"',
                'curl -s "${SITE}api/index.json" | head -c 300',
                f'curl -s "${{SITE}}{twin}"',
            ]
        )
        + "\n"
    )
    python = (
        "\n".join(
            [
                "import json",
                "import os",
                "from urllib.parse import urljoin",
                "from urllib.request import urlopen",
                "",
                f'SITE = os.environ.get("HSP_SITE", "{site}")',
                *(
                    [f'PUBLISHED = "{site}"  # 索引和文档中的网址以此开头；HSP_SITE 指向副本时改读副本']
                    if pub.base
                    else []
                ),
                "",
                "",
                "def get(url):",
                *(["    url = url.removeprefix(PUBLISHED)"] if pub.base else []),
                "    with urlopen(urljoin(SITE, url)) as response:",
                "        return response.read()",
                "",
                "",
                'index = json.loads(get("api/index.json"))',
                f'entry = index["records"]["{kind}"]["{rid}"]',
                'record = json.loads(get(entry["json"]))',
                'print(record["id"], record["data"]["name"], record["changed"])',
                'excerpt = record["links"].get("source_excerpt")',
                "if excerpt:",
                '    print(get(excerpt).decode("utf-8")[:200])',
            ]
        )
        + "\n"
    )
    js = (
        "\n".join(
            [
                f'const SITE = globalThis.process?.env.HSP_SITE ?? "{site}";',
                *(
                    [
                        f'const PUBLISHED = "{site}"; // 索引和文档中的网址以此开头；HSP_SITE 指向副本时改读副本',
                        "const local = (url) => (url.startsWith(PUBLISHED) ? url.slice(PUBLISHED.length) : url);",
                        "const get = async (url) => (await fetch(new URL(local(url), SITE))).json();",
                    ]
                    if pub.base
                    else ["const get = async (url) => (await fetch(new URL(url, SITE))).json();"]
                ),
                "",
                'const index = await get("api/index.json");',
                f'const entry = index.records["{kind}"]["{rid}"];',
                "const record = await get(entry.json);",
                "console.log(record.id, record.data.name, record.links.page);",
            ]
        )
        + "\n"
    )
    return {"curl": curl, "python": python, "js": js}
