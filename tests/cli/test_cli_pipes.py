"""Output into a pipe whose reader has gone (`paincoach week | head -1`): quiet, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import run_cli


@pytest.mark.parametrize(
    "argv",
    [("today",), ("pacing",), ("week",), ("calendar", "--year"), ("trends", "--json")],
    ids=["today-plain", "pacing-plain", "week-rich", "calendar-rich", "trends-json"],
)
def test_a_reader_gone_before_the_output_is_not_an_error_message(
    capsys: pytest.CaptureFixture[str], home: Path, argv: tuple[str, ...]
) -> None:
    assert run_cli(capsys, "--home", str(home), "log", "--pain", "4")[0] == 0
    reader, writer = os.pipe()
    os.close(reader)  # gone before the first write: every write meets a broken pipe
    try:
        result = subprocess.run(
            [sys.executable, "-m", "paincoach", "--home", str(home), *argv],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
            check=False,
        )
    finally:
        os.close(writer)
    assert result.stderr == ""
    assert result.returncode == 1
