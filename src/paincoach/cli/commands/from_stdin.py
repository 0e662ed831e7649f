"""Fields given as `-` are read from standard input, so they stay out of shell history.

`--note -`, `--tag -`, `--area -` and an activity name of `-` each mean "read it from
standard input". With one of them, standard input is that field alone (tags and areas one a
line, or separated by commas). With several, standard input is a small form: a line
`tags: ...`, `areas: ...` or `name: ...` for each, and `note:` last, the note being
everything after it. Standard input can be read only once, so this is the one way to give
several.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import TextIO

from paincoach.core.errors import InputError
from paincoach.core.textsafe import echo

FROM_STDIN = "-"
#: The label of each field in the form, with the words a person might write for it.
LABELS = {"tags": "tags", "tag": "tags", "areas": "areas", "area": "areas"}
LABELS |= {"name": "name", "note": "note"}
WHAT = {"tags": "tags", "areas": "pain areas", "name": "activity name", "note": "note"}
WHAT["title"] = "event's title"  # `paincoach events add -`
FLAGS = {"tags": "--tag -", "areas": "--area -", "name": "NAME as -", "note": "--note -"}


def note_wanted(flag: str | None) -> bool:
    """Whether `--note -` was given; a note is never taken from the command line."""
    if flag is None:
        return False
    if flag != FROM_STDIN:
        raise InputError(
            "note",
            "Notes are read from standard input so they stay out of your shell history. "
            "Use '--note -' and type the note (end with Ctrl-D), or pipe it in.",
        )
    return True


def read_fields(wanted: Sequence[str], called: Mapping[str, str] | None = None) -> dict[str, str]:
    """The text of each wanted field (`tags`, `areas`, `name`, `note`) from standard input.

    `called` names a field in the command's own words where WHAT's do not fit (`took -`
    reads a treatment's name, not an activity's: `{"name": "treatment name"}`).
    """
    if not wanted:
        return {}
    if sys.stdin is None:
        raise InputError(wanted[0], "There is no standard input to read from.")
    what = {**WHAT, **(called or {})}
    if sys.stdin.isatty():
        sys.stderr.write(_prompt(wanted, what))
    text = read_text(sys.stdin, wanted[0], what.get(wanted[0]))
    if len(wanted) == 1:
        return {wanted[0]: text}
    return parse_form(text, wanted)


def labels(text: str) -> list[str]:
    """Tags or areas from standard input: one a line (commas also separate, as in argv)."""
    return [line for line in text.splitlines() if line.strip()]


def one_line(text: str, field: str, what: str | None = None) -> str:
    """A one-line field (an activity's or a treatment's name, an event's title) from standard
    input; `what` names it in the message when WHAT's words do not fit."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > 1:
        said = what or WHAT[field]
        raise InputError(field, f"The {said} is one line; standard input had {len(lines)}.")
    return lines[0] if lines else ""


def _prompt(wanted: Sequence[str], what: Mapping[str, str] = WHAT) -> str:
    if wanted == ["note"]:
        return "Type your note. Finish with Ctrl-D on a new line.\n"
    if len(wanted) == 1:
        many = " (one a line, or separated by commas)" if wanted[0] in ("tags", "areas") else ""
        return f"Type the {what[wanted[0]]}{many}. Finish with Ctrl-D on a new line.\n"
    lines = [f"{field}: ..." for field in wanted if field != "note"]
    if "note" in wanted:
        lines.append("note: (then your note, on as many lines as you like)")
    lines.append("Finish with Ctrl-D on a new line.")
    return "Type one line for each:\n  " + "\n  ".join(lines[:-1]) + "\n" + lines[-1] + "\n"


def parse_form(text: str, wanted: Sequence[str]) -> dict[str, str]:
    """`tags: a, b` / `areas: ...` / `name: ...` lines, then `note:` and the note to the end."""
    found: dict[str, str] = {}
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        label, colon, value = line.partition(":")
        field = LABELS.get(label.strip().casefold()) if colon else None
        if field is None:
            raise InputError(
                wanted[0],
                f"Standard input line {index + 1} ('{echo(line, 40)}') should start with "
                f"one of {_listed(wanted)}, as several fields are read from it.",
            )
        if field not in wanted:
            raise InputError(
                field, f"Standard input gives '{field}:', but {FLAGS[field]} was not given."
            )
        if field in found:
            raise InputError(field, f"Standard input gives '{field}:' twice.")
        if field == "note":  # the rest of its line (if any) and every line after it
            first = [value.strip()] if value.strip() else []
            found[field] = "\n".join([*first, *lines[index + 1 :]])
            break
        found[field] = value.strip()
    missing = [field for field in wanted if field not in found]
    if missing:
        raise InputError(
            missing[0],
            f"Standard input has no '{missing[0]}:' line. With several fields given as '-', "
            f"write one line for each: {_listed(wanted)} (note last).",
        )
    return found


def _listed(wanted: Sequence[str]) -> str:
    return ", ".join(f"'{field}:'" for field in wanted)


def read_text(stream: TextIO, field: str = "note", what: str | None = None) -> str:
    """All of `stream` as text: UTF-8 when the bytes are UTF-8, else the stream's encoding.

    Under LC_ALL=C or PYTHONIOENCODING=ascii the stream claims ASCII, yet the person typed
    (or piped) UTF-8; decoding strictly as ASCII would crash and lose the note.
    """
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        return stream.read()
    data = buffer.read()
    for encoding in ("utf-8", stream.encoding or "utf-8"):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        return text.replace("\r\n", "\n").replace("\r", "\n")
    raise InputError(
        field,
        f"The {what or WHAT.get(field, field)} is not readable text (paincoach reads UTF-8). "
        "Nothing was saved.",
    )
