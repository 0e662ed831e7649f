"""Reading an export file for import: its parts one at a time, each record checked.

`read_parts` streams the file (`paincoach.transfer.json_stream`), turning every problem in
the text into an `ImportRecordError` that names the file; `prepare_record` checks one record
and turns it into table columns; `check_header` checks the top level once it is all read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from paincoach.core.errors import InputError
from paincoach.core.textsafe import echo
from paincoach.core.uids import new_uid
from paincoach.transfer.export import FORMAT, JSON_FIELDS, VERSION, sections
from paincoach.transfer.import_sections import SectionSpec
from paincoach.transfer.json_stream import Part, parts, repeated_key
from paincoach.transfer.own_plans import PLANS, PlanSpec, prepare_plan

HEADER_KEYS = frozenset({"format", "version", "exported_at", "app"})
PLAN_KEYS = frozenset(plan.key for plan in PLANS)
TOP_KEYS = frozenset({*HEADER_KEYS, *PLAN_KEYS, *sections()})


class ImportRecordError(InputError):
    """A file or record that cannot be imported; says where (section, index, field)."""

    def __init__(
        self, section: str, index: int | None, field_name: str, message: str, source: str = ""
    ) -> None:
        where = section if index is None else f"{section}[{index}] (record {index + 1})"
        if field_name:
            where += f", field '{field_name}'"
        if source and source not in message:  # name the file, once
            where = f"{source}{where[4:]}" if section == "file" else f"{source}: {where}"
        super().__init__(field_name, f"{where}: {message} Nothing was imported.")
        self.section = section
        self.index = index
        self.detail = message

    def in_file(self, source: str) -> ImportRecordError:
        """The same problem, with the name of the file it is in."""
        return ImportRecordError(self.section, self.index, self.field, self.detail, source)


# -- reading the file --------------------------------------------------------------------------


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(repeated_key(key))
        found[key] = value
    return found


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


DECODER = json.JSONDecoder(object_pairs_hook=_no_repeats, parse_constant=_no_constant)


def read_parts(path: Path) -> Iterator[Part]:
    """The parts of the export at `path` (each section's records one by one), as read.

    The header and the person's plans come whole; any other list comes item by item, so
    even a key that is not part of an export is never held whole.
    """
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError("file", f"Cannot read {path}: {exc.strerror or exc}.") from None
    with handle:
        try:
            yield from parts(handle, DECODER, lambda key: key not in HEADER_KEYS | PLAN_KEYS)
        except UnicodeDecodeError:
            raise ImportRecordError("file", None, "", f"{source} is not UTF-8 text.") from None
        except json.JSONDecodeError as exc:
            raise ImportRecordError(
                "file", None, "", f"{source} is not valid JSON (line {exc.lineno}: {exc.msg})."
            ) from None
        except RecursionError:
            raise ImportRecordError(
                "file", None, "", f"{source} is nested too deeply to be a paincoach export."
            ) from None
        except ValueError as exc:
            raise ImportRecordError("file", None, "", f"{source} cannot be read: {exc}.") from None
        except OSError as exc:
            raise InputError("file", f"Cannot read {path}: {exc.strerror or exc}.") from None


def check_header(document: object, source: str) -> None:
    """The top level: a paincoach export of a version this paincoach reads, and no more."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRecordError(
            "file", None, "format", f"{source} is not a paincoach export (format '{FORMAT}')."
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ImportRecordError("file", None, "version", "The export has no version number.")
    if version > VERSION:
        raise ImportRecordError(
            "file",
            None,
            "version",
            f"This export is format version {version}, made by a newer paincoach; this one "
            f"reads versions 1 to {VERSION}. Update paincoach to import it.",
        )
    if version < 1:
        raise ImportRecordError("file", None, "version", f"Format version {version} is not known.")
    unknown = sorted(set(document) - TOP_KEYS)
    if unknown:
        raise ImportRecordError(
            "file",
            None,
            echo(unknown[0]),
            f"'{echo(unknown[0])}' is not a part of a paincoach export.",
        )


# -- checking records --------------------------------------------------------------------------


def prepare_record(
    section: str, index: int, record: object, spec: SectionSpec, stamp: str
) -> dict[str, Any]:
    """One record checked and turned into its table's columns; the first problem raises.

    Lists and objects stay as they are (names are spelled as the journal spells them
    first); `encoded` turns them into the JSON text the table holds.
    """
    if not isinstance(record, dict):
        raise ImportRecordError(section, index, "", "Each record should be an object ({...}).")
    unknown = [key for key in record if key not in spec.checks]
    if unknown:
        known = ", ".join(spec.checks)
        raise ImportRecordError(
            section,
            index,
            echo(unknown[0]),
            f"'{echo(unknown[0])}' is not a field of {section} ({known}).",
        )
    values: dict[str, Any] = {}
    try:
        for name in spec.required:
            if record.get(name) is None:
                raise InputError(name, f"'{name}' is required here.")
        for name, value in record.items():
            if value is not None:
                values[name] = spec.checks[name](value, name)
        if "uid" not in values:  # (not setdefault: a new uid for every record costs)
            values["uid"] = new_uid()
        return spec.finish(values, stamp)
    except InputError as exc:
        raise ImportRecordError(section, index, exc.field, exc.message) from None
    except RecursionError:  # answers nested deeper than they can be written back
        raise ImportRecordError(section, index, "", "It is nested too deeply.") from None


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # (json.dumps makes one each call)


def encoded(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`rows` (of one section) with their lists and objects as the JSON text stored."""
    columns = [name for name in rows[0] if name in JSON_FIELDS] if rows else []
    for row in rows:
        for name in columns:
            row[name] = _ENCODE(row[name])
    return rows


def prepare_own_plan(spec: PlanSpec, plan: object) -> dict[str, Any]:
    """One of the person's plans (flare-up, safety) checked, as it is stored."""
    try:
        return prepare_plan(spec, plan)
    except InputError as exc:
        raise ImportRecordError(spec.key, None, exc.field, exc.message) from None
