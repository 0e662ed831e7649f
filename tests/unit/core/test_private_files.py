"""Private writes: a live writer's temporary copy is never swept; a dead one's always is."""

from __future__ import annotations

from pathlib import Path

from paincoach.core.private_files import ledger_folder, private_output, sweep_leftovers


def test_a_sweep_leaves_a_live_writers_copy_alone(tmp_path: Path) -> None:
    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    out.mkdir()
    target = out / "report.md"
    with private_output(target, ledger=ledger_folder(home)) as temp:
        temp.write_text("half")
        sweep_leftovers(home, out)  # another paincoach starting meanwhile
        assert temp.read_text() == "half" and target.exists()
    assert target.read_text() == "half" and list(ledger_folder(home).iterdir()) == []


def test_a_sweep_removes_unrecorded_copies_only_where_asked(tmp_path: Path) -> None:
    home, mine, theirs = tmp_path / "home", tmp_path / "backups", tmp_path / "elsewhere"
    for folder in (home, mine, theirs):
        folder.mkdir()
    (mine / ".old.db.0123456789ab.part").write_text("a deleted note")
    (theirs / ".notes.txt.0123456789ab.part").write_text("not ours")
    (mine / "keep.db").write_text("a backup")
    sweep_leftovers(home, mine)
    assert sorted(p.name for p in mine.iterdir()) == ["keep.db"]
    assert (theirs / ".notes.txt.0123456789ab.part").exists()


def test_a_write_goes_ahead_when_it_cannot_be_recorded(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    nowhere = tmp_path / "missing" / "writing"  # (as in a read-only data folder)
    with private_output(target, ledger=nowhere) as temp:
        temp.write_text("all of it")
    assert target.read_text() == "all of it" and not nowhere.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
