"""Table models. They stay inside `paincoach.db`; everything else gets plain records.

The columns mirror the SQL in `migrations.py` (a test compares the two). Moments are
ISO 8601 text with the local offset, and `day` is the local calendar day, so that days
are grouped the way the person lived them rather than by UTC.
"""

from pydantic import ConfigDict
from sqlmodel import Field, SQLModel

# No `from __future__ import annotations` here: SQLAlchemy and pydantic would parse every
# annotation from text again (a few milliseconds at each start, for nothing).


class _Row(SQLModel):
    """The base of the table models."""

    # Rows are made from our own checked values, never validated: pydantic's validator for
    # them is built on first use instead of at import, which shortens every start.
    model_config = ConfigDict(defer_build=True)  # type: ignore[assignment]


class SettingRow(_Row, table=True):
    """One setting, its value as JSON."""

    __tablename__ = "settings"

    key: str = Field(primary_key=True)
    value: str


class CheckInRow(_Row, table=True):
    """A check-in: pain, mood, sleep, areas, tags, note."""

    __tablename__ = "checkins"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    at: str
    day: str
    pain: int
    mood: int | None = None
    sleep: int | None = None
    areas: str = "[]"
    tags: str = "[]"
    note: str = ""
    created_at: str
    updated_at: str


class ActivityRow(_Row, table=True):
    """Something the person did, for how long, how hard, and whether it was paced."""

    __tablename__ = "activities"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    at: str
    day: str
    name: str
    minutes: int
    effort: int | None = None
    paced: bool = False
    note: str = ""
    created_at: str
    updated_at: str


class ExerciseSessionRow(_Row, table=True):
    """One exercise session, finished or left early, with its answers as JSON."""

    __tablename__ = "exercise_sessions"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    exercise_id: str
    exercise_title: str
    kind: str
    started_at: str
    ended_at: str
    day: str
    completed: bool = False
    steps_done: int
    steps_total: int
    before: int | None = None
    after: int | None = None
    answers: str = "{}"


class ThoughtRecordRow(_Row, table=True):
    """A thought record; lists (emotions, thoughts, traps) are JSON text."""

    __tablename__ = "thought_records"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    session_uid: str | None = None
    at: str
    day: str
    situation: str = ""
    emotions: str = "[]"
    thoughts: str = "[]"
    hot_thought: str = ""
    belief: int | None = None
    traps: str = "[]"
    evidence_for: str = ""
    evidence_against: str = ""
    balanced: str = ""
    balanced_belief: int | None = None
    emotions_after: str = "[]"
    created_at: str
    updated_at: str


class PacingPlanRow(_Row, table=True):
    """A pacing plan for one activity; `measurements` is a JSON list of numbers."""

    __tablename__ = "pacing_plans"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    activity: str
    unit: str = "minutes"
    measurements: str = "[]"
    baseline: int
    percent: float
    start_day: str
    cap: float | None = None
    active: bool = True
    created_at: str
    updated_at: str


class PacingChangeRow(_Row, table=True):
    """A change made to a pacing plan: hold, back, goal or percent (see `records.pacing`)."""

    __tablename__ = "pacing_changes"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    plan_uid: str
    kind: str
    value: float | None = None
    reason: str = ""
    at: str
    day: str


class GoalRow(_Row, table=True):
    """A goal, shown on Today until `done_at` is set."""

    __tablename__ = "goals"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    text: str
    session_uid: str | None = None
    created_at: str
    day: str
    done_at: str | None = None


class WeeklyCheckRow(_Row, table=True):
    """A weekly check: three 0-10 answers about the past week (see `review/weekly_check.py`)."""

    __tablename__ = "weekly_checks"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    at: str
    day: str
    week_start: str
    pain: int
    enjoyment: int
    activity: int
    created_at: str


class CourseEventRow(_Row, table=True):
    """One thing done with a course: started it, moved to a week, paused, resumed, left."""

    __tablename__ = "course_events"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    course_id: str
    action: str
    week: int | None = None
    at: str
    day: str


class TreatmentRow(_Row, table=True):
    """A regular treatment, medicine or other, and when and why it stopped."""

    __tablename__ = "treatments"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    name: str
    kind: str
    dose: str = ""
    how_often: str = ""
    as_needed: bool = False
    start_day: str
    stop_day: str | None = None
    stop_why: str | None = None
    stop_note: str = ""
    created_at: str
    updated_at: str


class DoseRow(_Row, table=True):
    """A dose taken (or a treatment used), with its relief and side effects when rated."""

    __tablename__ = "doses"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    name: str
    dose: str = ""
    at: str
    day: str
    relief: int | None = None
    side_effects: str = ""
    note: str = ""
    rated_at: str | None = None
    asked: bool = False
    created_at: str


class MarkedEventRow(_Row, table=True):
    """A day the person marked themselves ('started physiotherapy'), for the long view."""

    __tablename__ = "marked_events"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    day: str
    title: str
    note: str = ""
    created_at: str
    updated_at: str
