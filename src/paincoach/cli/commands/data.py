"""`paincoach export`, `import`, `backup` and `restore`, and the daily backup on opening.

Importing this module is cheap (the parsers only); each command imports what it needs.
Files are written only where the person asks (or, by default, in the current folder under
a new dated name), private (0600), whole, and never over an existing file without --force.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paincoach.cli.commands.common import PRIVATE_NOTE, open_database, say
from paincoach.core.errors import InputError
from paincoach.core.words import counted

if TYPE_CHECKING:
    pass

COMMANDS = ("export", "import", "backup", "restore")
FORMATS = ("json", "csv", "md", "html")
TABLES = (
    "checkins",
    "activities",
    "thought_records",
    "exercise_sessions",
    "pacing_plans",
    "pacing_changes",
    "weekly_checks",
    "goals",
    "course_events",
    "treatments",
    "doses",
    "marked_events",
)  # the export's sections (`transfer.export.sections()`), named here to keep this import cheap


def add_parsers(sub: argparse._SubParsersAction[Any]) -> None:
    """The four data commands' grammar."""
    export = sub.add_parser(
        "export",
        help="export your data (json, csv) or a report for your clinician (md, html)",
        description="json: everything, re-importable (docs/export.md). csv: one file per "
        "table in a folder, or one table with --table. md/html: a report over a period "
        "(default the last 4 weeks), notes left out unless --include-notes. Without --out "
        "the file goes in the current folder under a new dated name.",
    )
    export.add_argument("--format", choices=FORMATS, default="json", help="default: json")
    export.add_argument("--out", metavar="PATH", help="file (or folder for csv); '-' for stdout")
    export.add_argument("--since", metavar="YYYY-MM-DD", help="first day to include")
    export.add_argument("--until", metavar="YYYY-MM-DD", help="last day to include")
    export.add_argument(
        "--include-notes",
        action="store_true",
        help="md/html: include notes, goals and thought-record text (left out by default)",
    )
    export.add_argument("--table", choices=TABLES, help="csv: only this table, as one file")
    export.add_argument(
        "--months",
        metavar="N",
        help="md/html: add the last N months (3-12) by month, or by week for 3, with events",
    )
    export.add_argument("--force", action="store_true", help="replace an existing file")

    imp = sub.add_parser(
        "import",
        help="merge a paincoach JSON export into your journal",
        description="Adds the records whose uid your journal does not have yet; the others "
        "are skipped. If any record is invalid, nothing at all is imported.",
    )
    imp.add_argument("file", metavar="FILE.json")

    backup = sub.add_parser(
        "backup",
        help="take a backup of your journal now",
        description="A consistent copy of the journal (safe while the app is open). Default: "
        "a new file in the backups folder of your data folder.",
    )
    backup.add_argument("--out", metavar="PATH", help="where to write the backup")
    backup.add_argument("--force", action="store_true", help="replace an existing file")

    restore = sub.add_parser(
        "restore",
        help="replace your journal with a backup (the current one is kept first)",
        description="Checks that PATH is an undamaged paincoach journal this version can "
        "read, keeps a copy of your current journal in the backups folder, then restores.",
    )
    restore.add_argument("path", metavar="PATH")


def run(args: argparse.Namespace, home: Path) -> int:
    """Run one of the data commands."""
    if args.command == "export":
        from paincoach.cli.commands.data_export import export

        return export(args, home)
    if args.command == "import":
        return _import(Path(args.file), home)
    if args.command == "backup":
        return _backup(args, home)
    return _restore(Path(args.path), home)


def _import(path: Path, home: Path) -> int:
    from paincoach.transfer.importer import import_file

    report = import_file(open_database(home), path)
    from paincoach.transfer.export import NAMES

    lines = [f"Imported {path}: {counted(report.total_added, 'record')} added."]
    for section, added in report.added.items():
        skipped = report.skipped.get(section, 0)
        if added or skipped:
            lines.append(
                f"  {NAMES[section][1]}: {added} added, {skipped} skipped (already in your journal)"
            )
    if report.plans_made_inactive:
        lines.append(
            f"  {counted(report.plans_made_inactive, 'pacing plan')} "
            f"{'was' if report.plans_made_inactive == 1 else 'were'} added as stopped: you "
            "already follow a plan for that activity."
        )
    if report.plans_outside_safe_rate:
        lines.append(f"  {_outside_safe_rate(report.plans_outside_safe_rate)}")
    if report.flare_plan == "added":
        lines.append("  The flare-up plan was added.")
    elif report.flare_plan:
        lines.append("  Your own flare-up plan was kept; the one in the file was not imported.")
    if report.safety_plan == "added":
        lines.append("  The safety plan was added.")
    elif report.safety_plan:
        lines.append("  Your own safety plan was kept; the one in the file was not imported.")
    for line in lines:
        say(line)
    return 0


def _outside_safe_rate(count: int) -> str:
    """What to say of imported plans that rise faster or slower than paincoach suggests."""
    from paincoach.records.pacing import SAFE_PERCENT

    low, high = SAFE_PERCENT
    one = count == 1
    return (
        f"{counted(count, 'pacing plan')} {'rises' if one else 'rise'} faster or slower than "
        f"the {low}-{high}% a week paincoach suggests; {'it was' if one else 'they were'} "
        f"kept as {'it was' if one else 'they were'}: choose a rate with "
        "`paincoach pacing percent ACTIVITY N` or in Pacing (p on Today)."
    )


def _backup(args: argparse.Namespace, home: Path) -> int:
    from paincoach.core import clock
    from paincoach.transfer import backup, restoring

    out = Path(args.out).expanduser() if args.out else None
    written = backup.manual_backup(home, out, overwrite=args.force, now=clock.now())
    info = restoring.inspect(written)
    say(f"Backed up your journal to {written} ({info.describe()}; integrity check: ok).")
    say(PRIVATE_NOTE)
    return 0


def _restore(path: Path, home: Path) -> int:
    from paincoach.core import clock
    from paincoach.transfer import restoring

    source = path.expanduser()
    if not source.exists():
        raise InputError("path", f"{source} does not exist; nothing was changed.")
    report = restoring.restore(home, source, clock.now())
    info = report.restored
    say(f"Restored your journal from {source} (schema {info.schema_version}: {info.describe()}).")
    if report.kept_current is not None:
        say(f"Your journal as it was before is kept at {report.kept_current}.")
    else:
        say("There was no journal here before, so nothing needed keeping.")
    return 0
