"""What the `treatments` and `doses` sections of an export (version 2) hold on import.

Each field is checked as the app and `paincoach took` / `paincoach treatments` check it
(`records.treatments`: names, the person's own words for dose and how often, long texts,
NUL refused), and each record as the tables' CHECKs hold it: a kind, a stop day exactly
when there is a reason, relief 0-10. Kept apart from `import_sections` only for its size.
"""

from __future__ import annotations

from typing import Any

from paincoach.core.errors import InputError
from paincoach.core.when import format_moment, local_day
from paincoach.records.treatments import (
    KINDS,
    STOP_REASONS,
    check_long,
    check_treatment_name,
    check_words,
)
from paincoach.transfer import import_fields as check
from paincoach.transfer.import_sections import SectionSpec

DEFAULT_KIND = "medicine"
"""A treatment without a kind is a medicine, as `paincoach treatments start` makes it."""


def treatment_name(value: object, name: str = "name") -> str:
    """A treatment's name, as `paincoach took` accepts it (one line, 1-80 characters)."""
    return check_treatment_name(check.string(value, name))


def words(value: object, name: str) -> str:
    """A dose or how-often text in the person's words: one line, up to 80 characters."""
    return check_words(check.string(value, name), name, f"'{name}'")


def long_text(value: object, name: str) -> str:
    """A note or side effects: any lines, up to the note limit; trailing spaces dropped."""
    return check_long(check.string(value, name), name, f"'{name}'")


def _finish_treatment(v: dict[str, Any], stamp: str) -> dict[str, Any]:
    kind = v.get("kind", DEFAULT_KIND)
    if kind not in KINDS:
        raise InputError("kind", f"'kind' should be one of {', '.join(KINDS)}.")
    stop_day, why = v.get("stop_day"), v.get("stop_why")
    if why is not None and why not in STOP_REASONS:
        raise InputError("stop_why", f"'stop_why' should be one of {', '.join(STOP_REASONS)}.")
    if (stop_day is None) != (why is None):
        given, missing = ("stop_day", "stop_why") if why is None else ("stop_why", "stop_day")
        raise InputError(
            missing, f"'{missing}' is required with '{given}': a stop day and why go together."
        )
    if stop_day is not None and stop_day < v["start_day"]:
        raise InputError(
            "stop_day", f"'stop_day' ({stop_day}) is before 'start_day' ({v['start_day']})."
        )
    return {
        "uid": v["uid"],
        "name": v["name"],
        "kind": kind,
        "dose": v.get("dose", ""),
        "how_often": v.get("how_often", ""),
        "as_needed": v.get("as_needed", False),
        "start_day": v["start_day"],
        "stop_day": stop_day,
        "stop_why": why,
        "stop_note": v.get("stop_note", ""),
        "created_at": stamp,
        "updated_at": stamp,
    }


def _finish_dose(v: dict[str, Any], stamp: str) -> dict[str, Any]:
    return {
        "uid": v["uid"],
        "name": v["name"],
        "dose": v.get("dose", ""),
        "at": format_moment(v["at"]),
        "day": local_day(v["at"]).isoformat(),
        "relief": v.get("relief"),
        "side_effects": v.get("side_effects", ""),
        "note": v.get("note", ""),
        "rated_at": v.get("rated_at"),
        "asked": v.get("asked", False),
        "created_at": stamp,
    }


SPECS: dict[str, SectionSpec] = {
    "treatments": SectionSpec(
        {
            "uid": check.uid,
            "name": treatment_name,
            "kind": check.short_text,
            "dose": words,
            "how_often": words,
            "as_needed": check.flag,
            "start_day": check.day,
            "stop_day": check.day,
            "stop_why": check.short_text,
            "stop_note": long_text,
        },
        ("name", "start_day"),
        _finish_treatment,
    ),
    "doses": SectionSpec(
        {
            "uid": check.uid,
            "name": treatment_name,
            "dose": words,
            "at": check.moment,
            "relief": check.rating,
            "side_effects": long_text,
            "note": long_text,
            "rated_at": check.moment_text,
            "asked": check.flag,
        },
        ("name", "at"),
        _finish_dose,
    ),
}
