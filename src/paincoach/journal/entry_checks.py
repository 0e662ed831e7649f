"""What every save of an entry checks, whichever driver writes it: dates and distress words.

Shared by the ORM path (`journal.service`) and the fast one (`journal.quick`), so that an
unlikely date is questioned and the support card offered alike. No ORM import here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

from paincoach.core.errors import UnlikelyDateError
from paincoach.core.when import local_day
from paincoach.records import distress_quick
from paincoach.records.distress_text import PhraseFileError
from paincoach.records.entries import EARLIEST_LIKELY_YEAR, unlikely_date


def written_distress(texts: Iterable[str]) -> bool:
    """Whether any of `texts` holds words of suicidal thoughts, plans or self-harm.

    The entry is already saved when this runs: a broken phrase file must not make the save
    look failed, so it counts as no words (the bundled file is checked by the tests).
    Most texts are answered without reading the list at all (`records.distress_quick`).
    """
    texts = [text for text in texts if text]
    if not texts:
        return False  # most saves: the phrase list is not even read
    try:
        return distress_quick.any_in(texts)
    except PhraseFileError:
        return False


def check_date(at: datetime, confirmed: bool, first_day: Callable[[], date | None]) -> None:
    """Refuse an unlikely date (`UnlikelyDateError`) unless the person confirmed it.

    `first_day` gives the journal's first day with an entry (asked only when needed).
    """
    if confirmed:
        return
    day = local_day(at)
    early = day.year < EARLIEST_LIKELY_YEAR
    reason = unlikely_date(day, None if early else first_day())
    if reason:
        raise UnlikelyDateError(reason)
