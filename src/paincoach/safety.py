"""Help now: emergency and crisis lines, the person's own contacts, and safety wording.

The lines come only from the bundled `crisis_lines.toml` (never from user content), so
nothing a person adds can hide or replace them.
"""

from __future__ import annotations

import tomllib
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
LOW_MOOD_MAX = 1
HIGH_PAIN = 7
"""A check-in with pain this high (or a very low mood) brings the offer of a skill."""
HIGH_PAIN_OFFER = (
    "Pain this high is hard. Would a few calm minutes help? In the app (run 'paincoach', "
    "then press e): three-minute relaxed breathing, or 5-4-3-2-1 grounding. Your flare-up "
    "plan is in 'paincoach help-now'. A thought record can help too, with the thoughts that "
    "come with the pain."
)
RECHECK_DAYS = 365
"""Every crisis number is re-checked at its source at least this often (design §7)."""
ANY_REGION = "*"
DEFAULT_REGION = "INT"


@dataclass(frozen=True, slots=True)
class Region:
    """A place with its emergency number."""

    code: str
    name: str
    emergency: str


@dataclass(frozen=True, slots=True)
class CrisisLine:
    """A crisis or support line, with where the number came from and when it was checked."""

    region: str
    name: str
    number: str
    how: str
    source: str
    checked: date


@dataclass(frozen=True, slots=True)
class CrisisDirectory:
    """All regions and lines shipped with paincoach."""

    regions: tuple[Region, ...]
    lines: tuple[CrisisLine, ...]

    def region(self, code: str) -> Region:
        """The region with this code, or the catch-all region."""
        by_code = {region.code: region for region in self.regions}
        return by_code.get(code) or by_code[DEFAULT_REGION]

    def lines_for(self, code: str) -> list[CrisisLine]:
        """Lines for a region, followed by those that serve everywhere."""
        code = self.region(code).code
        return [line for line in self.lines if line.region == code] + [
            line for line in self.lines if line.region == ANY_REGION
        ]


def crisis_lines_path() -> Path:
    """The bundled crisis-line file."""
    return data_dir() / "crisis_lines.toml"


def load_directory(path: Path | None = None) -> CrisisDirectory:
    """Read the crisis-line file (a broken file is a build error, so it raises)."""
    with (path or crisis_lines_path()).open("rb") as handle:
        raw = tomllib.load(handle)
    regions = tuple(
        Region(item["code"], item["name"], item["emergency"]) for item in raw["regions"]
    )
    lines = tuple(
        CrisisLine(
            item["region"],
            item["name"],
            item["number"],
            item["how"],
            item["source"],
            item["checked"],
        )
        for item in raw["lines"]
    )
    return CrisisDirectory(regions, lines)


def overdue_checks(directory: CrisisDirectory, today: date) -> list[str]:
    """Lines whose `checked` date is over a year before `today`, or after it (a typo).

    This is a scheduled reminder, not a unit test: CI runs it as its own step on the real
    date (`.ci/crisis-lines-age`), and `paincoach doctor` mentions it.
    """
    limit = timedelta(days=RECHECK_DAYS)
    return [
        f"{line.region} {line.name}: checked {line.checked:%Y-%m-%d}"
        for line in directory.lines
        if today - line.checked > limit or line.checked > today
    ]


def first_lines(directory: CrisisDirectory, region_code: str, limit: int = 2) -> list[str]:
    """The emergency number and the first crisis lines, one short line each, to show at once."""
    region = directory.region(region_code or DEFAULT_REGION)
    shown = [f"Emergency ({region.name}): {region.emergency}"]
    shown += [f"{line.name}: {line.number}" for line in directory.lines_for(region.code)[:limit]]
    return shown


def is_low_mood(mood: int | None) -> bool:
    """A mood of 0 or 1 calls for a gentle word about Help now."""
    return mood is not None and mood <= LOW_MOOD_MAX
