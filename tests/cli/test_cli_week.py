"""`paincoach week`: the week asked for, readable figures and insights, and stable JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest

from paincoach.records.review import WeeklyAnswers
from paincoach.review.summary import FIGURES
from paincoach.review.weekly_check import WeeklyChecks
from tests.review_support import MON, Book, at
from tests.support import fixed_clock
from tests.support import run_cli as run

D = timedelta(days=1)
TOP_KEYS = {
    "format",
    "version",
    "week",
    "baseline",
    "notes",
    "figures",
    "days",
    "pacing",
    "exercises",
    "weekly_check",
    "insights",
    "treatments",
}


def document(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    status, out, err = run(capsys, "week", *argv, "--json")
    assert (status, err) == (0, ""), err
    found = json.loads(out)
    assert isinstance(found, dict)
    return found


@pytest.fixture
def book(home: Path) -> Book:
    filled = Book(home)
    filled.days(MON - 7 * D, [3] * 7, moods=[6] * 7, minutes=[30] * 7)
    filled.days(MON, [6] * 7, moods=[5] * 7, minutes=[30] * 7)
    filled.plan("[bold]walk[/]", 10, MON)
    filled.activity(MON, 10, name="[bold]walk[/]")
    WeeklyChecks(filled.db, fixed_clock).record(
        WeeklyAnswers(6, 5, 4), at(MON + 5 * D), week_start=0
    )
    return filled


def test_json_has_stable_keys_and_the_weeks_figures(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    doc = document(capsys, "--week", "2026-W47")
    assert set(doc) == TOP_KEYS
    assert (doc["format"], doc["version"]) == ("paincoach-week", 1)
    assert doc["week"] == {
        "label": "2026-W47",
        "start": "2026-11-16",
        "end": "2026-11-22",
        "week_start": "Monday",
        "days_so_far": 7,
    }
    figures = doc["figures"]
    assert isinstance(figures, dict) and list(figures) == [key for key, _, _ in FIGURES]
    pain = figures["pain_avg"]
    assert pain["value"] == 6.0 and set(pain) == {"label", "scale", "value", "previous", "baseline"}
    assert pain["previous"]["meaningful"] is True and pain["previous"]["earlier"] == 3.0
    assert set(pain["previous"]) == {
        "earlier", "delta", "percent", "direction", "meaningful", "words",
    }  # fmt: skip
    assert pain["baseline"] is None  # this week is inside the first 14 days with entries
    assert figures["check_score"]["value"] == 5.0
    assert doc["weekly_check"]["score"] == 5.0  # type: ignore[index]
    assert len(doc["days"]) == 7  # type: ignore[arg-type]
    assert doc["days"][0] == {  # type: ignore[index]
        "day": "2026-11-16", "pain_avg": 6.0, "mood_avg": 5.0, "activity_minutes": 40,
    }  # fmt: skip
    assert doc["pacing"][0]["activity"] == "[bold]walk[/]"  # type: ignore[index]
    insights = doc["insights"]
    assert isinstance(insights, dict) and insights["first"] == "2026-09-28"
    item = insights["items"][0]
    assert set(item) == {"key", "title", "enough", "text", "needs", "has", "caveat", "data"}


def test_date_and_week_choose_the_same_week(capsys: pytest.CaptureFixture[str], book: Book) -> None:
    by_week = document(capsys, "--week", "2026-W47")
    by_date = document(capsys, "--date", "2026-11-19")
    assert by_week == by_date


def test_default_is_this_week_so_far(capsys: pytest.CaptureFixture[str], book: Book) -> None:
    doc = document(capsys)
    assert doc["week"]["label"] == "2026-W48" and doc["week"]["days_so_far"] == 5  # type: ignore[index]


def test_a_sunday_week_start_from_settings(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    Book(home, week_start=6)
    doc = document(capsys, "--week", "2026-W47")
    assert doc["week"]["start"] == "2026-11-15" and doc["week"]["week_start"] == "Sunday"  # type: ignore[index]
    assert document(capsys, "--date", "2026-11-22")["week"]["start"] == "2026-11-22"  # type: ignore[index]


def test_readable_output(capsys: pytest.CaptureFixture[str], book: Book) -> None:
    status, out, err = run(capsys, "week", "--week", "2026-W47")
    assert (status, err) == (0, "")
    assert "Week 2026-W47: Monday 16 – Sunday 22 November 2026" in out
    assert "Average pain" in out and "meaningful" in out
    assert "Weekly check (Sat 21 Nov): score 5.0" in out
    assert "Pacing, [bold]walk[/] (minutes)" in out  # user text is shown as typed
    assert "What your entries show" in out and "Not enough data yet" in out
    assert "not medical advice" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--week", "2026-W54"], "2026 has weeks 1 to 53"),
        (["--week", "47"], "is not a week"),
        (["--date", "2026-13-01"], "is not a date"),
        (["--week", "2026-W47", "--date", "2026-11-19"], "not allowed with"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = run(capsys, "week", *argv)
    assert status == 2 and out == "" and message in err


def test_week_never_imports_textual(home: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        from paincoach.cli.main import main
        statuses = [main(["week"]), main(["week", "--json", "--week", "2026-W01"])]
        print("STATUSES", statuses)
        print("TEXTUAL", sorted(m for m in sys.modules if m.split(".")[0] == "textual"))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "PAINCOACH_HOME": str(home)},
    )
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "STATUSES [0, 0]" in out and "TEXTUAL []" in out


def test_this_week_so_far_leaves_out_the_days_not_yet_lived(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    book.activity(MON + 7 * D, 10, name="[bold]walk[/]")  # this Monday: the quota, done
    status, out, _ = run(capsys, "week")
    assert status == 0
    assert "Week 2026-W48: Monday 23 – Sunday 29 November 2026 (5 of 7 days so far)" in out
    flat = " ".join(out.split())
    pacing = flat[flat.index("Pacing, [bold]walk[/]") :]
    assert "10 of 50 so far (Mon 10/10, Tue 0/10, Wed 0/10, Thu 0/10, Fri 0/10)" in pacing
    assert "Sat" not in pacing.split(")")[1]  # Saturday and Sunday: not lived yet, not "0 done"
    assert (
        "within 20% of the day's amount on 1 of 1 day done (0 above, 0 below; 4 days without it)"
        in pacing
    )
    doc = document(capsys)
    assert [d["day"] for d in doc["pacing"][0]["days"]][-1] == "2026-11-27"  # type: ignore[index]


def test_counts_show_as_whole_numbers() -> None:
    from paincoach.cli.commands.week import _cell
    from paincoach.review.changes import compare

    # the first two weeks' 4.42 active days a week, scaled: shown and compared as 4
    cell = _cell(compare(7, 4.42, "count", "your first two weeks"), "count")
    assert cell.plain == "4: more (+3, +75%), meaningful"


def test_the_baseline_names_its_two_weeks_in_json(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    doc = document(capsys)
    assert doc["baseline"] == {
        "first": "2026-11-09",
        "last": "2026-11-22",
        "days": 14,
        "weeks": [
            {"first": "2026-11-09", "last": "2026-11-15"},
            {"first": "2026-11-16", "last": "2026-11-22"},
        ],
    }


# -- treatments (issue 16) ---------------------------------------------------------------------


def test_the_week_lists_doses_as_needed_days_relief_and_changes(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    from tests.unit.review.treatment_support import treated_week

    treated_week(book.db)
    status, out, err = run(capsys, "week", "--week", "2026-W47")
    assert (status, err) == (0, "")
    lines = [line.rstrip() for line in out.splitlines()]
    start = lines.index("Treatments: 6 doses; as-needed days 3 of 7 (Mon, Thu, Fri)")
    assert lines[start + 1 : start + 7] == [
        "  codeine: 1 dose",
        "  heat pack: 1 dose",
        "  ibuprofen: 3 doses, relief 7.0/10 on average (3 rated)",
        "  paracetamol: 1 dose, 1 rated (an average needs 3)",  # the insights' minimum
        "  ▲ started paracetamol on Tue 17 Nov",
        "  ▼ stopped codeine (side effects) on Wed 18 Nov",
    ]
    assert "How much treatments helped: By your own ratings" in out
    doc = document(capsys, "--week", "2026-W47")
    treatments = doc["treatments"]
    assert isinstance(treatments, dict)
    assert treatments["as_needed_days"] == ["2026-11-16", "2026-11-19", "2026-11-20"]


def test_a_week_without_treatments_prints_no_treatment_line(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    status, out, _err = run(capsys, "week", "--week", "2026-W47")
    assert status == 0 and "Treatments:" not in out
    assert document(capsys, "--week", "2026-W47")["treatments"] == {
        "doses": 0,
        "as_needed_days": [],
        "uses": [],
        "changes": [],
    }
