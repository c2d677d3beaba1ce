"""Independent work spread over the machine's cores, in processes forked from this one.

A build's big steps are pure functions: checking each place file, and rendering and writing each
group of pages, depend on nothing but their input. A forked process starts with everything this one
has made (the vocabularies, the site model, Jinja's compiled templates) without copying it, so only
the task's number goes out and only its result comes back. On 2 cores this takes about a third off
our own steps (BENCHMARKS.md).

Forking is safe only in a process with no other thread: a thread holding a lock at the moment of
the fork leaves it held for ever in the child. So where there is another thread (a test runner's,
a server's), or the system is not Linux, or there is one core, or ``GENERATOR_WORKERS=1``, the work
is done here, in order. Either way the results are the same, in the same order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

MAX_WORKERS = 4
"""More processes than this gain little for a few thousand places, and each costs a fork."""

_task: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def worker_count() -> int:
    """How many processes to spread work over: ``GENERATOR_WORKERS`` if set, else one per core this
    process may use (at most :data:`MAX_WORKERS`); 1 where forking is not safe: beside another
    thread, or off Linux (macOS's own libraries are not safe to use after a fork)."""
    if threading.active_count() > 1 or not sys.platform.startswith("linux"):
        return 1
    wanted = os.environ.get("GENERATOR_WORKERS", "").strip()
    if wanted.isascii() and wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return max(1, min(len(os.sched_getaffinity(0)), MAX_WORKERS))


def parallel_map(function: Callable[[Any], T], items: Sequence[Any]) -> list[T]:
    """``[function(item) for item in items]``, in several forked processes where that is safe.

    ``function`` and ``items`` are never pickled (the children have them from the fork); each
    result is, so it must be picklable. An exception in a child is raised here."""
    count = min(worker_count(), len(items))
    if count < 2:
        return [function(item) for item in items]
    global _task
    _task = (function, items)
    gc.freeze()  # the children share this process's objects; collecting them would copy every page
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            return pool.map(_run, range(len(items)), chunksize=1)
    finally:
        _task = None
        gc.unfreeze()


def _run(index: int) -> Any:
    assert _task is not None
    function, items = _task
    return function(items[index])
