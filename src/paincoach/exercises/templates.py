"""Safe `{key}` filling of exercise text from answers (no str.format on user text)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def placeholders(text: str) -> list[str]:
    """The keys named by `{key}` placeholders in `text`, in order."""
    return PLACEHOLDER.findall(text)


SENTENCE_ENDS = (".", "!", "?", "…")


def format_answer(value: object) -> str:
    """An answer as words: lists as `a, b`; rated items as `Sad 70, Anxious 40`.

    A list whose items are sentences (coping statements, questions for a clinic) is joined
    with spaces, so that it reads "It will ease. I have done this before." and not
    "It will ease., I have done this before.".
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        words = [format_answer(v) for v in value]
        if words and all(w.rstrip().endswith(SENTENCE_ENDS) for w in words[:-1]):
            return " ".join(words)
        return ", ".join(words)
    if isinstance(value, Mapping):
        if "activity" in value:  # a pacing answer: its activity is what reads well
            return str(value["activity"])
        return ", ".join(f"{k} {format_answer(v)}" for k, v in value.items())
    return str(value)


def fill(
    text: str,
    answers: Mapping[str, object],
    escape: Callable[[str], str] | None = None,
) -> str:
    """Replace `{key}` with the answer; unknown or unanswered keys stay as written.

    The answer is inserted once and never re-scanned, so an answer containing `{x}` or
    markup cannot expand further; pass `escape` to make it safe for the display format.
    """

    def swap(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in answers or answers[key] in (None, "", [], {}):
            return match.group(0)
        words = format_answer(answers[key])
        return escape(words) if escape else words

    return PLACEHOLDER.sub(swap, text)
