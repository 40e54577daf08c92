"""Python's garbage collector while a build makes many objects at once.

A build unpickles a thousand guides, lays out handouts that leave thousands of objects in
reference cycles, and keeps its compiled guides until it ends. The collector, left alone,
scans everything made so far again and again as it grows; these pauses keep it out of the way.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off inside, and as it was before afterwards (a pause inside a pause leaves it off)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
