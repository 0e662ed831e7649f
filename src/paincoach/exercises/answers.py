"""Checking and normalising the answer to one step (raises AnswerError with a plain message)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from paincoach.exercises.model import (
    AnyStep,
    ChoiceStep,
    Option,
    PacingStep,
    PromptStep,
    RatingStep,
)
from paincoach.exercises.pacing import PacingPlan

MAX_TEXT = 20_000  # a long note is fine; a pasted book is a mistake
MAX_OTHER = 200  # an "other" option is a word or two


class AnswerError(ValueError):
    """An answer the step cannot take; the message can be shown to the user as is."""


def list_items(value: object) -> list[str]:
    """The items of a list-like answer: a list, the keys of rated items, or one pick."""
    if isinstance(value, Mapping):
        return [str(k) for k in value]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if isinstance(value, str) and value:
        return [value]
    return []


def options_for(step: ChoiceStep, answers: Mapping[str, object]) -> tuple[Option, ...]:
    """The options a choice step offers now (from an earlier answer when `from_answer`)."""
    if step.from_answer:
        return tuple(Option(item, item) for item in list_items(answers.get(step.from_answer)))
    return step.options


def items_for(step: RatingStep, answers: Mapping[str, object]) -> list[str]:
    """The items a rating step with `each` asks about (none without `each`)."""
    return list_items(answers.get(step.each)) if step.each else []


def check_answer(step: AnyStep, value: object, answers: Mapping[str, object]) -> object:
    """The normalised, JSON-ready answer; None means "no answer". Raises AnswerError."""
    if value is None:
        return None
    if isinstance(step, PromptStep):
        return _prompt(step, value)
    if isinstance(step, RatingStep):
        if step.each:
            return _rated_items(value, items_for(step, answers), step.scale, allow_other=False)
        return _number(value, step.scale)
    if isinstance(step, ChoiceStep):
        return _choice(step, value, answers)
    if isinstance(step, PacingStep):
        return _pacing(step, value)
    raise AnswerError(f"a {step.type} step takes no answer")


def missing(step: AnyStep, answer: object, answers: Mapping[str, object]) -> str | None:
    """Why the user cannot move on from `step` yet, or None when they can."""
    if getattr(step, "optional", False):
        return None
    if isinstance(step, PromptStep) and answer is None:
        return "Write at least one line to go on." if step.lines else "Write an answer to go on."
    if isinstance(step, RatingStep):
        if step.each:
            items = items_for(step, answers)
            done = answer if isinstance(answer, Mapping) else {}
            left = [item for item in items if item not in done]
            return f"Rate each one to go on: {', '.join(left)}." if left else None
        return f"Choose a number from 0 to {step.scale} to go on." if answer is None else None
    if isinstance(step, ChoiceStep) and not step.multiple and not answer:
        return "Pick one to go on." if options_for(step, answers) or step.allow_other else None
    return None


def _text(value: object, limit: int) -> str:
    if not isinstance(value, str):
        raise AnswerError("expected text")
    text = value.strip()
    if len(text) > limit:
        raise AnswerError(f"that is too long: at most {limit} characters")
    return text


def _prompt(step: PromptStep, value: object) -> object:
    if step.lines:
        raw: Sequence[object] = value.splitlines() if isinstance(value, str) else _seq(value)
        items = [t for t in (_text(v, MAX_TEXT) for v in raw) if t]
        return items or None
    return _text(value, MAX_TEXT) or None


def _seq(value: object) -> Sequence[object]:
    if not isinstance(value, list | tuple):
        raise AnswerError("expected a list of text")
    return value


def _number(value: object, scale: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= scale:
        raise AnswerError(f"expected a whole number from 0 to {scale}")
    return value


def _pick(value: object, labels: Sequence[str], allow_other: bool) -> str:
    text = _text(value, MAX_OTHER if allow_other else MAX_TEXT)
    if text in labels or (allow_other and text):
        return text
    raise AnswerError(f'"{text}" is not one of the options')


def _rated_items(
    value: object, labels: Sequence[str], scale: int, *, allow_other: bool
) -> dict[str, int]:
    if not isinstance(value, Mapping):
        raise AnswerError("expected each item with its rating")
    rated = {_pick(k, labels, allow_other): _number(v, scale) for k, v in value.items()}
    # Keep the order the options are shown in, then anything the user added.
    return {k: rated[k] for k in sorted(rated, key=lambda k: _order(k, labels))}


def _order(label: str, labels: Sequence[str]) -> int:
    return labels.index(label) if label in labels else len(labels)


def _choice(step: ChoiceStep, value: object, answers: Mapping[str, object]) -> object:
    labels = [o.label for o in options_for(step, answers)]
    if step.rate:
        rated = _rated_items(value, labels, step.rate, allow_other=step.allow_other)
        if not step.multiple and len(rated) > 1:
            raise AnswerError("pick only one")
        return rated
    if step.multiple:
        picks = [_pick(v, labels, step.allow_other) for v in _seq(value)]
        return sorted(dict.fromkeys(picks), key=lambda k: _order(k, labels))
    return _pick(value, labels, step.allow_other)


def _pacing(step: PacingStep, value: object) -> object:
    if step.mode == "plan":
        if not isinstance(value, PacingPlan):
            raise AnswerError("expected a pacing plan")
        return value.as_answer()
    if not isinstance(value, Mapping):
        raise AnswerError("expected the work/rest session record")
    return dict(value)
