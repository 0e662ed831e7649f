"""Shared lists (`data/<name>.toml`, e.g. thinking traps) that choice steps refer to."""

from __future__ import annotations

from pathlib import Path

from paincoach.core.resources import data_dir
from paincoach.exercises.checks import ID_RE, Checker, TooManyProblemsError, parse_toml, read_text
from paincoach.exercises.model import Option, SharedList
from paincoach.exercises.problems import ContentError, LoadWarning

SHIPPED_LISTS: tuple[str, ...] = ("thinking_traps", "emotions", "body_areas")
_LIST_KEYS = ("name", "title", "items")
_ITEM_KEYS = ("id", "label", "description")


def validate_list(path: Path) -> tuple[SharedList | None, list[LoadWarning]]:
    """Read and check one shared list file."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    data, problems = parse_toml(text, path)
    if data is None:
        return None, problems
    check = Checker(path, text)
    try:
        found = _shared_list(check, data, path)
    except TooManyProblemsError:
        return None, check.sorted_problems()
    if check.problems:
        return None, check.sorted_problems()
    return found, []


def _shared_list(check: Checker, data: dict[str, object], path: Path) -> SharedList:
    check.allowed_keys(data, (), _LIST_KEYS, "a shared list")
    name = check.text(data, (), "name", required=True)
    if name and name != path.stem:
        check.report(
            ("name",), f'expected the file name without .toml, "{path.stem}", found "{name}"'
        )
    title = check.text(data, (), "title", required=True)
    return SharedList(name, title, _items(check, data), path)


def _items(check: Checker, data: dict[str, object]) -> tuple[Option, ...]:
    raw = data.get("items")
    if not isinstance(raw, list) or not raw:
        check.report(("items",), "expected at least one [[items]] table, found " + _what(raw))
        return ()
    out: list[Option] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(raw):
        at = ("items", i)
        if not isinstance(item, dict):
            check.report(at, "expected an [[items]] table with id and label")
            continue
        check.allowed_keys(item, at, _ITEM_KEYS, "a list item")
        item_id = check.text(item, at, "id", required=True)
        check.pattern(item_id, (*at, "id"), ID_RE, 'lower-case letters, digits and "-"')
        if item_id in seen:
            check.report(
                (*at, "id"), f'duplicate id "{item_id}": already used by items[{seen[item_id]}]'
            )
        seen.setdefault(item_id, i + 1)
        label = check.text(item, at, "label", required=True)
        out.append(Option(item_id, label, check.text(item, at, "description")))
    return tuple(out)


def _what(value: object) -> str:
    return "none" if value is None else "an empty list" if value == [] else "something else"


class ListStore:
    """Shared lists from one data folder, each loaded once on first use."""

    def __init__(self, data: Path | None = None) -> None:
        """Lists are looked up in `data` (default: the bundled data folder)."""
        self.data = data or data_dir()
        self._cache: dict[str, tuple[SharedList | None, list[LoadWarning]]] = {}

    def path(self, name: str) -> Path:
        """Where the list `name` lives."""
        return self.data / f"{name}.toml"

    def lookup(self, name: str) -> tuple[SharedList | None, list[LoadWarning]]:
        """The list and the problems in its file (None without problems: no such list)."""
        if name not in self._cache:
            path = self.path(name)
            if "/" in name or "\\" in name or name.startswith(".") or not path.is_file():
                self._cache[name] = (None, [])
            else:
                self._cache[name] = validate_list(path)
        return self._cache[name]

    def get(self, name: str) -> SharedList:
        """The list `name`; ContentError when it is missing or broken."""
        found, problems = self.lookup(name)
        if found is None:
            missing = LoadWarning(self.path(name), None, None, f'no shared list named "{name}"')
            raise ContentError(problems or [missing])
        return found

    def available(self) -> list[str]:
        """Names of the files in the data folder that are shared lists."""
        return sorted(
            p.stem for p in self.data.glob("*.toml") if self.lookup(p.stem)[0] is not None
        )


def load_list(name: str, data: Path | None = None) -> SharedList:
    """One shared list by name (e.g. `body_areas` for the check-in); ContentError if bad."""
    return ListStore(data).get(name)


def check_lists(data: Path | None = None) -> list[LoadWarning]:
    """Every problem in the shipped shared lists (for CI and `paincoach doctor`)."""
    store = ListStore(data)
    problems: list[LoadWarning] = []
    for name in SHIPPED_LISTS:
        found, found_problems = store.lookup(name)
        problems += found_problems
        if found is None and not found_problems:
            problems.append(LoadWarning(store.path(name), None, None, "the shared list is missing"))
    return problems
