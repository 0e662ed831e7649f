"""A rating step: 0-10 or 0-100, once or once for each item of an earlier answer."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from paincoach.exercises.model import RatingStep
from paincoach.widgets.hints import key_word
from paincoach.widgets.percent import PercentInput
from paincoach.widgets.rating import RatingInput
from paincoach.widgets.step_base import StepView

Scale = RatingInput | PercentInput


def scale_input(
    scale: int, label: str, low: str, high: str, *, value: int | None, required: bool
) -> Scale:
    """The right widget for a 0-10 or a 0-100 scale."""
    if scale == 100:
        return PercentInput(label, low, high, value=value, required=required)
    return RatingInput(label, low, high, value=value, required=required)


class RatingStepView(StepView):
    """Choose a number (digits or arrows); with `each`, one number per item."""

    @property
    def rating(self) -> RatingStep:
        """The step, typed."""
        assert isinstance(self.step, RatingStep)
        return self.step

    def compose(self) -> ComposeResult:
        """The text, then one scale (or one per item)."""
        yield from self.compose_text()
        step = self.rating
        answer = self.runner.answer()
        if not step.each:
            value = answer if isinstance(answer, int) else None
            yield scale_input(
                step.scale, "Your rating", step.low, step.high,
                value=value, required=not step.optional,
            )  # fmt: skip
            yield Static(self._hint(), classes="hint", markup=False)
            return
        items = self.runner.items_to_rate()
        if not items:
            yield Static("Nothing to rate here: nothing was picked earlier.", classes="hint")
            return
        done = answer if isinstance(answer, Mapping) else {}
        earlier = self.runner.answers.get(step.each)
        for item in items:
            label = item
            if isinstance(earlier, Mapping) and isinstance(earlier.get(item), int):
                label = f"{item} (was {earlier[item]})"
            yield scale_input(
                step.scale, label, step.low, step.high,
                value=done.get(item), required=not step.optional,
            )  # fmt: skip
        yield Static(self._hint(), classes="hint", markup=False)

    def _hint(self) -> str:
        if self.rating.scale == 100:
            arrows = f"{key_word(PercentInput.LOWER)} {key_word(PercentInput.HIGHER)}"
            return f"Type a number from 0 to 100, or use {arrows} (Shift for steps of 1)."
        arrows = f"{key_word(RatingInput.LOWER)} {key_word(RatingInput.HIGHER)}"
        return f"Type a number from 0 to 10, or use {arrows}."

    def _inputs(self) -> list[Scale]:
        return [w for w in self.query("RatingInput, PercentInput") if isinstance(w, Scale)]

    def commit(self) -> None:
        """Hand the number (or the numbers by item) to the runner."""
        inputs = self._inputs()
        if not self.rating.each:
            self.runner.set_answer(inputs[0].value if inputs else None)
            return
        items = self.runner.items_to_rate()
        rated = {
            item: widget.value
            for item, widget in zip(items, inputs, strict=False)
            if widget.value is not None
        }
        self.runner.set_answer(rated or None)

    def focus_target(self) -> Widget | None:
        """The first scale without a value, else the first."""
        inputs = self._inputs()
        empty = [w for w in inputs if w.value is None]
        first = empty or inputs
        return first[0] if first else None
