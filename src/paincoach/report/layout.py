"""The report's sections as plain text tables, shared by the Markdown and HTML renderers.

Cells hold plain text (user words included): each renderer escapes them for its format.
"""

from __future__ import annotations

import re
from datetime import date

from paincoach.core.when import parse_moment
from paincoach.report.build import CHANGE_RULE, HEADER, PURPOSE, Report
from paincoach.report.parts import DASH, Section, Table, day_text, value_text, week_label
from paincoach.report.period import period_section
from paincoach.report.treatments import (
    as_needed_section,
    marks_note,
    regular_section,
    relief_section,
)
from paincoach.review.changes import shown

_PARENS = re.compile(r" \([^)]*\)")


def period_text(first: date, last: date) -> str:
    """'31 Oct 2026 to 27 Nov 2026 (28 days)'."""
    days = (last - first).days + 1
    return f"{first.day} {first:%b %Y} to {last.day} {last:%b %Y} ({days} day{'s' * (days != 1)})"


def title(report: Report) -> str:
    """The report's title line."""
    return f"paincoach report: {period_text(report.first, report.last)}"


def front(report: Report) -> tuple[str, ...]:
    """The lines under the title: what this is, the period, when made, the baseline."""
    base = report.baseline
    baseline = ""
    if base is not None:
        (lo, end), (start, hi) = base.weeks[0], base.weeks[-1]
        weeks = (
            f"{day_text(lo)} to {day_text(hi)}"
            if (start - end).days == 1
            else f"{day_text(lo)} to {day_text(end)} and {day_text(start)} to {day_text(hi)}"
        )
        baseline = f"Baseline: the first two weeks with entries, {weeks}."
    lines = [
        f"Period: {period_text(report.first, report.last)}. "
        f"Made on {day_text(report.made_at.date())} at {report.made_at:%H:%M}.",
        PURPOSE,
        " ".join(part for part in (baseline, report.baseline_note) if part),
    ]
    return (HEADER, *[line for line in lines if line])


def sections(report: Report) -> list[Section]:
    """Every section, in order (the notes sections only in a report made with notes)."""
    if report.empty:
        empty = Section("empty", "Nothing logged", ("Nothing was logged in this period.",))
        return [s for s in (empty, period_section(report)) if s is not None]
    found = [
        _summary(report),
        _weeks(report),
        period_section(report),
        regular_section(report),
        as_needed_section(report),
        relief_section(report),
        Section("chart", "Day by day", chart="days", table=_days(report), notes=marks_note(report)),
        _pacing(report),
        _exercises(report),
        _traps(report),
        _checks(report),
        _labels_and_goals(report),
    ]
    if report.include_notes:
        found += [_notes(report), _thought_records(report)]
    return [section for section in found if section is not None]


def _summary(report: Report) -> Section:
    rows = []
    strong = set()
    for index, row in enumerate(report.figures):
        change = row.baseline
        if change is not None and change.meaningful:
            strong.add((index, 3))
        rows.append(
            (
                row.label,
                value_text(row.value, row.scale),
                DASH if change is None else shown(change.earlier, row.scale),
                DASH if change is None else _capital(_PARENS.sub("", change.words)),
            )
        )
    counted = f"Counts and minutes are totals over the {report.length} days. "
    headers = ("Figure", "This period", "Baseline", "Compared with baseline")
    return Section(
        "summary",
        "The period at a glance",
        (counted + CHANGE_RULE,),
        Table(headers, tuple(rows), frozenset({1, 2}), frozenset(strong)),
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _weeks(report: Report) -> Section:
    rows = []
    for week in report.weeks:
        v = week.values
        pain = value_text(v["pain_avg"], "rating")
        if v["pain_low"] is not None:
            pain += (
                f" ({value_text(v['pain_low'], 'rating')}–{value_text(v['pain_high'], 'rating')})"
            )
        exercises = int((v["exercises_completed"] or 0) + (v["exercises_incomplete"] or 0))
        rows.append(
            (
                week_label(week),
                value_text(v["days_logged"], "count"),
                pain,
                value_text(v["mood_avg"], "rating"),
                value_text(v["sleep_avg"], "rating"),
                value_text(v["activity_minutes"], "minutes"),
                str(exercises),
                value_text(v["thought_records"], "count"),
                DASH if week.check is None else shown(week.check.score, "rating"),
            )
        )
    headers = (
        "Week",
        "Days logged",
        "Pain avg (low–high)",
        "Mood avg",
        "Sleep avg",
        "Activity min",
        "Exercises",
        "Thought records",
        "Weekly check",
    )
    return Section(
        "weeks",
        "Week by week",
        (
            "Averages are of each day's average. Ratings are 0-10: pain 0 is no pain; "
            "mood and sleep 10 is best.",
        ),
        Table(headers, tuple(rows), frozenset(range(1, 9))),
    )


def _days(report: Report) -> Table:
    rows = tuple(
        (
            f"{p.day:%a} {p.day.day} {p.day:%b}",
            value_text(p.pain_avg, "rating"),
            value_text(p.mood_avg, "rating"),
            DASH if p.activity_minutes is None else str(p.activity_minutes),
        )
        for p in report.days
    )
    return Table(("Day", "Pain", "Mood", "Activity min"), rows, frozenset({1, 2, 3}))


def _pacing(report: Report) -> Section | None:
    if not report.plans:
        return None
    rows = []
    for plan in report.plans:
        done, tally = plan.done_total, plan.tally
        rows.append(
            (
                plan.activity,
                plan.unit,
                str(len(plan.days)),
                str(plan.quota_total),
                DASH if done is None else str(done),
                DASH if tally is None else str(tally.within),
                DASH if tally is None else str(tally.above),
                DASH if tally is None else str(tally.below),
                DASH if tally is None else str(tally.rest),
            )
        )
    headers = (
        "Activity",
        "Unit",
        "Days",
        "Planned total",
        "Done total",
        "Days within 20% of plan",
        "Days above",
        "Days below",
        "Days without it",
    )
    return Section(
        "pacing",
        "Pacing",
        (
            "Planned: the plan's amount for each day it applied, after the weeks the "
            "person held and the steps back they took. Done: minutes logged for that "
            "activity. A day it was done keeps to the plan when its minutes are within 20% of "
            "that day's amount (from 80% to 120% of it); a plan is for the days the person "
            "means to do it, so a day without it is counted apart, not as below. Changes the "
            "person made to a plan in the period are listed below the table.",
        ),
        Table(headers, tuple(rows), frozenset(range(2, 9))),
        notes=("Plans counted in other units than minutes show no 'done' figures.",)
        if any(p.done_total is None for p in report.plans)
        else (),
        items=tuple(
            f"{plan.activity}: {line.words(plan.unit)}"
            for plan in report.plans
            for line in plan.changes
        ),
    )


def _exercises(report: Report) -> Section | None:
    if not report.exercises:
        return None
    rows = tuple(
        (
            line.title,
            line.kind.replace("_", " "),
            str(line.sessions),
            str(line.completed),
            str(line.rated),
            value_text(line.before_avg, "rating"),
            value_text(line.after_avg, "rating"),
        )
        for line in report.exercises
    )
    headers = ("Exercise", "Kind", "Sessions", "Finished", "Rated", "Before avg", "After avg")
    return Section(
        "exercises",
        "Exercises practised",
        (
            "Before and after: the person's own 0-10 rating of what the exercise asks about "
            "(e.g. tension), averaged over the sessions rated both times.",
        ),
        Table(headers, rows, frozenset(range(2, 7))),
    )


def _traps(report: Report) -> Section | None:
    if not report.traps:
        return None
    records = report.trap_records
    return Section(
        "traps",
        "Thinking traps noticed",
        (f"{records} thought record{'s' * (records != 1)} named at least one thinking trap.",),
        Table(
            ("Thinking trap", "Records"),
            tuple((trap, str(count)) for trap, count in report.traps[:10]),
            frozenset({1}),
        ),
    )


def _checks(report: Report) -> Section | None:
    if not report.checks:
        return None
    rows = tuple(
        (
            day_text(check.day),
            str(check.pain),
            str(check.enjoyment),
            str(check.activity),
            shown(check.score, "rating"),
        )
        for check in report.checks
    )
    first = report.first_check
    paragraphs = [
        "Three 0-10 questions about the past 7 days, after the PEG scale (Krebs et al. 2009): "
        "average pain, and how much pain got in the way of enjoying life and of usual "
        "activities. The score is their mean."
    ]
    if first is not None and all(c.uid != first.uid for c in report.checks):
        paragraphs.append(
            f"First weekly check ever: {day_text(first.day)}, score {shown(first.score, 'rating')}."
        )
    return Section(
        "checks",
        "Weekly checks",
        tuple(paragraphs),
        Table(("Given on", "Pain", "Enjoyment", "Activity", "Score"), rows, frozenset(range(1, 5))),
    )


def _labels_and_goals(report: Report) -> Section | None:
    items = []
    if report.areas:
        items.append("Pain areas: " + ", ".join(f"{n} ({c})" for n, c in report.areas))
    if report.tags:
        items.append("Tags: " + ", ".join(f"{n} ({c})" for n, c in report.tags))
    if report.goals_set or report.goals_done:
        items.append(
            f"Goals: {report.goals_set} set, {report.goals_done} marked done in this period"
        )
    for text, done in report.goal_texts:
        items.append(f"Goal{' (done)' if done else ''}: {' '.join(text.split())}")
    if not items:
        return None
    return Section(
        "labels",
        "Pain areas, tags and goals",
        ("How many check-ins named each area or tag.",),
        items=tuple(items),
    )


def _notes(report: Report) -> Section:
    rows = tuple((f"{parse_moment(n.at):%a %d %b %H:%M}", n.what, n.text) for n in report.notes)
    return Section(
        "notes",
        "Notes",
        ("Included because the person asked for their notes in this report.",),
        Table(("When", "Entry", "Note"), rows) if rows else None,
        notes=() if rows else ("No notes in this period.",),
    )


def _thought_records(report: Report) -> Section:
    items = []
    for record in report.thought_records:
        parts = [f"{record.at:%a %d %b %H:%M}"]
        for label, text in (
            ("Situation", record.situation),
            ("Hot thought", record.hot_thought),
            ("Evidence for", record.evidence_for),
            ("Evidence against", record.evidence_against),
            ("Balanced thought", record.balanced),
        ):
            if text:
                parts.append(f"{label}: {' '.join(text.split())}")
        if record.traps:
            parts.append("Traps: " + ", ".join(record.traps))
        items.append(" · ".join(parts))
    return Section(
        "thought_records",
        "Thought records",
        ("Included because the person asked for their notes in this report.",),
        items=tuple(items) or ("No thought records in this period.",),
    )
