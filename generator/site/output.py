"""The output folder: what ``build --out`` may replace, one build at a time, and an atomic swap.

* ``--out`` is replaced only when it is absent, empty, or a site this tool built (it holds the marker
  file :data:`MARKER`); anything else is refused before any work starts, so a typo such as
  ``--out .`` or ``--out datasets`` deletes nothing.
* One build per output folder at a time: ``flock`` on the folder that holds it.
* Leftovers of an interrupted build (``.<name>-build-*``, ``.<name>-old-*`` beside it) are named and
  removed by the next build, which holds the lock, so they belong to no running build.
* The new site replaces the old one in a single ``renameat2(RENAME_EXCHANGE)`` where the system has
  it, so there is never a moment without a complete site; elsewhere in two renames.
* Files and folders are created as the umask says (0644 / 0755 under the usual 022).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from generator import files
from generator.errors import UsageError

MARKER = ".hsp-site"
MARKER_TEXT = "本目录由 python -m generator build 生成，可被下一次构建整体替换。\n"
RENAME_EXCHANGE = 2
AT_FDCWD = -100

Say = Callable[[str], None]


def check_out(out: Path) -> None:
    """Raise :class:`UsageError` (exit 2) unless ``out`` may be replaced by a new site."""
    if out.is_symlink():
        target = os.readlink(out)
        hint = f"如 --out {out.resolve()}" if out.resolve().is_dir() else "或先修好这个链接"
        raise UsageError(
            f"输出位置 {out} 是符号链接（指向 {target}）：构建会把链接本身换成新目录，而不会写入它指向的目录，"
            f"所以未生成网站，什么也没有改动。请用 --out 直接指定目录（{hint}）。"
        )
    if out.exists() and not out.is_dir():
        raise UsageError(f"输出位置 {out} 已存在，但不是目录：为避免覆盖它，未生成网站。请用 --out 指定一个目录。")
    if not out.exists():
        if not out.parent.exists():
            raise UsageError(f"输出目录的上级目录 {out.parent} 不存在：请先创建它，或换一个 --out。")
        return
    if (out / MARKER).is_file() or not any(out.iterdir()):
        return
    raise UsageError(
        f"输出目录 {out} 不为空，也不是本工具生成的网站（其中没有 {MARKER} 标记文件）：为避免删除其中的文件，"
        "未生成网站，什么也没有改动。请用 --out 指定一个空目录、一个不存在的目录，或以前生成的网站目录。"
    )


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def locked(out: Path) -> contextlib.AbstractContextManager[None]:
    """Hold the lock of the folder that holds ``out`` for one build; a second build stops."""
    return files.locked(
        out.parent, f"另一个构建正在 {out.parent} 中写入网站：请等它结束后再运行，以免两次构建互相覆盖。"
    )


def leftovers(out: Path) -> list[Path]:
    """Staging and old-site folders that an interrupted build left beside ``out``."""
    parent = out.parent
    return sorted(
        p
        for pattern in (f".{out.name}-build-*", f".{out.name}-old-*")
        for p in parent.glob(pattern)
        if p.is_dir() and not p.is_symlink()
    )


def remove_leftovers(out: Path, say: Say) -> None:
    for path in leftovers(out):
        say(f"[0/5] 清理上次中断的构建留下的临时目录：{path}")
        shutil.rmtree(path, ignore_errors=True)


def staging_folder(out: Path, stamp: str) -> Path:
    path = out.parent / f".{out.name}-build-{os.getpid()}-{stamp}"
    path.mkdir(mode=0o777 & ~umask())
    return path


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2``); False when the system cannot."""
    name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(name, use_errno=True) if name else None
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap(new: Path, out: Path, old: Path) -> None:
    """Put ``new`` at ``out``; the previous site, if any, ends up at ``old`` (to be removed)."""
    if not out.exists():
        new.rename(out)
        return
    if _exchange(new, out):
        new.rename(old)
        return
    out.rename(old)
    new.rename(out)


def remove_in_background(path: Path) -> None:
    """Delete an old site without holding the command: a detached ``rm -rf`` (double fork, so it is
    nobody's child to wait for). The next build removes whatever it leaves if it is cut short."""
    if not path.exists():
        return
    if not hasattr(os, "fork"):
        shutil.rmtree(path, ignore_errors=True)
        return
    child = os.fork()
    if child == 0:  # the child starts the remover in a session of its own and leaves at once
        try:
            os.setsid()
            if os.fork() == 0:
                devnull = os.open(os.devnull, os.O_RDWR)
                for fd in (0, 1, 2):
                    os.dup2(devnull, fd)
                os.execvp("rm", ["rm", "-rf", "--", str(path)])
        finally:
            os._exit(0)
    os.waitpid(child, 0)
