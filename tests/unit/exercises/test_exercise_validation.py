"""One test per kind of problem the validator reports: each names file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from paincoach.exercises.lists import ListStore
from paincoach.exercises.problems import LoadWarning
from paincoach.exercises.validate import check_file
from tests.unit.exercises.exercise_testdata import MINIMAL, header, make_data


def problems(tmp_path: Path, text: str) -> list[LoadWarning]:
    """Check `text` written to my.toml, with a data folder holding an `emotions` list."""
    path = tmp_path / "my.toml"
    path.write_text(text, encoding="utf-8")
    exercise, found = check_file(path, ListStore(make_data(tmp_path)))
    assert (exercise is None) == bool(found)
    return found


def only(tmp_path: Path, text: str) -> LoadWarning:
    """The single problem in `text`."""
    found = problems(tmp_path, text)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def assert_at(problem: LoadWarning, line: int, field: str, *words: str) -> None:
    """The problem is at `line` and `field`, and its message has `words`."""
    assert (problem.line, problem.field) == (line, field), str(problem)
    assert str(problem).startswith(f"{problem.path}, line {line}, {field}: ")
    assert problem.path.name == "my.toml"
    for word in words:
        assert word in problem.message, problem.message


def test_minimal_example_is_valid(tmp_path: Path) -> None:
    assert problems(tmp_path, MINIMAL) == []


def test_message_format_matches_the_documented_example(tmp_path: Path) -> None:
    text = header() + '\n[[steps]]\ntype = "text"\ntext = "a"\n\n[[steps]]\ntype = "text"\n'
    text += 'text = "b"\n\n[[steps]]\ntype = "timer"\nseconds = 0\n'
    p = only(tmp_path, text)
    expected = "line 17, steps[3].seconds: expected a whole number from 1 to 3600, found 0"
    assert str(p) == f"{tmp_path / 'my.toml'}, {expected}"


def test_invalid_toml_gives_the_syntax_line(tmp_path: Path) -> None:
    p = only(tmp_path, header() + '\n[[steps]]\ntype "text"\n')
    assert p.line == 8
    assert "invalid TOML" in p.message and "column" in p.message


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "my.toml"
    path.write_bytes(b'id = "\xff\xfe"\n')
    _, found = check_file(path, ListStore(make_data(tmp_path)))
    assert [p.message for p in found] == ["cannot read the file: it is not UTF-8 text"]


def test_unknown_step_type_suggests_the_nearest(tmp_path: Path) -> None:
    p = only(tmp_path, header() + '\n[[steps]]\ntype = "timr"\nseconds = 3\n')
    assert_at(p, 8, "steps[1].type", 'unknown step type "timr"', 'did you mean "timer"', "breathe")


def test_missing_key_points_at_the_step_header(tmp_path: Path) -> None:
    p = only(tmp_path, header() + '\n[[steps]]\ntype = "timer"\ntext = "Rest."\n')
    assert_at(p, 7, "steps[1].seconds", 'missing key "seconds"', "whole number from 1 to 3600")


def test_missing_top_level_key(tmp_path: Path) -> None:
    text = MINIMAL.replace('summary = "Three slow breaths."\n', "")
    assert_at(only(tmp_path, text), 1, "summary", 'missing key "summary"')


def test_missing_steps(tmp_path: Path) -> None:
    assert_at(only(tmp_path, header()), 1, "steps", 'missing key "steps"')


def test_wrong_type(tmp_path: Path) -> None:
    p = only(tmp_path, MINIMAL.replace("minutes = 1", 'minutes = "ten"'))
    assert_at(p, 5, "minutes", "expected a whole number from 1 to 120", 'found "ten"')


def test_wrong_type_for_a_flag(tmp_path: Path) -> None:
    text = header() + '\n[[steps]]\ntype = "prompt"\nkey = "a"\noptional = "yes"\n'
    assert_at(only(tmp_path, text), 10, "steps[1].optional", 'expected true or false, found "yes"')


def test_bool_is_not_a_number(tmp_path: Path) -> None:
    p = only(tmp_path, MINIMAL.replace("cycles = 3", "cycles = true"))
    assert_at(p, 15, "steps[2].cycles", "whole number from 1 to 200", "found true")


def test_out_of_range_number(tmp_path: Path) -> None:
    p = only(tmp_path, MINIMAL.replace("exhale = 6", "exhale = 25"))
    assert_at(p, 14, "steps[2].exhale", "from 1 to 20", "found 25")


def test_unknown_key_is_a_typo(tmp_path: Path) -> None:
    p = only(tmp_path, MINIMAL.replace("exhale = 6", "exhale = 6\nexhal = 6"))
    assert_at(p, 15, "steps[2].exhal", 'unknown key "exhal"', "a breathe step allows:", "inhale")


def test_unknown_top_level_key(tmp_path: Path) -> None:
    p = only(tmp_path, MINIMAL.replace("minutes = 1", "minutes = 1\nminuts = 1"))
    assert_at(p, 6, "minuts", 'unknown key "minuts" (did you mean "minutes"?)')


def test_value_not_allowed(tmp_path: Path) -> None:
    p = only(tmp_path, MINIMAL.replace('kind = "breathing"', 'kind = "breath"'))
    assert_at(p, 3, "kind", "expected one of", '"breathing"', 'found "breath"')


def test_id_form(tmp_path: Path) -> None:
    p = only(tmp_path, MINIMAL.replace('"three-breaths"', '"Three Breaths"'))
    assert_at(p, 1, "id", "lower-case letters", 'found "Three Breaths"')


def test_empty_text(tmp_path: Path) -> None:
    p = only(tmp_path, MINIMAL.replace('title = "Three slow breaths"', 'title = "  "'))
    assert_at(p, 2, "title", "not empty")


def test_empty_steps(tmp_path: Path) -> None:
    assert_at(only(tmp_path, header() + "steps = []\n"), 6, "steps", "at least 1 step")


def test_empty_options(tmp_path: Path) -> None:
    text = header() + '\n[[steps]]\ntype = "choice"\nkey = "c"\noptions = []\n'
    assert_at(only(tmp_path, text), 10, "steps[1].options", "at least 1 item")


def test_conflicting_sources(tmp_path: Path) -> None:
    text = (
        header() + '\n[[steps]]\ntype = "choice"\nkey = "c"\noptions = ["a"]\nlist = "emotions"\n'
    )
    assert_at(only(tmp_path, text), 11, "steps[1].list", 'use only one of "options", "list"')


def test_choice_without_a_source(tmp_path: Path) -> None:
    text = header() + '\n[[steps]]\ntype = "choice"\nkey = "c"\n'
    assert_at(only(tmp_path, text), 7, "steps[1]", "missing key", '"options", "list"')


def test_cycles_and_minutes_conflict(tmp_path: Path) -> None:
    p = only(tmp_path, MINIMAL.replace("cycles = 3", "cycles = 3\nminutes = 2"))
    assert_at(p, 16, "steps[2].minutes", 'use only one of "cycles" or "minutes"')


def test_breathe_needs_cycles_or_minutes(tmp_path: Path) -> None:
    assert_at(only(tmp_path, MINIMAL.replace("cycles = 3\n", "")), 11, "steps[2]", '"cycles"')


def test_duplicate_answer_key(tmp_path: Path) -> None:
    step = '\n[[steps]]\ntype = "rating"\nkey = "mood"\n'
    p = only(tmp_path, header() + step + step)
    assert_at(p, 13, "steps[2].key", 'answer key "mood" is already used by steps[1]')


def test_answer_key_form(tmp_path: Path) -> None:
    text = header() + '\n[[steps]]\ntype = "prompt"\nkey = "Hot-thought"\n'
    assert_at(only(tmp_path, text), 9, "steps[1].key", "answer key of lower-case letters")


def test_unknown_list(tmp_path: Path) -> None:
    text = header() + '\n[[steps]]\ntype = "choice"\nkey = "c"\nlist = "emotion"\n'
    p = only(tmp_path, text)
    assert_at(p, 10, "steps[1].list", 'no shared list named "emotion"', 'did you mean "emotions"')
    assert "available lists: emotions" in p.message


def test_broken_list_is_reported_with_its_own_file(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    (data / "traps.toml").write_text('name = "traps"\ntitle = "T"\n\n[[items]]\nid = "x"\n')
    path = tmp_path / "my.toml"
    path.write_text(header() + '\n[[steps]]\ntype = "choice"\nkey = "c"\nlist = "traps"\n')
    _, found = check_file(path, ListStore(data))
    assert [(p.path.name, p.line, p.field) for p in found] == [
        ("my.toml", 10, "steps[1].list"),
        ("traps.toml", 4, "items[1].label"),
    ]


def test_unknown_answer_reference(tmp_path: Path) -> None:
    text = header() + '\n[[steps]]\ntype = "prompt"\nkey = "thoughts"\nlines = true\n'
    text += '\n[[steps]]\ntype = "choice"\nkey = "hot"\nfrom_answer = "thougts"\n'
    p = only(tmp_path, text)
    assert_at(p, 15, "steps[2].from_answer", '"thougts" is not the key of an earlier step')
    assert 'did you mean "thoughts"' in p.message


def test_reference_must_point_backwards(tmp_path: Path) -> None:
    text = header() + '\n[[steps]]\ntype = "text"\ntext = "x"\nshow = ["later"]\n'
    text += '\n[[steps]]\ntype = "prompt"\nkey = "later"\n'
    assert_at(only(tmp_path, text), 10, "steps[1].show[1]", '"later" is not the key')


def test_unknown_placeholder(tmp_path: Path) -> None:
    text = header() + '\n[[steps]]\ntype = "prompt"\nkey = "hot_thought"\n'
    text += '\n[[steps]]\ntype = "text"\ntext = """\nYou wrote:\n{hot_thougt}\n"""\n'
    p = only(tmp_path, text)
    assert_at(p, 13, "steps[2].text", "placeholder {hot_thougt}", "did you mean {hot_thought}")


def test_wrong_kind_of_answer(tmp_path: Path) -> None:
    text = header() + '\n[[steps]]\ntype = "rating"\nkey = "mood"\n'
    text += '\n[[steps]]\ntype = "rating"\nkey = "again"\neach = "mood"\n'
    p = only(tmp_path, text)
    assert_at(p, 14, "steps[2].each", "whose answer is a list", '"mood" (a rating step, steps[1])')


def test_before_must_be_a_table(tmp_path: Path) -> None:
    p = only(tmp_path, MINIMAL.replace("minutes = 1", 'minutes = 1\nbefore = "tense"'))
    assert_at(p, 6, "before", "expected a [before] table")


def test_before_label_is_required(tmp_path: Path) -> None:
    text = MINIMAL.replace("\n[[steps]]", '\n[before]\nlow = "calm"\n\n[[steps]]', 1)
    assert_at(only(tmp_path, text), 7, "before.label", 'missing key "label"')


def test_many_problems_are_all_reported(tmp_path: Path) -> None:
    text = MINIMAL.replace("minutes = 1", "minutes = 0").replace("cycles = 3", "cycles = 0")
    found = problems(tmp_path, text)
    assert [(p.line, p.field) for p in found] == [(5, "minutes"), (15, "steps[2].cycles")]


@pytest.mark.parametrize(
    "step",
    [
        'type = "text"\ntext = "hello"',
        'type = "prompt"\nkey = "a"\nplaceholder = "b"\noptional = true\nmultiline = true',
        'type = "prompt"\nkey = "a"\nlines = true',
        'type = "rating"\nkey = "a"\nscale = 100\nlow = "none"\nhigh = "all"',
        'type = "choice"\nkey = "a"\noptions = ["x", "y"]\nmultiple = true\nallow_other = true',
        'type = "choice"\nkey = "a"\nlist = "emotions"\nrate = 100\noptional = true',
        'type = "timer"\nseconds = 3600\ntext = "Rest."',
        'type = "breathe"\ninhale = 3\ntop_up = 1.5\nexhale = 6\nhold_out = 0\nminutes = 5',
        'type = "pacing"\nmode = "timer"',
        'type = "pacing"\nmode = "plan"\nkey = "walk_plan"',
    ],
)
def test_every_step_type_has_a_valid_form(tmp_path: Path, step: str) -> None:
    assert problems(tmp_path, header() + "\n[[steps]]\n" + step + "\n") == []


def test_unterminated_string_points_at_its_start(tmp_path: Path) -> None:
    text = MINIMAL.replace('text = "Sit comfortably."', 'text = """\nSit comfortably.\n')
    p = only(tmp_path, text)
    assert p.line == 9
    assert "starts on line 9 and never ends" in p.message


def test_examples_in_the_format_reference_are_valid(tmp_path: Path) -> None:
    doc = Path(__file__).resolve().parents[3] / "docs" / "content.md"
    blocks = [b.split("```", 1)[0] for b in doc.read_text(encoding="utf-8").split("```toml\n")[1:]]
    examples = [b for b in blocks if b.startswith("id = ") and "[[weeks]]" not in b]
    assert len(examples) >= 3  # two exercises and a lesson (courses: tests/unit/practice)
    data = make_data(tmp_path)
    for n, text in enumerate(examples):
        path = tmp_path / f"example{n}.toml"
        path.write_text(text, encoding="utf-8")
        assert check_file(path, ListStore(data))[1] == []


def test_a_lesson_is_reading_with_an_optional_question(tmp_path: Path) -> None:
    text = (
        header("pain-protects", "lesson") + '\n[[steps]]\ntype = "text"\ntext = "Pain protects."\n'
    )
    text += '\n[[steps]]\ntype = "prompt"\nkey = "thought"\ntext = "What stood out?"\n'
    text += "optional = true\n"
    assert problems(tmp_path, text) == []


def test_a_lesson_may_not_hold_a_timer(tmp_path: Path) -> None:
    text = (
        header("pain-protects", "lesson") + '\n[[steps]]\ntype = "text"\ntext = "Pain protects."\n'
    )
    text += '\n[[steps]]\ntype = "timer"\nseconds = 60\n'
    assert_at(only(tmp_path, text), 12, "steps[2].type", "a lesson has only text, prompt, choice")


def test_a_lesson_takes_a_few_minutes(tmp_path: Path) -> None:
    text = header("pain-protects", "lesson").replace("minutes = 5", "minutes = 30")
    text += '\n[[steps]]\ntype = "text"\ntext = "Pain protects."\n'
    assert_at(only(tmp_path, text), 5, "minutes", "a lesson takes a few minutes", "found 30")


def test_order_is_a_whole_number(tmp_path: Path) -> None:
    text = header() + 'order = "first"\n\n[[steps]]\ntype = "text"\ntext = "a"\n'
    assert_at(only(tmp_path, text), 6, "order", "expected a whole number from 1 to 999")
