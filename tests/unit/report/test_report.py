"""The clinician report: figures from the week summary, notes only on request, safe output."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach.core.errors import InputError
from paincoach.db.engine import Database
from paincoach.records.entries import ActivityDraft
from paincoach.report import html as report_html
from paincoach.report import layout
from paincoach.report import markdown as report_markdown
from paincoach.report.build import HEADER, Report, build_report, report_range
from paincoach.review import summary
from tests.data_support import TODAY, fill_home
from tests.review_support import Book
from tests.storage_support import checkin, local, open_journal
from tests.support import NOW

FIRST = date(2026, 11, 2)  # after the baseline (the first 14 days with entries)
PRIVATE_WORDS = ("morning 16", "Tuesday 3pm", "I'll never cope", "Walk round the block", "SUM(A1)")


@pytest.fixture
def db(home: Path) -> Database:
    fill_home(home)
    return Database.open(home)


def made(db: Database, first: date = FIRST, *, notes: bool = False) -> Report:
    return build_report(db, first, TODAY, include_notes=notes, now=NOW)


def test_the_default_range_is_the_four_weeks_ending_today() -> None:
    assert report_range(None, None, TODAY) == (TODAY - timedelta(days=27), TODAY)
    until = date(2026, 6, 30)
    assert report_range(None, until, TODAY) == (date(2026, 6, 3), until)
    with pytest.raises(InputError, match="after"):
        report_range(TODAY, TODAY - timedelta(days=1))
    with pytest.raises(InputError, match="ten years"):
        report_range(date(2000, 1, 1), TODAY)


def test_figures_are_the_week_summarys_own_and_compared_with_the_baseline(db: Database) -> None:
    report = made(db)
    with db.read() as session:
        expected = summary.period(session, FIRST, TODAY).values()
        baseline, _ = summary.find_baseline(session, 0)
    assert report.baseline == baseline and report.baseline_note == ""
    for key, value in expected.items():
        assert report.figure(key).value == value, key
    pain = report.figure("pain_avg")
    assert pain.baseline is not None and pain.baseline.meaningful
    assert pain.baseline.direction == "down"
    assert "meaningful" in pain.baseline.words
    assert report.figure("check_score").value == round((5.3333 + 4.3333) / 2, 1)


def test_a_period_inside_the_baseline_says_so(db: Database) -> None:
    report = made(db, TODAY - timedelta(days=41))
    assert "overlaps" in report.baseline_note
    assert report.figure("pain_avg").baseline is None


def test_weeks_days_pacing_exercises_traps_and_checks(db: Database) -> None:
    report = made(db)
    assert [w.first for w in report.weeks][:2] == [FIRST, FIRST + timedelta(days=7)]
    assert report.weeks[-1].last == TODAY and report.weeks[-1].days == 5
    assert len(report.days) == (TODAY - FIRST).days + 1
    assert report.days[-1].pain_avg is not None and report.days[-1].activity_minutes
    [plan] = report.plans
    assert plan.activity == "walk" and plan.quota_total > 0
    box = next(line for line in report.exercises if line.title.startswith("Box breathing"))
    assert (box.sessions, box.rated, box.before_avg, box.after_avg) == (2, 2, 6.5, 4.5)
    assert report.traps == (("All-or-nothing", 1), ("Fortune telling", 1))
    assert [c.pain for c in report.checks] == [6, 5]
    assert report.areas[0][0] == "lower back" and report.tags == (("cold", 8),)


@pytest.mark.parametrize("render", [report_markdown.render, report_html.render])
def test_notes_and_thought_record_text_are_left_out_unless_asked(
    db: Database, render: object
) -> None:
    text = render(made(db))  # type: ignore[operator]
    assert HEADER in text and "2 Nov 2026 to 27 Nov 2026 (26 days)" in text
    for words in PRIVATE_WORDS:
        assert words not in text.replace("\\", "").replace("&#x27;", "'"), words
    assert "not included" in text
    with_notes = render(made(db, notes=True)).replace("\\", "")  # type: ignore[operator]
    with_notes = with_notes.replace("&#x27;", "'")
    for words in PRIVATE_WORDS:
        assert words in with_notes, words


def test_html_is_self_contained_and_prints_on_a4_and_letter(db: Database) -> None:
    html = report_html.render(made(db))
    lowered = html.lower()
    for forbidden in ("<script", "<link", "@import", "url(", "src=", "href=", "https:"):
        assert forbidden not in lowered, forbidden
    assert set(re.findall(r"http://[^\"' ]+", html)) == {"http://www.w3.org/2000/svg"}
    assert "@page" in html and "@media print" in html and "break-inside: avoid" in html
    assert html.count("<svg") == 2 and "Daily pain and mood" in html
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")


def test_user_text_cannot_become_markup(home: Path) -> None:
    journal = open_journal(home)
    hostile = "<script>alert(1)</script> | # *bold* [x](y) \x1b[31m"
    journal.add_checkin(checkin(pain=5, note=hostile, tags=("<b>tag</b>",)))
    journal.add_activity(ActivityDraft(at=NOW, name="- list | pipe", minutes=5, note="# heading"))
    db = journal.db
    report = build_report(db, TODAY - timedelta(days=3), TODAY, include_notes=True, now=NOW)
    html = report_html.render(report)
    assert "<script>" not in html and "<b>tag" not in html and "\x1b" not in html
    assert "&lt;script&gt;" in html
    md = report_markdown.render(report)
    assert "<script>" not in md and "\x1b" not in md
    assert "\\<script\\>" in md and "\\| \\# \\*bold\\*" not in md
    assert "\\|" in md and "\\*bold\\*" in md
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    assert all(line.count(" | ") == rows[0].count(" | ") for line in rows if "Note" in rows[0])


def test_an_empty_period_says_nothing_was_logged(home: Path) -> None:
    db = open_journal(home).db
    report = build_report(db, TODAY - timedelta(days=27), TODAY, now=NOW)
    assert report.empty
    assert "Nothing was logged in this period." in report_markdown.render(report)
    assert "Nothing was logged in this period." in report_html.render(report)


def test_the_weekly_table_follows_the_week_start_setting(db: Database) -> None:
    report = build_report(db, FIRST, TODAY, week_start=6, now=NOW)  # weeks start on Sunday
    assert report.weeks[0].first == FIRST and report.weeks[0].last == date(2026, 11, 7)
    assert report.weeks[1].first.weekday() == 6


def test_a_long_period_is_bounded_by_its_days(home: Path) -> None:
    journal = open_journal(home)
    start = TODAY - timedelta(days=400)
    for n in range(0, 400, 3):
        journal.add_checkin(checkin(local(start + timedelta(days=n), 9), pain=n % 11, mood=5))
    report = build_report(journal.db, start, TODAY, now=NOW)
    assert len(report.days) == 401 and len(report.weeks) in (58, 59)
    assert "<svg" in report_html.render(report)


# -- pacing by the one rule, days not yet lived, the baseline's weeks, the page's width -------


def test_the_report_plans_each_day_as_the_person_followed_the_plan(home: Path) -> None:
    """Issue 15: a held week and a step back show in what was planned, not the plain plan."""
    from paincoach.practice.pacing_plans import PacingPlans

    book = Book(home)
    book.plan("walk", 10, TODAY - timedelta(days=17), percent=10.0)  # week 3 from Tuesday
    first = TODAY - timedelta(days=6)
    plain = build_report(book.db, first, TODAY, now=NOW).plans[0]
    assert [d.quota for d in plain.days] == [11, 11, 11, 12, 12, 12, 12]
    PacingPlans(book.db, lambda: NOW - timedelta(days=7)).hold("walk")  # plan week 2
    PacingPlans(book.db, lambda: NOW - timedelta(days=3)).step_back("walk")
    book.activity(TODAY, 10)  # something logged: a report of nothing has no sections
    report = build_report(book.db, first, TODAY, now=NOW)
    [walk] = report.plans
    assert [d.quota for d in walk.days] == [11, 11, 11, 10, 10, 10, 10]
    assert walk.quota_total == 73
    [pacing] = [s for s in layout.sections(report) if s.key == "pacing"]
    assert pacing.items == (  # the hold of Friday 20 was made before the period began
        "walk: Stepped back in week 3 (Tue 24 Nov): 11 → 10 minutes",
    )
    assert "Stepped back in week 3 (Tue 24 Nov)" in report_html.render(report)


def test_pacing_days_are_judged_within_20_percent_of_the_quota(home: Path) -> None:
    """2 of 10 minutes is below the quota, not "within" it (the rule of docs/insights.md)."""
    book = Book(home)
    book.plan("walk", 10, TODAY - timedelta(days=3))
    for back, minutes in ((3, 2), (2, 9), (1, 13)):  # 20%, 90%, 130% of the quota
        book.activity(TODAY - timedelta(days=back), minutes)
    report = build_report(book.db, TODAY - timedelta(days=6), TODAY, now=NOW)
    [pacing] = [s for s in layout.sections(report) if s.key == "pacing"]
    assert pacing.table is not None
    assert pacing.table.rows == (("walk", "minutes", "4", "40", "24", "1", "1", "1", "1"),)
    assert pacing.table.headers[5:] == (
        "Days within 20% of plan",
        "Days above",
        "Days below",
        "Days without it",
    )
    [plan] = report.plans
    tally = plan.tally
    assert tally and (tally.within, tally.above, tally.below, tally.rest) == (
        1,
        1,
        1,
        1,
    )  # today: 0


def test_a_report_ends_today_at_the_latest(home: Path) -> None:
    assert report_range(None, TODAY + timedelta(days=10), TODAY) == (
        TODAY - timedelta(days=27),
        TODAY,
    )
    with pytest.raises(InputError, match="after today"):
        report_range(TODAY + timedelta(days=1), None, TODAY)
    book = Book(home)
    book.plan("walk", 10, TODAY - timedelta(days=2))
    report = build_report(book.db, TODAY - timedelta(days=2), TODAY + timedelta(days=3), now=NOW)
    [plan] = report.plans
    assert plan.days[-1].day == TODAY  # days not lived yet are not "0 done"


def test_the_front_names_the_two_baseline_weeks(home: Path) -> None:
    book = Book(home)
    book.checkin(date(2026, 9, 2), 5)  # a Wednesday, then a month with nothing
    book.checkin(date(2026, 10, 7), 5)
    book.checkin(TODAY, 4)
    report = build_report(book.db, TODAY - timedelta(days=6), TODAY, now=NOW)
    assert report.baseline_note == ""
    assert layout.front(report)[-1] == (
        "Baseline: the first two weeks with entries, Wed 2 Sep 2026 to Sun 6 Sep 2026 and "
        "Mon 5 Oct 2026 to Sun 11 Oct 2026."
    )
    early = build_report(book.db, date(2026, 9, 14), date(2026, 9, 20), now=NOW)
    assert "before the end of the first two weeks" in early.baseline_note
    assert "overlaps" not in early.baseline_note


def test_every_html_table_sits_in_its_own_scrolling_box(db: Database) -> None:
    html = report_html.render(made(db))
    assert html.count("<table>") == html.count('<div class="table"><table>') > 0
    assert ".table { max-width: 100%; overflow-x: auto;" in html
    assert "th.n { white-space: normal; }" in html  # long headers wrap instead of widening


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
MEASURE = (
    "<script>addEventListener('load', () => {document.title = 'overflow=' + "
    "(document.documentElement.scrollWidth - innerWidth);});</script>"
)


@pytest.mark.skipif(CHROMIUM is None, reason="needs a headless Chromium")
def test_the_html_report_fits_a_1000_pixel_window(db: Database, tmp_path: Path) -> None:
    """Laid out by a real browser: nothing wider than the window (the script is the test's)."""
    page = tmp_path / "report.html"
    page.write_text(report_html.render(made(db)).replace("</body>", MEASURE + "</body>"))
    browser = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"]
    done = subprocess.run(
        [*browser, "--window-size=1000,900", "--virtual-time-budget=2000", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    found = re.search(r"<title>overflow=(-?\d+)</title>", done.stdout)
    assert found, done.stderr[-2000:]
    assert int(found.group(1)) <= 0
