"""Exercise content as frozen dataclasses, built by the validator from TOML files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from paincoach.exercises.timing import BreathPattern

KINDS: tuple[str, ...] = (
    "breathing",
    "thought_record",
    "pacing",
    "relaxation",
    "imagery",
    "mindfulness",
    "grounding",
    "goals",
    "social",
    "flare_plan",
    "safety_plan",
    "values",
)
STEP_TYPES: tuple[str, ...] = ("text", "prompt", "rating", "choice", "timer", "breathe", "pacing")
PACING_MODES: tuple[str, ...] = ("plan", "timer")

Origin = Literal["bundled", "user"]


@dataclass(frozen=True)
class Option:
    """One option of a choice step or item of a shared list; `label` is shown and saved."""

    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class SharedList:
    """A shared list such as `thinking_traps`, from `data/<name>.toml`."""

    name: str
    title: str
    items: tuple[Option, ...]
    path: Path | None = None


@dataclass(frozen=True)
class RatingSpec:
    """The optional 0-10 rating asked before or after an exercise."""

    label: str
    low: str = ""
    high: str = ""


@dataclass(frozen=True)
class Step:
    """Keys every step may have."""

    type: str
    title: str = ""
    text: str = ""
    show: tuple[str, ...] = ()

    @property
    def key(self) -> str | None:
        """The answer key, for steps that save an answer."""
        return None


@dataclass(frozen=True)
class TextStep(Step):
    """Markdown text to read."""


@dataclass(frozen=True)
class PromptStep(Step):
    """A free-text answer; with `lines`, one item per line and the answer is a list."""

    answer_key: str = ""
    placeholder: str = ""
    optional: bool = False
    multiline: bool = False
    lines: bool = False

    @property
    def key(self) -> str | None:
        """The answer key."""
        return self.answer_key


@dataclass(frozen=True)
class RatingStep(Step):
    """A rating from 0 to `scale`; with `each`, one rating per item of an earlier answer."""

    answer_key: str = ""
    scale: int = 10
    low: str = ""
    high: str = ""
    optional: bool = False
    each: str | None = None

    @property
    def key(self) -> str | None:
        """The answer key."""
        return self.answer_key


@dataclass(frozen=True)
class ChoiceStep(Step):
    """Pick one or many options: inline, from a shared list, or from an earlier answer."""

    answer_key: str = ""
    options: tuple[Option, ...] = ()
    list_name: str | None = None
    from_answer: str | None = None
    multiple: bool = False
    allow_other: bool = False
    rate: int = 0
    optional: bool = False

    @property
    def key(self) -> str | None:
        """The answer key."""
        return self.answer_key

    @property
    def answers_list(self) -> bool:
        """Whether the answer holds several items (usable by `each` and `from_answer`)."""
        return self.multiple or self.rate > 0


@dataclass(frozen=True)
class TimerStep(Step):
    """A countdown of `seconds` with text."""

    seconds: int = 60


@dataclass(frozen=True)
class BreatheStep(Step):
    """A breathing pacer: a pattern run for a number of cycles (whole breaths)."""

    pattern: BreathPattern = field(default_factory=lambda: BreathPattern(4.0, 6.0))
    cycles: int | None = None
    minutes: int | None = None


@dataclass(frozen=True)
class PacingStep(Step):
    """Set up a pacing plan (`plan`) or run work/rest intervals from it (`timer`)."""

    mode: str = "plan"
    answer_key: str = ""

    @property
    def key(self) -> str | None:
        """The answer key (defaults to `pacing_plan` / `pacing_timer`)."""
        return self.answer_key


AnyStep = TextStep | PromptStep | RatingStep | ChoiceStep | TimerStep | BreatheStep | PacingStep


@dataclass(frozen=True)
class Exercise:
    """One validated exercise file."""

    id: str
    title: str
    kind: str
    summary: str
    minutes: int
    steps: tuple[AnyStep, ...]
    caution: str = ""
    sources: tuple[str, ...] = ()
    before: RatingSpec | None = None
    after: RatingSpec | None = None
    path: Path | None = None
    origin: Origin = "bundled"

    def step_for_key(self, key: str) -> AnyStep | None:
        """The step that saves the answer `key`, if any."""
        return next((s for s in self.steps if s.key == key), None)
