"""The Jinja2 environment every page is rendered with: autoescape, StrictUndefined, the site map as
the global ``urls`` (and ``rel`` for links relative to the page), and a few filters."""

from __future__ import annotations

import json

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from generator import paths
from generator.model import sitemap


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(paths.TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["lines"] = _lines
    env.filters["yaml_str"] = _yaml_str
    env.filters["json_script"] = _json_script
    env.globals["rel"] = sitemap.relative
    env.globals["urls"] = sitemap
    return env


def _yaml_str(value: object) -> Markup:
    """A YAML string for front matter. MkDocs puts a page title into the HTML unescaped (the theme's
    ``striptags`` even unescapes entities), so markup characters from data become their full-width
    look-alikes instead: a title can never open a tag."""
    text = str(value).replace("<", "＜").replace(">", "＞").replace("&", "＆")
    return Markup(json.dumps(text, ensure_ascii=False))


def _lines(value: str) -> Markup:
    """Escape text and keep its line breaks, without ever producing a blank line (which would end
    a raw HTML block in Markdown)."""
    parts = [escape(line) for line in str(value).splitlines() if line.strip()]
    return Markup("<br>").join(parts)


def _json_script(value: object) -> Markup:
    """JSON safe to embed in <script type="application/json">: no '<', '>' or '&' left raw."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)
