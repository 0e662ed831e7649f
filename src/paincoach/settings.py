"""The person's settings: stored in the journal, read as one typed object.

The ORM is imported only inside the load and save functions, so the app can hold a
`Settings` before the journal is open.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

from paincoach.core.errors import InputError
from paincoach.core.textsafe import refuse_nul

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
    sound: bool = True
    """A bell from the pacing timer when work turns to rest and back, and at the end."""
    contacts: tuple[Contact, ...] = field(default_factory=tuple)
    remind_after: int | None = None
    """The hour (0-23) before which `paincoach remind` and the shell nudge stay quiet."""

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with some values changed (and checked).

        A NUL in a changed value is refused here, not in `check`: a journal that already
        holds one must still load its contacts for Help now.
        """
        for name, value in changes.items():
            plain = [asdict(c) for c in value] if name == "contacts" else value
            refuse_nul(plain, name, "contacts" if name == "contacts" else f"setting '{name}'")
        updated = replace(self, **changes)
        updated.check()
        return updated

    def check(self) -> None:
        """Reject values no screen could have produced."""
        if not 0 <= self.week_start <= 6:
            raise InputError(
                "week_start", "The week can start on any day from Monday (0) to Sunday (6)."
            )
        if self.remind_after is not None and not (
            type(self.remind_after) is int and 0 <= self.remind_after <= 23
        ):
            raise InputError("remind_after", "The reminder hour is 0 to 23, or none.")
        if len(self.contacts) > CONTACTS_MAX:
            raise InputError("contacts", f"Up to {CONTACTS_MAX} personal contacts, please.")
        for contact in self.contacts:
            if not contact.name.strip():
                raise InputError("contacts", "Each contact needs a name.")


#: The JSON type each stored setting must have (contacts are checked one by one).
_STORED_TYPES: dict[str, tuple[type, ...]] = {
    "acknowledged_at": (str, type(None)),
    "theme": (str,),
    "week_start": (int,),
    "region": (str,),
    "reduced_motion": (bool,),
    "sound": (bool,),
    "remind_after": (int, type(None)),
}


def _decode(raw: dict[str, object]) -> Settings:
    """Settings from stored values; each unusable value falls back to its own default.

    One damaged value must neither keep the app from starting nor reset the others (the
    first-run acknowledgement, the region and contacts that Help now shows).
    """
    settings = Settings()
    for name, value in raw.items():
        try:
            candidate = replace(settings, **{name: _decode_value(name, value)})
            candidate.check()
        except (TypeError, ValueError, InputError):
            continue
        settings = candidate
    return settings


def stored_remind_after(value: object) -> int | None:
    """The reminder hour from its stored value; None when unset or not a usable hour."""
    return _decode({"remind_after": value}).remind_after


def _decode_value(name: str, value: object) -> Any:
    if name == "contacts":
        if not isinstance(value, list):
            raise TypeError(name)
        return tuple(_readable_contacts(value))[:CONTACTS_MAX]
    expected = _STORED_TYPES.get(name)
    if expected is None:
        raise ValueError(f"unknown setting {name!r}")  # e.g. from a newer paincoach
    if isinstance(value, bool) and bool not in expected:
        raise TypeError(name)  # JSON true is not a weekday
    if not isinstance(value, expected):
        raise TypeError(name)
    return value


def _readable_contacts(items: list[object]) -> list[Contact]:
    keys = {f.name for f in fields(Contact)}
    found = []
    for item in items:
        if (
            isinstance(item, dict)
            and set(item) <= keys
            and all(isinstance(item.get(key, ""), str) for key in keys)
            and str(item.get("name", "")).strip()
        ):
            found.append(Contact(**item))
    return found


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
