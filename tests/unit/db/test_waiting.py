"""The import lock, and a write that waits for an import instead of failing."""

from __future__ import annotations

import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from paincoach.db import waiting

BUSY = sqlite3.OperationalError("database is locked")


@contextmanager
def import_elsewhere(home: Path) -> Iterator[Callable[[], None]]:
    """The import lock held by another thread (as by another paincoach); yields its end."""
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with waiting.importing(home):
            held.set()
            release.wait(30)

    thread = threading.Thread(target=hold)
    thread.start()
    assert held.wait(30)

    def end() -> None:
        release.set()
        thread.join(30)

    try:
        yield end
    finally:
        end()


def test_the_lock_shows_an_import_only_while_one_holds_it(tmp_path: Path) -> None:
    assert not waiting.import_running(tmp_path)  # never an import here
    with waiting.importing(tmp_path):
        assert waiting.import_running(tmp_path)
    assert not waiting.import_running(tmp_path)
    assert stat.S_IMODE(waiting.lock_path(tmp_path).stat().st_mode) == 0o600


def test_a_second_import_waits_for_the_first_and_says_so(tmp_path: Path) -> None:
    told: list[str] = []
    order: list[str] = []
    first_in = threading.Event()
    release = threading.Event()

    def first() -> None:
        with waiting.importing(tmp_path):
            first_in.set()
            release.wait(30)
            order.append("first done")

    thread = threading.Thread(target=first)
    thread.start()
    assert first_in.wait(30)

    def second_waits() -> None:
        told.append("waiting")
        release.set()  # the first may end once the second is known to wait

    with waiting.importing(tmp_path, second_waits):
        order.append("second in")
    thread.join(30)
    assert told == ["waiting"] and order == ["first done", "second in"]


def test_a_busy_journal_without_an_import_fails_as_before(tmp_path: Path) -> None:
    tries: list[int] = []

    def begin() -> None:
        tries.append(1)
        raise BUSY

    with pytest.raises(sqlite3.OperationalError):
        waiting.begin_writing(begin, tmp_path)
    assert len(tries) == 1


def test_a_write_keeps_trying_while_an_import_runs_and_says_so_once(tmp_path: Path) -> None:
    told: list[int] = []
    tries: list[int] = []
    with import_elsewhere(tmp_path):

        def begin() -> None:
            tries.append(1)
            if len(tries) < 4:
                raise BUSY

        waiting.begin_writing(begin, tmp_path, lambda: told.append(1))
    assert len(tries) == 4 and told == [1]


def test_an_import_that_ends_just_as_the_timeout_runs_out_gets_one_more_try(
    tmp_path: Path,
) -> None:
    tries: list[int] = []
    with import_elsewhere(tmp_path) as end:

        def begin() -> None:
            tries.append(1)
            if len(tries) == 2:
                end()  # the import ends during this wait
            if len(tries) <= 2:
                raise BUSY

        waiting.begin_writing(begin, tmp_path)
    assert len(tries) == 3


def test_other_errors_are_never_retried(tmp_path: Path) -> None:
    with import_elsewhere(tmp_path):

        def begin() -> None:
            raise sqlite3.OperationalError("disk I/O error")

        with pytest.raises(sqlite3.OperationalError, match="disk"):
            waiting.begin_writing(begin, tmp_path)


def test_an_imports_own_write_never_waits_for_its_own_lock(tmp_path: Path) -> None:
    tries: list[int] = []

    def begin() -> None:  # another program stuck mid-write, for ever
        tries.append(1)
        assert len(tries) < 5, "the import kept waiting for itself"
        raise BUSY

    with waiting.importing(tmp_path), pytest.raises(sqlite3.OperationalError):
        waiting.begin_writing(begin, tmp_path)
    assert len(tries) == 1
