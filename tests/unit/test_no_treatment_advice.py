"""No advice, ever (issue 16, item 6): no text the person reads about treatments suggests a
dose, a change or a limit.

The report's sections are checked as rendered (tests/unit/report/test_report_treatments.py);
this reads every string the app's and the shell's treatment code can show (docstrings and
other bare strings left out), so a new message cannot slip advice in unnoticed.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import paincoach

SOURCE = Path(paincoach.__file__).parent
SHOWN = (
    "cli/commands/treatments.py",
    "cli/commands/week.py",
    "journal/treatments.py",
    "records/review.py",
    "records/treatments.py",
    "report/treatments.py",
    "review/insights.py",
    "review/treatments.py",
    "screens/day.py",
    "screens/dose_dialog.py",
    "screens/dose_rating.py",
    "screens/today_doses.py",
    "screens/treatment_forms.py",
    "screens/treatments.py",
    "screens/week.py",
    "widgets/quick_pick.py",
    "widgets/week_chart.py",
)
ADVICE = re.compile(
    r"\b(should|must|recommend\w*|consider|increase|reduce|try|maximum|no more than|"
    r"too much|too many|overdose|instead of|cut down|double)\b",
    re.IGNORECASE,
)
FOR_DEVELOPERS = {"moments must be timezone-aware"}
"""Messages for a programmer's mistake (a ValueError), never shown as advice."""


def shown_strings(source: str) -> list[tuple[int, str]]:
    """Every string constant in `source` but docstrings and bare strings (attribute notes)."""
    tree = ast.parse(source)
    bare = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in bare
    ]


@pytest.mark.parametrize("module", SHOWN)
def test_no_treatment_text_gives_advice(module: str) -> None:
    found = [
        f"{module}:{line}: {text!r}"
        for line, text in shown_strings((SOURCE / module).read_text(encoding="utf-8"))
        if ADVICE.search(text) and text not in FOR_DEVELOPERS
    ]
    assert found == []


def test_the_scan_would_see_advice() -> None:
    source = 'def f():\n    """Docstrings are not read."""\n    return "You should take less."\n'
    [(line, text)] = shown_strings(source)
    assert (line, text) == (3, "You should take less.") and ADVICE.search(text)
