"""`paincoach took NAME ...` and `paincoach treatments [start|stop NAME ...]` from the shell.

`took` records a dose of a medicine or a use of any other treatment ("heat pack"), now or at
`--at WHEN`, with its relief when known (`took --undo` deletes the dose saved last, when it
was saved today: a dose logged by mistake); the first dose ever logged also says, once, that
paincoach never suggests a dose or a change. `treatments` lists the regular ones (in use
first, then the stopped with why), and `start`/`stop` change the list. What was typed is
checked before standard input is read and before the journal is opened: bad input exits 2
with the reason, and nothing is written.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paincoach.cli.commands.from_stdin import FROM_STDIN, note_wanted, one_line, read_fields
from paincoach.core import clock
from paincoach.core.errors import InputError, NotFoundError
from paincoach.core.textsafe import refuse_nul, visible
from paincoach.core.when import parse_date, parse_when
from paincoach.records.entries import check_rating
from paincoach.records.treatments import NO_ADVICE, STOP_REASONS, Dose, Treatment, TreatmentKind

if TYPE_CHECKING:
    from paincoach.journal.treatments import Treatments

#: What `took -` reads from standard input is a treatment's name (not an activity's).
CALLED = {"name": "treatment name"}
#: `--why` as typed (hyphens) and the reason kept.
WHY = {key.replace("_", "-"): key for key in STOP_REASONS}
EXAMPLE = "paincoach took ibuprofen --dose '400 mg'"
NONE_LISTED = (
    "You have no regular treatments listed yet. To add one: "
    "paincoach treatments start NAME [--dose TEXT] [--often TEXT] [--as-needed] [--other]"
)


def add_parsers(sub: argparse._SubParsersAction[Any]) -> None:
    """`took`, and `treatments` with its actions."""
    took = sub.add_parser(
        "took",
        help="record a dose of a medicine, or a use of another treatment",
        description="Record a dose you took (a medicine) or a treatment you used (heat, a "
        "TENS machine, a stretch routine), now or at --at. Its name is spelled as your "
        "regular treatment of that name when there is one. paincoach never suggests a dose "
        "or a change: talk to your clinician or pharmacist about your medicines.",
    )
    took.add_argument(
        "name", nargs="*", metavar="NAME", help="what you took ('-' reads it from standard input)"
    )
    took.add_argument(
        "--undo",
        action="store_true",
        help="take back the dose saved last, if it was saved today (for one logged by "
        "mistake; log it again to correct it)",
    )
    took.add_argument("--dose", metavar="TEXT", default="", help="the dose, as you write it")
    took.add_argument(
        "--at",
        metavar="WHEN",
        help="when: 'HH:MM' (today), 'YYYY-MM-DD HH:MM', 'yesterday [HH:MM]' (default now)",
    )
    took.add_argument("--relief", metavar="N", help="how much it helped, 0-10 (0 not at all)")
    took.add_argument(
        "--yes",
        action="store_true",
        help="save even at an unlikely date (before 2000, or a year before your first entry)",
    )
    took.add_argument(
        "--note",
        metavar="-",
        help="read a note from standard input (never from the command line, so it stays out "
        "of your shell history)",
    )

    listing = sub.add_parser(
        "treatments",
        help="your regular treatments; start or stop one",
        description="The medicines and other treatments you use regularly, the ones in use "
        "first, then the stopped ones with why. Names match in any case; a name of several "
        "words can be quoted or not.",
    )
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    actions = listing.add_subparsers(
        dest="treatments_command", metavar="ACTION", parser_class=type(listing)
    )
    start = actions.add_parser(
        "start",
        help="add a regular treatment",
        description="Add a medicine (or, with --other, another treatment) you use regularly.",
    )
    start.add_argument("name", nargs="+", metavar="NAME", help="the treatment's name")
    start.add_argument(
        "--dose", metavar="TEXT", default="", help="strength or dose, as you write it"
    )
    start.add_argument("--often", metavar="TEXT", default="", help="how often, as you write it")
    start.add_argument(
        "--as-needed", action="store_true", help="taken when needed, not on a schedule"
    )
    start.add_argument(
        "--other", action="store_true", help="not a medicine (physiotherapy, heat, TENS...)"
    )
    start.add_argument("--on", metavar="DAY", help="the day it started: YYYY-MM-DD (default today)")
    stop = actions.add_parser(
        "stop",
        help="stop a regular treatment, and say why",
        description="Mark a regular treatment as stopped, with why; it stays in the list.",
    )
    stop.add_argument("name", nargs="+", metavar="NAME", help="the treatment's name")
    stop.add_argument("--why", required=True, choices=sorted(WHY), help="why it stopped")
    stop.add_argument(
        "--note",
        metavar="-",
        help="read a few words about it from standard input (never from the command line, "
        "so they stay out of your shell history)",
    )
    stop.add_argument("--on", metavar="DAY", help="the day it stopped: YYYY-MM-DD (default today)")


def run(args: argparse.Namespace, home: Path) -> int:
    """`took`, or list the regular treatments, or start or stop one."""
    if args.command == "took":
        return _took(args, home)
    action: str | None = args.treatments_command
    day = _day(args.on) if action else None  # what was typed is checked first
    note = ""
    if action == "stop" and note_wanted(args.note):  # a note only from standard input
        note = read_fields(["note"])["note"]
    with _Opened(home) as treatments:
        if action is None:
            return _list(treatments.regular(active_only=False), as_json=args.json)
        name = " ".join(args.name)
        if action == "start":
            kind: TreatmentKind = "other" if args.other else "medicine"
            started = treatments.start(
                name,
                kind=kind,
                dose=args.dose,
                how_often=args.often,
                as_needed=args.as_needed,
                day=day,
            )
            _say(f"Started {treatment_words(started)}, from {_date(started.start)}.")
            return 0
        try:
            stopped = treatments.stop(name, why=WHY[args.why], note=note, day=day)
        except NotFoundError as exc:  # a name not in use is a name mistyped: exit 2
            raise InputError("name", f"{exc.message} Nothing was changed.") from None
    assert stopped.stop is not None
    _say(f"Stopped {stopped.name} on {_date(stopped.stop)}: {stopped.stop_words}.")
    return 0


def _took(args: argparse.Namespace, home: Path) -> int:
    if args.undo:
        return _undo(args, home)
    if not args.name:
        raise InputError("name", f"Name what you took, for example: {EXAMPLE}")
    at = parse_when(args.at) if args.at else clock.now()  # checked before stdin is read
    relief = check_rating(args.relief, "relief")
    refuse_nul(args.dose, "dose")
    typed = " ".join(args.name)
    read = read_fields(
        [
            field
            for field, wanted in (("name", typed == FROM_STDIN), ("note", note_wanted(args.note)))
            if wanted
        ],
        CALLED,
    )
    name = one_line(read["name"], "name", CALLED["name"]) if "name" in read else typed
    with _Opened(home) as treatments:
        dose = treatments.took(
            name,
            dose=args.dose,
            at=at,
            relief=relief,
            note=read.get("note", ""),
            confirmed=args.yes,
        )
        first = treatments.no_advice_once()
    _say(dose_line(dose))
    if first:
        _say(NO_ADVICE)
    return 0


def _undo(args: argparse.Namespace, home: Path) -> int:
    """`took --undo`: delete the dose saved last, if saved today, and say which it was."""
    given = [args.name, args.dose, args.at, args.relief, args.note, args.yes]
    if any(given):
        raise InputError(
            "undo",
            "--undo takes back the dose saved last and takes nothing else: paincoach took --undo",
        )
    with _Opened(home) as treatments:
        newest = treatments.newest_logged_today()
        if newest is None:
            _say("No dose was saved today, so there is nothing to take back; nothing changed.")
            return 0
        gone = treatments.delete_dose(newest.uid)
    _say(dose_line(gone, "Deleted the dose saved last:"))
    _say("To correct it, log it again: paincoach took NAME [--dose TEXT] [--at WHEN].")
    return 0


class _Opened:
    """The treatments service on the journal, closed after use."""

    def __init__(self, home: Path) -> None:
        self.home = home

    def __enter__(self) -> Treatments:
        from paincoach.cli.commands.common import open_database
        from paincoach.journal.treatments import Treatments

        self.db = open_database(self.home)
        return Treatments(self.db)

    def __exit__(self, *_exc: object) -> None:
        self.db.close()


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    word = text.strip().lower()
    if word in ("today", "yesterday"):
        return clock.today() - timedelta(days=1 if word == "yesterday" else 0)
    return parse_date(text)


# -- words -------------------------------------------------------------------------------------


def dose_line(dose: Dose, said: str = "Took") -> str:
    """'Took ibuprofen (400 mg) at 09:30 on Fri 27 Nov 2026; relief 6/10.'"""
    what = f"{dose.name} ({dose.dose})" if dose.dose else dose.name
    line = f"{said} {what} at {dose.at:%H:%M} on {_date(dose.day)}"
    if dose.relief is not None:
        line += f"; relief {dose.relief}/10"
    return line + "."


def treatment_words(treatment: Treatment) -> str:
    """'Paracetamol (1 g, up to 4 times a day, as needed)'; '(other treatment)' for others."""
    details = [part for part in (treatment.dose, treatment.how_often) if part]
    if treatment.as_needed:
        details.append("as needed")
    if treatment.kind == "other":
        details.append("other treatment")
    return f"{treatment.name} ({', '.join(details)})" if details else treatment.name


def treatment_line(treatment: Treatment) -> str:
    """A treatment in use ('since ...'), or stopped ('... to ..., stopped: why')."""
    if treatment.stop is None:
        return f"{treatment_words(treatment)} · since {_date(treatment.start)}"
    line = (
        f"{treatment_words(treatment)} · {_date(treatment.start)} to {_date(treatment.stop)} · "
        f"stopped: {treatment.stop_words}"
    )
    return f"{line} ({treatment.stop_note})" if treatment.stop_note else line


def treatment_document(treatment: Treatment) -> dict[str, object]:
    """A regular treatment as JSON."""
    return {
        "name": treatment.name,
        "kind": treatment.kind,
        "dose": treatment.dose,
        "how_often": treatment.how_often,
        "as_needed": treatment.as_needed,
        "start": treatment.start.isoformat(),
        "stop": treatment.stop.isoformat() if treatment.stop else None,
        "stop_why": treatment.stop_why,
        "stop_note": treatment.stop_note,
    }


def _list(found: list[Treatment], *, as_json: bool) -> int:
    if as_json:
        document = [treatment_document(t) for t in found]
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not found:
        _say(NONE_LISTED)
        return 0
    current = [t for t in found if t.active]
    stopped = [t for t in found if not t.active]
    for title, group in (("In use", current), ("Stopped", stopped)):
        if group:
            _say(f"{title}:")
            for treatment in group:
                _say(f"  {treatment_line(treatment)}")
    return 0


def _say(line: str) -> None:
    sys.stdout.write(visible(line) + "\n")


def _date(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"
