"""Help now: emergency and crisis lines, the person's own contacts, and safety wording.

The lines come only from the bundled `crisis_lines.toml` (never from user content), so
nothing a person adds can hide or replace them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from paincoach.core.resources import data_dir

IMMEDIATE_DANGER = (
    "If you or someone else is in immediate danger, call your local emergency number now."
)
NOT_MEDICAL_CARE = (
    "paincoach is a self-help journal. It is not medical care and cannot respond in an emergency."
)
NOT_MONITORED = (
    "No person reads your journal, and paincoach cannot call for help or tell anyone how you are."
)
"""Said on first run and in Help now: nothing is watched, so nobody will come by themselves."""
LOW_MOOD_CARD = (
    "That sounds like a really hard time. Your check-in is saved. If things feel too much, "
    "you do not have to manage alone: Help now lists people you can talk to, any time."
)
HIGH_PAIN_OFFER = (
    "Pain this high is hard. Would a few calm minutes help? In the app (run 'paincoach', "
    "then press e): three-minute relaxed breathing, or 5-4-3-2-1 grounding. Your flare-up "
    "plan is in 'paincoach help-now'. A thought record can help too, with the thoughts that "
    "come with the pain."
)
RECHECK_DAYS = 365
"""The whole list is compared with its sources at least this often (design §7)."""
ANY_REGION = "*"
DEFAULT_REGION = "INT"
CATCH_ALLS = ("EU", DEFAULT_REGION)
"""Regions for places not listed by name: offered last, after every country."""
SOURCE_DATES = (
    "The date beside each source is the date of the public page the number comes from, "
    "not a day anyone phoned the line. If a line does not answer, call your local "
    "emergency number."
)


@dataclass(frozen=True, slots=True)
class Region:
    """A place with its emergency number; `also` names a region whose lines it shares."""

    code: str
    name: str
    emergency: str
    also: str = ""


@dataclass(frozen=True, slots=True)
class CrisisLine:
    """A crisis or support line, with the page its number comes from and that page's date.

    `hours` is empty for a line its source says is open 24/7; `source_date` is empty where
    the page shows no date ("YYYY", "YYYY-MM" or "YYYY-MM-DD", "~" for about).
    """

    region: str
    name: str
    number: str
    how: str
    source: str
    source_date: str = ""
    hours: str = ""
    cost: str = ""
    note: str = ""
    mark: str = "V"


@dataclass(frozen=True, slots=True)
class CrisisDirectory:
    """All regions and lines shipped with paincoach, and when they were last compared."""

    regions: tuple[Region, ...]
    lines: tuple[CrisisLine, ...]
    compared: date
    """The day the whole list was last compared with its sources."""
    compared_from: str = ""
    """What it was compared with that day (stored copies, or the live pages)."""

    def region(self, code: str) -> Region:
        """The region with this code, or the catch-all region."""
        by_code = {region.code: region for region in self.regions}
        return by_code.get(code) or by_code[DEFAULT_REGION]

    def lines_for(self, code: str) -> list[CrisisLine]:
        """A region's own lines, then those of the region it shares, then those for everywhere."""
        region = self.region(code)
        shown = [region.code, region.also, ANY_REGION] if region.also else [region.code, ANY_REGION]
        return [line for wanted in shown for line in self.lines if line.region == wanted]

    def by_name(self) -> list[Region]:
        """Every region to offer in a list: countries by name, then the catch-alls."""

        def order(region: Region) -> tuple[int, str]:
            last = CATCH_ALLS.index(region.code) + 1 if region.code in CATCH_ALLS else 0
            return last, region.name.casefold()

        return sorted(self.regions, key=order)


def crisis_lines_path() -> Path:
    """The bundled crisis-line file."""
    return data_dir() / "crisis_lines.toml"


def load_directory(path: Path | None = None) -> CrisisDirectory:
    """Read the crisis-line file (a broken file is a build error, so it raises).

    Its content is checked by tests (tests/unit/safety/test_crisis_lines.py), not here:
    Help now must not spend time on it, and a shipped file never changes.
    """
    with (path or crisis_lines_path()).open("rb") as handle:
        import tomllib  # here: `log` imports this module, and rarely reads the file

        raw = tomllib.load(handle)
    regions = tuple(
        Region(item["code"], item["name"], item["emergency"], item.get("also", ""))
        for item in raw["regions"]
    )
    lines = tuple(
        CrisisLine(
            item["region"],
            item["name"],
            item["number"],
            item["how"],
            item["source"],
            item.get("source_date", ""),
            item.get("hours", ""),
            item.get("cost", ""),
            item.get("note", ""),
            item.get("mark", "V"),
        )
        for item in raw["lines"]
    )
    return CrisisDirectory(
        regions, lines, raw["compared_with_sources"], raw.get("compared_from", "")
    )


def overdue_comparison(directory: CrisisDirectory, today: date) -> str:
    """Why the list is due to be compared with its sources again, or "" while it is not.

    This is a scheduled reminder, not a unit test: CI runs it as its own step on the real
    date (`.ci/crisis-lines-age`), and `paincoach doctor` mentions it.
    """
    if today - directory.compared > timedelta(days=RECHECK_DAYS):
        return f"last compared with their sources on {_day(directory.compared)}"
    return ""


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def line_details(line: CrisisLine) -> str:
    """How to reach a line, its hours (where not 24/7), its cost and any caution."""
    return " ".join(
        _sentence(part) for part in (line.how, line.hours, line.cost, line.note) if part
    )


def page_date(line: CrisisLine) -> str:
    """The date its source page shows, in words ("page dated 30 Mar 2020", "undated page")."""
    when = line.source_date.removeprefix("~")
    about = "about " if line.source_date.startswith("~") else ""
    if not when:
        return "undated page"
    if len(when) == 4:
        return f"page from {about}{when}"
    if len(when) == 7:
        return f"page from {about}{date.fromisoformat(when + '-01'):%B %Y}"
    return f"page dated {about}{_day(date.fromisoformat(when))}"


def compared_line(directory: CrisisDirectory) -> str:
    """When the whole list was last compared with its sources, and how."""
    how = f" ({directory.compared_from})" if directory.compared_from else ""
    return f"This list was last compared with its sources on {_day(directory.compared)}{how}."


def first_lines(directory: CrisisDirectory, region_code: str, limit: int = 2) -> list[str]:
    """The emergency number and the first crisis lines, one short line each, to show at once.

    A line that is not open 24/7 says its hours, so nobody calls a closed line unwarned.
    """
    region = directory.region(region_code or DEFAULT_REGION)
    shown = [f"Emergency ({region.name}): {region.emergency}"]
    shown += [
        f"{line.name}: {line.number}" + (f" ({line.hours})" if line.hours else "")
        for line in directory.lines_for(region.code)[:limit]
    ]
    return shown


def is_chest_area(area: str) -> bool:
    """Whether a pain area names the chest: the listed one, or the person's own words."""
    return "chest" in area.casefold()


def chest_reminder(emergency: str) -> str:
    """What the check-in says, without blocking the save, when a chest area is chosen.

    `emergency` is the region's emergency number as Help now shows it ("999", or "your local
    emergency number (...)" for a place not listed).
    """
    return (
        "To be safe: chest pain that is new or different for you, or chest pain with "
        "breathlessness, sweating, or pain spreading to your arm, jaw or back, needs "
        f"emergency help now. Call {emergency}, and do not drive yourself. "
        "Your usual, known chest pain is fine to note here."
    )
