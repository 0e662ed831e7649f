"""`paincoach remind --shell bash|zsh|fish`: a prompt nudge that runs no Python.

The snippet defines one small function that the shell calls before each prompt. It reads
the day stamp (`core/day_stamp.py`: `<home>/checked-in`) with the shell's own `read`, gets
the date and hour without a fork where the shell can (bash's `printf '%(…)T'`, zsh's
`strftime`; fish has no date builtin, so one `date` call), and prints one line that says it
comes from paincoach, at most once every `EVERY_HOURS` hours in that shell, while the stamp
is not today's date and a journal is there. The hour set with `remind --after` is written
in when the snippet is printed.

The data folder: printed with `--home DIR`, the snippet keeps to DIR, as paincoach would;
otherwise it reads `$PAINCOACH_HOME` when that is set at the prompt (so it follows the
journal that `paincoach log` in that shell would use) and else the folder resolved now.
"""

from __future__ import annotations

import shlex
from pathlib import Path

SHELLS = ("bash", "zsh", "fish")
EVERY_HOURS = 3
BEGIN = "# >>> paincoach nudge >>>"
END = "# <<< paincoach nudge <<<"


def snippet(shell: str, home: Path, line: str, *, fixed_home: bool, after: int | None) -> str:
    """The rc-file text for `shell` that prints `line`, for the data folder `home`."""
    if shell == "fish":
        return _fish(home, line, fixed_home=fixed_home, after=after)
    return _posix_like(shell, home, line, fixed_home=fixed_home, after=after)


def _header(shell: str, after: int | None) -> list[str]:
    rc = {"bash": "~/.bashrc", "zsh": "~/.zshrc", "fish": "~/.config/fish/config.fish"}[shell]
    hour = f" (from {after:02d}:00)" if after is not None else ""
    return [
        BEGIN,
        f"# paincoach: one gentle line at the prompt while nothing is logged today{hour},",
        f"# at most once every {EVERY_HOURS} hours in each shell. The shell reads the file",
        "# 'checked-in' in your data folder itself: no paincoach runs at the prompt.",
        f"# Made by 'paincoach remind --shell {shell}'. To remove it, delete the lines",
        f"# from '>>> paincoach nudge' to '<<< paincoach nudge' in {rc}.",
    ]


def _posix_like(shell: str, home: Path, line: str, *, fixed_home: bool, after: int | None) -> str:
    folder = shlex.quote(str(home))
    where = folder if fixed_home else f"${{PAINCOACH_HOME:-{folder}}}"
    late = f"  (( 10#$hour < {after} )) && return $rc\n" if after is not None else ""
    if shell == "bash":
        clock = (
            "  if (( BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1] >= 402 )); then\n"
            "    printf -v now '%(%s)T' -1\n"
            "    printf -v day '%(%F)T' \"$now\"; printf -v hour '%(%H)T' \"$now\"\n"
            "  else\n"
            "    read -r now day hour <<< \"$(date '+%s %F %H')\"\n"
            "  fi\n"
        )
        hook = (
            'case ";${PROMPT_COMMAND-};" in\n'
            "  *';__paincoach_nudge;'*) ;;\n"
            '  *) PROMPT_COMMAND="__paincoach_nudge${PROMPT_COMMAND:+;$PROMPT_COMMAND}" ;;\n'
            "esac\n"
        )
    else:
        clock = "  now=$EPOCHSECONDS\n  strftime -s day '%F' $now; strftime -s hour '%H' $now\n"
        hook = (
            "zmodload -F zsh/datetime b:strftime p:EPOCHSECONDS\n"
            "autoload -Uz add-zsh-hook && add-zsh-hook precmd __paincoach_nudge\n"
        )
    body = (
        "__paincoach_nudge() {\n"
        f"  local rc=$? home={where} now day hour stamp=\n"
        f"{clock}"
        f"  (( now - ${{__paincoach_nudged:-0}} < {EVERY_HOURS * 3600} )) && return $rc\n"
        '  [[ -r $home/checked-in ]] && read -r stamp < "$home/checked-in"\n'
        '  [[ $stamp == "$day" || ! -s $home/paincoach.db ]] && return $rc\n'
        f"{late}"
        "  __paincoach_nudged=$now\n"
        f"  printf '%s\\n' {shlex.quote(line)}\n"
        "  return $rc\n"
        "}\n"
    )
    return "\n".join(_header(shell, after)) + "\n" + body + hook + END + "\n"


def fish_quote(text: str) -> str:
    """`text` as one fish word: in fish's single quotes only \\ and ' are special."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _fish(home: Path, line: str, *, fixed_home: bool, after: int | None) -> str:
    folder = fish_quote(str(home))
    if fixed_home:
        where = f"    set -l home {folder}\n"
    else:
        where = f'    set -l home $PAINCOACH_HOME\n    test -n "$home"; or set home {folder}\n'
    late = f"    test $__paincoach_hour -lt {after}; and return\n" if after is not None else ""
    body = (
        "function __paincoach_nudge --on-event fish_prompt\n"
        f"{where}"
        "    # fish has no clock of its own: one `date` an hour, and between those the\n"
        "    # seconds since boot, which fish reads itself (one date a prompt without them)\n"
        "    set -l up; set -l rest; set -l stamp\n"
        "    test -r /proc/uptime; and read up rest < /proc/uptime\n"
        "    set up (string split -f1 . -- $up)\n"
        '    if test -z "$up"; or not set -q __paincoach_next; or test $up -ge $__paincoach_next\n'
        "        set -l t (date '+%s %F %H %M %S' | string split ' ')\n"
        "        set -g __paincoach_day $t[2]\n"
        "        set -g __paincoach_hour $t[3]\n"
        '        if test -n "$up"\n'
        "            set -g __paincoach_next (math $up + 3600 - $t[4] \\* 60 - $t[5])\n"
        "        else\n"
        "            set up $t[1]\n"
        "        end\n"
        "    end\n"
        "    set -q __paincoach_nudged; or set -g __paincoach_nudged -99999\n"
        f"    test (math $up - $__paincoach_nudged) -lt {EVERY_HOURS * 3600}; and return\n"
        "    test -r $home/checked-in; and read stamp < $home/checked-in\n"
        '    test "$stamp" = $__paincoach_day; and return\n'
        "    test -s $home/paincoach.db; or return\n"
        f"{late}"
        "    set -g __paincoach_nudged $up\n"
        f"    printf '%s\\n' {fish_quote(line)}\n"
        "end\n"
    )
    return "\n".join(_header("fish", after)) + "\n" + body + END + "\n"
