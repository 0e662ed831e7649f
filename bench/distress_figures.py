"""Figures for the distress phrase list: the corpus caught / missed / false alarms, and speed.

Reads `tests/unit/records/distress_corpus.toml` (positives, idioms, ordinary notes and the
known misses) against `data/distress.toml`, and times the matcher: reading the list once,
a short note, and the longest note paincoach keeps (20,000 characters), as medians.
No assertions: the tests hold the rules; this prints what docs/distress-phrases.md quotes.

Run:  .venv/bin/python bench/distress_figures.py [--runs 50]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from paincoach.records import distress_quick, distress_text
from paincoach.records.distress import DistressMatcher, load_phrases

CORPUS = Path(__file__).parents[1] / "tests" / "unit" / "records" / "distress_corpus.toml"
SHORT = "Bad night. Pain 7 in the lower back, slept maybe 3 hours. My back is killing me."


def fresh() -> None:
    """Forget what a process keeps once: compiled expressions, the file check."""
    re.purge()
    distress_text._spelling_regex.cache_clear()
    distress_quick.words_are_current.cache_clear()


def median_ms(
    action: Callable[[], object], runs: int, before: Callable[[], None] | None = None
) -> float:
    """The median time of `action` in milliseconds (`before` each run, untimed)."""
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    """Print the corpus figures and the timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs
    corpus = tomllib.loads(CORPUS.read_text(encoding="utf-8"))
    matcher = DistressMatcher(load_phrases())
    at_risk = corpus["positives"] + corpus["missed"]
    caught = sum(1 for text in at_risk if matcher.found(text))
    everyday = corpus["idioms"] + corpus["ordinary"]
    alarms = [text for text in everyday if matcher.found(text)]
    print(f"phrase list: {len(matcher.list.phrases)} phrases, {len(matcher.list.idioms)} idioms")
    print(f"corpus: {len(at_risk) + len(everyday)} sentences")
    print(f"  at risk: {len(at_risk)}, caught {caught}, missed {len(at_risk) - caught}")
    print(f"  everyday (idioms and notes): {len(everyday)}, false alarms {len(alarms)}")
    for text in alarms:
        print(f"    false alarm: {text}")
    long_note = (SHORT + " ") * (20_000 // (len(SHORT) + 1))
    reading = median_ms(load_phrases, max(5, runs // 10))
    print(f"reading the list: {reading:.1f} ms (once a process)")
    first = median_ms(lambda: DistressMatcher(load_phrases()), max(5, runs // 10), fresh)
    print(f"reading and compiling it, as the first save of a process: {first:.1f} ms")
    quick = median_ms(lambda: distress_quick.found("walk"), runs, fresh)
    print(f"the quick check instead (file checked, 'walk'): {quick:.2f} ms")
    for kind in ("ordinary", "idioms"):
        passed = sum(1 for text in corpus[kind] if not distress_quick.may_hold_a_phrase(text))
        print(f"  {kind} sentences answered without the list: {passed} of {len(corpus[kind])}")
    print(f"a short note: {median_ms(lambda: matcher.found(SHORT), runs) * 1000:.0f} µs")
    print(f"a 20,000-character note: {median_ms(lambda: matcher.found(long_note), runs):.1f} ms")
    hit = long_note + " I want to die"
    with_phrase = median_ms(lambda: matcher.found(hit), runs)
    print(f"the same, with a phrase at its end: {with_phrase:.1f} ms")


if __name__ == "__main__":
    main()
