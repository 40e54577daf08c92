"""When work may go to other processes, and how many.

One rule for the compile workers, the handout workers and the background search index alike:
the plugin's ``jobs`` option (0 or None: one per core) above 1, and no other thread running.
Forked processes start at once with our modules loaded; forking a process that runs other
threads (`mkdocs serve` has a web server and a file watcher) can copy a lock some thread holds,
so then the work stays here. (spawn and forkserver would re-run the __main__ of whatever
program imported us.)
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, as_completed, wait
from typing import TypeVar

Chunk = TypeVar("Chunk")
Result = TypeVar("Result")


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def may_fork(jobs: int | None) -> bool:
    """Whether work may go to forked processes (see the module's docstring)."""
    return (jobs or default_jobs()) > 1 and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def start_worker() -> None:
    """What a forked process does first. gc.freeze: the collector then leaves alone what it
    inherited (all of MkDocs, the theme, the config) instead of scanning it, and copying its
    pages, again and again. gc.enable: the build may have forked it while the collector was off."""
    gc.freeze()
    gc.enable()


def map_forked(
    function: Callable[[Chunk], Result],
    chunks: Sequence[Chunk],
    jobs: int | None,
    on_result: Callable[[Result], None] | None = None,
) -> tuple[list[Result], int]:
    """function over every chunk, in order, on up to ``jobs`` forked processes; and how many ran.

    on_result, if given, sees each chunk's result in this process as soon as it is back (in
    the order they finish), for a progress bar. A chunk that raises stops the rest.
    """
    workers = min(jobs or default_jobs(), len(chunks))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=start_worker) as pool:
        futures = [pool.submit(function, chunk) for chunk in chunks]
        try:
            if on_result is not None:
                for future in as_completed(futures):
                    on_result(future.result())
            else:
                wait(futures, return_when=FIRST_EXCEPTION)
            return [future.result() for future in futures], workers
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
