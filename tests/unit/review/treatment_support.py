"""A journal with treatments whose week is known, made through the `Treatments` service.

The week is W47 (Mon 16 – Sun 22 Nov 2026), over by the frozen clock's Friday 27 Nov:
- ibuprofen, regular (three times a day) since 17 Oct: doses Mon, Tue, Wed, relief 6, 7, 8;
- codeine, regular since 17 Sep, stopped Wed 18 Nov (side effects), one more dose on Fri;
- paracetamol, as needed, started Tue 17 Nov: a dose on Thu, relief 5;
- a heat pack on Mon, not on the regular list, never rated.
So the as-needed days are Mon (heat pack), Thu (as needed) and Fri (codeine after its stop).
"""

from __future__ import annotations

from datetime import timedelta

from paincoach.db.engine import Database
from paincoach.journal.treatments import Treatments
from tests.review_support import MON, at
from tests.support import fixed_clock

D = timedelta(days=1)


def treated_week(db: Database) -> Treatments:
    """Fill `db` with the week above; the service, for more."""
    service = Treatments(db, fixed_clock)
    service.start("ibuprofen", dose="400 mg", how_often="three times a day", day=MON - 30 * D)
    service.start("codeine", dose="30 mg", how_often="at night", day=MON - 60 * D)
    service.start("paracetamol", dose="1 g", as_needed=True, day=MON + D)
    service.stop("codeine", why="side_effects", note="made me drowsy", day=MON + 2 * D)
    for offset, relief in ((0, 6), (1, 7), (2, 8)):
        service.took("Ibuprofen", at=at(MON + offset * D, 8), relief=relief, confirmed=True)
    service.took("paracetamol", at=at(MON + 3 * D, 15), relief=5, confirmed=True)
    service.took("codeine", at=at(MON + 4 * D, 22), confirmed=True)
    service.took("heat pack", at=at(MON, 20), confirmed=True)
    return service
