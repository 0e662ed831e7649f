"""Every command-line example in the README works as written, at any time of day.

The tests' clock is 09:30, so an example such as `--at "today 10:30"` (a time that has not
come yet before half past ten) fails here as it would for a reader in the morning.
"""

from __future__ import annotations

import io
import re
import shlex
import sys
from pathlib import Path

import pytest

from paincoach.cli.main import main

README = Path(__file__).resolve().parents[2] / "README.md"


def examples() -> list[str]:
    """The lines of every `sh` block in the README that run paincoach."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    pattern = r"((echo|printf) .*\| )?paincoach (log|activity) "
    return [line for line in lines if re.match(pattern, line)]


def test_the_readme_has_examples() -> None:
    assert len(examples()) >= 3


@pytest.mark.parametrize("line", examples())
def test_an_example_runs(
    line: str, home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    command = line
    if " | " in line:
        echo, command = line.split(" | ", 1)
        program, text = shlex.split(echo)[:2]
        text = text.replace("\\n", "\n") if program == "printf" else text + "\n"
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    argv = shlex.split(command)[1:]
    status = main(["--home", str(home), *argv])
    _, err = capsys.readouterr()
    assert status == 0, err
