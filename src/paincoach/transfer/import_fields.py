"""Checking one imported value at a time; each checker returns what is stored, or raises.

Every checker raises `InputError` with the field's name and a message that says what is
expected. Ranges and limits are the journal's own (`paincoach.records.entries`), so an import
accepts exactly what the app and the command line accept.
"""

from __future__ import annotations

import math
import uuid
from datetime import date, datetime
from typing import Any

from paincoach.core.errors import InputError
from paincoach.core.textsafe import echo, refuse_nul
from paincoach.core.when import check_year, format_moment, in_years
from paincoach.records.entries import (
    NOTE_MAX,
    check_minutes,
    check_name,
    check_note,
    check_rating,
    clean_labels,
)

PERCENT_MAX = 100  # belief ratings in thought records, emotion intensities
SHORT_MAX = 200  # ids, titles, kinds, units
#: SQLite keeps whole numbers in 8 bytes; a larger one would fail only when written.
WHOLE_MIN, WHOLE_MAX = -(2**63), 2**63 - 1
#: Answers an exercise writes nest a few levels; far deeper ones could not be read back.
ANSWERS_DEPTH = 32


def uid(value: object, name: str = "uid") -> str:
    """A UUID as text (written in its usual lower-case form)."""
    text = string(value, name)
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise InputError(name, f"'{name}' should be a UUID such as '{uuid.uuid4()}'.") from None


def optional_uid(value: object, name: str) -> str | None:
    """A UUID, or None."""
    return None if value is None else uid(value, name)


def string(value: object, name: str) -> str:
    """Any JSON string without a NUL (`refuse_nul`: search could not find what follows it)."""
    if not isinstance(value, str):
        raise InputError(name, f"'{name}' should be text (a JSON string).")
    refuse_nul(value, name, f"'{name}'")
    return value


def short_text(value: object, name: str) -> str:
    """Text that is not blank, up to SHORT_MAX characters (an id, a title, a kind, a unit)."""
    text = string(value, name).strip()
    if not text:
        raise InputError(name, f"'{name}' must not be empty.")
    if len(text) > SHORT_MAX:
        raise InputError(name, f"'{name}' can be up to {SHORT_MAX} characters.")
    return text


def note(value: object, name: str = "note") -> str:
    """Free text up to the note limit; None counts as empty."""
    if value is None:
        return ""
    text = string(value, name)
    if len(text) > NOTE_MAX:
        raise InputError(
            name, f"'{name}' can be up to {NOTE_MAX:,} characters; this one has {len(text):,}."
        )
    return check_note(text)


def activity_name(value: object, name: str = "name") -> str:
    """An activity name, as the activity form accepts it."""
    return check_name(string(value, name))


def whole(value: object, name: str) -> int:
    """A JSON integer (not a string, not true/false, not 2.5)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(name, f"'{name}' should be a whole number, not {_shown(value)}.")
    if not WHOLE_MIN <= value <= WHOLE_MAX:
        raise InputError(name, f"'{name}' is far too large a number ({_shown(value)}).")
    return value


def rating(value: object, name: str) -> int | None:
    """A whole number from 0 to 10, or None."""
    if value is None:
        return None
    return check_rating(whole(value, name), name)


def required_rating(value: object, name: str) -> int:
    """A whole number from 0 to 10 (present)."""
    found = rating(value, name)
    if found is None:
        raise InputError(name, f"'{name}' is required: a whole number from 0 to 10.")
    return found


def percent_rating(value: object, name: str) -> int | None:
    """A whole number from 0 to 100, or None (beliefs, emotion intensities)."""
    if value is None:
        return None
    number = whole(value, name)
    if not 0 <= number <= PERCENT_MAX:
        raise InputError(name, f"'{name}' goes from 0 to 100; {number} is outside that.")
    return number


def minutes(value: object, name: str = "minutes") -> int:
    """Activity minutes, a whole number from 1 to 1440."""
    return check_minutes(whole(value, name))


def flag(value: object, name: str) -> bool:
    """true or false (JSON booleans only)."""
    if not isinstance(value, bool):
        raise InputError(name, f"'{name}' should be true or false, not {_shown(value)}.")
    return value


def moment(value: object, name: str) -> datetime:
    """An ISO 8601 moment with its UTC offset, e.g. 2026-11-26T08:30:00+01:00."""
    text = string(value, name)
    try:
        found = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(
            name,
            f"'{name}' should be a moment like 2026-11-26T08:30:00+01:00, not '{echo(text)}'.",
        ) from None
    if found.tzinfo is None:
        raise InputError(
            name, f"'{name}' needs its UTC offset (e.g. '+01:00' or 'Z'), so its day is known."
        )
    check_year(found.year, name, text)
    return found


def moment_text(value: object, name: str) -> str:
    """A moment as stored: ISO 8601 text with its offset, to the second."""
    return format_moment(moment(value, name))


def day(value: object, name: str) -> str:
    """A calendar day, YYYY-MM-DD."""
    text = string(value, name)
    try:
        found = date.fromisoformat(text)
    except ValueError:
        raise InputError(name, f"'{name}' should be a date like 2026-11-26.") from None
    return in_years(found, name, text).isoformat()


def labels(value: object, name: str) -> list[str]:
    """Pain areas or tags: a list of short texts (tidied as the check-in form tidies them)."""
    items = text_list(value, name)
    return list(clean_labels(items, "pain areas" if name == "areas" else name))


def text_list(value: object, name: str) -> list[str]:
    """A list of texts; None counts as empty."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError(name, f'\'{name}\' should be a list of texts, like ["a", "b"].')
    return [note(item, name) for item in value]


def emotions(value: object, name: str) -> list[dict[str, Any]]:
    """Emotions as [{"name": text, "intensity": 0-100 or null}]."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(name, f'\'{name}\' should be a list of {{"name", "intensity"}}.')
    found = []
    for item in value:
        if not isinstance(item, dict) or not set(item) <= {"name", "intensity"}:
            raise InputError(
                name, f'Each of \'{name}\' should be {{"name": text, "intensity": 0-100}}.'
            )
        found.append(
            {
                "name": short_text(item.get("name"), name),
                "intensity": percent_rating(item.get("intensity"), name),
            }
        )
    return found


def number(value: object, name: str) -> float:
    """A finite JSON number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(name, f"'{name}' should be a number, not {_shown(value)}.")
    try:
        finite = math.isfinite(value)
    except OverflowError:  # a whole number too large for a float
        finite = False
    if not finite:
        raise InputError(name, f"'{name}' is far too large a number ({_shown(value)}).")
    return value


def positive_numbers(value: object, name: str) -> list[float]:
    """A list of numbers above 0 (pacing measurements)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(name, f"'{name}' should be a list of numbers.")
    found = [number(item, name) for item in value]
    if any(item <= 0 for item in found):
        raise InputError(name, f"Every one of '{name}' should be more than 0.")
    return found


def answers(value: object, name: str) -> dict[str, Any]:
    """An exercise session's answers: a JSON object (any content)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError(name, f"'{name}' should be an object (answers by key).")
    if _depth(value) > ANSWERS_DEPTH:
        raise InputError(name, f"'{name}' is nested too deeply (up to {ANSWERS_DEPTH} levels).")
    refuse_nul(value, name, f"'{name}'")
    return value


def _depth(value: object) -> int:
    """How deeply lists and objects nest in `value` (counted without recursion)."""
    deepest, todo = 0, [(value, 1)]
    while todo:
        item, level = todo.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            todo.extend(
                (child, level + 1) for child in (item.values() if isinstance(item, dict) else item)
            )
    return deepest


def _shown(value: object) -> str:
    if isinstance(value, str):
        return f"the text '{echo(value, 20)}'"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return "a list" if isinstance(value, list) else "an object"
    return echo(value, 20)
