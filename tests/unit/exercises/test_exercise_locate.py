"""The line locator: the right line for every field, whatever the strings contain."""

from __future__ import annotations

import json
import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from paincoach.exercises.locate import Locator
from paincoach.exercises.problems import FieldPath

TRICKY = """\
id = "x"
# [[steps]] in a comment
title = 'a # not a comment'
text = \"\"\"
[[steps]]
seconds = 0
\\\"\"\" still inside
\"\"\"

[before]
label = "calm"  # trailing comment

[[steps]]
type = "timer"
options = [
  "a",  # first
  'b',
]
notes = '''
type = "fake"
'''
inline = { a = 1, b = "}" }

[[steps]]
"quoted key" = 1
dotted.key = 2
"""


def test_tricky_document_lines() -> None:
    tomllib.loads(TRICKY)  # the fixture itself must be valid TOML
    loc = Locator(TRICKY)
    assert loc.line(("id",)) == 1
    assert loc.line(("title",)) == 3
    assert loc.line(("text",)) == 4
    assert loc.line(("before",)) == 10
    assert loc.line(("before", "label")) == 11
    assert loc.line(("steps", 0)) == 13
    assert loc.line(("steps", 0, "type")) == 14
    assert loc.line(("steps", 0, "options", 1)) == 17
    assert loc.line(("steps", 0, "notes")) == 19
    assert loc.line(("steps", 0, "inline", "b")) == 22
    assert loc.line(("steps", 1)) == 24
    assert loc.line(("steps", 1, "quoted key")) == 25
    assert loc.line(("steps", 1, "dotted", "key")) == 26


def test_missing_field_falls_back_to_the_nearest_enclosing_one() -> None:
    loc = Locator(TRICKY)
    assert loc.line(("steps", 1, "seconds")) == 24
    assert loc.line(("before", "low")) == 10
    assert loc.line(("nowhere",)) == 1


def test_crlf_line_ends() -> None:
    text = 'id = "x"\r\n\r\n[[steps]]\r\ntype = "text"\r\n'
    assert Locator(text).line(("steps", 0, "type")) == 4


# -- property: a generated document in many styles --------------------------------------
KEYS = st.sampled_from(["type", "text", "seconds", "key", "label", "options", "show", "cycles"])
PLAIN = st.text(alphabet="ab \"\\#=[]{}'.,", max_size=12)
BODY_LINES = st.lists(
    st.sampled_from(["seconds = 0", "[[steps]]", "[before]", "# x", 'a \\""" b', "", "'''"]),
    max_size=4,
)


@st.composite
def values(draw: st.DrawFn) -> tuple[list[str], dict[FieldPath, int]]:
    """Lines of one value and the relative lines of its array elements."""
    kind = draw(st.sampled_from(["int", "basic", "literal", "ml_basic", "ml_literal", "array"]))
    if kind == "int":
        return [str(draw(st.integers(-5, 5000)))], {}
    if kind == "basic":
        return [json.dumps(draw(PLAIN))], {}
    if kind == "literal":
        return ["'" + draw(PLAIN).replace("'", "") + "'"], {}
    if kind == "ml_basic":
        return ['"""', *draw(BODY_LINES), '"""'], {}
    if kind == "ml_literal":
        body = [line.replace("'''", "''") for line in draw(BODY_LINES)]
        return ["'''", *body, "'''"], {}
    items = draw(st.lists(PLAIN, max_size=4))
    if draw(st.booleans()):
        inline: dict[FieldPath, int] = {(n,): 0 for n in range(len(items))}
        return ["[" + ", ".join(json.dumps(i) for i in items) + "]"], inline
    out: list[str] = ["["]
    where: dict[FieldPath, int] = {}
    for n, item in enumerate(items):
        where[(n,)] = len(out)
        out.append(f"  {json.dumps(item)},  # {n}")
    return [*out, "]"], where


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, dict[FieldPath, int]]:
    """A valid TOML document with steps, and the expected line of every field."""
    lines: list[str] = []
    expected: dict[FieldPath, int] = {}

    def pairs(table: FieldPath) -> None:
        for key in draw(st.lists(KEYS, unique=True, max_size=4)):
            if draw(st.booleans()):
                lines.append(draw(st.sampled_from(["", "# comment = 1", "   "])))
            value, elements = draw(values())
            expected[(*table, key)] = len(lines) + 1
            for rel, offset in elements.items():
                expected[(*table, key, *rel)] = len(lines) + 1 + offset
            lines.append(f"{key} = {value[0]}")
            lines.extend(value[1:])

    pairs(())
    for i in range(draw(st.integers(0, 4))):
        lines.append("")
        expected[("steps", i)] = len(lines) + 1
        lines.append("[[steps]]" + draw(st.sampled_from(["", "  # step"])))
        pairs(("steps", i))
    return "\n".join(lines) + "\n", expected


@settings(max_examples=300, deadline=None)
@given(documents())
def test_locator_finds_every_generated_field(doc: tuple[str, dict[FieldPath, int]]) -> None:
    text, expected = doc
    tomllib.loads(text)
    loc = Locator(text)
    for path, line in expected.items():
        assert loc.line(path) == line, (path, text)
