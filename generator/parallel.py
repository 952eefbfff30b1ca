"""Use the second core: run a stage in a forked child process while the parent goes on.

The child inherits everything in memory (nothing is pickled on the way in); its return value comes
back through a pipe. Where ``fork`` is unavailable the stage simply runs inline.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

from generator.errors import BuildFailed, HspError

PR_SET_PDEATHSIG = 1

T = TypeVar("T")


class Pending(Generic[T]):
    def __init__(self, stage: str, work: Callable[[], T]) -> None:
        self.stage = stage
        self.done = False
        self.value: T
        self.inline: Callable[[], T] | None = None
        if "fork" not in multiprocessing.get_all_start_methods():
            self.inline = work
            return
        context = multiprocessing.get_context("fork")
        self.receive, send = context.Pipe(duplex=False)
        self.process = context.Process(target=_child, args=(work, send, os.getpid()), daemon=True)
        self.process.start()
        send.close()

    def result(self) -> T:
        """The stage's return value; waits for it the first time, then returns the same value."""
        if not self.done:
            self.value = self._wait()
            self.done = True
        return self.value

    def _wait(self) -> T:
        if self.inline is not None:
            return self.inline()
        try:
            status, payload = self.receive.recv()
        except EOFError:
            status, payload = "error", "子进程意外退出"
        self.process.join()
        if status == "raised":
            raise payload  # an OSError or HspError from the child, reported at the command's boundary
        if status != "ok":
            raise BuildFailed(f"{self.stage}失败：{payload}")
        return payload  # type: ignore[no-any-return]


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel kills this child when its parent dies (a killed build leaves no process)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _child(work: Callable[[], object], send: Connection, parent: int) -> None:
    _die_with_parent(parent)
    try:
        message: tuple[str, object] = ("ok", work())
    except (OSError, HspError) as exc:
        message = ("raised", exc)
    except BaseException as exc:  # reported to the parent, which raises BuildFailed
        message = ("error", f"{exc}\n{traceback.format_exc(limit=5)}")
    send.send(message)
    send.close()
