"""`paincoach pacing`: today's amount for each plan; hold, step back, a goal and the weekly rise.

Plans are made as the app makes them (a finished "Pacing plan" session), and every change
is read back through the practice service. The clock is Friday 27 November 2026: a plan
that started on Monday 2 November is in its week 4, at 13 minutes, rising on Mondays.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach.records.entries import ActivityDraft
from paincoach.records.practice import PacingPlanView
from tests.data_support import db_path
from tests.practice_support import open_practice, plan_session
from tests.support import NOW
from tests.support import run_cli as run

START = date(2026, 11, 2)  # a Monday: week 4 on Friday 27 November
MON_30, MON_7 = date(2026, 11, 30), date(2026, 12, 7)


def make_plan(
    home: Path, activity: str = "Walking", start: date = START, unit: str = "minutes"
) -> None:
    """A plan saved from a finished pacing-plan session: baseline 10, 10% a week."""
    practice = open_practice(home)
    practice.save_session(plan_session(activity, [10, 12, 14], start, unit=unit))
    practice.db.close()


def plan(home: Path, activity: str = "walking") -> PacingPlanView:
    """The active plan for `activity`, read through the practice service."""
    practice = open_practice(home)
    try:
        found = practice.plan_for(activity)
    finally:
        practice.db.close()
    assert found is not None, activity
    return found


def changes_kept(home: Path) -> int:
    """Rows in the plans' history table."""
    conn = sqlite3.connect(f"file:{db_path(home)}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM pacing_changes").fetchone()[0])
    finally:
        conn.close()


# -- listing -----------------------------------------------------------------------------------


def test_with_no_plans_it_says_how_to_make_one(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "pacing")
    assert (status, err) == (0, "")
    assert out.startswith("You have no pacing plan yet.")
    assert 'press e (Exercises) and choose "Pacing plan"' in out
    assert json.loads(run(capsys, "pacing", "--json")[1]) == []


def test_each_plan_has_one_line_with_todays_amount(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_plan(home)
    make_plan(home, "swim laps", start=date(2026, 11, 20), unit="lengths")
    practice = open_practice(home)
    practice.journal.add_activity(ActivityDraft(at=NOW, name="walking", minutes=5))
    practice.db.close()
    status, out, err = run(capsys, "pacing")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "swim laps: today's amount 11 lengths (week 2) · rises to 12 on Fri 4 Dec · no goal set",
        "Walking: today's amount 13 minutes (week 4) · 5 done, 8 left · rises to 14 on Mon 30 Nov"
        " · no goal set",
    ]
    assert "quota" not in out.lower()


def test_json_gives_each_plan_and_its_history(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_plan(home)
    run(capsys, "pacing", "hold", "walking")
    status, out, _err = run(capsys, "pacing", "--json")
    assert status == 0
    [document] = json.loads(out)
    history = document.pop("history")
    assert {key: document[key] for key in document if key not in ("baseline", "start")} == {
        "activity": "Walking",
        "today_amount": 13,
        "unit": "minutes",
        "week": 4,
        "done_today": 0,
        "left_today": 13,
        "percent": 10.0,
        "goal": None,
        "next_rise": {"day": "2026-12-07", "amount": 14},
        "held_this_week": True,
        "rate_flagged": False,
    }
    assert history == [
        {
            "day": "2026-11-27",
            "kind": "hold",
            "value": None,
            "reason": "",
            "week": 4,
            "before": 13,
            "after": 13,
            "words": "Held in week 4 (Fri 27 Nov): 13 minutes for another week",
        }
    ]


def test_the_list_shows_the_three_newest_changes_and_counts_the_earlier_ones(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_plan(home)
    for change in (("back",), ("goal", "20"), ("percent", "15")):
        assert run(capsys, "pacing", change[0], "walking", *change[1:])[0] == 0
    assert "earlier" not in run(capsys, "pacing")[1]  # three changes: every one is shown
    run(capsys, "pacing", "goal", "walking", "none")
    assert run(capsys, "pacing")[1].splitlines()[1:] == [
        "  (1 earlier change: paincoach pacing --json lists them all)",
        "  Goal set to 20 minutes in week 4 (Fri 27 Nov)",
        "  Weekly rise set to 15% in week 4 (Fri 27 Nov), from week 5",
        "  Goal left open in week 4 (Fri 27 Nov)",
    ]
    run(capsys, "pacing", "hold", "walking")
    listed = run(capsys, "pacing")[1].splitlines()
    assert listed[1] == "  (2 earlier changes: paincoach pacing --json lists them all)"


@pytest.mark.parametrize(
    ("percent", "amount", "words"),
    [
        (
            50,
            25,
            "  This plan rises 50% a week, more than the 5-20% paincoach suggests (a faster "
            "rise tends to end in a flare and a long rest). To choose a rate, 10% is a good "
            "start: paincoach pacing percent Walking 10",
        ),
        (
            2,
            11,
            "  This plan rises 2% a week, less than the 5-20% paincoach suggests (a slower "
            "rise may hardly show). To choose a rate, 10% is a good start: "
            "paincoach pacing percent Walking 10",
        ),
        (
            0,
            10,
            "  This plan does not rise; paincoach suggests 5-20% a week, 10% to start. To "
            "choose one: paincoach pacing percent Walking 10",
        ),
    ],
)
def test_a_plan_rising_outside_five_to_twenty_percent_is_flagged(
    home: Path, capsys: pytest.CaptureFixture[str], percent: int, amount: int, words: str
) -> None:
    make_plan(home)
    conn = sqlite3.connect(db_path(home))  # an older plan: its rate is kept as it was
    with conn:
        conn.execute("UPDATE pacing_plans SET percent = ?", (percent,))
    conn.close()
    status, out, _err = run(capsys, "pacing")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"Walking: today's amount {amount} minutes (week 4)")
    assert lines[1] == words
    [document] = json.loads(run(capsys, "pacing", "--json")[1])
    assert (document["percent"], document["rate_flagged"]) == (percent, True)


# -- changing ----------------------------------------------------------------------------------


def test_hold_keeps_the_amount_for_the_coming_week(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_plan(home)
    status, out, err = run(capsys, "pacing", "hold", "WALKING")
    assert (status, err) == (0, "")
    assert out == "Held Walking: 13 minutes for another week; the next rise is on Mon 7 Dec.\n"
    held = plan(home)
    assert (held.today_amount, held.held_this_week, held.next_rise) == (13, True, (MON_7, 14))
    assert [line.change.kind for line in held.history] == ["hold"]
    next_week = open_practice(home, lambda: NOW + timedelta(days=3)).pacing.plan_for("walking")
    assert next_week is not None and next_week.today_amount == 13  # Monday 30 November
    status, out, _err = run(capsys, "pacing")
    assert "· held this week · rises to 14 on Mon 7 Dec" in out
    assert "  Held in week 4 (Fri 27 Nov): 13 minutes for another week" in out


def test_a_second_hold_in_the_same_week_changes_nothing(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_plan(home)
    run(capsys, "pacing", "hold", "walking")
    status, out, _err = run(capsys, "pacing", "hold", "walking")
    assert status == 0
    assert out.startswith("Walking is already held this week; nothing changed.")
    assert changes_kept(home) == 1


def test_back_lowers_the_amount_by_one_weeks_rise(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_plan(home)
    status, out, err = run(capsys, "pacing", "back", "walking")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "Stepped Walking back: today's amount is 12 minutes (it was 13).",
        "Today's amount is 12 minutes; it rises to 13 on Mon 30 Nov.",
    ]
    stepped = plan(home)
    assert (stepped.today_amount, stepped.next_rise) == (12, (MON_30, 13))
    assert [(h.change.kind, h.before, h.after) for h in stepped.history] == [("back", 13, 12)]


def test_back_at_one_minute_changes_nothing(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    practice = open_practice(home)
    practice.save_session(plan_session("stretch", [1, 1, 1], NOW.date()))
    practice.db.close()
    status, out, _err = run(capsys, "pacing", "back", "stretch")
    assert status == 0
    assert out == "stretch is at 1 minute, as low as a plan goes; nothing changed.\n"
    assert changes_kept(home) == 0


def test_an_amount_of_1_reads_1_minute_or_1_lap(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    practice = open_practice(home)
    practice.save_session(plan_session("stretch", [1, 1, 1], NOW.date()))
    practice.save_session(plan_session("swim", [1, 1, 1], NOW.date(), unit="laps"))
    practice.db.close()
    out = run(capsys, "pacing")[1]
    assert "stretch: today's amount 1 minute (week 1)" in out
    assert "swim: today's amount 1 lap (week 1)" in out
    assert run(capsys, "pacing", "hold", "swim")[1] == "Held swim: 1 lap for another week.\n"
    assert "  Held in week 1 (Fri 27 Nov): 1 lap for another week" in run(capsys, "pacing")[1]
    out = run(capsys, "today")[1]
    assert "Pacing, stretch: 0 of 1 minute (1 left; week 1)" in out
    assert "Pacing, swim: today's amount is 1 lap (week 1)" in out


def test_an_activity_of_several_words_quoted_or_not(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_plan(home, "Walking the dog")
    assert run(capsys, "pacing", "back", "walking the DOG")[0] == 0
    assert run(capsys, "pacing", "back", "walking", "the", "dog")[0] == 0
    assert run(capsys, "pacing", "goal", "walking", "the", "dog", "20")[0] == 0
    changed = plan(home, "walking the dog")
    assert [h.change.kind for h in changed.history] == ["back", "back", "goal"]
    assert (changed.today_amount, changed.goal) == (11, 20.0)


def test_goal_stops_the_rise_and_none_leaves_it_open(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_plan(home)
    status, out, _err = run(capsys, "pacing", "goal", "walking", "14")
    assert status == 0
    assert out.splitlines() == [
        "Goal for Walking: 14 minutes.",
        "Today's amount is 13 minutes; it rises to 14 on Mon 30 Nov.",
    ]
    at_goal = open_practice(home, lambda: NOW + timedelta(days=10)).pacing.plan_for("walking")
    assert at_goal is not None
    assert (at_goal.today_amount, at_goal.goal, at_goal.next_rise) == (14, 14.0, None)
    _status, out, _err = run(capsys, "pacing")
    assert out.splitlines()[0].endswith("· rises to 14 on Mon 30 Nov · goal 14")
    status, out, _err = run(capsys, "pacing", "goal", "walking", "open")
    assert status == 0 and out.startswith("The goal for Walking is left open.")
    opened = plan(home)
    assert opened.goal is None and opened.next_rise == (MON_30, 14)
    assert [h.words("minutes") for h in opened.history] == [
        "Goal set to 14 minutes in week 4 (Fri 27 Nov)",
        "Goal left open in week 4 (Fri 27 Nov)",
    ]


def test_a_goal_below_todays_amount_brings_it_down(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_plan(home)
    status, out, _err = run(capsys, "pacing", "goal", "walking", "11")
    assert status == 0
    assert out.splitlines() == [
        "Goal for Walking: 11 minutes. Today's amount comes down to it (it was 13).",
        "Today's amount is 11 minutes, your goal: it stays there.",
    ]
    assert plan(home).today_amount == 11


def test_percent_sets_the_rise_from_the_next_plan_week(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_plan(home)
    status, out, _err = run(capsys, "pacing", "percent", "walking", "20%")
    assert status == 0
    assert out.splitlines() == [
        "Walking now rises 20% a week, from Mon 30 Nov (week 5).",
        "Today's amount is 13 minutes; it rises to 15 on Mon 30 Nov.",
    ]
    changed = plan(home)
    assert (changed.percent, changed.today_amount, changed.next_rise) == (20.0, 13, (MON_30, 15))
    assert [h.change.value for h in changed.history] == [20.0]


# -- refused: exit 2, a reason, nothing changed ------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("hold", "running"),
            'There is no active pacing plan for "running". Your plans are for: swim, Walking. '
            "Nothing was changed.",
        ),
        (("back", "walk"), 'There is no active pacing plan for "walk".'),
        (("goal", "run", "30"), "Your plans are for: swim, Walking."),
        (("percent", "run", "10"), "Your plans are for: swim, Walking."),
        (
            ("goal", "walking", "thirty"),
            'The goal "thirty" is not a number. Give it in the plan\'s unit, e.g. '
            "paincoach pacing goal walking 30, or none to leave it open. Nothing was changed.",
        ),
        (("goal", "walking", "nan"), 'The goal "nan" is not a number.'),
        (
            ("goal", "walking", "0"),
            "A goal must be more than 0 (found 0), or left open. Nothing was changed.",
        ),
        (("goal", "walking", "-5"), "A goal must be more than 0 (found -5)"),
        (
            ("percent", "walking", "ten"),
            'The weekly rise "ten" is not a number. Give it as a percent from 5 to 20',
        ),
        (
            ("percent", "walking", "25"),
            "The weekly rise must be from 5 to 20 percent (found 25): rising faster tends to "
            "end in a flare",
        ),
        (("percent", "walking", "4"), "must be from 5 to 20 percent (found 4)"),
        (("percent", "walking", "inf"), 'The weekly rise "inf" is not a number.'),
        (("hold", "walk\x00ing"), "There is a NUL character"),
        (("goal", "walking"), "the following arguments are required: AMOUNT"),
    ],
)
def test_a_bad_name_or_value_says_why_and_changes_nothing(
    home: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    make_plan(home)
    make_plan(home, "swim", unit="lengths")
    before = plan(home)
    status, out, err = run(capsys, "pacing", *argv)
    assert (status, out) == (2, "")
    assert message in err
    assert plan(home) == before and changes_kept(home) == 0


def test_a_change_with_no_plans_says_how_to_make_one(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "pacing", "hold", "walking")
    assert (status, out) == (2, "")
    assert 'There is no active pacing plan for "walking". You have no pacing plan yet.' in err
    assert '"Pacing plan"' in err


def test_paincoach_today_shows_each_plan_and_the_offer_after_a_flare(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    from paincoach.db.engine import Database
    from paincoach.journal.service import Journal
    from paincoach.records.entries import CheckInDraft

    make_plan(home)
    status, out, _ = run(capsys, "today")
    assert status == 0
    assert "Pacing, Walking: 0 of 13 minutes (13 left; week 4)" in out
    assert "holds a plan this week" not in out
    Journal(Database.open(home), lambda: NOW).add_checkin(
        CheckInDraft(NOW - timedelta(hours=2), 7, tags=("flare",))
    )
    _, out, _ = run(capsys, "today")
    flat = " ".join(out.split())
    assert (
        "Since a check-in tagged as a flare on Fri 27 Nov: 'paincoach pacing hold ACTIVITY' "
        "holds a plan this week (no rise next week)."
    ) in flat


def test_undo_takes_back_todays_newest_change_from_the_shell(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    make_plan(home)
    status, out, _ = run(capsys, "pacing", "undo", "walking")
    assert status == 0 and "Nothing to undo today for Walking; nothing changed." in out
    run(capsys, "pacing", "back", "walking")
    assert plan(home).today_amount == 12
    status, out, _ = run(capsys, "pacing", "undo", "walking")
    assert status == 0 and "Took back the newest change to Walking: today's amount is 13" in out
    assert plan(home).history == () and changes_kept(home) == 0
