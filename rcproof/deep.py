"""Run a command on a thread with a large stack, so that deeply nested input (a
10,000-term sum, 1,000 nested parentheses) is handled by the recursive stages instead
of crashing them; what still overflows becomes a located error or an `unknown`."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
STACK_BYTES = 512 * 1024 * 1024
RECURSION_LIMIT = 200_000
STOP_SECONDS = 5.0  # how long Ctrl-C waits for the command thread to stop


def run_deep(fn: Callable[[], T]) -> T:
    """Call fn() on a big-stack thread; its result, exception or SystemExit passes through.

    Ctrl-C (KeyboardInterrupt, which only the main thread receives) stops the command
    thread at its next budget charge (`budget.interrupt`), waits up to STOP_SECONDS for
    it, and is raised again; a thread that does not stop in time is a daemon and does
    not keep the interpreter alive."""
    from rcproof import budget
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:
            box["error"] = exc

    old_limit = sys.getrecursionlimit()
    old_size = threading.stack_size()
    try:
        threading.stack_size(STACK_BYTES)
        sys.setrecursionlimit(RECURSION_LIMIT)
        worker = threading.Thread(target=target, name="rcproof", daemon=True)
        budget.interrupt(False)
        worker.start()
        try:
            worker.join()
        except KeyboardInterrupt:
            budget.interrupt()
            worker.join(STOP_SECONDS)
            raise
    finally:
        threading.stack_size(old_size)
        sys.setrecursionlimit(old_limit)
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]
