"""The week: figures against last week and the first two weeks, charts, and insights."""

from __future__ import annotations

from datetime import date, timedelta

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from paincoach.core.textsafe import one_line
from paincoach.core.when import week_start_for
from paincoach.core.words import in_unit
from paincoach.exercises.model import kind_title
from paincoach.records.review import Change, Figure, Insight, Insights, WeekSummary
from paincoach.review.changes import shown, signed
from paincoach.screens.base import PaincoachScreen
from paincoach.screens.messages import JournalChanged
from paincoach.widgets.week_chart import WeekChart


def figure_value(figure: Figure) -> str:
    """A figure's value in words and units."""
    if figure.value is None:
        return "–"
    unit = {"rating": "/10", "minutes": " min"}.get(figure.scale, "")
    return shown(figure.value, figure.scale) + unit


ARROWS = {"up": "▲", "down": "▼", "same": "="}


def change_cell(change: Change | None, figure: Figure) -> Text:
    """A change in a few characters: arrow, amount, and the word 'meaningful' when it is."""
    if change is None:
        return Text("–", style="dim")
    if change.direction == "same":
        return Text("= about the same", style="dim")
    cell = Text(f"{ARROWS[change.direction]} {signed(change.delta, figure.scale)}")
    if change.meaningful:
        cell.append(" meaningful", style="bold")
    return cell


def figures_table(summary: WeekSummary) -> Table:
    """The week's figures against last week and the first two weeks."""
    table = Table(box=None, padding=(0, 1), show_edge=False, expand=False)
    table.add_column("Figure", style="bold", no_wrap=True)
    table.add_column("This week", no_wrap=True)
    table.add_column("vs last week", no_wrap=True)
    table.add_column("vs first 2 weeks", no_wrap=True)
    for figure in summary.figures:
        if figure.value is None and figure.previous is None:
            continue
        table.add_row(
            figure.label,
            figure_value(figure),
            change_cell(figure.previous, figure),
            change_cell(figure.baseline, figure),
        )
    return table


def changes_text(summary: WeekSummary) -> Text:
    """The meaningful changes in words (and why a comparison is missing), each figure once."""
    text = Text()
    for figure in summary.figures:
        found = [c.words for c in (figure.previous, figure.baseline) if c and c.meaningful]
        if found:
            text.append(f"{figure.label}: {'; and '.join(found)}.\n")
    for note in (summary.previous_note, summary.baseline_note):
        if note:
            text.append(note + "\n", style="italic")
    text.append(
        "A change counts as meaningful at 2 points or 30%; smaller ones are called "
        "'a little' or 'about the same'.",
        style="dim",
    )
    return text


def insights_text(insights: Insights) -> Text:
    """Each insight as an observation, or what it still needs."""
    text = Text()
    for item in insights.items:
        text.append(item.title + "\n", style="bold")
        text.append(_insight_body(item) + "\n\n", style="" if item.enough else "dim")
    text.append(
        "These are observations from your own entries, not advice or a diagnosis.",
        style="italic",
    )
    return text


def _insight_body(item: Insight) -> str:
    body = item.text
    if item.caveat:
        body += f" ({item.caveat})"
    return body


def practice_text(summary: WeekSummary) -> Text:
    """Pacing plans against their quota, and exercises practised."""
    text = Text()
    so_far = " so far" if summary.so_far else ""
    for plan in summary.plans:
        done, tally = plan.done_total, plan.tally
        name = one_line(plan.activity, 30)
        planned = in_unit(plan.quota_total, plan.unit)
        if done is None or tally is None:
            line = f"{planned} planned{so_far} (not counted in minutes)"
        else:
            line = f"{done} of {planned} done{so_far}, {tally.words}"
        text.append(f"{name}: {line}\n")
    for count in summary.exercises:
        left = f", {count.incomplete} left early" if count.incomplete else ""
        text.append(f"{kind_title(count.kind)}: {count.completed} finished{left}\n")
    text.rstrip()
    return text


def treatments_text(summary: WeekSummary) -> Text:
    """The week's doses per treatment, with the relief rated, and its as-needed days."""
    text = Text()
    found = summary.treatments
    if found is None or found.empty:
        return text
    for use in found.uses:
        doses = f"{use.doses} dose{'s' * (use.doses != 1)}"
        if use.mean_shown is not None:
            doses += f", helped {shown(use.mean_shown, 'rating')}/10 on average ({use.rated} rated)"
        elif use.too_few_words:
            doses += f", {use.too_few_words}"
        text.append(f"{one_line(use.name, 30)}: {doses}\n")
    if found.uses:
        days = ", ".join(f"{day:%a}" for day in found.as_needed_days)
        text.append(
            f"As-needed days: {len(found.as_needed_days)} of {summary.days_so_far}"
            + (f" ({days})" if days else "")
            + "\n"
        )
    text.rstrip()
    return text


class WeekScreen(PaincoachScreen[None]):
    """One week at a time; [ and ] move between weeks."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="week.back", tooltip="Back to Today"),
        Binding(
            "left_square_bracket,p",
            "shift(-1)",
            "Week before",
            id="week.previous",
            tooltip="The week before",
        ),
        Binding(
            "right_square_bracket,n",
            "shift(1)",
            "Week after",
            id="week.next",
            tooltip="The week after",
        ),
        Binding(
            "k",
            "weekly_check",
            "Weekly check",
            id="week.check",
            tooltip="Three questions about the past seven days",
        ),
        Binding(
            "x",
            "export",
            "Export",
            id="week.export",
            tooltip="A report for your clinician, or your data",
        ),
        # Not in the footer (F1 keeps its place there); the "By day" heading names it.
        Binding(
            "c",
            "calendar",
            "Calendar",
            id="week.calendar",
            tooltip="This week's month, by day",
            show=False,
        ),
    ]

    def __init__(self, start: date | None = None) -> None:
        super().__init__()
        self.start = start

    def compose(self) -> ComposeResult:
        """Title, figures, chart, pacing, insights."""
        yield Header(icon="≡")
        # outside the scrolling page, so the week's name stays in view after [ and ]
        yield Static("Loading the week…", id="week-title", classes="section-title")
        with VerticalScroll(classes="page", id="week-page"):
            yield Static("", id="week-figures")
            yield Static("", id="week-changes")
            yield Static("By day (c: the month's calendar)", classes="section-title")
            yield WeekChart(id="week-chart")
            yield Static("Pacing and practice", id="week-plans-title", classes="section-title")
            yield Static("", id="week-plans")
            yield Static("Treatments", id="week-treatments-title", classes="section-title")
            yield Static("", id="week-treatments")
            yield Static("Insights", classes="section-title")
            yield Static("", id="week-insights")
        # No palette key in the footer: it leaves room for F1 Help now at 80 columns (^P works).
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        """Show the current week (or the one asked for)."""
        self.sub_title = "Week"
        week_start = self.paincoach.settings.week_start
        self.start = week_start_for(self.start or self.services.clock().date(), week_start)
        self.query_one("#week-page").focus()
        self.load()

    @on(JournalChanged)
    def load(self) -> None:
        """Fetch the week's figures and insights."""
        start = self.start or self.services.clock().date()
        self.call_service(
            lambda services: (services.week_summary(start), services.week_insights(start)),
            self.show_week,
            group="week",
        )

    def show_week(self, result: tuple[WeekSummary, Insights]) -> None:
        """Present one week."""
        summary, insights = result
        title = f"Week {summary.label}: {summary.start:%a %d %b} – {summary.end:%a %d %b %Y}"
        if summary.so_far:
            title += f" ({summary.so_far})"
        self.query_one("#week-title", Static).update(title)
        self.query_one("#week-figures", Static).update(figures_table(summary))
        self.query_one("#week-changes", Static).update(changes_text(summary))
        marks = summary.treatments.marks if summary.treatments else ()
        self.query_one(WeekChart).show(summary.days, marks)
        plans = practice_text(summary)
        self.query_one("#week-plans-title").display = bool(plans.plain)
        plans_widget = self.query_one("#week-plans", Static)
        plans_widget.update(plans)
        plans_widget.display = bool(plans.plain)
        treatments = treatments_text(summary)
        self.query_one("#week-treatments-title").display = bool(treatments.plain)
        treatments_widget = self.query_one("#week-treatments", Static)
        treatments_widget.update(treatments)
        treatments_widget.display = bool(treatments.plain)
        self.query_one("#week-insights", Static).update(insights_text(insights))

    def action_shift(self, weeks: int) -> None:
        """Move to the week before or after (never past the current week)."""
        assert self.start is not None
        target = self.start + timedelta(days=7 * weeks)
        if target > self.services.clock().date():
            self.app.notify("That week has not started yet.", timeout=2)
            return
        self.start = target
        self.load()

    def action_weekly_check(self) -> None:
        """Answer the three weekly questions."""
        self.paincoach.action_weekly_check()

    def action_calendar(self) -> None:
        """The month calendar holding this week's last day shown (never past today)."""
        from paincoach.screens.long_view_keys import open_calendar

        assert self.start is not None
        open_calendar(self.app, min(self.start + timedelta(days=6), self.services.clock().date()))

    def action_export(self) -> None:
        """Export a report or the data."""
        from paincoach.screens.export import ExportDialog

        assert self.start is not None
        self.app.push_screen(ExportDialog(self.start))

    def action_back(self) -> None:
        """Back to Today."""
        self.dismiss(None)
