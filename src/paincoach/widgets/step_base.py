"""What every exercise step view shares: its text, and handing its answer to the runner.

A step view presents one step of a running exercise. The runner screen creates one per
step, asks it to `commit()` its answer to the engine before moving on, and throws it away.
Answers are user text: they reach Markdown only through `markdown_escape`.
"""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Markdown, Static

from paincoach.core.textsafe import visible
from paincoach.exercises.engine import Runner
from paincoach.widgets.hints import key_word

NEXT = Binding(
    "ctrl+n",
    "next",
    "Next",
    priority=True,
    id="runner.next",
    tooltip="Go on (Page Down works too, and Enter outside a text box)",
)
"""The runner's Next: defined here, beside the step views, so their hints name its key."""
NEXT_ON_ENTER = Binding("enter", "next", "Next", show=False, id="runner.next_enter")
"""Enter goes on too, outside a text box."""

# CommonMark lets any ASCII punctuation be escaped with a backslash; escaping all of it
# means no answer can start emphasis, a link, a heading, a list, a table or HTML.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def markdown_escape(text: str) -> str:
    """Make an answer safe to put inside Markdown: one line, every special character escaped."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(visible(text).split()))


def step_markdown(markdown: str) -> Markdown:
    """Exercise text as Markdown (links are shown, never opened: paincoach stays offline)."""
    return Markdown(markdown, open_links=False, classes="step-text")


class StepView(Vertical):
    """One step of a running exercise."""

    DEFAULT_CSS = """
    StepView {
        height: auto;
    }
    """

    def __init__(self, runner: Runner) -> None:
        super().__init__(classes="step-view")
        self.runner = runner
        self.step = runner.step

    def compose_text(self) -> ComposeResult:
        """The step's text, with earlier answers filled in safely."""
        text = self.runner.text(escape=markdown_escape)
        if text.strip():
            yield step_markdown(text)

    def compose(self) -> ComposeResult:
        """Just the text (steps with answers add their fields)."""
        yield from self.compose_text()
        yield Static(f"Press {key_word(NEXT_ON_ENTER)} to go on.", classes="hint next-hint")

    def commit(self) -> None:
        """Hand what was entered to the runner (raises AnswerError or PacingError)."""

    def focus_target(self) -> Widget | None:
        """The widget to focus when the step opens (None: the page itself)."""
        return None

    def begin(self) -> None:
        """Called once the step is on screen (timers start here)."""
