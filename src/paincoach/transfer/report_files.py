"""Writing a report or a full export to a file the person chose, privately (0600, atomic).

Shared by the app's Export dialog; nothing is written anywhere the person did not ask.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from paincoach.core.errors import InputError
from paincoach.db.engine import Database

ExportKind = Literal["html", "md", "json"]
SUFFIXES: dict[ExportKind, str] = {"html": ".html", "md": ".md", "json": ".json"}


def check_folder(folder_text: str) -> Path:
    """The folder to write into; it must exist (we do not create folders the person named)."""
    folder = Path(folder_text.strip() or "~").expanduser()
    if not folder.is_dir():
        raise InputError("folder", f"{folder} is not a folder. Please choose a folder that exists.")
    return folder


def write_export(
    db: Database,
    kind: ExportKind,
    folder: Path,
    *,
    today: date,
    until: date | None = None,
    weeks: int = 4,
    include_notes: bool = False,
    week_start: int = 0,
) -> Path:
    """Write a report of `weeks` weeks ending `until` (html, md) or all data (json).

    Returns the file written; its name carries `today` and never replaces an existing file.
    """
    from paincoach.core.private_files import free_name, ledger_folder, private_output

    stem = f"paincoach-{'export' if kind == 'json' else 'report'}-{today}"
    target = free_name(folder, stem, SUFFIXES[kind])
    text = _render(db, kind, until or today, weeks, include_notes, week_start)
    ledger = ledger_folder(db.path.parent)
    with (
        private_output(target, ledger=ledger) as temp,
        temp.open("w", encoding="utf-8", newline="") as handle,
    ):
        handle.write(text)
    return target


def _render(
    db: Database, kind: ExportKind, last: date, weeks: int, include_notes: bool, week_start: int
) -> str:
    if kind == "json":
        import io

        from paincoach.transfer.export import Scope, export_document, write_json

        buffer = io.StringIO()
        write_json(export_document(db, Scope(None, None)), buffer)
        return buffer.getvalue()
    from paincoach.report import html as report_html
    from paincoach.report import markdown as report_markdown
    from paincoach.report.build import build_report

    first = last - timedelta(days=7 * weeks - 1)
    report = build_report(db, first, last, include_notes=include_notes, week_start=week_start)
    return (report_html if kind == "html" else report_markdown).render(report)
