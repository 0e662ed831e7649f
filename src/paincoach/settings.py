"""The person's settings: stored in the journal, read as one typed object.

The ORM is imported only inside the load and save functions, so the app can hold a
`Settings` before the journal is open.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

from paincoach.errors import InputError

if TYPE_CHECKING:
    from paincoach.db.engine import Database

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DEFAULT_THEME = "textual-dark"
CONTACTS_MAX = 12


@dataclass(frozen=True, slots=True)
class Contact:
    """Someone the person can reach out to."""

    name: str
    phone: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting with its default."""

    acknowledged_at: str | None = None
    theme: str = DEFAULT_THEME
    week_start: int = 0
    region: str = ""
    reduced_motion: bool = False
    contacts: tuple[Contact, ...] = field(default_factory=tuple)

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with some values changed (and checked)."""
        updated = replace(self, **changes)
        updated.check()
        return updated

    def check(self) -> None:
        """Reject values no screen could have produced."""
        if not 0 <= self.week_start <= 6:
            raise InputError(
                "week_start", "The week can start on any day from Monday (0) to Sunday (6)."
            )
        if len(self.contacts) > CONTACTS_MAX:
            raise InputError("contacts", f"Up to {CONTACTS_MAX} personal contacts, please.")
        for contact in self.contacts:
            if not contact.name.strip():
                raise InputError("contacts", "Each contact needs a name.")


def _decode(raw: dict[str, object]) -> Settings:
    known = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {key: value for key, value in raw.items() if key in known}
    if "contacts" in values:
        values["contacts"] = tuple(
            Contact(**item) for item in values["contacts"] if isinstance(item, dict)
        )
    try:
        settings = Settings(**values)
        settings.check()
    except (TypeError, InputError):
        return Settings()  # an unreadable stored value must never keep the app from starting
    return settings


def load_settings(db: Database) -> Settings:
    """The stored settings, with defaults for anything not set."""
    from paincoach.db import repository as repo

    with db.read() as session:
        return _decode(repo.get_settings(session))


def save_settings(db: Database, settings: Settings) -> Settings:
    """Store every setting; returns what was stored."""
    settings.check()
    values = asdict(settings)
    values["contacts"] = [asdict(contact) for contact in settings.contacts]
    from paincoach.db import repository as repo

    with db.write() as session:
        repo.put_settings(session, values)
    return settings
