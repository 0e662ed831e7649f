"""`paincoach help-now` and `paincoach doctor`."""

from __future__ import annotations

import argparse
import platform
import sqlite3
import stat
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from rich.console import Console
from rich.text import Text

from paincoach import __version__, safety
from paincoach.cli.terminal import console
from paincoach.core import paths
from paincoach.core.errors import DamagedDatabaseError, NotOwnFolderError
from paincoach.core.paths import file_uri
from paincoach.core.textsafe import visible
from paincoach.core.words import counted
from paincoach.records.describe import flare_plan_text, safety_plan_text
from paincoach.records.practice import FlarePlan
from paincoach.records.safety_plan import SafetyPlan

NO_PLAN = 'No flare-up plan yet: write one in the app (e, then "My flare-up plan").'
NO_SAFETY_PLAN = (
    "No safety plan yet: a short list of what you can do and who you can turn to when "
    "things feel too much. Write one in the app: F1, then s."
)


def run(args: argparse.Namespace, home: Path) -> int:
    """Run `help-now` or `doctor`."""
    if args.command == "help-now":
        return _help_now(home, args.region)
    return _doctor(home)


@dataclass(frozen=True)
class StoredHelp:
    """What Help now takes from the journal: region, contacts and the flare-up plan."""

    region: str = ""
    contacts: tuple[tuple[str, str, str], ...] = ()
    plan: FlarePlan | None = None
    readable: bool = True  # False: the journal is there but could not be read
    safety_plan: SafetyPlan | None = None


def _stored_help(home: Path) -> StoredHelp:
    """The region, contacts and flare-up plan; any storage problem falls back to defaults.

    Help must never depend on the journal being readable.
    """
    if not paths.database_path(home).exists():
        return StoredHelp()
    try:
        from paincoach.db.engine import Database
        from paincoach.journal.service import Journal
        from paincoach.practice.service import Practice
        from paincoach.settings import load_settings

        db = Database.open(home)
        settings = load_settings(db)
    except Exception:  # whatever is wrong with the journal, the lines must still show
        return StoredHelp(readable=False)
    contacts = tuple((c.name, c.phone, c.note) for c in settings.contacts)
    try:
        practice = Practice(db, Journal(db))
        plan, safety_plan = practice.flare_plan(), practice.safety_plan()
    except Exception:  # the region and people still count when the plans cannot be read
        return StoredHelp(settings.region, contacts, readable=False)
    return StoredHelp(settings.region, contacts, plan, safety_plan=safety_plan)


def _print_own_plan(out: Console, text: Text | None, readable: bool, name: str, hint: str) -> None:
    """One of the person's own plans, or `hint` on how to write it (or that it was unreadable)."""
    if text is not None:
        text.rstrip()
        out.print(text)
    elif readable:
        out.print(hint)
    else:
        out.print(f"Your {name} could not be read just now.")
    out.print()


def _print_plan(out: Console, stored: StoredHelp) -> None:
    """The person's own flare-up plan first, or one line on how to write one."""
    plan = stored.plan
    text = flare_plan_text(plan) if plan is not None and not plan.empty else None
    _print_own_plan(out, text, stored.readable, "flare-up plan", NO_PLAN)


def _print_safety_plan(out: Console, stored: StoredHelp) -> None:
    """The person's own safety plan after the lines, or one line on how to write one."""
    plan = stored.safety_plan
    text = safety_plan_text(plan) if plan is not None else None
    _print_own_plan(out, text, stored.readable, "safety plan", NO_SAFETY_PLAN)


def _help_now(home: Path, region_code: str | None) -> int:
    directory = safety.load_directory()
    stored = _stored_help(home)
    stored_region, contacts = stored.region, stored.contacts
    wanted = (region_code or stored_region or safety.DEFAULT_REGION).upper()
    region = directory.region(wanted)
    out = console()
    out.print(Text("Help now", style="bold"))
    _print_plan(out, stored)
    if region.code != wanted:
        codes = ", ".join(sorted(r.code for r in directory.regions))
        out.print(
            visible(f"No lines for region '{wanted}' (known: {codes}); showing {region.name}.")
        )
    out.print(safety.IMMEDIATE_DANGER)
    out.print(f"Emergency number ({region.name}): {region.emergency}")
    out.print()
    for line in directory.lines_for(region.code):
        out.print(Text(f"{line.name}: {line.number}", style="bold"))
        out.print(f"  {safety.line_details(line)}")
        # long page addresses wrap where the terminal wraps them, not at a hyphen
        out.print(f"  Source: {line.source} ({safety.page_date(line)}).", soft_wrap=True)
    out.print()
    out.print(safety.SOURCE_DATES)
    out.print(safety.compared_line(directory))
    if contacts:
        out.print()
        out.print(Text("Your people", style="bold"))
        for name, phone, note in contacts:
            out.print(visible(f"  {name}  {phone}  {note}".rstrip()))
    out.print()
    _print_safety_plan(out, stored)
    out.print(safety.NOT_MEDICAL_CARE)
    out.print(safety.NOT_MONITORED)
    if not region_code and not stored_region:
        out.print(
            "Set your region in the app's Settings, or use --region with your country's "
            "code (for example GB-SCT, US or DE; an unknown code lists them all)."
        )
    return 0


def _doctor(home: Path) -> int:
    out = console()
    db_path = paths.database_path(home)
    out.print(Text("paincoach doctor", style="bold"))
    out.print(
        f"paincoach {__version__}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )
    for package in ("textual", "sqlmodel", "sqlalchemy", "rich", "platformdirs"):
        out.print(f"  {package} {_version_of(package)}")
    out.print(f"Data folder: {home} {_mode(home)}")
    warning = paths.privacy_warning(home)
    if warning:
        out.print(warning)
    out.print(f"Journal:     {db_path} {_mode(db_path)}")
    _backups_line(out, home)
    from paincoach.core.resources import data_dir

    out.print(f"Content:     {data_dir()}")
    _crisis_line_age(out)
    if not db_path.exists():
        out.print("No journal yet: it is created the first time you save something.")
        return 0
    return _doctor_check(db_path, home)


def _backups_line(out: Console, home: Path) -> None:
    """Where the backups go, and why none are made when `backups/` is a link."""
    folder = paths.backup_folder(home)
    try:
        paths.check_own_folder(folder)
    except NotOwnFolderError as exc:
        out.print(f"Backups:     {folder} (not used: no automatic backups are made)")
        out.print(exc.message)
        return
    out.print(f"Backups:     {folder} {_mode(folder)}")


def _crisis_line_age(out: Console) -> None:
    """Say when the bundled crisis lines are due to be compared with their sources again."""
    from paincoach.core import clock

    overdue = safety.overdue_comparison(safety.load_directory(), clock.today())
    if overdue:
        out.print(
            f"The crisis lines were {overdue}, over a year ago; a newer paincoach may have "
            "newer numbers. Your local emergency number always works."
        )


def _doctor_check(db_path: Path, home: Path) -> int:
    from paincoach.db import migrations
    from paincoach.db.engine import Database

    out = console()
    try:
        db = Database.open(home)
    except DamagedDatabaseError as exc:
        out.print(exc.message)
        return _report_problems(_read_only_integrity(db_path))
    with db.connection() as conn:
        integrity = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check").all()]
        counts = {
            table: conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
            for table in ("checkins", "activities")
        }
    out.print(f"Schema version: {db.schema_version} (this paincoach writes {migrations.LATEST})")
    if db.read_only:
        out.print(db.read_only_reason)
    checkins = counted(counts["checkins"], "check-in")
    out.print(f"Entries: {checkins}, {counted(counts['activities'], 'activity', 'activities')}")
    if integrity == ["ok"]:
        out.print("Integrity check: ok")
        return 0
    return _report_problems(integrity)


def _report_problems(problems: list[str]) -> int:
    out = console()
    out.print("Integrity check found problems:")
    for line in problems[:20]:
        out.print(f"  {visible(line)}")
    return 1


def _read_only_integrity(db_path: Path) -> list[str]:
    """What SQLite's full integrity check says about a damaged file, opened read-only."""
    try:
        conn = sqlite3.connect(file_uri(db_path), uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        return [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()


def _version_of(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _mode(path: Path) -> str:
    try:
        return f"(mode {stat.filemode(path.stat().st_mode)})"
    except OSError:
        return "(not there yet)"
