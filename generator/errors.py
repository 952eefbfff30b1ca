"""Failures (not data problems): a small tree on click.ClickException with exit codes."""

from __future__ import annotations

import errno

import click


class HspError(click.ClickException):
    exit_code = 1


class DataInvalid(HspError):
    """The data has errors (or warnings under --strict); problems were already printed."""

    def __init__(self, count: int, *, what: str = "未生成网站；原有网站保持不变") -> None:
        super().__init__(f"数据校验未通过（{count} 个问题），{what}。")


class BuildFailed(HspError):
    """The site could not be built for a reason other than the data."""


class UsageError(click.UsageError):
    exit_code = 2


REASONS = {
    errno.EROFS: ("文件系统是只读的", "请换一个可写的位置（--out、--datasets），或以读写方式重新挂载。"),
    errno.ENOSPC: ("磁盘空间不足", "请清理磁盘空间后重试。"),
    errno.EDQUOT: ("超出磁盘配额", "请清理磁盘空间后重试。"),
    errno.EACCES: ("没有权限", "请检查该路径的读写权限，或换一个目录。"),
    errno.EPERM: ("操作不被允许", "请检查该路径的权限，或换一个目录。"),
    errno.EBUSY: ("文件或目录正被占用", "请关闭正在使用它的程序后重试。"),
    errno.ENOTEMPTY: ("目录不为空", "可能另一个命令同时在写入：请等它结束后重试。"),
    errno.EEXIST: ("目标已存在", "可能另一个命令同时在写入：请等它结束后重试。"),
    errno.ENOENT: ("找不到文件或目录", "请检查路径是否正确。"),
    errno.EISDIR: ("这是一个目录", "请指定一个文件。"),
    errno.ENOTDIR: ("路径中有一段不是目录", "请检查路径是否正确。"),
}


class SystemFault(HspError):
    """An operating-system error (read-only disk, no space, no permission …), said in Chinese."""

    def __init__(self, exc: OSError) -> None:
        reason, fix = REASONS.get(exc.errno or 0, (exc.strerror or str(exc), "请检查该路径后重试。"))
        where = exc.filename if exc.filename is not None else "（未知路径）"
        super().__init__(f"无法读写 {where}：{reason}。{fix}已写入的临时文件已删除，原有的数据和网站保持不变。")
