"""`paincoach export`: where the file goes, what goes in it, and what to say afterwards."""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING

from paincoach.cli.commands.common import PRIVATE_FILES, PRIVATE_NOTE, open_database, say
from paincoach.core import clock
from paincoach.core.errors import DiskFullError, InputError, StorageError
from paincoach.core.when import parse_date

if TYPE_CHECKING:
    from paincoach.db.engine import Database
    from paincoach.transfer.export import Scope

REPORT_FORMATS = ("md", "html")
Writer = Callable[[IO[str]], object]


def export(args: argparse.Namespace, home: Path) -> int:
    """Run `paincoach export`."""
    _check_flags(args)
    since = parse_date(args.since) if args.since else None
    until = parse_date(args.until) if args.until else None
    db = open_database(home)
    today = clock.now().date()
    if args.format in REPORT_FORMATS:
        return _report(args, db, home, (since, until), today)
    from paincoach.transfer.export import Scope

    if since and until and since > until:
        raise InputError("since", f"--since ({since}) is after --until ({until}).")
    scope = Scope(since, until)
    if args.format == "csv":
        return _csv(args, db, scope, today)
    return _json(args, db, scope, today)


def _check_flags(args: argparse.Namespace) -> None:
    if args.table and args.format != "csv":
        raise InputError("table", "--table is for --format csv (one table as one file).")
    if args.months is not None and args.format not in REPORT_FORMATS:
        raise InputError("months", "--months is for the md and html reports.")
    if args.include_notes and args.format not in REPORT_FORMATS:
        raise InputError(
            "include-notes",
            "--include-notes is for the md and html reports; json and csv exports always "
            "hold all your notes.",
        )


def _target(args: argparse.Namespace, stem: str, suffix: str) -> Path | None:
    """Where to write: --out, or a new dated name in the current folder; None for stdout."""
    if args.out == "-":
        return None
    if args.out:
        return Path(args.out).expanduser()
    from paincoach.core.private_files import free_name

    return free_name(Path.cwd(), stem, suffix)


def _write(db: Database, target: Path | None, force: bool, write: Writer) -> None:
    if target is None:
        _write_stdout(write)
        return
    from paincoach.core.private_files import ledger_folder, private_output

    ledger = ledger_folder(db.path.parent)  # so a kill mid-write is cleaned up next time
    try:
        with (
            private_output(target, overwrite=force, ledger=ledger) as temp,
            temp.open("w", encoding="utf-8", newline="") as handle,
        ):
            write(handle)
    except OSError as exc:
        raise _write_error(exc, target) from None


def _write_error(exc: OSError, target: Path) -> StorageError:
    """Why `target` could not be written, in plain words (nothing of it was left)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(
            f"There is no room left to write {target}; nothing was written. Free some disk "
            "space and export again."
        )
    return StorageError(
        f"{target} could not be written ({exc.strerror or exc}); nothing was written."
    )


def _write_stdout(write: Writer) -> None:
    """Write to standard output as UTF-8, whatever the locale says.

    An export is UTF-8 (docs/export.md). Under LC_ALL=C or PYTHONIOENCODING=ascii the text
    stream would turn every non-ASCII letter into '?', and `export --out - > file` would
    keep question marks instead of the person's words.
    """
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None or (stream.encoding or "").lower().replace("-", "") == "utf8":
        write(stream)
        stream.flush()
        return
    stream.flush()
    utf8 = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
    try:
        write(utf8)
        utf8.flush()
    finally:
        utf8.detach()  # hand the buffer back to sys.stdout, open


def _say(text: str, target: Path | None) -> None:
    # With --out -, the data goes to stdout; what paincoach says goes to stderr.
    say(text, stream=sys.stderr if target is None else sys.stdout)


def _json(args: argparse.Namespace, db: Database, scope: Scope, today: date) -> int:
    from paincoach.transfer.export import counted, export_document, sections, write_json

    document = export_document(db, scope)
    target = _target(args, f"paincoach-export-{today}", ".json")
    _write(db, target, args.force, lambda handle: write_json(document, handle))
    counts = ", ".join(counted(s, len(document[s])) for s in sections() if document[s])
    if target is not None:
        _say(f"Wrote your journal ({counts or 'no records'}) to {target.resolve()}.", target)
        _say(PRIVATE_NOTE, target)
    return 0


def _csv(args: argparse.Namespace, db: Database, scope: Scope, today: date) -> int:
    from paincoach.transfer.export import counted, sections, write_csv

    if args.table:
        target = _target(args, f"paincoach-{args.table}-{today}", ".csv")
        rows: list[int] = []
        _write(db, target, args.force, lambda h: rows.append(write_csv(db, args.table, h, scope)))
        if target is not None:
            _say(f"Wrote {counted(args.table, rows[0])} to {target.resolve()}.", target)
            _say(PRIVATE_NOTE, target)
        return 0
    if args.out == "-":
        raise InputError("out", "All tables go to a folder; use --table NAME for stdout.")
    new_folder = not _csv_folder_exists(args)
    folder = _csv_folder(args, today)
    files = [folder / f"{section}.csv" for section in sections()]
    _refuse_existing(files, args.force)
    written: dict[str, int] = {}
    try:
        for section, path in zip(sections(), files, strict=True):
            written[section] = _write_table(db, section, path, args.force, scope)
    except BaseException:
        if new_folder:  # a folder this run made holds only this run's files: leave none
            for path in files[: len(written)]:
                path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    counts = ", ".join(counted(s, n) for s, n in written.items())
    _say(f"Wrote {len(files)} CSV files ({counts}) to {folder.resolve()}.", folder)
    _say(PRIVATE_FILES, folder)
    return 0


def _write_table(db: Database, section: str, path: Path, force: bool, scope: Scope) -> int:
    from paincoach.transfer.export import write_csv

    found: list[int] = []
    _write(db, path, force, lambda handle: found.append(write_csv(db, section, handle, scope)))
    return found[0]


def _csv_folder_exists(args: argparse.Namespace) -> bool:
    return bool(args.out) and Path(args.out).expanduser().is_dir()


def _csv_folder(args: argparse.Namespace, today: date) -> Path:
    from paincoach.core.paths import ensure_private_dir
    from paincoach.core.private_files import free_name

    folder = Path(args.out).expanduser() if args.out else None
    if folder is None:
        folder = free_name(Path.cwd(), f"paincoach-csv-{today}", "")
    elif folder.exists() and not folder.is_dir():
        raise InputError("out", f"{folder} is a file; CSV export needs a folder (or --table).")
    if not folder.parent.is_dir():
        raise InputError("out", f"The folder {folder.parent} does not exist.")
    return ensure_private_dir(folder)


def _refuse_existing(files: list[Path], force: bool) -> None:
    taken = [path for path in files if path.exists()]
    if taken and not force:
        raise InputError(
            "out",
            f"{taken[0]} already exists; nothing was written. Choose another folder with "
            "--out, or add --force to replace the files.",
        )


def _report(
    args: argparse.Namespace,
    db: Database,
    home: Path,
    span: tuple[date | None, date | None],
    today: date,
) -> int:
    from paincoach.report import html as report_html
    from paincoach.report import markdown as report_markdown
    from paincoach.report.build import build_report, report_range
    from paincoach.settings import load_settings

    first, last = report_range(*span, today)
    week_start = load_settings(db).week_start
    trends = None
    if args.months is not None:
        from paincoach.cli.commands.calendar import ask_long_view
        from paincoach.report.period import check_months

        months = check_months(args.months)
        trends = ask_long_view(home, lambda view: view.trends(months))
    report = build_report(
        db, first, last, include_notes=args.include_notes, week_start=week_start, trends=trends
    )
    text = (report_html if args.format == "html" else report_markdown).render(report)
    target = _target(args, f"paincoach-report-{today}", f".{args.format}")
    _write(db, target, args.force, lambda handle: handle.write(text))
    if target is not None:
        notes = (
            "with your notes" if args.include_notes else "notes left out: --include-notes adds them"
        )
        _say(f"Wrote the report for {first} to {last} ({notes}) to {target.resolve()}.", target)
    return 0
