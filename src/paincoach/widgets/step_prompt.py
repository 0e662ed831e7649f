"""A free-text step: one line, a larger box, or one item per line."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from paincoach.exercises.model import PromptStep
from paincoach.widgets.hints import key_word
from paincoach.widgets.step_base import NEXT, StepView
from paincoach.widgets.text_box import TextBox


class PromptStepView(StepView):
    """Write an answer; Enter in a one-line box goes on."""

    @property
    def prompt(self) -> PromptStep:
        """The step, typed."""
        assert isinstance(self.step, PromptStep)
        return self.step

    def compose(self) -> ComposeResult:
        """The text, the box, and a hint about what it takes."""
        yield from self.compose_text()
        step = self.prompt
        answer = self.runner.answer()
        start = "\n".join(answer) if isinstance(answer, list) else (answer or "")
        if step.multiline or step.lines:
            yield TextBox(
                start,
                id="answer",
                soft_wrap=True,
                show_line_numbers=False,
                placeholder=Content(step.placeholder),
                classes="step-answer-box" + (" lines" if step.lines else ""),
            )
        else:
            yield Input(start, id="answer", placeholder=step.placeholder)
        hints = []
        if step.lines:
            hints.append("One per line.")
        hints.append("Optional: you may leave it blank." if step.optional else "")
        if step.multiline or step.lines:
            hints.append(f"{key_word(NEXT)} when you are done.")
        yield Static(" ".join(h for h in hints if h), classes="hint", markup=False)

    def text_value(self) -> str:
        """What is in the box."""
        box = self.query_one("#answer")
        if isinstance(box, TextArea):
            return box.text
        return self.query_one("#answer", Input).value

    def commit(self) -> None:
        """Hand the text (or its lines) to the runner."""
        self.runner.set_answer(self.text_value())

    def focus_target(self) -> Widget | None:
        """The box."""
        return self.query_one("#answer")
