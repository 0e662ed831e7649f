"""Trends: 3, 6 or 12 months, or all time, with the spread, the moving average and events."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from paincoach.records.long_view import MEASURE_WORDS, Measure, next_measure
from paincoach.screens.base import PaincoachScreen
from paincoach.screens.messages import JournalChanged
from paincoach.widgets.trend_chart import chart_text, event_day, events_text

if TYPE_CHECKING:
    from paincoach.records.long_view import Trends

SPANS: dict[int | None, str] = {
    3: "the last 3 months",
    6: "the last 6 months",
    12: "the last 12 months",
    None: "all time",
}
SPAN_HINT = "3, 6 or 1 (12) months, a all time · m pain, mood or sleep · ↑ ↓ scroll"
NOT_ENOUGH = (
    "Nothing logged in these months yet. A month (or week) shows once it has one day "
    "with a check-in; the moving average and the before-and-after figures need more, "
    "and say what they still need."
)


class TrendsScreen(PaincoachScreen[None]):
    """Months (or weeks) side by side; 3, 6, 1 and a choose the span, m the measure."""

    DEFAULT_CSS = """
    TrendsScreen #trends-title, TrendsScreen #trends-hint { padding: 0 1; }
    TrendsScreen #trends-chart { margin: 1 0 0 0; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back", id="trends.back", tooltip="Back"),
        Binding(
            "3", "span(3)", "3 months", id="trends.three", tooltip="The last 3 months", show=False
        ),
        Binding(
            "6", "span(6)", "6 months", id="trends.six", tooltip="The last 6 months", show=False
        ),
        Binding(
            "1",
            "span(12)",
            "12 months",
            id="trends.twelve",
            tooltip="The last 12 months",
            show=False,
        ),
        Binding(
            "a",
            "span(0)",
            "All time",
            id="trends.all",
            tooltip="Since your first check-in",
            show=False,
        ),
        Binding(
            "m", "measure", "Pain/mood/sleep", id="trends.measure", tooltip="Show another measure"
        ),
    ]

    def __init__(self, months: int | None = 3, measure: Measure = "pain") -> None:
        super().__init__()
        self.months = months
        self.measure: Measure = measure
        self.trends: Trends | None = None
        self.shown_measure: Measure = measure

    def compose(self) -> ComposeResult:
        """Title, then the chart and the events, scrolling together."""
        yield Header(icon="≡")
        yield Static("Loading your trends…", id="trends-title", classes="section-title")
        yield Static(SPAN_HINT, id="trends-hint", classes="hint")
        with VerticalScroll(classes="page", id="trends-page"):
            yield Static("", id="trends-chart")
            yield Static("Marked events", id="trends-events-title", classes="section-title")
            yield Static("", id="trends-events")
        yield Footer()

    def on_mount(self) -> None:
        """Show the last three months."""
        self.sub_title = "Trends"
        self.query_one("#trends-page").focus()
        self.load()

    @on(JournalChanged)
    def load(self) -> None:
        """Fetch the span's figures for the measure shown."""
        months, measure = self.months, self.measure
        self.call_service(
            lambda s: (s.long_view.trends(months, measure=measure), measure),
            self.show_trends,
            group="trends",
        )

    def show_trends(self, result: tuple[Trends, Measure]) -> None:
        """Keep the figures (and the measure they were asked for) and draw them."""
        self.trends, self.shown_measure = result
        self.draw()

    def draw(self) -> None:
        """The chart and the events, or what is needed first."""
        trends = self.trends
        if trends is None:
            return
        measure = self.shown_measure
        words = MEASURE_WORDS[measure]
        self.query_one("#trends-title", Static).update(
            f"Trends in {words}: {SPANS.get(trends.months, SPANS[None])}, by {trends.grain}"
            + (f" (since {event_day(trends.first)})" if trends.months is None else "")
        )
        chart = self.query_one("#trends-chart", Static)
        chart.update(Text(NOT_ENOUGH) if trends.empty else chart_text(trends, measure))
        shown = not trends.empty
        self.query_one("#trends-events-title").display = shown
        events = self.query_one("#trends-events", Static)
        events.update(events_text(trends, measure) if shown else "")
        events.display = shown

    def action_span(self, months: int) -> None:
        """3, 6 or 12 months, or all time (0)."""
        self.months = months or None
        self.load()

    def action_measure(self) -> None:
        """Pain, then mood, then sleep (the before-and-after figures are for the measure)."""
        self.measure = next_measure(self.measure)
        self.load()

    def action_back(self) -> None:
        """Back to Today."""
        self.dismiss(None)
