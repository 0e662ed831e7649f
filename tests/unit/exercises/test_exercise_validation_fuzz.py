"""Damaged files never crash the validator, and every problem points at a real line."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from paincoach.exercises.lists import ListStore
from paincoach.exercises.validate import check_text

GOOD = """\
id = "fuzz"
title = "Fuzz"
kind = "thought_record"
summary = "A file to damage."
minutes = 5

[before]
label = "How upset?"
low = "Not at all"

[[steps]]
type = "text"
title = "Hello"
text = \"\"\"
Welcome.
key = "inside a string"
\"\"\"

[[steps]]
type = "prompt"
key = "thoughts"
lines = true

[[steps]]
type = "choice"
key = "hot"
from_answer = "thoughts"

[[steps]]
type = "choice"
key = "feel"
list = "emotions"
multiple = true
rate = 100

[[steps]]
type = "rating"
key = "after"
each = "feel"
scale = 100
show = ["hot"]

[[steps]]
type = "breathe"
inhale = 4
exhale = 6
minutes = 2
"""
SCALARS = st.sampled_from(
    ['0', '-1', '5000', '2.5', 'true', '"text"', '""', '"Bad Id"', '[]', '["a", 1]', '"emotion"',
     '"thoughts"', '"feel"', '"timr"', '100', '{ a = 1 }']
)  # fmt: skip
KEYS = st.sampled_from(
    [
        "type",
        "key",
        "seconds",
        "cycles",
        "minutes",
        "each",
        "from_answer",
        "list",
        "optinal",
        "scale",
    ]
)
LISTS = ListStore()  # the bundled lists: "emotions" is used above
HEADERS = ["[[steps]]", "[after]", "[before]", "[x]", "[steps.x]", "[[before]]"]
PAIR = re.compile(r"^([a-z_]+) = ")


@st.composite
def damaged(draw: st.DrawFn) -> str:
    """GOOD with a few lines deleted, duplicated, or given other values or keys."""
    lines = GOOD.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "value", "insert", "header"]))
        m = PAIR.match(lines[i])
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "value" and m:
            lines[i] = f"{m.group(1)} = {draw(SCALARS)}"
        elif op == "insert":
            lines.insert(i, f"{draw(KEYS)} = {draw(SCALARS)}")
        elif op == "header":
            lines.insert(i, draw(st.sampled_from(HEADERS)))
        if not lines:
            lines = ["x = 1"]
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None)
@given(damaged())
def test_damaged_files_give_located_problems(text: str) -> None:
    exercise, problems = check_text(text, Path("f.toml"), LISTS)
    assert (exercise is None) == bool(problems)
    lines = text.splitlines()
    for p in problems:
        assert p.line is not None and 1 <= p.line <= len(lines), str(p)
        if p.message.startswith("invalid TOML"):
            continue
        assert p.field, str(p)
        name = re.sub(r"\[\d+\]$", "", p.field).rsplit(".", 1)[-1]
        if not p.message.startswith(("missing", "expected at least")) and "[" not in name:
            assert name in lines[p.line - 1], (str(p), lines[p.line - 1])
