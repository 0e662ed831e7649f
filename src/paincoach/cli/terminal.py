"""Plain terminal output with Rich for the command line."""

from __future__ import annotations

from rich.console import Console


def console(*, stderr: bool = False) -> Console:
    """A console that never interprets user text as markup or emoji."""
    return Console(stderr=stderr, markup=False, emoji=False, highlight=False, soft_wrap=False)
