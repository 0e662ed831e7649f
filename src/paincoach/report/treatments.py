"""The report's treatment sections: the regular list, as-needed days by week, and relief.

A clinician asks what the person takes and whether it helps; these sections answer in the
person's own words and ratings. As-needed days are counted by week (clinicians count days,
not pills). Nothing here judges a treatment or suggests a change.
"""

from __future__ import annotations

from paincoach.records.treatments import KINDS
from paincoach.report.build import Report
from paincoach.report.parts import DASH, Section, Table, day_text, value_text, week_label

KIND_WORDS = dict(zip(KINDS, ("medicine", "other treatment"), strict=True))
NO_ADVICE = "paincoach records what the person says they use; it suggests no dose, change or limit."


def regular_section(report: Report) -> Section | None:
    """The regular treatments in use at the period's end, then those stopped in it and why."""
    if not report.regular:
        return None
    rows = tuple(
        (
            t.name,
            KIND_WORDS[t.kind],
            t.dose or DASH,
            t.how_often or DASH,
            "yes" if t.as_needed else "no",
            day_text(t.start),
            DASH if t.stop is None else day_text(t.stop),
            t.stop_words or DASH,
        )
        for t in report.regular
    )
    headers = (
        "Treatment",
        "Kind",
        "Dose",
        "How often",
        "As needed",
        "Since",
        "Stopped",
        "Why stopped",
    )
    items: tuple[str, ...] = ()
    if report.include_notes:
        items = tuple(
            f"{t.name}, why it stopped: {' '.join(t.stop_note.split())}"
            for t in report.regular
            if t.stop is not None and t.stop_note.strip()
        )
    return Section(
        "treatments",
        "Treatments",
        (
            "The treatments the person uses regularly, as at the end of the period, and the "
            "ones they stopped in it. Dose and how often are in their own words. " + NO_ADVICE,
        ),
        Table(headers, rows),
        items=items,
    )


def as_needed_section(report: Report) -> Section | None:
    """Per week of the period: the days with a dose taken as needed."""
    found = report.treatments
    if found is None or not found.uses:
        return None
    days = found.as_needed_days
    rows = []
    for week in report.weeks:
        inside = [day for day in days if week.first <= day <= week.last]
        rows.append(
            (
                week_label(week),
                str(len(inside)),
                ", ".join(f"{day:%a}" for day in inside) or DASH,
            )
        )
    return Section(
        "as_needed",
        "As-needed days by week",
        (
            "A day counts when at least one dose that day was of something taken as needed, "
            "or of something not on the regular list then. Days are counted, not doses: "
            f"{len(days)} of the {report.length} days.",
        ),
        Table(("Week", "As-needed days", "Which days"), tuple(rows), frozenset({1})),
    )


def relief_section(report: Report) -> Section | None:
    """Per treatment taken in the period: doses, how many were rated, and the mean relief."""
    found = report.treatments
    if found is None or not found.uses:
        return None
    rows = tuple(
        (use.name, str(use.doses), str(use.rated), value_text(use.mean_relief, "rating"))
        for use in found.uses
    )
    return Section(
        "relief",
        "Relief by treatment",
        (
            "The person's own rating, some time after a dose, of how much it helped (0 not at "
            "all, 10 completely): the mean over the doses they rated, with how many that was.",
        ),
        Table(("Treatment", "Doses", "Rated", "Mean relief (0-10)"), rows, frozenset({1, 2, 3})),
    )


def marks_note(report: Report) -> tuple[str, ...]:
    """The line under the day chart naming each ▲ start and ▼ stop ('' when none)."""
    found = report.treatments
    if found is None or not found.marks:
        return ()
    listed = "; ".join(f"{mark.words} on {day_text(mark.day)}" for mark in found.marks)
    return (f"Regular treatments started (▲) and stopped (▼): {listed}.",)
