"""`paincoach help-now` for every region: the emergency number, each line with how, hours,
cost and cautions, where each number comes from, and what its date means."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from paincoach import safety
from paincoach.cli.main import main
from paincoach.core import clock
from paincoach.db.engine import Database
from paincoach.settings import Settings, save_settings

DIRECTORY = safety.load_directory()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process; returns (status, stdout, stderr), never a traceback."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("code", [region.code for region in DIRECTORY.regions])
def test_help_now_for_every_region(capsys: pytest.CaptureFixture[str], code: str) -> None:
    status, out, err = run(capsys, "help-now", "--region", code.lower())
    assert status == 0 and err == ""
    region = DIRECTORY.region(code)
    said = flat(out)
    assert f"Emergency number ({region.name}): {region.emergency}" in said
    assert "No lines for region" not in out
    for line in DIRECTORY.lines_for(code):
        assert f"{line.name}: {line.number}" in out, (code, line.name)
        assert flat(safety.line_details(line)) in said, (code, line.name)
        assert flat(f"Source: {line.source} ({safety.page_date(line)}).") in said
    assert flat(safety.SOURCE_DATES) in said and "1 December 2026" in said
    assert "checked" not in out  # no line claims a check nobody made


def test_scotland_shows_breathing_spaces_hours_and_that_they_may_have_changed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "help-now", "--region", "GB-SCT")
    said = flat(out)
    assert "Breathing Space: 0800 83 85 87" in out
    assert "Open Mon–Thu 18:00–02:00, and from Fri 18:00 to Mon 06:00" in said
    assert "hours may have changed" in said
    assert said.index("Breathing Space") < said.index("Samaritans: 116 123")  # then UK-wide


def test_an_unlisted_country_gets_the_local_emergency_number_not_112(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "help-now", "--region", "KE")
    said = flat(out)
    assert status == 0
    assert "No lines for region 'KE'" in said and "GB-SCT" in said  # the known codes
    assert "Emergency number (Another country): your local emergency number" in said
    assert "112 does not work everywhere" in said
    assert "112 works" not in said


def test_the_stored_region_is_a_uk_nation(capsys: pytest.CaptureFixture[str], home: object) -> None:
    db = Database.open(home)  # type: ignore[arg-type]
    save_settings(db, Settings(region="GB-WLS"))
    db.close()
    _, out, _ = run(capsys, "help-now")
    assert "Emergency number (Wales): 999" in out and "NHS 111, press 2: 111, then press 2" in out
    assert "Samaritans: 116 123" in out and "Shout: text SHOUT to 85258" in out


def test_doctor_says_when_the_list_is_due_to_be_compared_with_its_sources(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, out, _ = run(capsys, "doctor")
    assert "crisis lines" not in out  # on the test day the comparison is recent
    late = datetime.combine(DIRECTORY.compared + timedelta(days=366), time(9), tzinfo=UTC)
    monkeypatch.setattr(clock, "now", lambda: late)
    _, out, _ = run(capsys, "doctor")
    said = flat(out)
    assert "The crisis lines were last compared with their sources on 1 December 2026" in said
    assert "Your local emergency number always works" in said
