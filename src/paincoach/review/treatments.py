"""Treatments over some days, for the week, the insights and the clinician report.

Doses are read by day only (`db.treatment_repository.doses_between`), and the regular list
is a person's handful of medicines and therapies, so the cost is the same after ten years.
What counts as an as-needed day, and how relief is averaged, are the service's own rules
(`journal.treatments.Treatments.as_needed_days`, `mean_relief`): one rule everywhere.
Nothing here judges a treatment or suggests a change.
"""

from __future__ import annotations

from datetime import date

from paincoach.core.rounding import rounded
from paincoach.db import treatment_repository as trepo
from paincoach.db.engine import Database
from paincoach.journal.treatments import Treatments
from paincoach.records.names import name_key
from paincoach.records.review import TreatmentMark, TreatmentPeriod, TreatmentUse
from paincoach.records.treatments import Treatment


def treatment_period(db: Database, first: date, last: date) -> TreatmentPeriod:
    """The doses per treatment, the as-needed days and the starts and stops from `first` to
    `last` (inclusive; nothing when `first` is after `last`)."""
    if first > last:
        return TreatmentPeriod(first, last)
    with db.read() as session:
        doses = trepo.doses_between(session, first, last)
        regular = [
            trepo.treatment_from_row(row)
            for row in trepo.treatment_rows(session, active_only=False)
        ]
    service = Treatments(db)
    relief = {name_key(found.name): found for found in service.mean_relief(first, last)}
    counts: dict[str, tuple[str, int]] = {}
    for dose in doses:
        spelled, count = counts.get(name_key(dose.name), (dose.name, 0))
        counts[name_key(dose.name)] = (spelled, count + 1)
    uses = []
    for key, (name, count) in sorted(counts.items()):
        rated = relief.get(key)
        uses.append(
            TreatmentUse(
                name,
                count,
                rated.rated if rated else 0,
                rounded(rated.mean, 1) if rated else None,
            )
        )
    return TreatmentPeriod(
        first,
        last,
        tuple(uses),
        tuple(service.as_needed_days(first, last)) if doses else (),
        marks_between(regular, first, last),
    )


def marks_between(regular: list[Treatment], first: date, last: date) -> tuple[TreatmentMark, ...]:
    """Each start and stop of a regular treatment from `first` to `last`, by day then name."""
    found = []
    for treatment in regular:
        if first <= treatment.start <= last:
            found.append(TreatmentMark(treatment.start, treatment.name, "started"))
        if treatment.stop is not None and first <= treatment.stop <= last:
            found.append(
                TreatmentMark(treatment.stop, treatment.name, "stopped", treatment.stop_words)
            )
    # a stop before a start on the same day: a dose changed is stopped, then started again
    order = {"stopped": 0, "started": 1}
    return tuple(sorted(found, key=lambda m: (m.day, order[m.change], name_key(m.name))))
