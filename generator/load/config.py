"""Read the site's settings: ``site.toml`` (the file the README names; every key optional) over the
name and description in ``mkdocs.yml``, then what the command line says (``build --site-url``).
This module is the one parser of both files outside MkDocs itself."""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import yaml

from generator import paths
from generator.errors import UsageError
from generator.model.config import SiteConfig

SITE_TOML = paths.REPO / "site.toml"
KEYS = {f.name for f in fields(SiteConfig)}


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its ``!!python/…`` and ``!ENV`` tags."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_settings(config: Path = paths.MKDOCS_YML) -> dict[str, Any]:
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader)
    return data if isinstance(data, dict) else {}


def with_slash(url: str) -> str:
    url = url.strip()
    return url if not url or url.endswith("/") else url + "/"


def check_site_url(url: str, where: str) -> str:
    """A public address must be absolute http(s); it may have a path (a 专栏 inside a larger site), but no
    query, fragment or user name, which every address built on it would carry in the wrong place. A
    Chinese host or path is written as ASCII (IDNA, percent-encoding), as sitemaps require."""
    given, url = url.strip(), with_slash(url)
    if not url:
        return url
    if any(c in url for c in " \"'<>"):
        raise UsageError(f"{where}的网站地址「{given}」含有空格或引号：请检查。")
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError:
        host = port = None
        parts = urlsplit("")
    if parts.scheme not in ("https", "http") or not host:
        raise UsageError(
            f"{where}的网站地址「{given}」无效：应以 https:// 或 http:// 开头，接着是域名（可带端口和路径），"
            "如 https://www.example.gov.cn/zt/gjgjn/。"
        )
    if parts.query or parts.fragment or "?" in url or "#" in url or parts.username is not None:
        raise UsageError(
            f"{where}的网站地址「{given}」带有问号、井号或用户名：网站地址只能是协议、域名和路径，"
            "如 https://www.example.gov.cn/zt/gjgjn/。请去掉 ? 或 # 之后的部分和 @ 之前的用户名。"
        )
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise UsageError(f"{where}的网站地址「{given}」中的域名「{host}」无效：请检查。") from exc
    netloc = (f"[{ascii_host}]" if ":" in ascii_host else ascii_host) + (f":{port}" if port is not None else "")
    return f"{parts.scheme}://{netloc}{quote(parts.path, safe='/%:@!$&()*+,;=~-._')}"


def check_feedback(values: dict[str, str], where: str) -> None:
    """Where readers' reports go must be an address a mail program or a browser can open: one e-mail
    address, and an absolute http(s) URL (a 留言 form may carry a query)."""
    email = values.get("feedback_email", "").strip()
    if email and not re.fullmatch(r"[^@\s<>\"',;:()\[\]]+@[^@\s<>\"',;:()\[\]]+\.[^@\s<>\"',;:()\[\]]+", email):
        raise UsageError(
            f"{where}的 feedback_email「{email}」不像一个电子邮箱地址：应只有一个地址，如 jiucuo@example.gov.cn"
            "（不带姓名、空格、引号或多个地址）。"
        )
    url = values.get("feedback_url", "").strip()
    if url:
        try:
            parts = urlsplit(url)
            host = parts.hostname
        except ValueError:
            host, parts = None, urlsplit("")
        if parts.scheme not in ("https", "http") or not host or any(c in url for c in " \"'<>"):
            raise UsageError(
                f"{where}的 feedback_url「{url}」无效：应是以 https:// 或 http:// 开头的完整网址，不含空格和引号，"
                "如 https://www.example.gov.cn/liuyan/。"
            )


def _where(message: str) -> str:
    """Where tomllib's (English) message says the error is, in Chinese."""
    found = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if found:
        return f"第 {found[1]} 行第 {found[2]} 列附近"
    return "文件末尾" if "end of document" in message else ""


def read_toml(path: Path) -> dict[str, str]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path} 不是有效的 TOML：{_where(str(exc))}有语法错误。请检查引号和等号。") from exc
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise UsageError(f"{path} 中有无法识别的设置：{'、'.join(unknown)}。可用的设置：{'、'.join(sorted(KEYS))}。")
    bad = sorted(k for k, v in data.items() if not isinstance(v, str))
    if bad:
        raise UsageError(f"{path} 中的设置 {'、'.join(bad)} 应为用引号括起的文本。")
    return {k: str(v) for k, v in data.items()}


def load_config(
    mkdocs_yml: Path = paths.MKDOCS_YML, site_toml: Path | None = SITE_TOML, *, site_url: str | None = None
) -> SiteConfig:
    settings = mkdocs_settings(mkdocs_yml)
    config = SiteConfig(
        site_url=with_slash(str(settings.get("site_url") or "")),
        site_name=str(settings.get("site_name") or ""),
        description=str(settings.get("site_description") or ""),
    )
    if site_toml is not None and site_toml.is_file():
        values = {k: v for k, v in read_toml(site_toml).items() if v.strip()}  # "" leaves a setting unset
        if "site_url" in values:
            values["site_url"] = check_site_url(values["site_url"], f"{site_toml.name} ")
        check_feedback(values, f"{site_toml.name} ")
        config = replace(config, **values)
    if site_url is not None:
        config = replace(config, site_url=check_site_url(site_url, "--site-url "))
    return config
