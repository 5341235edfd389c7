"""A one-line text progress bar for long commands (demo generation, loads, benchmarks)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    def __init__(self, label: str, stream: TextIO = sys.stderr, width: int = 30):
        self.label, self.stream, self.width = label, stream, width
        self.started = time.perf_counter()
        self._last_drawn = -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent == self._last_drawn:
            return
        self._last_drawn = percent
        filled = self.width * percent // 100
        elapsed = time.perf_counter() - self.started
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(
            f"\r  {self.label:<22} [{bar}] {percent:3d}% {done:>8,}/{total:,} {elapsed:5.1f}s"
        )
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
