"""Hostile text in every free-text field, through every screen that shows it.

Markup brackets, ANSI escapes, control characters, bidi and zero-width characters, very
long and non-ASCII text: nothing crashes, nothing raw reaches the terminal, and the text
is shown as typed (as `textsafe.visible` shows it; shortened with `one_line` in tables).

Two layers: the functions the screens draw with, over many examples; and the real app
under Pilot, where the text is put in the forms (as a paste would) and then looked for on
every screen that shows it, over fewer examples. Each test prints how many it tried.
"""

from __future__ import annotations

import asyncio
import re
import tempfile
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text
from textual.widgets import DataTable, Input, Static, TextArea

from paincoach.app import PaincoachApp
from paincoach.core.textsafe import one_line, visible
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.practice.service import Practice
from paincoach.records.describe import describe
from paincoach.records.entries import Activity, CheckIn
from paincoach.records.practice import FlarePlan
from paincoach.safety import load_directory
from paincoach.screens.activity import ActivityDialog
from paincoach.screens.checkin import CheckInDialog
from paincoach.screens.confirm import ConfirmDialog
from paincoach.screens.day import DayScreen, entry_details
from paincoach.screens.help_now import HelpNowDialog, flare_plan_text, help_text
from paincoach.screens.settings import SettingsScreen
from paincoach.screens.support_card import SupportCardDialog
from paincoach.screens.thought_records import ThoughtRecordScreen, record_row, record_text
from paincoach.screens.today import goals_text
from paincoach.settings import Contact, Settings
from paincoach.widgets.entry_table import EntryTable, entry_extra, entry_summary
from tests.practice_support import THOUGHTS, drive, runner
from tests.reliability.screens_support import make_app, screen_text
from tests.support import NOW, fixed_clock, seeded_services, settle

#: What must never reach the terminal: C0 controls but newline, DEL, C1 controls.
RAW = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

PIECES = [
    "[b]", "[/]", "[/b]", "[bold red]", "[link=https://x.example]x[/link]",
    "[@click=app.quit]quit[/]", "\\[", "[", "]", "\x1b[31m", "\x1b[2J", "\x1b]0;title\x07",
    "\x1b[?1049h", "\r", "\x07", "\x08", "\x7f", "\x9b31m", "\x00", "\u200b", "\u202e",
    "\ufeff", "\u2028", "🙂", "👩‍👩‍👧", "痛み", "Schmerz—Knie", "e\u0301", "ﷺ", "\t",
    "*x*", "_y_", "# h", "`c`", "<b>", "&amp;", "%", "_", "\\", "'", '"', "\n", "  ",
]  # fmt: skip


def hostile(max_pieces: int = 8, *, typed: bool = False) -> st.SearchStrategy[str]:
    """Text made of hostile pieces and arbitrary characters (no lone surrogates).

    `typed`: without NUL, which saving refuses (an older journal may still hold one, so
    the renderings get it).
    """
    banned = "\x00" if typed else ""
    pieces = [piece for piece in PIECES if not (banned and banned in piece)]
    chars = st.characters(exclude_categories=["Cs"], exclude_characters=banned)
    any_char = st.text(chars, max_size=12)
    return st.lists(st.one_of(st.sampled_from(pieces), any_char), max_size=max_pieces).map("".join)


def typed(max_pieces: int = 8) -> st.SearchStrategy[str]:
    """Hostile text a person could save (no NUL)."""
    return hostile(max_pieces, typed=True)


#: Notes: hostile, sometimes very long.
NOTES = st.one_of(hostile(), hostile().map(lambda t: (t[:54] + " long ") * 300))
TYPED_NOTES = st.one_of(typed(), typed().map(lambda t: (t[:54] + " long ") * 300))


def _label(text: str) -> str:
    return " ".join(text.replace(",", " ").split())[:40].strip()


LABELS = hostile(4).map(_label).filter(bool)
NAMES = hostile(6).map(lambda t: " ".join(t.split())[:80].strip()).filter(bool)
TYPED_LABELS = typed(4).map(_label).filter(bool)
TYPED_NAMES = typed(6).map(lambda t: " ".join(t.split())[:80].strip()).filter(bool)
TRIED: dict[str, int] = {}


def counted(name: str) -> None:
    """Count an example for the report."""
    TRIED[name] = TRIED.get(name, 0) + 1


def shows_safely(text: str | Text) -> str:
    """Rendered through Rich (as the terminal gets it): no raw controls; returns the text."""
    console = Console(width=100, file=None, record=True, color_system=None, force_terminal=True)
    with console.capture():
        console.print(text, markup=False, highlight=False, emoji=False)
    out = console.export_text()
    assert not RAW.search(out.replace("\n", "")), repr(out[:200])
    return out


# -- layer 1: the functions the screens draw with --------------------------------------------


@settings(max_examples=300, deadline=None)
@given(note=NOTES, areas=st.lists(LABELS, max_size=3), tags=st.lists(LABELS, max_size=3))
def test_check_in_texts_in_every_rendering(note: str, areas: list[str], tags: list[str]) -> None:
    counted("check-in renderings")
    note = note.rstrip()
    entry = CheckIn(str(uuid.uuid4()), NOW, NOW.date(), 5, 1, None, tuple(areas), tuple(tags), note)
    details = entry_details(entry)
    if note:
        assert visible(note) in details.plain  # the day view shows the note in full
    if tags:
        assert "Tags: " + visible(", ".join(tags)) in details.plain
    if areas:
        assert "Pain areas: " + visible(", ".join(areas)) in details.plain
    for shown in (details, entry_extra(entry), entry_summary(entry), describe(entry)):
        assert not RAW.search(shown.plain.replace("\n", "").replace("\t", ""))
        shows_safely(shown)
    extra = entry_extra(entry).plain
    assert len(extra) <= 26 and "\n" not in extra


@settings(max_examples=200, deadline=None)
@given(name=NAMES, note=NOTES)
def test_activity_texts_in_every_rendering(name: str, note: str) -> None:
    counted("activity renderings")
    entry = Activity(str(uuid.uuid4()), NOW, NOW.date(), name, 20, 3, True, note.rstrip())
    summary = entry_summary(entry).plain
    assert one_line(name, 24) in summary
    for shown in (entry_details(entry), entry_extra(entry), describe(entry)):
        shows_safely(shown)


@settings(max_examples=200, deadline=None)
@given(contacts=st.lists(st.tuples(NAMES, hostile(3), hostile(4)), min_size=1, max_size=3))
def test_contacts_in_help_now(contacts: list[tuple[str, str, str]]) -> None:
    counted("help-now contacts")
    people = tuple(Contact(n, " ".join(p.split()), " ".join(x.split())) for n, p, x in contacts)
    text = help_text(load_directory(), Settings(region="GB", contacts=people))
    for person in people:
        assert visible(f"  {person.name}  {person.phone}  {person.note}".rstrip()) in text.plain
    assert text.plain.index("Samaritans") < text.plain.index("Your people")
    shows_safely(text)


@settings(max_examples=200, deadline=None)
@given(
    helps=st.lists(hostile(4), max_size=3),
    signs=st.lists(hostile(4), max_size=2),
    tell=hostile(),
)
def test_flare_plan_in_help_now(helps: list[str], signs: list[str], tell: str) -> None:
    counted("flare plan")
    plan = FlarePlan(helps=tuple(helps), signs=tuple(signs), drop=(), tell=tell)
    text = flare_plan_text(plan)
    for item in helps:
        assert visible(f"  • {item}") in text.plain
    if tell.strip():
        assert visible(tell.strip()) in text.plain
    shows_safely(text)


@settings(max_examples=150, deadline=None)
@given(words=st.dictionaries(st.sampled_from(["situation", "evidence_for", "balanced"]), NOTES))
def test_thought_record_text_in_the_list_and_the_record(words: dict[str, str]) -> None:
    counted("thought-record renderings")
    record = _record_with(words)
    shown = record_text(record)
    for key in words:
        stored = getattr(record, key)
        if stored:
            assert visible(stored) in shown.plain, key
    shows_safely(shown)
    for cell in record_row(record):
        shows_safely(cell)


def _record_with(words: dict[str, str]) -> Any:
    from paincoach.records.practice import ThoughtRecord

    fields = {name: getattr(_BASE_RECORD, name) for name in ThoughtRecord.__dataclass_fields__}
    return ThoughtRecord(**{**fields, **{k: v.strip() for k, v in words.items()}})


def _base_record() -> Any:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        practice = _practice(home)
        record = runner("thought-record")
        drive(record, THOUGHTS)
        practice.save_session(record.result())
        found = practice.thought_records()[0]
        practice.db.close()
        return found


def _practice(home: Path) -> Practice:
    db = Database.open(home)
    return Practice(db, Journal(db, fixed_clock), fixed_clock)


_BASE_RECORD = _base_record()


@settings(max_examples=100, deadline=None)
@given(goals=st.lists(hostile(6), min_size=1, max_size=4))
def test_goals_on_today(goals: list[str]) -> None:
    counted("goals")
    from paincoach.records.practice import Goal

    text = goals_text([Goal(str(uuid.uuid4()), g, NOW.date()) for g in goals])
    for goal in goals:
        assert one_line(goal, 70) in text.plain
    shows_safely(text)


# -- layer 2: the real app ----------------------------------------------------------------------

#: Each example starts the real app (about 3 s); the hostile text itself is drawn from the
#: same strategies as the hundreds of layer-1 examples above, so a few app runs prove the
#: path from the keyboard to the journal and back to the screen (it was 10).
APP_EXAMPLES = 4
APP_SETTINGS = settings(
    max_examples=APP_EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # an app run is slow: no shrinking
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def no_raw_on_screen(app: PaincoachApp, where: str) -> str:
    """The terminal's text now: nothing raw in it."""
    shown = screen_text(app)
    found = RAW.search(shown.replace("\n", ""))
    assert found is None, f"{where}: raw {found.group()!r} on screen"
    return shown


def run_app(home: Path, script: Any) -> None:
    """Run `script(pilot, app)` in the app on `home` (first-run already acknowledged)."""

    async def go() -> None:
        app = make_app(home)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await script(pilot, app)
            assert app.unexpected_errors == []

    asyncio.run(go())


def fresh_home() -> tuple[tempfile.TemporaryDirectory[str], Path]:
    """A new, acknowledged data folder for one example."""
    folder = tempfile.TemporaryDirectory()
    home = Path(folder.name) / "home"
    seeded_services(home).close()  # type: ignore[attr-defined]
    return folder, home


def refused(app: PaincoachApp, dialog: Any, typed: str) -> bool:
    """True when the form refused the text (e.g. too long): it says why and keeps it all."""
    if app.screen is not dialog:
        return False
    error = str(dialog.query_one("#form-error", Static).render())
    assert error.strip(), "the form neither saved nor said why"
    assert dialog.query_one("#note", TextArea).text == typed
    counted("app: refused with a message")
    return True


async def past_the_support_card(pilot: Any, app: PaincoachApp) -> None:
    """Words of distress in what was saved bring the support card: the safety net at work
    (Hypothesis draws the phrases' spellings from paincoach's own constants). It is read,
    then left with Escape, as a person would."""
    if isinstance(app.screen, SupportCardDialog):
        counted("app: the support card after saving")
        no_raw_on_screen(app, "support card")
        await pilot.press("escape")
        await settle(pilot)


def saved_entries(home: Path) -> list[Any]:
    """Everything on the test day, oldest first."""
    return Journal(Database.open(home), fixed_clock).day(NOW.date()).entries


@pytest.mark.slow
@example(note="", tags=["EÓý🙂suisidal\u202e"], area="knee")  # CI, session 9: the card came
@APP_SETTINGS
@given(note=TYPED_NOTES, tags=st.lists(TYPED_LABELS, min_size=1, max_size=3), area=TYPED_LABELS)
def test_check_in_text_typed_into_the_app_is_saved_and_shown_as_typed(
    note: str, tags: list[str], area: str
) -> None:
    counted("app: check-in")
    folder, home = fresh_home()

    async def script(pilot: Any, app: PaincoachApp) -> None:
        await pilot.press("c")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CheckInDialog)
        await pilot.press("5")
        dialog.query_one("#tags", Input).value = ", ".join(tags)
        new_area = dialog.query_one("#new-area", Input)
        new_area.value = area
        new_area.focus()
        await pilot.press("enter")  # added to the list, as a person adds one
        dialog.query_one("#note", TextArea).text = note
        typed = dialog.query_one("#note", TextArea).text  # a text box splits lines its own way
        await pilot.press("ctrl+s")
        await settle(pilot)
        if refused(app, dialog, typed):
            return
        await past_the_support_card(pilot, app)
        [saved] = saved_entries(home)
        assert saved.note == typed.rstrip()
        assert [t.casefold() for t in saved.tags] == list(dict.fromkeys(t.casefold() for t in tags))
        assert area in saved.areas
        table = app.screen.query_one(EntryTable)
        assert table.get_row_at(0)[2].plain == entry_extra(saved).plain
        no_raw_on_screen(app, "today")
        await pilot.press("h", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        detail = str(app.screen.query_one("#day-detail-text", Static).render())
        assert visible(saved.note) in detail
        assert visible(", ".join(saved.tags)) in detail
        no_raw_on_screen(app, "day")
        await pilot.press("enter")  # edit: the form holds exactly what was saved
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CheckInDialog)
        # control characters are shown as pictures, never sent to the terminal raw
        assert form.query_one("#note", TextArea).text == visible(saved.note)
        assert form.query_one("#tags", Input).value == visible(", ".join(saved.tags))
        assert area in form._chosen_areas()
        no_raw_on_screen(app, "edit check-in")
        await pilot.press("ctrl+s")  # saved untouched: the stored text stays exactly as it was
        await settle(pilot)
        await past_the_support_card(pilot, app)
        [again] = saved_entries(home)
        assert (again.note, again.tags, again.areas) == (saved.note, saved.tags, saved.areas)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        confirm = " ".join(str(w.render()) for w in app.screen.query(Static))
        if saved.note:
            assert one_line(saved.note, 60) in confirm
        no_raw_on_screen(app, "confirm delete")
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("c")  # a new check-in offers the area used before
        await settle(pilot)
        no_raw_on_screen(app, "check-in with earlier areas")

    try:
        run_app(home, script)
    finally:
        folder.cleanup()


@pytest.mark.slow
@APP_SETTINGS
@given(
    name=TYPED_NAMES,
    note=TYPED_NOTES,
    term=typed(3).map(lambda t: "".join(filter(str.isprintable, t))),
)
def test_activity_text_typed_into_the_app_is_saved_shown_and_found(
    name: str, note: str, term: str
) -> None:
    counted("app: activity")
    folder, home = fresh_home()

    async def script(pilot: Any, app: PaincoachApp) -> None:
        await pilot.press("a")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ActivityDialog)
        dialog.query_one("#name", Input).value = name
        dialog.query_one("#minutes", Input).value = "20"
        dialog.query_one("#note", TextArea).text = note
        typed = dialog.query_one("#note", TextArea).text
        await pilot.press("ctrl+s")
        await settle(pilot)
        if refused(app, dialog, typed):
            return
        await past_the_support_card(pilot, app)
        [saved] = saved_entries(home)
        assert (saved.name, saved.note) == (name, typed.rstrip())
        no_raw_on_screen(app, "today")
        await pilot.press("a")  # the name comes back as a suggestion
        await settle(pilot)
        await pilot.press(*[c for c in name[:1] if c.isalnum()])
        await settle(pilot)
        no_raw_on_screen(app, "activity with suggestions")
        await pilot.press("escape")
        await settle(pilot)
        if isinstance(app.screen, ConfirmDialog):
            await pilot.press("y")
            await settle(pilot)
        await pilot.press("h", "slash")
        typed = re.split(r"[^\w ]", name)[0][:3]  # letters a person can type, from the start
        app.screen.query_one("#search", Input).value = typed or "x"
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one("#results", EntryTable)
        if typed.strip():
            assert results.row_count >= 1
        no_raw_on_screen(app, "search results")
        app.screen.query_one("#search", Input).value = term  # any search at all is fine
        await pilot.press("enter")
        await settle(pilot)
        no_raw_on_screen(app, "search for anything")

    try:
        run_app(home, script)
    finally:
        folder.cleanup()


@pytest.mark.slow
@APP_SETTINGS
@given(name=TYPED_NAMES, phone=typed(3), note=typed(4))
def test_a_contact_typed_into_settings_is_shown_as_typed_in_settings_and_help_now(
    name: str, phone: str, note: str
) -> None:
    counted("app: contact")
    folder, home = fresh_home()

    async def script(pilot: Any, app: PaincoachApp) -> None:
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        for field, value in (("name", name), ("phone", phone), ("note", note)):
            app.screen.query_one(f"#contact-{field}", Input).value = value
        app.screen.query_one("#contact-name", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        person = app.settings.contacts[-1]
        assert person == Contact(*(" ".join(v.split()) for v in (name, phone, note)))
        row = app.screen.query_one("#contacts", DataTable).get_row_at(0)
        assert [cell.plain for cell in row] == [
            visible(person.name),
            visible(person.phone),
            visible(person.note),
        ]
        no_raw_on_screen(app, "settings")
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpNowDialog)
        text = str(app.screen.query_one("#help-text", Static).render())
        line = visible(f"  {person.name}  {person.phone}  {person.note}".rstrip())
        assert line in text and text.index("Samaritans") < text.index(line)
        no_raw_on_screen(app, "help now")

    try:
        run_app(home, script)
    finally:
        folder.cleanup()


@pytest.mark.slow
@APP_SETTINGS
@given(
    situation=TYPED_NOTES.filter(str.strip),
    thought=typed(5).map(lambda t: " ".join(t.split())).filter(bool),
    balanced=TYPED_NOTES.filter(str.strip),
)
def test_thought_record_text_is_shown_as_written(
    situation: str, thought: str, balanced: str
) -> None:
    counted("app: thought record")
    folder, home = fresh_home()
    practice = _practice(home)
    record = runner("thought-record")
    words = {**THOUGHTS, "situation": situation, "thoughts": thought, "hot_thought": thought}
    drive(record, {**words, "balanced": balanced})
    practice.save_session(record.result())
    practice.db.close()

    async def script(pilot: Any, app: PaincoachApp) -> None:
        await pilot.press("t")
        await settle(pilot)
        no_raw_on_screen(app, "thought records")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ThoughtRecordScreen)
        shown = str(app.screen.query_one("#record-text", Static).render())
        for value in (situation.strip(), balanced.strip(), thought):
            if value:
                assert visible(value) in shown
        no_raw_on_screen(app, "thought record")

    try:
        run_app(home, script)
    finally:
        folder.cleanup()


def test_report_how_many_inputs_were_tried() -> None:
    """Runs last in this file: prints the count of examples each test tried."""
    print(f"\nfuzz examples tried: {TRIED} (total {sum(TRIED.values())})")
