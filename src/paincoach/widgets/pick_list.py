"""A list to pick one or several items from, each with an optional description.

The mark is part of the text ("[X]" or "[ ]", "(•)" or "( )"), so what is picked reads the
same without colour. Textual's SelectionList cannot be used here: it assumes one screen line
per option, and descriptions wrap onto several lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from paincoach.core.textsafe import visible


@dataclass(frozen=True)
class PickItem:
    """One item: what is shown and saved, and what it means."""

    label: str
    description: str = ""


class PickList(OptionList):
    """Space picks or unpicks; Enter goes on (picking the highlighted item in a one-pick list)."""

    DEFAULT_CSS = """
    PickList {
        height: auto;
        max-height: 12;
    }
    """

    PICK = Binding("space", "pick", "Pick", show=False, id="pick_list.pick")
    """Space picks or unpicks (named in hint lines)."""
    SUBMIT = Binding("enter", "submit", "Next", show=False, id="pick_list.submit")
    """Enter goes on."""

    BINDINGS = [PICK, SUBMIT]

    @dataclass
    class Changed(Message):
        """What is picked changed."""

        pick_list: PickList
        """The list that changed."""

        @property
        def control(self) -> PickList:
            """The list that changed."""
            return self.pick_list

    @dataclass
    class Submitted(Message):
        """Enter: the person is done with the list."""

        pick_list: PickList
        """The list."""

        @property
        def control(self) -> PickList:
            """The list."""
            return self.pick_list

    def __init__(
        self,
        items: Iterable[PickItem],
        *,
        multiple: bool,
        picked: Iterable[str] = (),
        keep_one: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, markup=False)
        self.multiple = multiple
        self.keep_one = keep_one and not multiple
        """A one-pick list that is never left empty once picked: Space on the picked item
        keeps it (picking another replaces it), as a radio button does."""
        self.items: list[PickItem] = []
        self.picked: list[str] = []
        for item in items:
            self.add_item(item, picked=item.label in set(picked), announce=False)

    def on_focus(self) -> None:
        """Start on the first item, so Space and Enter work at once."""
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def add_item(self, item: PickItem, *, picked: bool = False, announce: bool = True) -> None:
        """Add an item (or find it, if one with that label exists), optionally picked."""
        index = next((i for i, it in enumerate(self.items) if it.label == item.label), None)
        if index is None:
            self.items.append(item)
            index = len(self.items) - 1
            self.add_option(Option(self._prompt(item, picked=False), id=str(index)))
        if picked:
            self._set(index, True)
        if announce:
            self.highlighted = index
            self.post_message(self.Changed(self))

    def _prompt(self, item: PickItem, *, picked: bool) -> Table:
        """The mark, then the label with its description wrapped under it (not under the mark)."""
        marks = ("[X]", "[ ]") if self.multiple else ("(•)", "( )")
        body = Text(visible(item.label), style="bold" if picked else "")
        if item.description:
            body.append("\n" + visible(item.description), style="dim")
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(width=3, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(Text(marks[0] if picked else marks[1]), body)
        return grid

    def _set(self, index: int, picked: bool) -> None:
        item = self.items[index]
        if picked and not self.multiple:
            for other in list(self.picked):
                if other != item.label:
                    self._set(self._index_of(other), False)
        if picked and item.label not in self.picked:
            self.picked.append(item.label)
        elif not picked and item.label in self.picked:
            self.picked.remove(item.label)
        self.replace_option_prompt_at_index(index, self._prompt(item, picked=picked))

    def _index_of(self, label: str) -> int:
        return next(i for i, item in enumerate(self.items) if item.label == label)

    def action_pick(self) -> None:
        """Pick or unpick the highlighted item (in a one-pick list, picking replaces)."""
        index = self.highlighted
        if index is None:
            return
        label = self.items[index].label
        if self.keep_one and label in self.picked:
            return
        self._set(index, label not in self.picked)
        self.post_message(self.Changed(self))

    def action_select(self) -> None:
        """A click toggles the item, like Space."""
        self.action_pick()

    def action_submit(self) -> None:
        """Enter: in a one-pick list, pick the highlighted item first; then go on."""
        index = self.highlighted
        if not self.multiple and index is not None and self.items[index].label not in self.picked:
            self._set(index, True)
            self.post_message(self.Changed(self))
        self.post_message(self.Submitted(self))

    @property
    def ordered_picks(self) -> list[str]:
        """Picked labels in the order the list shows them."""
        return [item.label for item in self.items if item.label in self.picked]
