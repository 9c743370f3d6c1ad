"""Problems found in a content pack, reported as `path:line: message`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPORT_LIMIT = 500  # a report longer than this is a broken file, not a list to read


@dataclass(frozen=True)
class Problem:
    path: Path | str
    line: int
    message: str
    hint: str | None = None
    warning: bool = False  # reported by `explorer check`, but the pack still loads

    def __str__(self) -> str:
        label = "warning: " if self.warning else ""
        text = f"{self.path}:{self.line}: {label}{self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


class PackError(Exception):
    """Raised when a pack cannot be used; carries every problem found in one run."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def report(self, limit: int = REPORT_LIMIT) -> str:
        """Every problem a line (the first `limit` of a flood), then a count."""
        count = sum(1 for p in self.problems if not p.warning)
        noun = "problem" if count == 1 else "problems"
        lines = [str(p) for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"... and {len(self.problems) - limit:,} more; fix these first.")
        return "\n".join(lines) + f"\n{count:,} {noun} found."
