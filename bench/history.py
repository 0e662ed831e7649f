"""Ten years of a realistic journal, made through paincoach's own import path.

`make_export` writes a design §4 JSON export (format version 1): 5 check-ins and 3
activities a day, about two thought records and four exercise sessions a week, a weekly
check each week, a new walking plan every half year (older ones stopped), a few goals and a
flare-up plan. `homes` imports it with `paincoach --home DIR import FILE` (a real process,
the real checks and bulk insert), acknowledges the first-run notice, and caches the result
under `bench/out/homes/<day>/` (the history ends today, so it is made again on a new day).

The benchmark copies these homes before each use, so the cached ones stay as made.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import subprocess
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from paincoach.core import clock

OUT = Path(__file__).parent / "out"
GENERATOR = 1  # bump when the generated history changes, so cached homes are made again
YEARS = 10
ZONE = ZoneInfo("Europe/London")

AREAS = ["lower back", "neck", "shoulders", "hips", "knees", "head", "hands", "upper back"]
TAGS = ["cold", "stress", "poor sleep", "busy day", "rest day", "weather", "work", "travel"]
NOTES = [
    "Stiff first thing, eased after a shower.",
    "Flare after carrying the shopping; rested and used the heat pad.",
    "Better day. Managed to meet a friend for coffee.",
    "Woke at 3 and could not settle again.",
    "Paced the housework in three short goes, which helped.",
    "Tired and low, but the breathing practice took the edge off.",
    "Physio exercises done; a little sore afterwards, as expected.",
    "Long call with my sister. Felt more like myself.",
]
ACTIVITIES = [
    ("walk", 10, 45),
    ("gardening", 10, 60),
    ("housework", 5, 40),
    ("stretching", 5, 20),
    ("cooking", 15, 50),
    ("swimming", 20, 45),
]
EXERCISES = [
    ("breathing-box", "Box breathing (4-4-4-4)", "breathing", 4),
    ("breathing-slow", "Slow breathing (5 in, 5 out)", "breathing", 4),
    ("body-scan", "Body scan (10 minutes)", "mindfulness", 14),
    ("grounding-54321", "5-4-3-2-1 grounding", "grounding", 7),
    ("pmr-short", "Short muscle relaxation", "relaxation", 9),
]
TRAPS = ["All-or-nothing", "Catastrophising", "Mind reading", "Fortune telling", "Labelling"]
EMOTIONS = ["anxious", "frustrated", "sad", "guilty", "angry"]


def _at(day: date, hour: int, minute: int = 0) -> str:
    """A moment on `day` in the person's zone, with its offset (as the app stores it)."""
    moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)
    return moment.isoformat(timespec="seconds")


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _pain_level(day_index: int, rng: random.Random) -> float:
    """A slow seasonal swing, a gentle improvement over the years, and flare weeks."""
    season = 1.2 * math.sin(day_index / 365.25 * 2 * math.pi)
    trend = -1.5 * day_index / (365.25 * YEARS)
    return 5.5 + season + trend + rng.gauss(0, 0.8)


def _day_records(day: date, index: int, rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    """One day's check-ins, activities, sessions and thought records."""
    level = _pain_level(index, rng)
    found: dict[str, list[dict[str, Any]]] = {
        "checkins": [],
        "activities": [],
        "exercise_sessions": [],
        "thought_records": [],
    }
    for slot, hour in enumerate((8, 11, 14, 17, 21)):
        pain = max(0, min(10, round(level + rng.gauss(0, 1.2))))
        found["checkins"].append(
            {
                "uid": _uid(rng),
                "at": _at(day, hour, rng.randint(0, 59)),
                "pain": pain,
                "mood": max(0, min(10, round(9 - pain * 0.6 + rng.gauss(0, 1.5)))),
                "sleep": rng.randint(2, 9) if slot == 0 else None,
                "areas": rng.sample(AREAS, rng.randint(1, 2)),
                "tags": rng.sample(TAGS, rng.randint(0, 2)),
                "note": rng.choice(NOTES) if rng.random() < 0.2 else "",
            }
        )
    for hour in (10, 13, 16):
        name, low, high = rng.choice(ACTIVITIES)
        found["activities"].append(
            {
                "uid": _uid(rng),
                "at": _at(day, hour, rng.randint(0, 59)),
                "name": name,
                "minutes": rng.randint(low, high),
                "effort": rng.randint(1, 8),
                "paced": rng.random() < 0.5,
                "note": rng.choice(NOTES) if rng.random() < 0.05 else "",
            }
        )
    if rng.random() < 0.6:
        found["exercise_sessions"].append(_session(day, rng))
    if rng.random() < 0.3:
        found["thought_records"].append(_thought_record(day, rng))
    return found


def _session(day: date, rng: random.Random) -> dict[str, Any]:
    exercise_id, title, kind, steps = rng.choice(EXERCISES)
    completed = rng.random() < 0.85
    before = rng.randint(3, 9)
    start = datetime.fromisoformat(_at(day, 19, rng.randint(0, 50)))
    return {
        "uid": _uid(rng),
        "exercise_id": exercise_id,
        "exercise_title": title,
        "kind": kind,
        "started_at": start.isoformat(timespec="seconds"),
        "ended_at": (start + timedelta(minutes=rng.randint(3, 12))).isoformat(timespec="seconds"),
        "completed": completed,
        "steps_done": steps if completed else rng.randint(1, steps - 1),
        "steps_total": steps,
        "before": before,
        "after": max(0, before - rng.randint(0, 4)) if completed else None,
        "answers": {},
    }


def _thought_record(day: date, rng: random.Random) -> dict[str, Any]:
    feeling = rng.sample(EMOTIONS, 2)
    return {
        "uid": _uid(rng),
        "at": _at(day, 20, rng.randint(0, 59)),
        "situation": "Cancelled plans with friends because of a flare.",
        "emotions": [{"name": name, "intensity": rng.randint(40, 90)} for name in feeling],
        "thoughts": ["They will stop asking me.", "I always let people down."],
        "hot_thought": "I always let people down.",
        "belief": rng.randint(50, 95),
        "traps": rng.sample(TRAPS, rng.randint(1, 3)),
        "evidence_for": "I cancelled twice this month.",
        "evidence_against": "They said they understood and suggested another day.",
        "balanced": "Cancelling on a bad day is looking after myself; I can suggest a short visit.",
        "balanced_belief": rng.randint(40, 80),
        "emotions_after": [{"name": name, "intensity": rng.randint(10, 50)} for name in feeling],
    }


def _plans(first: date, last: date, rng: random.Random) -> list[dict[str, Any]]:
    """A new walking plan every half year (the older one stopped), and one for gardening."""
    plans = []
    start = first
    while start <= last - timedelta(days=180):
        plans.append(_plan("walk", start, active=False, rng=rng))
        start += timedelta(days=182)
    plans.append(_plan("walk", start, active=True, rng=rng))
    plans.append(_plan("gardening", last - timedelta(days=40), active=True, rng=rng))
    return plans


def _plan(activity: str, start: date, *, active: bool, rng: random.Random) -> dict[str, Any]:
    measured = [rng.randint(8, 20) for _ in range(3)]
    return {
        "uid": _uid(rng),
        "activity": activity,
        "unit": "minutes",
        "measurements": measured,
        "baseline": max(1, int(sum(measured) / 3 * 0.8)),
        "percent": 10,
        "start_day": start.isoformat(),
        "cap": 60,
        "active": active,
    }


def _weekly_check(day: date, rng: random.Random) -> dict[str, Any]:
    return {
        "uid": _uid(rng),
        "at": _at(day, 18, rng.randint(0, 59)),
        "week_start": (day - timedelta(days=day.weekday())).isoformat(),
        "pain": rng.randint(2, 8),
        "enjoyment": rng.randint(2, 8),
        "activity": rng.randint(2, 8),
    }


def _goals(last: date, rng: random.Random) -> list[dict[str, Any]]:
    goals = []
    for months_back, done in ((30, True), (14, True), (2, False), (0, False)):
        day = last - timedelta(days=30 * months_back)
        goals.append(
            {
                "uid": _uid(rng),
                "text": f"Walk to the park and back three times a week (set {day:%B %Y})",
                "day": day.isoformat(),
                "created_at": _at(day, 9),
                "done_at": _at(day + timedelta(days=40), 9) if done else None,
            }
        )
    return goals


def make_export(last: date, years: int = YEARS, seed: int = 20261127) -> dict[str, Any]:
    """The export document of `years` years of entries ending on `last`."""
    rng = random.Random(seed)
    first = last - timedelta(days=round(365.25 * years) - 1)
    document: dict[str, Any] = {
        "format": "paincoach-export",
        "version": 1,
        "exported_at": _at(last, 22),
        "app": "paincoach bench",
        "checkins": [],
        "activities": [],
        "thought_records": [],
        "exercise_sessions": [],
        "pacing_plans": _plans(first, last, rng),
        "weekly_checks": [],
        "goals": _goals(last, rng),
        "flare_plan": {
            "helps": ["heat pad", "lying down for 20 minutes", "slow breathing"],
            "tell": "Tell Sam I may need to cancel plans.",
            "drop": ["vacuuming", "the big shop"],
            "signs": ["aching hips in the evening", "waking at night"],
            "updated_at": _at(last - timedelta(days=100), 10),
        },
    }
    day, index = first, 0
    while day <= last:
        for section, records in _day_records(day, index, rng).items():
            document[section].extend(records)
        if day.weekday() == 5 and day <= last:
            document["weekly_checks"].append(_weekly_check(day, rng))
        day += timedelta(days=1)
        index += 1
    return document


def _paincoach(home: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "paincoach", "--home", str(home), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"paincoach {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def _acknowledge(home: Path) -> None:
    """Answer the first-run notice, as the person does once (so the app opens on Today)."""
    from paincoach.services import Services

    services = Services(home)
    services.acknowledge("GB")
    services.close()


def homes(today: date | None = None, *, log=print) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    """The cached 'empty' and 'ten-years' homes for `today` (made, through import, if needed)."""
    today = today or clock.today()
    root = OUT / "homes" / f"{today.isoformat()}-g{GENERATOR}"
    made = {"empty": root / "empty", "ten-years": root / "ten-years"}
    if (root / "done").exists():
        return made
    if (OUT / "homes").exists():
        shutil.rmtree(OUT / "homes")  # homes of other days: their history does not end today
    root.mkdir(parents=True)
    log(f"making the benchmark homes in {root} (once a day)…")
    document = make_export(today)
    export = root / "ten-years.json"
    export.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    counts = {k: len(v) for k, v in document.items() if isinstance(v, list)}
    log("  export: " + ", ".join(f"{n:,} {k}" for k, n in counts.items()))
    empty = root / "empty.json"
    empty.write_text(json.dumps({"format": "paincoach-export", "version": 1}), encoding="utf-8")
    for name, source in (("empty", empty), ("ten-years", export)):
        log(f"  {name}: " + _paincoach(made[name], "import", str(source)).splitlines()[0])
        _acknowledge(made[name])
    (root / "done").write_text(json.dumps(counts), encoding="utf-8")
    return made


def working_copy(home: Path, name: str) -> Path:
    """A fresh copy of a cached home (journal and today's backup) to run commands against."""
    target = OUT / "work" / name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(home, target)
    target.chmod(0o700)
    return target


def counts(today: date | None = None) -> dict[str, int]:
    """How many records of each kind the ten-year home was made with."""
    today = today or clock.today()
    done = OUT / "homes" / f"{today.isoformat()}-g{GENERATOR}" / "done"
    return json.loads(done.read_text(encoding="utf-8")) if done.exists() else {}


if __name__ == "__main__":
    for label, path in homes().items():
        print(label, path)
