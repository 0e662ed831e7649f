"""`paincoach remind --shell`: the snippet run for real in bash, zsh and fish.

Each test sources the printed snippet in a real shell and calls the prompt hook the way
the shell does before a prompt (bash: `$PROMPT_COMMAND`; zsh: `$precmd_functions`; fish:
the `fish_prompt` event), and one test per shell runs an interactive shell. A shell that
is not installed is skipped.

The shells read the machine's clock, not paincoach's: each test runs them in a time zone
chosen so that their local time is just past noon, and asks `date` for that day.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from _pytest.mark import ParameterSet

from paincoach.cli.commands.remind import REMINDER
from paincoach.cli.commands.remind_shell import SHELLS, fish_quote, snippet
from paincoach.core import day_stamp
from paincoach.db.engine import Database
from paincoach.settings import load_settings, save_settings
from tests.support import run_cli

HOOK = {
    "bash": 'eval "$PROMPT_COMMAND"',
    "zsh": "for f in $precmd_functions; do $f; done",
    "fish": "emit fish_prompt",
}
RUN = {
    "bash": ["bash", "--norc", "--noprofile", "-c"],
    "zsh": ["zsh", "-f", "-c"],
    "fish": ["fish", "--no-config", "-c"],
}
NOON = 12  # the shells' local hour


def _installed(shell: str) -> ParameterSet:
    return pytest.param(
        shell,
        marks=pytest.mark.skipif(shutil.which(shell) is None, reason=f"{shell} not installed"),
    )


ALL = [_installed(shell) for shell in SHELLS]
POSIX_LIKE = [_installed(shell) for shell in SHELLS if shell != "fish"]


def _noon_zone() -> str:
    """A POSIX TZ in which it is now NOON o'clock (local = UTC - offset)."""
    utc_hour = int(subprocess.run(["date", "-u", "+%H"], capture_output=True, text=True).stdout)
    return f"PCT{utc_hour - NOON:+d}"


@pytest.fixture
def zone() -> str:
    return _noon_zone()


def _shell_day(zone: str, days: int = 0) -> str:
    """The shells' local date (YYYY-MM-DD), moved by `days`, as `date` gives it."""
    env = {**os.environ, "TZ": zone}
    today = subprocess.run(["date", "+%F"], capture_output=True, text=True, env=env).stdout
    return (date.fromisoformat(today.strip()) + timedelta(days=days)).isoformat()


def _journal(home: Path, stamp: str | None) -> None:
    Database.open(home).close()
    if stamp is None:
        day_stamp.stamp_path(home).unlink(missing_ok=True)
    else:
        day_stamp.stamp_path(home).write_text(stamp + "\n", encoding="ascii")


def _source(shell: str, text: str) -> str:
    quote = fish_quote if shell == "fish" else shlex.quote
    return f"source {quote(text)}"


def prompts(
    shell: str,
    tmp_path: Path,
    home: Path,
    zone: str,
    *,
    calls: int = 1,
    between: str = "",
    after: int | None = None,
    fixed_home: bool = True,
    env: dict[str, str] | None = None,
) -> str:
    """What `calls` prompts print in `shell` with the snippet for `home` sourced."""
    path = tmp_path / f"snippet.{shell}"
    path.write_text(snippet(shell, home, REMINDER, fixed_home=fixed_home, after=after))
    hooks = [HOOK[shell]] * calls
    if between:
        hooks.insert(1, between)
    script = "\n".join([_source(shell, str(path)), *hooks]) + "\n"
    done = subprocess.run(
        [*RUN[shell], script],
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "HOME": str(tmp_path), "TZ": zone, **(env or {})},
        timeout=30,
        check=False,
    )
    assert done.stderr == "", done.stderr
    assert done.returncode == 0
    return done.stdout


@pytest.mark.parametrize("shell", ALL)
def test_not_logged_today_nudges_with_one_line_from_paincoach(
    shell: str, tmp_path: Path, home: Path, zone: str
) -> None:
    _journal(home, _shell_day(zone, -1))
    assert prompts(shell, tmp_path, home, zone) == REMINDER + "\n"
    _journal(home, None)  # never checked in
    assert prompts(shell, tmp_path, home, zone) == REMINDER + "\n"
    assert REMINDER.startswith("paincoach: ")


@pytest.mark.parametrize("shell", ALL)
def test_logged_today_is_quiet(shell: str, tmp_path: Path, home: Path, zone: str) -> None:
    _journal(home, _shell_day(zone))
    assert prompts(shell, tmp_path, home, zone, calls=3) == ""


@pytest.mark.parametrize("shell", ALL)
def test_before_the_hour_it_is_quiet_and_from_the_hour_it_nudges(
    shell: str, tmp_path: Path, home: Path, zone: str
) -> None:
    _journal(home, _shell_day(zone, -1))
    assert prompts(shell, tmp_path, home, zone, after=NOON + 1) == ""
    assert prompts(shell, tmp_path, home, zone, after=NOON) == REMINDER + "\n"
    assert prompts(shell, tmp_path, home, zone, after=0) == REMINDER + "\n"


@pytest.mark.parametrize("shell", ALL)
def test_nudged_already_it_waits_three_hours(
    shell: str, tmp_path: Path, home: Path, zone: str
) -> None:
    _journal(home, _shell_day(zone, -1))
    assert prompts(shell, tmp_path, home, zone, calls=5) == REMINDER + "\n"
    back = {
        "fish": "set __paincoach_nudged (math $__paincoach_nudged - 10801)",
    }.get(shell, "__paincoach_nudged=$(( __paincoach_nudged - 10801 ))")
    twice = prompts(shell, tmp_path, home, zone, calls=3, between=back)
    assert twice == 2 * (REMINDER + "\n")


@pytest.mark.parametrize("shell", ALL)
def test_no_journal_yet_is_quiet(shell: str, tmp_path: Path, home: Path, zone: str) -> None:
    assert prompts(shell, tmp_path, home, zone) == ""


@pytest.mark.parametrize("fixed", [True, False], ids=["home-given", "home-default"])
@pytest.mark.parametrize("shell", ALL)
def test_a_data_folder_with_spaces_quotes_and_dollars_works(
    shell: str, tmp_path: Path, zone: str, fixed: bool
) -> None:
    odd = tmp_path / 'it\'s a "journal" $HOME `x` \\ here'
    _journal(odd, _shell_day(zone, -1))
    assert prompts(shell, tmp_path, odd, zone, fixed_home=fixed) == REMINDER + "\n"
    _journal(odd, _shell_day(zone))
    assert prompts(shell, tmp_path, odd, zone, fixed_home=fixed) == ""


@pytest.mark.parametrize("shell", ALL)
def test_paincoach_home_set_at_the_prompt_is_followed_unless_home_was_given(
    shell: str, tmp_path: Path, home: Path, zone: str
) -> None:
    other = tmp_path / "other"
    _journal(home, _shell_day(zone))  # logged here
    _journal(other, _shell_day(zone, -1))  # not there
    env = {"PAINCOACH_HOME": str(other)}
    assert prompts(shell, tmp_path, home, zone, fixed_home=False, env=env) == REMINDER + "\n"
    assert prompts(shell, tmp_path, home, zone, fixed_home=False) == ""
    assert prompts(shell, tmp_path, home, zone, fixed_home=True, env=env) == ""


@pytest.mark.parametrize("shell", POSIX_LIKE)
def test_the_last_commands_exit_status_is_kept_for_the_prompt(
    shell: str, tmp_path: Path, home: Path, zone: str
) -> None:
    _journal(home, _shell_day(zone, -1))
    path = tmp_path / f"snippet.{shell}"
    path.write_text(snippet(shell, home, REMINDER, fixed_home=True, after=None))
    script = f"{_source(shell, str(path))}\n(exit 3)\n{HOOK[shell]}\necho status=$?\n"
    done = subprocess.run(
        [*RUN[shell], script],
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "TZ": zone},
        check=False,
    )
    assert done.stdout == REMINDER + "\nstatus=3\n"


def test_fish_without_proc_uptime_asks_date_each_prompt(
    tmp_path: Path, home: Path, zone: str
) -> None:
    if shutil.which("fish") is None:
        pytest.skip("fish not installed")
    _journal(home, _shell_day(zone, -1))
    path = tmp_path / "no-proc.fish"
    for after, expected in ((NOON + 1, ""), (NOON, REMINDER + "\n")):
        path.write_text(
            snippet("fish", home, REMINDER, fixed_home=True, after=after).replace(
                "/proc/uptime", str(tmp_path / "no-such-file")
            )
        )
        script = f"{_source('fish', str(path))}\nemit fish_prompt\nemit fish_prompt\n"
        done = subprocess.run(
            [*RUN["fish"], script],
            capture_output=True,
            text=True,
            env={"PATH": os.environ["PATH"], "TZ": zone},
            check=False,
        )
        assert (done.stdout, done.stderr) == (expected, "")


INTERACTIVE = {
    "bash": lambda rc: (["bash", "--noprofile", "--rcfile", rc, "-i"], "true\ntrue\n"),
    "zsh": lambda rc: (["zsh", "-f", "-i"], f"source {shlex.quote(rc)}\ntrue\ntrue\n"),
}


@pytest.mark.parametrize("shell", POSIX_LIKE)
def test_an_interactive_shell_nudges_once_at_its_prompts(
    shell: str, tmp_path: Path, home: Path, zone: str
) -> None:
    _journal(home, _shell_day(zone, -1))
    rc = tmp_path / f"rc.{shell}"
    rc.write_text(snippet(shell, home, REMINDER, fixed_home=True, after=None))
    argv, typed = INTERACTIVE[shell](str(rc))
    done = subprocess.run(
        argv,
        input=typed,
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "HOME": str(tmp_path), "TZ": zone, "PS1": "$ "},
        timeout=30,
        check=False,
    )
    assert (done.stdout + done.stderr).count(REMINDER) == 1


@pytest.mark.parametrize("shell", ALL)
def test_200_prompts_cost_well_under_a_second(
    shell: str, tmp_path: Path, home: Path, zone: str
) -> None:
    """The common case: logged today, so every prompt reads the stamp and says nothing."""
    _journal(home, _shell_day(zone))
    loop = {
        "bash": 'TIMEFORMAT=%R; time (for i in {1..200}; do eval "$PROMPT_COMMAND"; done)',
        "zsh": "TIMEFMT=%E; time (for i in {1..200}; do for f in $precmd_functions; do $f; "
        "done; done)",
        "fish": "set -l t0 (date +%s%N); for i in (seq 200); emit fish_prompt; end; "
        "math \\( (date +%s%N) - $t0 \\) / 1000000000",
    }[shell]
    path = tmp_path / f"snippet.{shell}"
    path.write_text(snippet(shell, home, REMINDER, fixed_home=True, after=None))
    done = subprocess.run(
        [*RUN[shell], f"{_source(shell, str(path))}\n{loop}\n"],
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "TZ": zone},
        timeout=60,
        check=False,
    )
    seconds = float((done.stdout + done.stderr).strip().rstrip("s"))
    print(f"{shell}: 200 prompt hooks in {seconds:.3f} s")
    assert seconds < 1.0


def test_the_printed_snippet_carries_the_folder_and_the_hour_set(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    db = Database.open(home)
    save_settings(db, load_settings(db).with_changes(remind_after=19))
    db.close()
    status, out, err = run_cli(capsys, "remind", "--shell", "bash")
    assert (status, err) == (0, "")
    assert f"home=${{PAINCOACH_HOME:-{shlex.quote(str(home))}}}" in out
    assert "(( 10#$hour < 19 ))" in out
    assert "To remove it, delete the lines" in out and out.endswith("<<< paincoach nudge <<<\n")
    status, out, _ = run_cli(capsys, "--home", str(tmp_path / "x"), "remind", "--shell", "zsh")
    assert status == 0 and f"home={shlex.quote(str(tmp_path / 'x'))} " in out
    status, out, _ = run_cli(capsys, "remind", "--shell", "fish")
    assert status == 0 and "--on-event fish_prompt" in out and "test $__paincoach_hour" in out


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash not installed")
def test_bash_keeps_the_own_prompt_command_and_adds_itself_once(
    tmp_path: Path, home: Path, zone: str
) -> None:
    _journal(home, _shell_day(zone, -1))
    path = tmp_path / "snippet.bash"
    path.write_text(snippet("bash", home, REMINDER, fixed_home=True, after=None))
    source = _source("bash", str(path))
    script = f"PROMPT_COMMAND='echo mine'\n{source}\n{source}\necho \"$PROMPT_COMMAND\"\n"
    script += 'eval "$PROMPT_COMMAND"\n'
    done = subprocess.run(
        [*RUN["bash"], script],
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "TZ": zone},
        check=False,
    )
    assert done.stdout == f"__paincoach_nudge;echo mine\n{REMINDER}\nmine\n"
