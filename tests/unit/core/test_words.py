"""Counted words read as people write them."""

from paincoach.core.words import counted, in_unit, one_of


def test_one_and_many() -> None:
    assert counted(1, "day") == "1 day"
    assert counted(0, "day") == "0 days"
    assert counted(2, "entry", "entries") == "2 entries"
    assert counted(1, "entry", "entries") == "1 entry"


def test_an_amount_of_1_reads_in_the_singular_of_the_persons_own_unit() -> None:
    assert in_unit(1, "minutes") == "1 minute"
    assert in_unit(1.0, "minutes") == "1 minute"
    assert in_unit(12, "minutes") == "12 minutes"
    assert in_unit(0, "minutes") == "0 minutes"
    assert in_unit(2.5, "km") == "2.5 km"
    assert in_unit(1.5, "minutes") == "1.5 minutes"
    assert in_unit(1, "steps") == "1 step"
    assert in_unit(1, "Laps") == "1 Lap"
    assert in_unit(1, "flights of stairs") == "1 flight of stairs"
    assert in_unit(1, "press-ups") == "1 press-up"
    assert in_unit(1, "stretches") == "1 stretch"
    assert in_unit(1, "glasses") == "1 glass"
    assert in_unit(1, "reps") == "1 rep"
    assert in_unit(1234567, "steps") == "1234567 steps"


def test_a_unit_that_is_not_a_regular_plural_is_kept_as_typed() -> None:
    for unit in ("km", "m", "ms", "feet", "press", "plus", "minutes…", ""):
        assert one_of(unit) == unit
    assert in_unit(1, "km") == "1 km"
