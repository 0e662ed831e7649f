"""Problems found in content files, as plain data that names the file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# A field inside a file: keys and (0-based) list positions, e.g. ("steps", 2, "seconds").
FieldPath = tuple[str | int, ...]


def render_field(field: FieldPath) -> str:
    """Show a field path as people count: `("steps", 2, "seconds")` → `steps[3].seconds`."""
    out = ""
    for part in field:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass(frozen=True)
class LoadWarning:
    """One problem in one file: where it is and what was expected."""

    path: Path
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        """`my.toml, line 12, steps[3].seconds: expected …, found 0`."""
        parts = [str(self.path)]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.field:
            parts.append(self.field)
        return ", ".join(parts) + ": " + self.message


# The CLI reports the same objects as "problems".
Problem = LoadWarning


class ContentError(Exception):
    """Content could not be loaded; carries every problem found."""

    def __init__(self, problems: list[LoadWarning]) -> None:
        """Keep the problems and use the first one as the message."""
        super().__init__("; ".join(str(p) for p in problems[:3]) or "invalid content")
        self.problems = problems
