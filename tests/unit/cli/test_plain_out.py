"""`cli.plain_out` prints a line exactly as `cli.terminal.console()` prints it (Rich).

Random lines of words, runs of spaces, words longer than the terminal, paincoach's own
punctuation and two-cell characters (which go to Rich itself), at many widths.
"""

from __future__ import annotations

import random

import pytest
from rich.cells import cell_len
from rich.text import Text

from paincoach.cli import plain_out
from paincoach.cli.terminal import console

PIECES = ["a", "walk", "pain 4/10", "·", "—", "–", "…", "Ünïcödé", "x" * 30, "痛み", " ", "  "]


def _rich(capsys: pytest.CaptureFixture[str], line: str) -> str:
    console().print(Text(line))
    return capsys.readouterr().out


def _plain(capsys: pytest.CaptureFixture[str], line: str) -> str:
    plain_out.print_lines([line])
    return capsys.readouterr().out


def test_every_one_cell_character_is_one_cell_for_rich() -> None:
    assert [c for c in plain_out.ONE_CELL if cell_len(c) != 1] == []


@pytest.mark.parametrize("width", [1, 5, 12, 33, 80])
def test_random_lines_print_as_rich_prints_them(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.delenv("TERM", raising=False)
    chance = random.Random(width)
    for _ in range(300):
        pool = PIECES if chance.random() < 0.2 else PIECES[:-3] + PIECES[-2:]  # mostly one-cell
        words = chance.choices(pool, k=chance.randint(1, 40))
        line = "".join(word + chance.choice(["", " ", "  "]) for word in words)
        assert _plain(capsys, line) == _rich(capsys, line), (width, line)


def test_the_width_is_taken_as_rich_takes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "57")
    assert plain_out.columns() == console().width == 57
    monkeypatch.delenv("COLUMNS")
    assert plain_out.columns() == console().width  # a terminal's width, or 80
    monkeypatch.setenv("TERM", "dumb")
    assert plain_out.columns() is None  # Rich's own rules, so Rich prints
