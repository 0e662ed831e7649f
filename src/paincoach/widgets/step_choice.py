"""A choice step: pick one or several, maybe add your own, maybe rate each pick 0-100."""

from __future__ import annotations

from collections.abc import Mapping

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Static

from paincoach.exercises.answers import AnswerError
from paincoach.exercises.engine import Runner
from paincoach.exercises.model import ChoiceStep
from paincoach.widgets.hints import key_word
from paincoach.widgets.percent import PercentInput
from paincoach.widgets.pick_list import PickItem, PickList
from paincoach.widgets.step_base import StepView

STRENGTH_LOW = "Not at all"
STRENGTH_HIGH = "As strong as it gets"


def picked_labels(answer: object) -> list[str]:
    """The labels in a saved choice answer (one pick, a list, or rated picks)."""
    if isinstance(answer, Mapping):
        return [str(k) for k in answer]
    if isinstance(answer, list):
        return [str(v) for v in answer]
    return [answer] if isinstance(answer, str) and answer else []


class ChoiceStepView(StepView):
    """A pick list; with `allow_other`, a box to add one's own; with `rate`, a strength each."""

    @property
    def choice(self) -> ChoiceStep:
        """The step, typed."""
        assert isinstance(self.step, ChoiceStep)
        return self.step

    def __init__(self, runner: Runner) -> None:
        super().__init__(runner)
        answer = self.runner.answer()
        self.strengths: dict[str, int | None] = dict(answer) if isinstance(answer, Mapping) else {}

    def compose(self) -> ComposeResult:
        """Text, the list, the add-your-own box, and the strengths of what is picked."""
        yield from self.compose_text()
        step = self.choice
        picked = picked_labels(self.runner.answer())
        items = [PickItem(o.label, o.description) for o in self.runner.options()]
        items += [PickItem(label) for label in picked if label not in {i.label for i in items}]
        yield PickList(items, multiple=step.multiple, picked=picked, id="choices")
        if step.allow_other:
            yield Input(id="other", placeholder="Add your own, then Enter", compact=True)
        yield Static(self._hint(), classes="hint", markup=False)
        if step.rate:
            yield Vertical(id="strengths")

    def _hint(self) -> str:
        step = self.choice
        if not step.multiple:
            parts = ["↑ ↓ to choose", f"{key_word(PickList.SUBMIT)} picks it and goes on"]
        else:
            parts = [
                f"{key_word(PickList.PICK)} picks or unpicks",
                f"{key_word(PickList.SUBMIT)} goes on",
            ]
            if not step.rate:
                parts.append("any number, or none, is fine")
        if step.rate:
            parts.insert(1, f"Tab to say how strong each is, 0-{step.rate}")
        return " · ".join(parts) + "."

    def on_mount(self) -> None:
        """Show a strength for each pick already made (coming back to the step)."""
        if self.choice.rate:
            self._sync_strengths()

    @property
    def pick_list(self) -> PickList:
        """The list."""
        return self.query_one("#choices", PickList)

    @on(PickList.Changed)
    def _picks_changed(self) -> None:
        if self.choice.rate:
            self._sync_strengths()

    def _sync_strengths(self) -> None:
        box = self.query_one("#strengths", Vertical)
        picks = self.pick_list.ordered_picks
        shown = {w.label: w for w in box.query(PercentInput)}
        for label, widget in shown.items():
            if label not in picks:
                widget.remove()
        for index, label in enumerate(picks):
            if label in shown:
                continue
            widget = PercentInput(
                label,
                STRENGTH_LOW,
                STRENGTH_HIGH,
                value=self.strengths.get(label),
                required=True,
            )
            before = [w for w in box.query(PercentInput) if w.label in picks[index + 1 :]]
            box.mount(widget, before=before[0] if before else None)

    @on(PercentInput.Changed)
    def _strength_changed(self, event: PercentInput.Changed) -> None:
        self.strengths[event.scale.label] = event.value

    @on(Input.Submitted, "#other")
    def _add_other(self, event: Input.Submitted) -> None:
        event.stop()
        self._take_other()

    def _take_other(self) -> None:
        box = self.query_one("#other", Input)
        label = " ".join(box.value.split())
        if label:
            self.pick_list.add_item(PickItem(label), picked=True)
            box.value = ""

    def commit(self) -> None:
        """Hand the pick, the picks, or the rated picks to the runner."""
        step = self.choice
        if step.allow_other:
            self._take_other()
        picks = self.pick_list.ordered_picks
        if step.rate:
            unrated = [p for p in picks if self.strengths.get(p) is None]
            if unrated:
                raise AnswerError(
                    f"Say how strong each one is, from 0 to {step.rate}: {', '.join(unrated)}."
                )
            self.runner.set_answer({p: self.strengths[p] for p in picks} or None)
        elif step.multiple:
            self.runner.set_answer(picks or None)
        else:
            self.runner.set_answer(picks[0] if picks else None)

    def focus_target(self) -> Widget | None:
        """The list."""
        return self.pick_list
