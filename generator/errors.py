"""Failures (not data problems): a small tree on click.ClickException with exit codes."""
from __future__ import annotations

import click


class HspError(click.ClickException):
    exit_code = 1


class DataInvalid(HspError):
    """The data has errors (or warnings under --strict); problems were already printed."""

    def __init__(self, count: int) -> None:
        super().__init__(f"数据校验未通过（{count} 个问题），未生成网站；原有网站保持不变。")


class BuildFailed(HspError):
    """The site could not be built for a reason other than the data."""


class UsageError(click.UsageError):
    exit_code = 2
