"""New uids are random version-4 UUIDs in the text form every journal already holds."""

from __future__ import annotations

import uuid

from paincoach.core.uids import new_uid


def test_a_new_uid_is_a_random_uuid_in_its_usual_text_form() -> None:
    made = [new_uid() for _ in range(2000)]
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text  # lower case, hyphens where `str(uuid.uuid4())` puts them
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122
    assert len(set(made)) == len(made)
    # Every one of the 122 random bits varies (a bit stuck at 0 or 1 would show here).
    ones = [0] * 128
    for text in made:
        value = uuid.UUID(text).int
        for bit in range(128):
            ones[bit] += (value >> bit) & 1
    fixed = {76, 77, 78, 79, 62, 63}  # the version (0100) and the variant (10) bits
    assert all(0 < ones[bit] < len(made) for bit in range(128) if bit not in fixed)
    assert [ones[bit] for bit in (79, 78, 77, 76)] == [0, len(made), 0, 0]
    assert [ones[bit] for bit in (63, 62)] == [len(made), 0]
