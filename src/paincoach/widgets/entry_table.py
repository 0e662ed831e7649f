"""A table of check-ins and activities; user text is shown as typed, never as markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from paincoach.core.textsafe import one_line
from paincoach.records.describe import rating
from paincoach.records.entries import Activity, CheckIn, Entry
from paincoach.records.treatments import Dose
from paincoach.widgets.dose_table import dose_extra, dose_summary
from paincoach.widgets.row_table import RowTable


def entry_summary(entry: Entry | Dose) -> Text:
    """The figures of an entry (or what a dose was) in a few words."""
    if isinstance(entry, Dose):
        return Text("Dose  " + dose_summary(entry))
    if isinstance(entry, CheckIn):
        parts = [f"pain {rating(entry.pain)}", f"mood {rating(entry.mood)}"]
        if entry.sleep is not None:
            parts.append(f"sleep {rating(entry.sleep)}")
        return Text("Check-in  " + ", ".join(parts))
    return Text("Activity  " + activity_words(entry))


def activity_words(activity: Activity) -> str:
    """'walk, 20 min, effort 3/10, paced' (user text made safe)."""
    parts = [one_line(activity.name, 24), f"{activity.minutes} min"]
    if activity.effort is not None:
        parts.append(f"effort {rating(activity.effort)}")
    if activity.paced:
        parts.append("paced")
    return ", ".join(parts)


def entry_extra(entry: Entry | Dose) -> Text:
    """Areas, tags and the start of the note (a dose: side effects and note)."""
    if isinstance(entry, Dose):
        return Text(one_line(dose_extra(entry), 26))
    bits: list[str] = []
    if isinstance(entry, CheckIn):
        bits.extend(entry.areas)
        bits.extend(f"#{tag}" for tag in entry.tags)
    if entry.note:
        bits.append(one_line(entry.note, 40))
    return Text(one_line(" ".join(bits), 26) if bits else "")


class EntryTable(RowTable):
    """Entries, one per row, keyed by uid (History's search lists doses among them)."""

    DEFAULT_CSS = """
    EntryTable {
        overflow-x: hidden;
    }
    """

    def __init__(self, *, with_day: bool = False, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.with_day = with_day
        self._entries: dict[str, Entry | Dose] = {}

    def on_mount(self) -> None:
        """Set the columns."""
        when = len("Wed 30 Sep 23:59") if self.with_day else len("23:59")
        self.add_column("When", key="when", width=when)  # fixed: see history.COLUMNS
        self.add_column("Entry", key="entry")
        self.add_column("Areas, tags, note", key="extra")

    def show_entries(self, entries: Sequence[Entry | Dose]) -> None:
        """Replace the rows, keeping the cursor near where it was."""
        row = self.cursor_row
        self.clear()
        self._entries = {entry.uid: entry for entry in entries}
        fmt = "%a %d %b %H:%M" if self.with_day else "%H:%M"
        for entry in entries:
            self.add_row(
                Text(entry.at.strftime(fmt)),
                entry_summary(entry),
                entry_extra(entry),
                key=entry.uid,
            )
        if entries:
            self.move_cursor(row=min(max(row, 0), len(entries) - 1))

    @property
    def selected(self) -> Entry | Dose | None:
        """The entry (or dose) under the cursor, if any."""
        if not self._entries or self.cursor_row < 0 or self.cursor_row >= self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self._entries.get(key or "")
