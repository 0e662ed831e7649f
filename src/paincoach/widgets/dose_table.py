"""The doses of a day, one per row, to pick one to change or delete (user text as typed)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from paincoach.core.textsafe import one_line
from paincoach.records.describe import rating
from paincoach.records.treatments import Dose
from paincoach.widgets.row_table import RowTable


def dose_words(dose: Dose) -> str:
    """'ibuprofen (400 mg)', as the person wrote it, on one line."""
    return one_line(f"{dose.name} ({dose.dose})" if dose.dose else dose.name, 50)


def dose_summary(dose: Dose) -> str:
    """'ibuprofen (400 mg) · helped 6/10' (the relief once rated)."""
    if dose.relief is None:
        return dose_words(dose)
    return f"{dose_words(dose)} · helped {rating(dose.relief)}"


def dose_extra(dose: Dose) -> str:
    """The side effects and the start of the note, on one line."""
    bits = [
        f"{label}: {words}"
        for label, words in (("side effects", dose.side_effects), ("note", dose.note))
        if words
    ]
    return one_line(" · ".join(bits), 40) if bits else ""


class DoseTable(RowTable):
    """Doses, one per row, keyed by uid: time, what and how much it helped, and the rest."""

    DEFAULT_CSS = """
    DoseTable {
        overflow-x: hidden;
        height: auto;
        max-height: 10;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", show_header=False)
        self._doses: dict[str, Dose] = {}

    def on_mount(self) -> None:
        """Set the columns."""
        self.add_column("When", key="when", width=len("23:59"))
        self.add_column("Taken", key="taken")
        self.add_column("Side effects, note", key="extra")

    def show_doses(self, doses: Sequence[Dose]) -> None:
        """Replace the rows, keeping the cursor near where it was."""
        row = self.cursor_row
        self.clear()
        self._doses = {dose.uid: dose for dose in doses}
        for dose in doses:
            self.add_row(
                Text(f"{dose.at:%H:%M}"),
                Text(dose_summary(dose)),
                Text(dose_extra(dose), style="dim"),
                key=dose.uid,
            )
        if doses:
            self.move_cursor(row=min(max(row, 0), len(doses) - 1))

    def lines(self) -> list[str]:
        """Each row's words, as read (for tests and screen readers)."""
        return [
            " ".join(" ".join(cell.plain for cell in self.get_row(key)).split())
            for key in self._doses
        ]

    @property
    def selected(self) -> Dose | None:
        """The dose under the cursor, if any."""
        if not self._doses or self.cursor_row < 0 or self.cursor_row >= self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self._doses.get(key or "")
