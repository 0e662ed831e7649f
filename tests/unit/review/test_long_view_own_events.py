"""The person's own marked events on the trends, end to end: marked through `Services.events`,
read by `Services.long_view` in its span, with before-and-after figures like the events
paincoach knows of. Today is the frozen Friday 27 Nov 2026 (Europe/London)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from paincoach.services import Services
from tests.storage_support import checkin, local
from tests.support import fixed_clock


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    opened = Services(tmp_path / "home", fixed_clock)
    yield opened
    opened.close()


def log(services: Services, at: datetime, pain: int, **fields: object) -> None:
    services.journal.add_checkin(checkin(at=at, pain=pain, **fields), confirmed=True)


def test_an_own_event_is_on_the_trends_with_before_and_after_figures(services: Services) -> None:
    start = date(2026, 10, 12)
    for n in range(1, 15):  # two weeks before at 7, two weeks from it at 4 and 5
        log(services, local(start - timedelta(days=n)), 7, mood=4)
        log(services, local(start + timedelta(days=n - 1)), 4 if n % 2 else 5, mood=6)
    added = services.events.add(start, "Started physiotherapy")
    trends = services.long_view.trends(3)
    [event] = trends.events
    assert event == added and (event.kind, event.uid) == ("own", added.uid)
    [compared] = trends.before_after
    assert compared.event == added and compared.enough
    assert (compared.days_before, compared.days_after) == (14, 14)
    assert compared.mean_before == 7 and compared.mean_after == pytest.approx(4.5)
    assert compared.words.startswith("From Mon 12 Oct 2026, your pain was lower: 4.5 on average")
    assert "not a cause" in compared.words
    mood = services.long_view.trends(3, measure="mood").before_after[0]
    assert "your mood was higher: 6.0" in mood.words


def test_only_the_events_in_the_span_are_shown_beside_the_known_ones(
    services: Services,
) -> None:
    log(services, local(date(2026, 3, 2)), 5)
    log(services, local(date(2026, 11, 2)), 5)
    services.events.add(date(2026, 3, 2), "new job")  # nine months ago
    services.events.add(date(2026, 11, 2), "moved house")
    services.treatments.start("physiotherapy", kind="other", day=date(2026, 11, 2))
    three = services.long_view.trends(3)
    assert [(e.day, e.kind, e.title) for e in three.events] == [
        (date(2026, 11, 2), "own", "moved house"),  # own first on a shared day
        (date(2026, 11, 2), "treatment-start", "Started physiotherapy"),
    ]
    twelve = services.long_view.trends(12)
    assert [e.title for e in twelve.events if e.kind == "own"] == ["new job", "moved house"]
    assert len(twelve.before_after) == 3


def test_a_removed_event_leaves_the_trends(services: Services) -> None:
    log(services, local(date(2026, 11, 2)), 5)
    gone = services.events.add(date(2026, 11, 2), "moved house")
    services.events.add(date(2026, 11, 3), "new job")
    services.events.remove(gone.uid)
    assert [e.title for e in services.long_view.trends(3).events] == ["new job"]
