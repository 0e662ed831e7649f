"""A read-only data folder still lets the journal be read (issue 12, item 7).

SQLite keeps a WAL journal's companions beside it, so before this a folder the person
could not write to made even `today` fail with "This entry was not saved". Run for real as
an unprivileged user (root ignores permission bits).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.storage_support import checkin, digest, open_journal

NOBODY = 65534

AS_NOBODY = textwrap.dedent(
    """
    import contextlib, io, os, sys, tempfile
    from paincoach.cli.main import main

    def run(home, *argv):
        err, out = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            status = main(["--home", home, *argv])
        return status, out.getvalue(), err.getvalue()

    # Import everything while still root: afterwards the interpreter may not read its own
    # files (they can live under /root).
    with tempfile.TemporaryDirectory() as warm:
        for argv in (["log", "--pain", "3"], ["today"], ["week"], ["doctor"],
                     ["export", "--format", "md", "--out", warm + "/r.md"]):
            run(warm, *argv)
    os.setgid(65534)
    os.setuid(65534)
    home, out_folder = sys.argv[1], sys.argv[2]
    for argv in (["today"], ["week"], ["doctor"],
                 ["export", "--format", "md", "--out", out_folder + "/r.md"],
                 ["log", "--pain", "2"]):
        status, out, err = run(home, *argv)
        print(repr((argv[0], status, out, err)))
    """
)


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder another user can reach (pytest's own tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="paincoach-ro-folder-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_read_only_folder_is_read_and_never_called_unsaved(shared_tmp: Path) -> None:
    home, out = shared_tmp / "home", shared_tmp / "out"
    journal = open_journal(home)
    journal.add_checkin(checkin(pain=6, note="kept words"))
    journal.db.close()
    out.mkdir()
    for path in (home, *home.rglob("*"), out):
        os.chown(path, NOBODY, NOBODY)
    home.chmod(0o500)
    before = digest(home / "paincoach.db")
    result = subprocess.run(
        [sys.executable, "-c", AS_NOBODY, str(home), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    ran = {row[0]: row[1:] for row in map(eval, result.stdout.splitlines())}
    for command in ("today", "week", "doctor", "export"):
        status, said, err = ran[command]
        assert status == 0, (command, err)
        assert "was not saved" not in said + err  # a read is never called a failed save
    assert "pain 6/10" in ran["today"][1]
    assert "Integrity check: ok" in ran["doctor"][1]
    assert (out / "r.md").is_file()
    status, _, err = ran["log"]
    assert status == 1 and "is read-only: paincoach can show your journal" in err
    assert "anything new is not saved" in err
    assert digest(home / "paincoach.db") == before
