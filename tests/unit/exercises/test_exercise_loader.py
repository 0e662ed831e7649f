"""Loading bundled and user exercises, overriding by id, skipping bad user files."""

from __future__ import annotations

from pathlib import Path

import pytest

import paincoach.exercises.loader as loader
from paincoach.core.resources import data_dir
from paincoach.exercises.checks import MAX_FILE_BYTES, MAX_PROBLEMS
from paincoach.exercises.lists import SHIPPED_LISTS, check_lists, load_list
from paincoach.exercises.loader import check_paths, list_exercises, load_bundled, load_library
from paincoach.exercises.problems import ContentError
from tests.unit.exercises.exercise_testdata import MINIMAL, header, make_data, write

USER_OVERRIDE = MINIMAL.replace("Three slow breaths", "My own three breaths")
BAD = header("broken") + '\n[[steps]]\ntype = "timer"\nseconds = 0\n'


def test_bundled_only(tmp_path: Path) -> None:
    library = load_library(None, make_data(tmp_path, {"three-breaths.toml": MINIMAL}))
    assert list(library.exercises) == ["three-breaths"]
    assert library.warnings == []
    assert library.get("three-breaths") is not None


def test_user_file_overrides_bundled_by_id(tmp_path: Path) -> None:
    data = make_data(tmp_path, {"three-breaths.toml": MINIMAL})
    home = tmp_path / "home"
    user_file = write(home / "exercises", "mine.toml", USER_OVERRIDE)
    library = load_library(home, data)
    exercise = library.exercises["three-breaths"]
    assert exercise.title == "My own three breaths"
    assert (exercise.origin, exercise.path) == ("user", user_file)
    assert library.overridden == {"three-breaths": data / "exercises" / "three-breaths.toml"}
    assert library.warnings == []


def test_bad_user_file_is_skipped_with_a_warning(tmp_path: Path) -> None:
    data = make_data(tmp_path, {"three-breaths.toml": MINIMAL})
    home = tmp_path / "home"
    write(home / "exercises", "broken.toml", BAD)
    write(home / "exercises", "good.toml", MINIMAL.replace("three-breaths", "good-one"))
    library = load_library(home, data)
    assert sorted(library.exercises) == ["good-one", "three-breaths"]
    [warning] = library.warnings
    assert warning.path == home / "exercises" / "broken.toml"
    assert (warning.line, warning.field) == (9, "steps[1].seconds")
    assert str(warning).endswith(
        "steps[1].seconds: expected a whole number from 1 to 3600, found 0"
    )


def test_bad_user_override_keeps_the_bundled_exercise(tmp_path: Path) -> None:
    data = make_data(tmp_path, {"three-breaths.toml": MINIMAL})
    home = tmp_path / "home"
    write(home / "exercises", "mine.toml", USER_OVERRIDE.replace("cycles = 3", "cycles = 0"))
    library = load_library(home, data)
    assert library.exercises["three-breaths"].origin == "bundled"
    assert len(library.warnings) == 1


def test_duplicate_user_ids_skip_the_later_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    write(home / "exercises", "a.toml", MINIMAL)
    write(home / "exercises", "b.toml", USER_OVERRIDE)
    library = load_library(home, make_data(tmp_path))
    assert library.exercises["three-breaths"].title == "Three slow breaths"
    [warning] = library.warnings
    assert (warning.path.name, warning.line, warning.field) == ("b.toml", 1, "id")
    assert warning.message == 'duplicate id "three-breaths": already used by a.toml'


def test_missing_user_folder_is_fine(tmp_path: Path) -> None:
    library = load_library(tmp_path / "nowhere", make_data(tmp_path, {"a.toml": MINIMAL}))
    assert library.warnings == [] and len(library.exercises) == 1


def test_hidden_and_other_files_are_ignored(tmp_path: Path) -> None:
    home = tmp_path / "home"
    write(home / "exercises", ".#mine.toml", "not toml at all [")
    write(home / "exercises", "notes.txt", "hello")
    assert load_library(home, make_data(tmp_path)).warnings == []


def test_library_groups_by_kind_in_kind_order(tmp_path: Path) -> None:
    relax = MINIMAL.replace('"breathing"', '"relaxation"').replace("three-breaths", "relax")
    data = make_data(tmp_path, {"a.toml": relax, "b.toml": MINIMAL})
    assert list(load_library(None, data).by_kind()) == ["breathing", "relaxation"]


def test_lessons_come_first_in_their_order_then_by_title(tmp_path: Path) -> None:
    def lesson(lesson_id: str, title: str, order: str) -> str:
        text = MINIMAL.replace('"breathing"', '"lesson"').replace("three-breaths", lesson_id)
        text = text.replace('title = "Three slow breaths"', f'title = "{title}"{order}')
        return text.split("[[steps]]")[0] + '[[steps]]\ntype = "text"\ntext = "Read me."\n'

    files = {
        "z.toml": lesson("zebra", "Alpha", "\norder = 2"),
        "y.toml": lesson("yak", "Beta", "\norder = 1"),
        "x.toml": lesson("xray", "Aardvark", ""),
        "b.toml": MINIMAL,
    }
    library = load_library(None, make_data(tmp_path, files))
    assert library.warnings == []
    groups = library.by_kind()
    assert list(groups) == ["lesson", "breathing"]
    assert [e.id for e in groups["lesson"]] == ["yak", "zebra", "xray"]


def test_check_paths_reports_every_problem(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    good = write(tmp_path / "mine", "good.toml", MINIMAL)
    bad = write(tmp_path / "mine", "bad.toml", BAD)
    dup = write(tmp_path / "other", "dup.toml", MINIMAL)
    found = check_paths([good, bad, dup, tmp_path / "missing.toml"], data)
    assert [(p.path, p.line, p.field) for p in found] == [
        (bad, 9, "steps[1].seconds"),
        (dup, 1, "id"),
        (tmp_path / "missing.toml", None, None),
    ]
    assert check_paths([good], data) == []


def test_check_paths_takes_folders(tmp_path: Path) -> None:
    write(tmp_path / "mine", "bad.toml", BAD)
    write(tmp_path / "mine", "good.toml", MINIMAL)
    (tmp_path / "empty").mkdir()
    found = check_paths([tmp_path / "mine", tmp_path / "empty"], make_data(tmp_path))
    assert [p.path.name for p in found] == ["bad.toml", "empty"]


def test_list_exercises_rows(tmp_path: Path) -> None:
    data = make_data(tmp_path, {"three-breaths.toml": MINIMAL})
    home = tmp_path / "home"
    write(home / "exercises", "mine.toml", USER_OVERRIDE)
    write(home / "exercises", "bad.toml", BAD)
    rows, warnings = list_exercises(home, data)
    assert [(r.id, r.title, r.origin, r.overrides, r.minutes) for r in rows] == [
        ("three-breaths", "My own three breaths", "user", True, 1)
    ]
    assert len(warnings) == 1


def test_load_list_and_errors(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    emotions = load_list("emotions", data)
    assert [o.label for o in emotions.items] == ["Sad", "Anxious", "Angry"]
    with pytest.raises(ContentError, match="no shared list"):
        load_list("nope", data)
    (data / "bad.toml").write_text(
        'name = "other"\ntitle = "B"\n[[items]]\nid = "x"\nlabel = "X"\n'
    )
    with pytest.raises(ContentError) as err:
        load_list("bad", data)
    assert [(p.line, p.field) for p in err.value.problems] == [(1, "name")]


def test_list_item_problems(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    text = 'name = "l"\ntitle = "L"\n\n[[items]]\nid = "a"\nlabel = "A"\n\n[[items]]\nid = "a"\n'
    text += 'label = "B"\ncolour = "red"\n'
    (data / "l.toml").write_text(text)
    with pytest.raises(ContentError) as err:
        load_list("l", data)
    assert [(p.line, p.field) for p in err.value.problems] == [
        (9, "items[2].id"),
        (11, "items[2].colour"),
    ]


# -- the shipped content -------------------------------------------------------------------
def test_bundled_exercises_have_no_problems() -> None:
    files = sorted((data_dir() / "exercises").glob("*.toml"))
    assert files, "data/exercises must hold at least one exercise"
    problems = check_paths(files)
    assert problems == [], "\n".join(str(p) for p in problems)
    library = load_library(None)
    assert library.warnings == []
    assert len(library.exercises) == len(files)


def test_bundled_lists_have_no_problems() -> None:
    problems = check_lists()
    assert problems == [], "\n".join(str(p) for p in problems)
    for name in SHIPPED_LISTS:
        assert load_list(name).items


def test_check_paths_checks_shared_lists_as_lists(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    assert check_paths([data / "emotions.toml"], data) == []
    bad = write(tmp_path, "moods.toml", 'name = "moods"\ntitle = "M"\n\n[[items]]\nlabel = "Up"\n')
    [problem] = check_paths([bad], data)
    assert (problem.line, problem.field) == (4, "items[1].id")


def test_check_paths_on_the_whole_bundled_data_folder() -> None:
    lists = [data_dir() / f"{name}.toml" for name in SHIPPED_LISTS]
    assert check_paths([data_dir() / "exercises", *lists]) == []


def test_one_bundled_exercise_alone_is_the_same_as_in_the_whole_library() -> None:
    library = load_library()
    assert library.exercises  # the bundled content is there
    for exercise_id, exercise in library.exercises.items():
        assert load_bundled(exercise_id) == exercise, exercise_id  # named <id>.toml, same build


def test_one_bundled_exercise_ignores_the_persons_files_and_odd_ids(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(home / "exercises", "mine.toml", MINIMAL.replace("three-breaths", "breathing-slow"))
    assert load_library(home).exercises["breathing-slow"].origin == "user"
    monkeypatch.setattr(loader, "load_library", lambda *a: pytest.fail("read the library"))
    found = load_bundled("breathing-slow")
    assert found is not None and found.origin == "bundled" and found.path is not None
    assert found.path.parent == data_dir() / "exercises"
    assert load_bundled("breathing-slow") is found  # read once, then kept
    for odd in ("no-such-exercise", "../crisis_lines", "Breathing-Slow", ""):
        assert load_bundled(odd) is None, odd


def test_a_huge_user_file_is_skipped_unread_with_a_plain_problem(tmp_path: Path) -> None:
    data = make_data(tmp_path, {"three-breaths.toml": MINIMAL})
    home = tmp_path / "home"
    steps = '\n[[steps]]\ntype = "text"\ntext = "Breathe gently and let it be."\n'
    huge = header("huge") + steps * (MAX_FILE_BYTES // len(steps) + 1)  # valid, just huge
    write(home / "exercises", "huge.toml", huge)
    write(home / "exercises", "small.toml", header("small") + steps)
    library = load_library(home, data)
    assert sorted(library.exercises) == ["small", "three-breaths"]
    [problem] = library.warnings
    assert problem.path.name == "huge.toml"
    assert problem.message == "too large to read (1.1 MB; a file here can be up to 1 MB)"
    assert check_paths([home / "exercises"], data) == [problem]  # the check says the same


def test_checking_a_file_stops_at_a_hundred_problems(tmp_path: Path) -> None:
    data = make_data(tmp_path, {"three-breaths.toml": MINIMAL})
    bad_steps = '\n[[steps]]\ntype = "text"\ntitel = "A typo"\n' * 1000  # 2 problems each
    path = write(tmp_path / "mine", "typos.toml", header("typos") + bad_steps)
    problems = check_paths([path], data)
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[0].line == 7 and problems[0].path == path
    assert str(problems[-1]).endswith(
        "typos.toml: checking stopped after 100 problems: fix these, then check again"
    )


def test_only_so_many_of_the_persons_files_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "MAX_USER_FILES", 3)
    data = make_data(tmp_path, {"three-breaths.toml": MINIMAL})
    home = tmp_path / "home"
    steps = '\n[[steps]]\ntype = "text"\ntext = "Breathe."\n'
    for n in range(5):
        write(home / "exercises", f"mine-{n}.toml", header(f"mine-{n}") + steps)
    library = load_library(home, data)
    assert sorted(library.exercises) == ["mine-0", "mine-1", "mine-2", "three-breaths"]
    [warning] = library.warnings
    assert warning.path == home / "exercises"
    assert warning.message.startswith("only the first 3 of the 5 exercise files here are read")
