"""The breathing pacer: a shape that grows on the in-breath and shrinks on the out-breath.

Everything it shows comes from the engine's `BreathPacer.state()`, which is computed from
the (injected) clock, so a late frame never makes the pacer drift. The phase and count are
always in words too; with reduced motion there is no shape, only words and a bar.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from paincoach.exercises.engine import Runner
from paincoach.exercises.timing import BreathPacer, BreathState
from paincoach.widgets.step_timer import TimedStepView, clock_words
from paincoach.widgets.text_bar import bar_text

FPS = 15.0
ROWS = 7  # height of the shape in cells
ASPECT = 1.6  # wider than tall, like a breath filling the chest
SMALLEST = 1.5  # radius (in half-cells) at the bottom of a breath, so the shape never vanishes


def shape_lines(size: float, rows: int = ROWS, aspect: float = ASPECT) -> list[str]:
    """A filled oval of half-block characters; `size` 0..1 from smallest to full height."""
    largest = float(rows)  # radius in half-cell units: the full oval fills every row
    radius = SMALLEST + (largest - SMALLEST) * max(0.0, min(1.0, size))
    width = round(2 * largest * aspect) + 1
    centre_x, centre_y = (width - 1) / 2, float(rows)
    lines = []
    for row in range(rows):
        chars = []
        for col in range(width):
            dx = (col - centre_x) / aspect
            top = (2 * row + 0.5 - centre_y) ** 2 + dx * dx <= radius * radius
            bottom = (2 * row + 1.5 - centre_y) ** 2 + dx * dx <= radius * radius
            chars.append("█" if top and bottom else "▀" if top else "▄" if bottom else " ")
        lines.append("".join(chars))
    return lines


def centred(line: Text, width: int) -> Text:
    """`line` moved to the middle of `width` (by hand: centring would strip the shape's edges)."""
    return Text(" " * max(0, (width - line.cell_len) // 2)) + line


def count_words(state: BreathState) -> str:
    """`Breath 3 of 48 · 45 more after this one · 7:40 to go`."""
    more = state.cycles_left - 1
    after = "the last one" if more == 0 else f"{more} more after this one"
    left = clock_words(state.remaining)
    return f"Breath {state.cycle} of {state.cycles} · {after} · {left} to go"


class BreathPacerWidget(Widget):
    """The pacer: shape (unless reduced motion), phase and count in words, breaths left."""

    DEFAULT_CSS = """
    BreathPacerWidget {
        height: auto;
        width: 1fr;
        text-wrap: nowrap;
    }
    """

    def __init__(self, pacer: BreathPacer, *, reduced_motion: bool = False) -> None:
        super().__init__(id="pacer")
        self.pacer = pacer
        self.reduced_motion = reduced_motion
        self._ticker: Timer | None = None

    def on_mount(self) -> None:
        """Redraw often enough to look smooth (the clock, not the frame count, sets the pace)."""
        self._ticker = self.set_interval(1 / FPS, self._tick)

    def _tick(self) -> None:
        self.refresh(layout=False)
        if self.pacer.state().finished and self._ticker is not None:
            self._ticker.stop()  # a quiet end: nothing moves any more

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        """Shape rows (if any) and three lines of words."""
        return 3 if self.reduced_motion else ROWS + 3

    def render(self) -> Text:
        """The pacer at the clock's current time."""
        state = self.pacer.state()
        width = self.size.width
        lines: list[Text] = []
        if not self.reduced_motion:
            lines += [Text(line, style="bold") for line in shape_lines(state.size)]
            lines.append(Text(""))
        lines.append(Text(self._words(state), style="bold"))
        lines.append(Text(self._detail(state)))
        if self.reduced_motion:
            lines.append(bar_text(state.elapsed / self.pacer.total, min(40, width)))
        return Text("\n").join(centred(line, width) for line in lines)

    @staticmethod
    def _words(state: BreathState) -> str:
        if state.finished:
            return "Done."
        if state.paused:
            return f"Paused ({state.phase_word.lower()})"
        return state.words

    @staticmethod
    def _detail(state: BreathState) -> str:
        if state.finished:
            return "Let your breathing find its own pace. Enter when you are ready."
        if state.paused:
            return count_words(state) + " · Space carries on"
        return count_words(state) + " · Space pauses"


class BreatheStepView(TimedStepView):
    """A breathing step: its text, the pacer, and the exercise's caution."""

    def __init__(self, runner: Runner, *, reduced_motion: bool = False) -> None:
        super().__init__(runner)
        self.reduced_motion = reduced_motion

    def compose(self) -> ComposeResult:
        """Text, pacer, caution."""
        yield from self.compose_text()
        pacer = self.runner.timer
        assert isinstance(pacer, BreathPacer)
        yield BreathPacerWidget(pacer, reduced_motion=self.reduced_motion)
        caution = self.runner.exercise.caution
        if caution:
            yield Static(
                Text.assemble(("Take care: ", "bold"), " ".join(caution.split())),
                classes="exercise-caution",
            )

    def tick(self) -> None:
        """Redraw at once after a pause or a carry-on."""
        self.query_one(BreathPacerWidget).refresh()

    def begin(self) -> None:
        """Start the pacer; the pacer widget keeps itself up to date (this view, its keys)."""
        self.start()
        self.set_interval(1 / self.FPS, self.update_keys)
        self.update_keys()
