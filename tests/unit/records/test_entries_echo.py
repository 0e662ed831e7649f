"""The entry checks echo what was typed harmlessly (no control characters, cut short)."""

from __future__ import annotations

import pytest

from paincoach.core.errors import InputError
from paincoach.records.entries import check_minutes, check_rating


def test_a_value_that_is_not_a_number_is_echoed_harmlessly() -> None:
    for check in (lambda v: check_rating(v, "pain"), check_minutes):
        with pytest.raises(InputError) as caught:
            check("\x1b[2J" + "x" * 1000)
        assert "\x1b" not in caught.value.message and len(caught.value.message) < 120
        assert "␛[2J" in caught.value.message
