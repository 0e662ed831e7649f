"""An earlier version beside the current one: every figure, as a Markdown table.

    .venv/bin/python bench/run.py --against before=PATH/TO/OLD/src --label ab
    .venv/bin/python bench/compare.py bench/out/results-ab.json before

`--against` runs the other version's processes (PYTHONPATH=its src) in the same rounds as
the current one and the baselines, so both meet the same moments of a busy machine.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from labels import GROWTH, KEY_LABELS, PAIRS


def _ms(value: float) -> str:
    return f"{value:.0f}" if value >= 20 else f"{value:.1f}"


def rows(before: dict[str, Any], after: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(figure, before, after) for every figure both files have."""
    found = []
    bp, ap = before["process"], after["process"]
    for label, key, _base, base_label, _strict in PAIRS:
        for home in ("empty", "ten-years"):
            b, a = bp[f"{key}/{home}"], ap[f"{key}/{home}"]
            found.append(
                (
                    f"{label}, {home} home (ratio to {base_label})",
                    f"{_ms(b['median'])} ms ({b['ratio']:.2f}×)",
                    f"{_ms(a['median'])} ms ({a['ratio']:.2f}×)",
                )
            )
    for key in GROWTH:
        found.append(
            (f"{key.replace('_', ' ')}: ten years / empty", f"{bp[f'{key}/growth']:.2f}×",
             f"{ap[f'{key}/growth']:.2f}×")
        )  # fmt: skip
    for name in ("hello_first_frame", "import_textual_sqlmodel", "import_sqlmodel"):
        found.append((f"baseline {name}", _ms(bp[name]["median"]), _ms(ap[name]["median"])))
    bi, ai = before["in_process"], after["in_process"]
    for home in ("empty", "ten-years"):
        for key, value in ai[f"queries/{home}"].items():
            old = bi[f"queries/{home}"].get(key)
            found.append(
                (f"{key.replace('_', ' ')}, {home} (ms)", "–" if old is None else _ms(old),
                 _ms(value))
            )  # fmt: skip
        for key, label in KEY_LABELS.items():
            old, new = bi[f"keys/{home}"].get(key), ai[f"keys/{home}"].get(key)
            if old and new:
                found.append(
                    (f"{label}, {home} (median; first)",
                     f"{_ms(old['median'])}; {_ms(old['first'])}",
                     f"{_ms(new['median'])}; {_ms(new['first'])}")
                )  # fmt: skip
        found.append(
            (f"peak memory, {home} (MB)", f"{bi[f'keys/{home}']['maxrss_kb'] / 1024:.0f}",
             f"{ai[f'keys/{home}']['maxrss_kb'] / 1024:.0f}")
        )  # fmt: skip
    found.append(
        ("first `paincoach today` of the day, ten years (ms)",
         _ms(before["first_open"]["median"]), _ms(after["first_open"]["median"]))
    )  # fmt: skip
    return found


def main() -> int:
    """Print the table."""
    after = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    label = sys.argv[2] if len(sys.argv) > 2 else "before"
    before = after["against"][label]
    print(f"| figure | {label} | now |")
    print("| --- | ---: | ---: |")
    for figure, old, new in rows(before, after):
        print(f"| {figure} | {old} | {new} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
