"""Import reads the file a record at a time: the streaming reader, and memory that stays flat."""

from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paincoach.db.engine import Database
from paincoach.transfer import json_stream
from paincoach.transfer.export import FORMAT
from paincoach.transfer.import_records import DECODER
from paincoach.transfer.importer import import_file
from tests.data_support import db_path, table_counts

AT = "2026-11-26T08:30:00+01:00"


class CountingReader(io.BytesIO):
    """A file that remembers how many bytes were asked of it so far."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.given = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.given += len(data)
        return data


def assembled(data: bytes) -> Any:
    """The document `parts` reads from `data`, put back together."""
    document: dict[str, Any] = {}
    for part in json_stream.parts(io.BytesIO(data), DECODER):
        if part.key is None:
            return part.value
        if part.item is None:
            document[part.key] = [] if part.value is json_stream.LIST else part.value
        else:
            document[part.key].append(part.value)
    return document


def outcome(read: Any, data: bytes) -> tuple[Any, ...]:
    """What reading gives: the value, or the kind of error with json's message and line."""
    try:
        return ("read", read(data))
    except json.JSONDecodeError as exc:
        return ("bad JSON", exc.msg, exc.lineno, exc.colno)
    except UnicodeDecodeError:
        return ("not UTF-8",)
    except RecursionError:
        return ("too deep",)
    except ValueError as exc:
        return ("cannot be read", str(exc))


def whole(data: bytes) -> Any:
    """What a whole read gives (as `json.loads` with the import's own hooks)."""
    return DECODER.decode(data.decode("utf-8-sig"))


def export_bytes(count: int) -> bytes:
    records = ",\n".join(
        json.dumps({"at": AT, "pain": n % 11, "note": f"note {n} " + "é" * (n % 50)})
        for n in range(count)
    )
    return f'{{"format": "{FORMAT}", "version": 1,\n"checkins": [\n{records}\n]}}\n'.encode()


def test_records_come_one_by_one_long_before_the_file_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(json_stream, "CHUNK", 4096)
    data = export_bytes(5000)
    handle = CountingReader(data)
    read_when: dict[int, int] = {}
    for part in json_stream.parts(handle, DECODER):
        if part.key == "checkins" and part.item is not None:
            read_when[part.item] = handle.given
    assert sorted(read_when) == list(range(5000))
    assert read_when[0] <= 2 * 4096  # the first record, from the first bytes of the file
    assert read_when[2500] < len(data) * 0.6
    assert assembled(data) == whole(data)


WINDOWS = [1, 3, 7, 64, 1 << 20]
TEXTS = [
    b"",
    b"   ",
    b"[1, 2]",
    b'"just text"',
    b"{}",
    b'\xef\xbb\xbf{"a": [1, 2.5e3, true, null, "x\\u00e9\\ud83d\\ude00"]}',
    b'{"a": [], "b": {"c": [1]}, "d": -0.5}',
    b'{"a": 1,\n "b": [\n  {"c": 2},\n  {"c": 3}\n  {"c": 4}\n]}',  # a missing comma, line 5
    b'{"a": [1, 2,]}',
    b'{"a": 1,}',
    b'{"a" 1}',
    b'{"a": [1 2]}',
    b'{"a": "cut',
    b'{"a": [tru]}',
    b'{"a": [1e]}',
    b'{"a": 1} extra',
    b'{"a": 1, "a": 2}',
    b'{"a": [{"b": 1, "b": 2}]}',
    b'{"a": [NaN]}',
    b'{"a": [1' + b"0" * 5000 + b"]}",
    b"[" * 100_000 + b"]" * 100_000,
    b'{"a": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}",
    b'{"a": [1 2], "b": "\xff"}',  # bytes that are not UTF-8 come first, as in a whole read
    b'{"a": [{"b": "\xc3"}]}',
]


@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("data", TEXTS, ids=[repr(text[:30]) for text in TEXTS])
def test_the_reader_says_what_a_whole_read_says(
    monkeypatch: pytest.MonkeyPatch, data: bytes, window: int
) -> None:
    monkeypatch.setattr(json_stream, "CHUNK", window)
    assert outcome(assembled, data) == outcome(whole, data)


def test_bad_json_far_into_a_big_file_is_found_on_its_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(json_stream, "CHUNK", 1000)
    lines = export_bytes(3000).split(b"\n")
    lines[2500] = lines[2500].replace(b'"pain"', b"pain", 1)
    data = b"\n".join(lines)
    found = outcome(assembled, data)
    assert found[:3] == ("bad JSON", "Expecting property name enclosed in double quotes", 2501)
    assert found == outcome(whole, data)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(
    document=st.dictionaries(st.text(max_size=6), json_values, max_size=5),
    window=st.sampled_from(WINDOWS),
    indent=st.sampled_from([None, 0, 2]),
    cut=st.integers(0, 400),
    noise=st.sampled_from([b"", b",", b"]", b"}", b'"', b"\\", b"\n", b"\xff", b"x"]),
)
def test_any_document_and_any_damage_to_it_read_as_a_whole_read_would(
    document: dict[str, Any], window: int, indent: int | None, cut: int, noise: bytes
) -> None:
    old = json_stream.CHUNK
    json_stream.CHUNK = window
    try:
        data = json.dumps(document, indent=indent, ensure_ascii=cut % 2 == 0).encode()
        assert outcome(assembled, data) == outcome(whole, data) == ("read", document)
        damaged = data[: cut % (len(data) + 1)] + noise + data[cut % (len(data) + 1) :]
        assert outcome(assembled, damaged) == outcome(whole, damaged)
    finally:
        json_stream.CHUNK = old


def peak_of_import(home: Path, path: Path) -> int:
    db = Database.open(home)
    tracemalloc.start()
    try:
        import_file(db, path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        db.close()


def test_memory_does_not_grow_with_the_size_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(json_stream, "CHUNK", 64 * 1024)
    peaks = {}
    for count in (2_000, 20_000):
        path = tmp_path / f"export-{count}.json"
        path.write_bytes(export_bytes(count))
        home = tmp_path / f"home-{count}"
        peaks[count] = peak_of_import(home, path)
        assert table_counts(db_path(home))["checkins"] == count
    # A whole read needed about ten times as much for ten times the records.
    assert peaks[20_000] < 1.5 * peaks[2_000], peaks
