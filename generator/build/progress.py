"""A one-line progress bar for long handout builds, shown only on a terminal."""

from __future__ import annotations

from typing import TextIO

WIDTH = 24


class Progress:
    """Redraws ``안내문 PDF 만드는 중 [####····] 3/40 kb-otp`` in place; silent when not a terminal.

    Logs and CI output stay clean because nothing is written unless the stream is a TTY.
    """

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.shown = total > 1 and stream.isatty()

    def _draw(self, label: str) -> None:
        filled = WIDTH * self.done // self.total
        bar = "#" * filled + "·" * (WIDTH - filled)
        self.stream.write(f"\r\033[K안내문 PDF 만드는 중 [{bar}] {self.done}/{self.total} {label}")
        self.stream.flush()

    def advance(self, label: str = "") -> None:
        """One more done; label names it (the handout that just finished)."""
        self.done += 1
        if self.shown:
            self._draw(label)

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
