"""The spelling a journal already uses for a name: pain areas, tags, activities and plans.

Every write stores a name the way the journal first spelled it (`records.names`), so one
area is one name in every count and list. Looking a spelling up must stay cheap on ten
years of check-ins: SQL narrows the rows with LIKE patterns that every spelling of the
name matches, newest first, and Python decides with `name_key` on the rows it reads
(after a substring test on the casefolded text, which costs about 1 ms for ten years of
rows). A name seen before is found within the newest rows; a new one costs two scans in
SQL (about 4 ms each on ten years of check-ins), or reading every row when the name has no
letter LIKE can compare (Cyrillic or Greek, say: about 25 ms on ten years).
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from paincoach.records.names import name_key, unify

if TYPE_CHECKING:
    from typing import TypeAlias

    from sqlalchemy.engine import Connection
    from sqlmodel import Session

    #: An ORM session or Core connection, or a plain `sqlite3` one (`db.quick`): same SQL.
    Reader: TypeAlias = Session | Connection | sqlite3.Connection
LABEL_COLUMNS = ("areas", "tags")

#: The characters outside ASCII that casefold into ASCII letters ('ß' → "ss", the Kelvin
#: sign → "k", 'ﬁ' → "fi"): a stored spelling holding one may have other letters than the
#: name looked up ("STRASSE" for "Straße"). Rows holding none are found by the strict
#: pattern; the few holding one by the loose pattern. A test recomputes both sets.
FOLDS_TO_ASCII = frozenset(
    "\xdf\u0130\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e\u212a"
    "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
)
#: The ASCII letters those characters fold into.
FOLD_TARGETS = frozenset("afhijklnstwy")
#: Unicode categories without case: such a character never changes under casefold, and no
#: other character folds into it, so every spelling holds it as it is. A test checks all.
CASELESS = frozenset({"Lo", "Nd", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk"})
#: Characters that JSON text escapes or that LIKE reads as wildcards.
_NOT_LITERAL = frozenset('"\\%_')
_HOLDS_FOLDING = " OR ".join(f"{{column}} LIKE '%{char}%'" for char in sorted(FOLDS_TO_ASCII))


def _run(db: Reader, sql: str, params: dict[str, object] | None = None) -> Any:
    """Rows of `sql` through either driver (both bind `:name` parameters)."""
    if isinstance(db, sqlite3.Connection):
        return db.execute(sql, params or {})
    from sqlalchemy import text

    return db.execute(text(sql), params or {})


def _literal(char: str, *, loose: bool) -> bool:
    """Whether every spelling of a name holds `char` (up to ASCII case) where this one does.

    Strict: among spellings without a character of FOLDS_TO_ASCII; loose: among all.
    """
    if char in _NOT_LITERAL or char.isspace() or not char.isprintable():
        return False
    if char.isascii():
        return not loose or char.lower() not in FOLD_TARGETS
    return unicodedata.category(char) in CASELESS


def like_pattern(name: str, *, loose: bool = False) -> str:
    """A LIKE pattern that every spelling of `name` matches, as plain or JSON text.

    SQLite's LIKE ignores the case of ASCII letters only; each character another spelling
    could write differently becomes a wildcard. The strict pattern holds for spellings
    without a character of FOLDS_TO_ASCII, the loose one for all. Others may match too:
    `name_key` decides.
    """
    parts = ["%"]
    for char in name:
        if _literal(char, loose=loose):
            parts.append(char)
        elif parts[-1] != "%":
            parts.append("%")
    if parts[-1] != "%":
        parts.append("%")
    return "".join(parts)


def _spelling(db: Reader, table: str, column: str, name: str, besides: str) -> str | None:
    """The newest row's spelling of `name` in `column`, found with the strict pattern, then
    among the rows that hold a character folding into ASCII, with the loose one."""
    key = name_key(name)
    labels = column in LABEL_COLUMNS
    strict, loose = like_pattern(name), like_pattern(name, loose=True)
    lookups = [(strict, "1")]
    if loose != strict:  # else the strict scan read those rows already
        lookups.append((loose, _HOLDS_FOLDING.format(column=column)))
    not_empty = f"AND {column} != '[]'" if labels else ""
    for pattern, also in lookups:
        rows = _run(
            db,
            f"SELECT {column} FROM {table} WHERE {column} LIKE :pattern AND ({also}) "
            f"AND uid != :uid {not_empty} ORDER BY id DESC",
            {"pattern": pattern, "uid": besides},
        )
        found = _first(rows, key, _labels if labels else _alone)
        if found is not None:
            return found
    return None


def _labels(stored: str) -> Iterator[str]:
    try:
        found = json.loads(stored)
    except ValueError:
        return
    if isinstance(found, list):
        yield from (item for item in found if isinstance(item, str))


def _alone(value: str) -> Iterator[str]:
    yield value


def quick_word(key: str) -> str:
    """A word that the casefolded text of every row holding the name `key` contains ("": none).

    The key's longest word that JSON writes as it is (no quotes, backslashes or control
    characters).
    """
    plain = [w for w in key.split(" ") if w.isprintable() and '"' not in w and "\\" not in w]
    return max(plain, key=len, default="")


def _first(rows: Any, key: str, values: Any) -> str | None:
    """The first value in `rows` whose name is `key` (each row's text holds one or a list)."""
    quick = quick_word(key)
    try:
        for row in rows:
            if quick and quick not in row[0].casefold():
                continue
            for value in values(row[0]):
                if name_key(value) == key:
                    return str(value)
        return None
    finally:
        rows.close()


def label_spelling(db: Reader, column: str, label: str, *, besides: str = "") -> str | None:
    """How check-ins other than `besides` (a uid) spell the area or tag `label`, if any do."""
    if column not in LABEL_COLUMNS:
        raise ValueError(column)
    return _spelling(db, "checkins", column, label, besides)


def known_labels(
    db: Reader, column: str, labels: Iterable[str], *, besides: str = ""
) -> tuple[str, ...]:
    """`labels` spelled as the journal already spells them (new ones as given)."""
    given = tuple(labels)
    known: dict[str, str] = {}
    for label in given:
        found = label_spelling(db, column, label, besides=besides)
        if found is not None:
            known[name_key(label)] = found
    return unify(given, known)


def activity_spelling(db: Reader, name: str, *, besides: str = "") -> str | None:
    """How the journal spells the activity `name`: other activities first, then pacing plans."""
    found = _spelling(db, "activities", "name", name, besides)
    if found is None:
        plans = _run(db, "SELECT activity FROM pacing_plans ORDER BY id")
        found = _first(plans, name_key(name), _alone)
    return found


def known_activity(db: Reader, name: str, *, besides: str = "") -> str:
    """`name` spelled as the journal already spells that activity (a new one as given)."""
    return activity_spelling(db, name, besides=besides) or name


def label_spellings(db: Reader, column: str) -> dict[str, str]:
    """Every area or tag in the journal and its spelling (reads every check-in: for import)."""
    if column not in LABEL_COLUMNS:
        raise ValueError(column)
    found: dict[str, str] = {}
    rows = _run(db, f"SELECT {column} FROM checkins ORDER BY id")
    for (stored,) in rows:
        for label in _labels(stored):
            found.setdefault(name_key(label), label)
    return found


def activity_spellings(db: Reader) -> dict[str, str]:
    """Every activity and plan name in the journal and its spelling (for import)."""
    found: dict[str, str] = {}
    for table, column in (("activities", "name"), ("pacing_plans", "activity")):
        stmt = f"SELECT {column} FROM {table} GROUP BY {column} ORDER BY min(id)"
        for (name,) in _run(db, stmt):
            found.setdefault(name_key(name), name)
    return found


def treatment_spelling(db: Reader, name: str, besides: str = "") -> str | None:
    """How the journal spells the treatment `name`: the regular list first (the ones still
    used before the stopped ones), then the doses taken before (but the dose `besides`)."""
    rows = _run(db, "SELECT name FROM treatments ORDER BY stop_day IS NOT NULL, start_day DESC, id")
    found = _first(rows, name_key(name), _alone)
    if found is None:
        found = _spelling(db, "doses", "name", name, besides)
    return found
