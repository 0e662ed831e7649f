"""Table models. They stay inside `paincoach.db`; everything else gets plain records.

The columns mirror the SQL in `migrations.py` (a test compares the two). Moments are
ISO 8601 text with the local offset, and `day` is the local calendar day, so that days
are grouped the way the person lived them rather than by UTC.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class SettingRow(SQLModel, table=True):
    """One setting, its value as JSON."""

    __tablename__ = "settings"

    key: str = Field(primary_key=True)
    value: str


class CheckInRow(SQLModel, table=True):
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


class ActivityRow(SQLModel, table=True):
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
