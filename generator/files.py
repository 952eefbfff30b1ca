"""Writing a file so that a reader sees the old bytes or the new ones, never half: a temporary file
beside the target, flushed to disk, then one rename.

The new file gets the mode of the file it replaces, or the umask's default (0644 under the usual
022) for a new one — never ``mkstemp``'s 0600. A symbolic link is written through: the file it
points at is replaced and the link stays a link.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.errors import HspError


def default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def locked(folder: Path, busy: str) -> Iterator[None]:
    """Hold ``folder``'s lock (``flock`` on the folder itself, so no lock file is left behind). A
    second command that wants it stops at once with the message ``busy`` (exit 1)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise HspError(busy) from None
        yield
    finally:
        os.close(fd)


def temporaries(folder: Path) -> list[Path]:
    """Temporary files an interrupted :func:`write_atomically` left in ``folder``. Only call it while
    holding the folder's lock: then no running command owns them."""
    return sorted(p for p in folder.glob(".*.tmp") if p.is_file() and not p.is_symlink())


def write_atomically(target: Path, data: bytes, *, check: Callable[[], None] | None = None) -> None:
    """Replace ``target`` with ``data``. ``check`` runs just before the rename and may raise to stop
    it (the target is then left as it was)."""
    real = target.resolve() if target.is_symlink() else target
    mode = real.stat().st_mode & 0o7777 if real.exists() else default_mode()
    fd, tmp = tempfile.mkstemp(prefix=f".{real.name}-", suffix=".tmp", dir=real.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        if check is not None:
            check()
        os.replace(tmp, real)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
