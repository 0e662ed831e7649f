"""Exercise content as frozen dataclasses, built by the validator from TOML files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from paincoach.exercises.timing import BreathPattern

KINDS: tuple[str, ...] = (
    "lesson",
    "breathing",
    "thought_record",
    "acceptance",
    "pacing",
    "movement",
    "relaxation",
    "imagery",
    "mindfulness",
    "grounding",
    "sleep",
    "compassion",
    "goals",
    "values",
    "reflection",
    "problem_solving",
    "social",
    "appointment",
    "coping",
    "flare_plan",
    "setback_plan",
    "safety_plan",
)
"""Every kind, in the library's order: lessons first, then skills, then the person's plans."""
LESSON_KIND = "lesson"
LESSON_STEP_TYPES: tuple[str, ...] = ("text", "prompt", "choice")
"""A lesson is reading, with an optional question or reflection: no timers."""
LESSON_MAX_MINUTES = 10
KIND_TITLES: dict[str, str] = {  # headings in the library and `exercises list`
    "lesson": "Lessons",
    "breathing": "Breathing",
    "thought_record": "Thought records",
    "acceptance": "Acceptance and unhooking from thoughts",
    "pacing": "Pacing",
    "movement": "Gentle movement",
    "relaxation": "Relaxation",
    "imagery": "Imagery",
    "mindfulness": "Mindfulness",
    "grounding": "Grounding",
    "sleep": "Sleep",
    "compassion": "Self-compassion",
    "goals": "Goals",
    "values": "Values and pleasant activities",
    "reflection": "Reflection",
    "problem_solving": "Problem solving",
    "social": "Support, boundaries and explaining pain",
    "appointment": "Clinic appointments",
    "coping": "Coping on hard days",
    "flare_plan": "Flare-up plan",
    "setback_plan": "Setbacks and keeping going",
    "safety_plan": "Safety plan",
}


def kind_title(kind: str) -> str:
    """A kind as a heading: `thought_record` → `Thought records` (an unknown one as written)."""
    return KIND_TITLES.get(kind, kind.replace("_", " ").capitalize())


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
    order: int | None = None
    """Where it comes among its kind in the library (lessons read in order); else by title."""

    def step_for_key(self, key: str) -> AnyStep | None:
        """The step that saves the answer `key`, if any."""
        return next((s for s in self.steps if s.key == key), None)
