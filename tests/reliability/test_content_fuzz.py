"""Damaged exercise files in `<home>/exercises/`, through the loader, the CLI and the app.

tests/unit/exercises/test_exercise_validation_fuzz.py fuzzes the validator on one text. Here the
files are real files in a person's folder, several at once, next to a good one of theirs,
and the library is loaded the way the app and `paincoach exercises list` load it: each bad
file gets a clear message naming it, and every other exercise still loads.
"""

from __future__ import annotations

import asyncio
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from textual.widgets import OptionList, Static

from paincoach.cli.main import main
from paincoach.core.resources import data_dir
from paincoach.exercises.loader import load_library
from paincoach.screens.exercises import ExercisesScreen
from tests.reliability.screens_support import make_app
from tests.support import seeded_services, settle

BUNDLED = sorted(load_library().exercises)
GOOD = (data_dir() / "exercises" / "breathing-box.toml").read_text(encoding="utf-8")
MINE = GOOD.replace('id = "breathing-box"', 'id = "my-own-box"').replace(
    'title = "Box breathing (4-4-4-4)"', 'title = "My own box"'
)
TOML_BITS = ["[", "]", "[[", "]]", "{", "}", "=", '"', "'", '"""', "\n", "#", ".", ",", "\\"]
WRONG_VALUES = ["0", "-5", "99999", "2.5", "true", '""', "[]", '["a", 1]', "{ a = 1 }", '"x"']
TRIED: dict[str, int] = {}


@st.composite
def damaged(draw: Any) -> bytes:
    """A good exercise file, damaged in one of the ways files get damaged."""
    text = GOOD
    how = draw(st.sampled_from(["cut", "garble", "wrong value", "unknown key", "bytes", "empty"]))
    if how == "cut":
        text = text[: draw(st.integers(1, len(text) - 1))]
    elif how == "garble":
        at = draw(st.integers(0, len(text) - 1))
        junk = "".join(draw(st.lists(st.sampled_from(TOML_BITS), min_size=1, max_size=6)))
        text = text[:at] + junk + text[at + draw(st.integers(0, 20)) :]
    elif how == "wrong value":
        key = draw(st.sampled_from(["id", "title", "kind", "summary", "minutes", "type", "text"]))
        text = re.sub(
            rf"(?m)^{key} = .*$", f"{key} = {draw(st.sampled_from(WRONG_VALUES))}", text, count=1
        )
    elif how == "unknown key":
        text = text.replace("minutes = 5", "minutes = 5\nminuts = 5", 1)
    elif how == "bytes":
        raw = text.encode()
        at = draw(st.integers(0, len(raw) - 1))
        return raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    else:
        text = ""
    return text.encode()


def checked_id(data: bytes) -> str | None:
    """The id paincoach's own checker reads from the file, or None when it refuses it.

    Asked of the checker, not of tomllib: the loader reads a file as text, so a stray
    carriage return (which tomllib alone refuses) is read as a line break there.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "probe.toml"
        path.write_bytes(data)
        from paincoach.exercises.validate import check_file

        exercise, _ = check_file(path, origin="user")
        return None if exercise is None else exercise.id


def skipped(paths: list[Path], files: list[bytes]) -> list[Path]:
    """The files the loader must skip: damaged ones, and whole ones repeating an earlier id."""
    found, ids = [], {"my-own-box"}
    for path, data in zip(paths, files, strict=True):
        exercise_id = checked_id(data)
        if exercise_id is None or exercise_id in ids:  # two files with one id: the later
            found.append(path)  # is skipped
        if exercise_id is not None:
            ids.add(exercise_id)
    return found


def write_folder(home: Path, files: list[bytes]) -> list[Path]:
    """The person's exercise folder: the damaged files and one good file of theirs."""
    folder = home / "exercises"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mine.toml").write_text(MINE, encoding="utf-8")
    paths = []
    for index, data in enumerate(files):
        path = folder / f"damaged-{index}.toml"
        path.write_bytes(data)
        paths.append(path)
    return paths


def assert_plain(message: str) -> None:
    """A message for a person: no traceback, no Python object, something to act on."""
    assert message.strip()
    assert "Traceback" not in message and "object at 0x" not in message, message


@example(files=[b"\r" + GOOD.encode()])  # CI, session 9: a carriage return read as a break
@example(files=[GOOD.encode().replace(b'caution = """', b'caution = """\r', 1)])
@settings(max_examples=60, deadline=None)
@given(files=st.lists(damaged(), min_size=1, max_size=4))
def test_damaged_files_are_named_and_everything_else_loads(files: list[bytes]) -> None:
    TRIED["loader"] = TRIED.get("loader", 0) + len(files)
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        paths = write_folder(home, files)
        library = load_library(home)
        named = {w.path for w in library.warnings}
        for path in skipped(paths, files):
            assert path in named, f"{path.name} was skipped without a word"
        for warning in library.warnings:
            assert_plain(warning.message)
            assert warning.path.parent == home / "exercises"
        assert set(BUNDLED) <= set(library.exercises)  # damaged copies never replace these
        assert library.get("my-own-box") is not None


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(files=st.lists(damaged(), min_size=1, max_size=3))
def test_the_command_line_lists_the_library_and_names_each_damaged_file(
    files: list[bytes],
) -> None:
    TRIED["cli"] = TRIED.get("cli", 0) + len(files)
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        paths = write_folder(home, files)
        import contextlib
        import io

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            listed = main(["--home", str(home), "exercises", "list"])
            checked = main(["--home", str(home), "exercises", "check", str(home / "exercises")])
        assert listed == 0
        broken = skipped(paths, files)
        assert checked == (2 if broken else 0)
        for path in broken:
            assert path.name in out.getvalue() + err.getvalue()
        assert "Traceback" not in out.getvalue() + err.getvalue()
        loaded = len(set(BUNDLED) | {"my-own-box"})
        assert f"{loaded} exercises" in out.getvalue()


@settings(
    max_examples=8,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(files=st.lists(damaged(), min_size=1, max_size=3))
@pytest.mark.slow
def test_the_app_shows_the_library_and_says_which_files_were_skipped(files: list[bytes]) -> None:
    TRIED["app"] = TRIED.get("app", 0) + len(files)
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        seeded_services(home).close()  # type: ignore[attr-defined]
        paths = write_folder(home, files)
        broken = skipped(paths, files)

        async def run() -> None:
            app = make_app(home)
            async with app.run_test(size=(100, 30)) as pilot:
                await settle(pilot)
                await pilot.press("e")
                await settle(pilot)
                screen = app.screen
                assert isinstance(screen, ExercisesScreen)
                options = screen.query_one("#exercise-list", OptionList)
                ids = {options.get_option_at_index(i).id for i in range(options.option_count)}
                assert set(BUNDLED) | {"my-own-box"} <= ids
                warning = screen.query_one("#exercises-warnings", Static)
                text = str(warning.render())
                assert warning.display is bool(broken)
                if broken:
                    were = "were" if len(broken) > 1 else "was"
                    assert f"{len(broken)} of your exercise files {were} skipped" in text
                    assert broken[0].name in text  # (see the xfail test below for the rest)
                assert app.unexpected_errors == []

        asyncio.run(run())


def test_odd_things_in_the_folder_neither_hang_nor_stop_the_library(tmp_path: Path) -> None:
    """A folder named like a file, a named pipe, a symlink loop, a file that is not UTF-8."""
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "a-folder.toml").mkdir()
    os.mkfifo(folder / "a-pipe.toml")  # reading it would wait forever
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    (folder / "latin1.toml").write_bytes(GOOD.replace("Box", "Bo\xeete").encode("latin-1"))
    (folder / ".hidden.toml").write_text("not = [valid")
    (folder / "mine.toml").write_text(MINE)
    library = load_library(tmp_path)
    assert library.get("my-own-box") is not None and set(BUNDLED) <= set(library.exercises)
    messages = {w.path.name: w.message for w in library.warnings}
    assert "not UTF-8" in messages["latin1.toml"]
    assert ".hidden.toml" not in messages


def test_an_exercises_path_that_is_a_file_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "exercises").write_text("oops")
    library = load_library(tmp_path)
    assert set(BUNDLED) <= set(library.exercises)
    assert [w.message for w in library.warnings] == ["expected a folder of .toml files"]


@pytest.mark.parametrize(
    "nesting",
    ["[" * 3000 + "]" * 3000, "{a=" * 2000 + "1" + "}" * 2000],
    ids=["arrays", "tables"],
)
def test_a_deeply_nested_file_is_one_warning_not_the_end_of_the_library(
    tmp_path: Path, nesting: str
) -> None:
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "deep.toml").write_text(f"x = {nesting}\n")
    (folder / "mine.toml").write_text(MINE)
    library = load_library(tmp_path)
    assert library.get("my-own-box") is not None
    assert [w.path.name for w in library.warnings] == ["deep.toml"]


async def test_the_app_names_every_skipped_file(home: Path) -> None:
    seeded_services(home).close()  # type: ignore[attr-defined]
    paths = write_folder(home, [b"", b"", b'id = "x"'])
    app = make_app(home)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        text = str(app.screen.query_one("#exercises-warnings", Static).render())
        assert all(path.name in text for path in paths), text


def test_report_how_many_files_were_tried() -> None:
    """Runs last in this file: how many damaged files each test loaded."""
    print(f"\ndamaged exercise files tried: {TRIED} (total {sum(TRIED.values())})")
