"""The pages around an exercise's steps: before you start, afterwards, and the summary."""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from paincoach.core.textsafe import one_line, visible
from paincoach.exercises.engine import Runner
from paincoach.exercises.model import Exercise, RatingSpec
from paincoach.exercises.session import SessionResult, timed_totals
from paincoach.records.describe import progress_words
from paincoach.records.practice import SavedPractice
from paincoach.widgets.hints import key_word
from paincoach.widgets.rating import RatingInput
from paincoach.widgets.step_base import NEXT_ON_ENTER

STEP_NUMBER = r"^\d+[.)]\s*"


def shown_answers(runner: Runner) -> Text:
    """Earlier answers a step keeps in view (e.g. the hot thought), labelled by their step."""
    lines = []
    for key, words in runner.shown():
        step = runner.exercise.step_for_key(key)
        label = re.sub(STEP_NUMBER, "", step.title if step and step.title else "")
        label = label or key.replace("_", " ").capitalize()
        lines.append(Text.assemble((visible(label) + ": ", "bold"), one_line(words, 150)))
    return Text("\n").join(lines)


def caution_text(caution: str) -> Text:
    """An exercise's caution, with a plain-words label (not only a colour)."""
    return Text.assemble(("Take care: ", "bold"), visible(" ".join(caution.split())))


class RatingPage(Vertical):
    """A page with one optional 0-10 rating (before or after the steps)."""

    DEFAULT_CSS = """
    RatingPage {
        height: auto;
    }
    """

    def __init__(self, spec: RatingSpec, value: int | None, *, intro: Exercise | None = None):
        super().__init__(classes="runner-page")
        self.spec = spec
        self.value = value
        self.intro = intro

    def compose(self) -> ComposeResult:
        """What the exercise is, its caution (before only), and the rating."""
        if self.intro is not None:
            yield from intro_parts(self.intro)
        yield RatingInput(self.spec.label, self.spec.low, self.spec.high, value=self.value)
        yield Static(
            "Optional: type a number from 0 to 10, or just press "
            f"{key_word(NEXT_ON_ENTER)} to go on.",
            classes="hint",
        )

    @property
    def rating(self) -> int | None:
        """The rating given, if any."""
        return self.query_one(RatingInput).value

    def focus_target(self) -> Widget:
        """The rating."""
        return self.query_one(RatingInput)


def intro_parts(exercise: Exercise) -> ComposeResult:
    """The summary, length and caution of an exercise."""
    plural = "s" if len(exercise.steps) != 1 else ""
    yield Static(
        Text(
            f"{visible(exercise.summary)}\n"
            f"About {exercise.minutes} min · {len(exercise.steps)} step{plural}"
        ),
        classes="intro-summary",
    )
    if exercise.caution:
        yield Static(caution_text(exercise.caution), classes="exercise-caution")


class IntroPage(Vertical):
    """Before the first step: the caution, when there is one and no rating to ask."""

    DEFAULT_CSS = """
    IntroPage {
        height: auto;
    }
    """

    def __init__(self, exercise: Exercise) -> None:
        super().__init__(classes="runner-page")
        self.exercise = exercise

    def compose(self) -> ComposeResult:
        """Summary, caution, and how to start."""
        yield from intro_parts(self.exercise)
        yield Static(
            f"Press {key_word(NEXT_ON_ENTER)} to start. You can stop at any step.", classes="hint"
        )


def saved_words(saved: SavedPractice) -> list[str]:
    """What saving did, in plain words ("Saved." once, then what it means)."""
    words = ["Saved."]
    if saved.thought_record_uid:
        words.append("Your thought record is kept with the others.")
    if saved.goal_uid:
        words.append("Your goal is on Today until you mark it done.")
    if saved.plan_uid:
        words.append("The pacing session will use your plan for its work times.")
    if saved.activity is not None:
        activity = saved.activity
        words.append(f"Logged {activity.minutes} min of {visible(activity.name)} as paced.")
    if saved.flare_plan_saved:
        words.append("Help now shows your flare-up plan.")
    if saved.safety_plan_saved:
        words.append("Your safety plan is one key away in Help now: s.")
    return words


def result_progress(result: SessionResult) -> str:
    """How far the session got, in the words the lists use (`stopped after 36 s of 8 min`)."""
    seconds, total = timed_totals(result.timed)
    return progress_words(
        result.completed,
        result.steps_done,
        result.steps_total,
        seconds if result.timed else None,
        total,
    )


def summary_text(result: SessionResult, saving: str) -> Text:
    """A quiet summary: what was done, the ratings, and whether it is saved."""
    text = Text()
    if result.completed:
        text.append("Well done.\n\n", style="bold")
        text.append(f"You finished {visible(result.exercise_title)}.\n")
    else:
        text.append("You stopped early, and that is fine.\n\n", style="bold")
        words = result_progress(result)
        text.append(f"{words[:1].upper()}{words[1:]}.\n")
    if result.before is not None or result.after is not None:
        before = "–" if result.before is None else f"{result.before} of 10"
        after = "–" if result.after is None else f"{result.after} of 10"
        text.append(f"Your rating before: {before} · after: {after}.\n")
    text.append("\n" + saving + "\n")
    return text


class SummaryPage(Static):
    """The end of a session: a quiet summary, and whether it is saved."""

    def __init__(self, result: SessionResult) -> None:
        super().__init__(summary_text(result, "Saving…"), classes="runner-page runner-summary")
        self.result = result

    def show_saving(self) -> None:
        """Say it is being saved."""
        self.update(summary_text(self.result, "Saving…"))

    def show_saved(self, saved: SavedPractice) -> None:
        """Say it is saved, and what that means."""
        words = " ".join(saved_words(saved))
        self.update(summary_text(self.result, words + "\n\nPress Enter or Escape to close."))

    def show_failed(self, message: str) -> None:
        """Say it is not saved, and how to try again."""
        self.update(
            summary_text(
                self.result,
                f"Not saved: {message}\n\nCtrl+S tries again. Escape closes without saving.",
            )
        )
