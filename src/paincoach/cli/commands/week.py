"""`paincoach week [--week 2026-W47 | --date YYYY-MM-DD] [--json]`: figures and insights."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from rich import box
from rich.table import Table
from rich.text import Text

from paincoach.cli.terminal import console
from paincoach.core import clock
from paincoach.core.textsafe import visible
from paincoach.core.weeks import week_of_date, week_of_iso
from paincoach.core.when import parse_date
from paincoach.records.review import Change, Figure, Insights, Scale, WeekSummary
from paincoach.review.changes import RULES, shown, signed


def run(args: argparse.Namespace, home: Path) -> int:
    """Show the week asked for (default: this week)."""
    from paincoach.db.engine import Database
    from paincoach.review.insights import week_insights
    from paincoach.review.summary import week_summary
    from paincoach.settings import load_settings

    today = clock.now().date()
    db = Database.open(home)
    week_start = load_settings(db).week_start
    start = _start(args, today, week_start)
    summary = week_summary(db, start, week_start=week_start, today=today)
    insights = week_insights(db, start, week_start=week_start, today=today)
    db.close()
    if args.json:
        from paincoach.review.as_json import week_document

        json.dump(week_document(summary, insights), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    show(summary, insights)
    return 0


def _start(args: argparse.Namespace, today: date, week_start: int) -> date:
    if args.week:
        return week_of_iso(args.week, week_start)
    day = parse_date(args.date) if args.date else today
    return week_of_date(day, week_start)


# -- showing it ----------------------------------------------------------------------------------


def _span(summary: WeekSummary) -> str:
    first, last = summary.start, summary.end
    head = f"{first:%A} {first.day}" + ("" if first.month == last.month else f" {first:%B}")
    text = f"Week {summary.label}: {head} – {last:%A} {last.day} {last:%B %Y}"
    if summary.so_far:
        text += f" ({summary.so_far})"
    return text


def _value(figure: Figure) -> str:
    if figure.value is None:
        return "–"
    return shown(figure.value, figure.scale) + (" min" if figure.scale == "minutes" else "")


def _cell(change: Change | None, scale: Scale) -> Text:
    """A comparison in a few words: the earlier value, then how it changed."""
    if change is None:
        return Text("–")
    rule = RULES[scale]
    earlier = shown(change.earlier, scale)
    if change.direction == "same":
        return Text(f"{earlier}: about the same")
    way = rule.more if change.delta > 0 else rule.less
    if not change.meaningful:
        return Text(f"{earlier}: a little {way}")
    size = signed(change.delta, scale)
    percent = "" if change.percent is None else f", {change.percent:+d}%"
    return Text(f"{earlier}: {way} ({size}{percent}), meaningful", style="bold")


def figures_table(summary: WeekSummary) -> Table:
    """The figures, each with the week before and the baseline (the first two weeks)."""
    so_far = summary.days_so_far < 7
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("figure", no_wrap=True)
    table.add_column("this week", justify="right", no_wrap=True)
    table.add_column("same days last week" if so_far else "last week", ratio=1)
    table.add_column("first two weeks", ratio=1)
    for figure in summary.figures:
        if figure.key == "check_score" and figure.value is None:
            continue
        table.add_row(
            figure.label,
            _value(figure),
            _cell(figure.previous, figure.scale),
            _cell(figure.baseline, figure.scale),
        )
    return table


def days_table(summary: WeekSummary) -> Table:
    """Day by day: average pain, average mood and active minutes (– where none logged)."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for name in ("day", "pain", "mood", "active min"):
        table.add_column(name, justify="left" if name == "day" else "right")
    for point in summary.days:
        table.add_row(
            f"{point.day:%a} {point.day.day} {point.day:%b}",
            "–" if point.pain_avg is None else shown(point.pain_avg, "rating"),
            "–" if point.mood_avg is None else shown(point.mood_avg, "rating"),
            "–" if point.activity_minutes is None else str(point.activity_minutes),
        )
    return table


def show(summary: WeekSummary, insights: Insights) -> None:
    """Print the week for a person to read."""
    out = console()
    out.print(Text(_span(summary), style="bold"))
    for note in (summary.previous_note, summary.baseline_note):
        if note:
            out.print(note)
    out.print(figures_table(summary))
    if summary.days_so_far < 7:
        out.print("Counts and minutes of the first two weeks are scaled to as many days.")
    out.print(days_table(summary))
    _show_check(summary)
    _show_pacing(summary)
    _show_exercises(summary)
    _show_treatments(summary)
    _show_insights(insights)
    out.print(
        "Changes of 2 points or 30% are called meaningful. These are observations from "
        "your own entries, not medical advice.",
        soft_wrap=True,
    )


def _show_check(summary: WeekSummary) -> None:
    out = console()
    check = summary.check
    if check is None:
        out.print("No weekly check for this week yet (the app offers it near the week's end).")
        return
    out.print(
        f"Weekly check ({check.day:%a} {check.day.day} {check.day:%b}): score "
        f"{shown(check.score, 'rating')} (pain {check.pain}, enjoying life {check.enjoyment}, "
        f"usual activities {check.activity})"
    )


def _show_pacing(summary: WeekSummary) -> None:
    out = console()
    for plan in summary.plans:
        days = ", ".join(
            f"{d.day:%a} {'?' if d.done is None else d.done}/{d.quota}" for d in plan.days
        )
        done, tally = plan.done_total, plan.tally
        planned = plan.quota_total
        total = f"{done} of {planned}" if done is not None else f"{planned} planned"
        when = "so far" if summary.so_far else "this week"
        line = f"Pacing, {plan.activity} ({plan.unit}): {total} {when} ({days})"
        if tally is not None:
            line += f"; {tally.words}"
        out.print(Text(visible(line)), soft_wrap=True)


def _show_exercises(summary: WeekSummary) -> None:
    if not summary.exercises:
        return
    parts = [
        f"{e.kind.replace('_', ' ')} {e.completed} finished"
        + (f", {e.incomplete} left early" if e.incomplete else "")
        for e in summary.exercises
    ]
    console().print(Text(visible("Exercises: " + "; ".join(parts))), soft_wrap=True)


def treatment_lines(summary: WeekSummary) -> list[str]:
    """The week's doses per treatment, its as-needed days, and starts and stops ([] if none)."""
    found = summary.treatments
    if found is None or found.empty:
        return []
    days = ", ".join(f"{day:%a}" for day in found.as_needed_days)
    counted = summary.days_so_far
    lines = [
        f"Treatments: {found.doses} dose{'s' * (found.doses != 1)}; as-needed days "
        f"{len(found.as_needed_days)} of {counted}" + (f" ({days})" if days else "")
    ]
    for use in found.uses:
        relief = f", {use.too_few_words}" if use.too_few_words else ""
        if use.mean_shown is not None:
            mean = shown(use.mean_shown, "rating")
            relief = f", relief {mean}/10 on average ({use.rated} rated)"
        lines.append(f"  {use.name}: {use.doses} dose{'s' * (use.doses != 1)}{relief}")
    for mark in found.marks:
        lines.append(f"  {mark.words} on {mark.day:%a} {mark.day.day} {mark.day:%b}")
    return lines


def _show_treatments(summary: WeekSummary) -> None:
    for line in treatment_lines(summary):
        console().print(Text(visible(line)), soft_wrap=True)


def _show_insights(insights: Insights) -> None:
    out = console()
    first, last = insights.first, insights.last
    out.print()
    out.print(
        Text(
            f"What your entries show ({first.day} {first:%b} – {last.day} {last:%b %Y})",
            style="bold",
        )
    )
    for item in insights.items:
        line = Text(f"{item.title}: ", style="bold")
        line.append(visible(item.text))
        out.print(line, soft_wrap=True)
        if item.enough and item.caveat:
            out.print(Text(f"  Note: {item.caveat}", style="italic"), soft_wrap=True)
