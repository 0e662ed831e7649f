"""New uids: random (version 4) UUIDs in their usual text form, without the `uuid` module.

`uuid` loads `platform` at import, a few milliseconds of every `paincoach log` (issue 18);
a version-4 UUID is 122 random bits and six fixed ones, which is all this writes.
"""

from __future__ import annotations

import os


def new_uid() -> str:
    """A random UUID as `str(uuid.uuid4())` gives it: 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # the version: 4, random
    raw[8] = (raw[8] & 0x3F) | 0x80  # the variant: RFC 4122
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
