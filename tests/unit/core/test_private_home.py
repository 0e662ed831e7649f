"""The data folder is private, as the README promises, even when it existed before."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from paincoach.cli.main import main
from paincoach.core import paths
from paincoach.db.engine import Database


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_existing_open_data_folder_is_made_private(tmp_path: Path) -> None:
    home = tmp_path / "journal"
    home.mkdir()
    home.chmod(0o755)
    assert paths.privacy_warning(home)
    Database.open(home).close()
    assert mode(home) == 0o700
    assert paths.privacy_warning(home) == ""


def test_the_persons_own_home_folder_is_left_alone_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "me"
    home.mkdir()
    home.chmod(0o755)
    monkeypatch.setenv("HOME", str(home))  # the data folder is the person's home folder
    Database.open(home).close()
    assert mode(home) == 0o755
    assert main(["--home", str(home), "doctor"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert f"Your data folder {home} can be read by others on this computer (mode 0755)" in out
    assert f"chmod 700 '{home}'" in out


async def test_the_app_says_so_on_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from paincoach.app import create_app
    from tests.support import fixed_clock, seeded_services, settle

    home = tmp_path / "me"
    home.mkdir()
    home.chmod(0o755)
    monkeypatch.setenv("HOME", str(home))
    seeded_services(home).close()  # type: ignore[attr-defined]
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        said = [n.message for n in app._notifications]
        assert any("can be read by others" in message for message in said)
