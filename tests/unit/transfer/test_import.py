"""Import: merge by uid, strict checks with section/index/field, all or nothing, round trip."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paincoach.db.engine import Database
from paincoach.transfer.export import FORMAT, export_document, sections, write_json
from paincoach.transfer.importer import BATCH, ImportRecordError, import_file
from tests.data_support import db_path, fill_home, normalised, table_counts
from tests.storage_support import digest, is_write, sql_trace, transactions

AT = "2026-11-26T08:30:00+01:00"


def document(**sections_: Any) -> dict[str, Any]:
    return {"format": FORMAT, "version": 1, **sections_}


def write(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def export_text(db: Database) -> str:
    buffer = io.StringIO()
    write_json(export_document(db), buffer)
    return buffer.getvalue()


def test_export_import_into_an_empty_home_export_again_is_the_same(
    home: Path, tmp_path: Path
) -> None:
    fill_home(home)
    first = export_document(Database.open(home))
    path = tmp_path / "export.json"
    path.write_text(export_text(Database.open(home)), encoding="utf-8")
    other = tmp_path / "other-home"
    report = import_file(Database.open(other), path)
    assert report.added == {s: len(first[s]) for s in sections()}
    assert report.flare_plan == "added"
    again = export_document(Database.open(other))
    assert normalised(again) == normalised(first)
    assert table_counts(db_path(other)) == table_counts(db_path(home))


def test_importing_the_same_file_again_skips_every_record(home: Path, tmp_path: Path) -> None:
    fill_home(home)
    path = tmp_path / "export.json"
    path.write_text(export_text(Database.open(home)), encoding="utf-8")
    before = table_counts(db_path(home))
    report = import_file(Database.open(home), path)
    assert report.total_added == 0
    assert report.skipped == before
    assert report.flare_plan == "kept yours"
    assert table_counts(db_path(home)) == before


def test_uid_is_optional_and_optional_fields_may_be_absent_or_null(
    home: Path, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "mine.json",
        document(
            checkins=[{"at": AT, "pain": 6}, {"at": AT, "pain": 3, "mood": None, "note": None}],
            activities=[{"at": AT, "name": "walk", "minutes": 20, "paced": None}],
            thought_records=[{"at": AT}],
            exercise_sessions=[
                {"exercise_id": "breathing-box", "kind": "breathing", "started_at": AT}
            ],
            pacing_plans=[{"activity": "walk", "baseline": 16, "start_day": "2026-11-01"}],
            weekly_checks=[{"at": AT, "pain": 5, "enjoyment": 4, "activity": 6}],
            goals=[{"text": "Walk to the shop"}],
        ),
    )
    db = Database.open(home)
    report = import_file(db, path)
    assert report.total_added == 8
    exported = export_document(db)
    uids = [r["uid"] for s in sections() for r in exported[s]]
    assert len(set(uids)) == 8 and all(len(uid) == 36 for uid in uids)
    checkin = exported["checkins"][0]
    assert (checkin["mood"], checkin["areas"], checkin["note"]) == (None, [], "")
    assert exported["activities"][0]["paced"] is False
    session = exported["exercise_sessions"][0]
    assert (session["exercise_title"], session["steps_total"], session["ended_at"]) == (
        "breathing-box",
        1,
        AT,
    )
    assert exported["pacing_plans"][0]["percent"] == 10.0
    assert exported["weekly_checks"][0]["week_start"] == "2026-11-23"
    assert exported["goals"][0]["day"]


BAD_RECORDS = [
    ("checkins", {"at": AT}, "pain", "required"),
    ("checkins", {"pain": 4}, "at", "required"),
    ("checkins", {"at": AT, "pain": 11}, "pain", "0 to 10"),
    ("checkins", {"at": AT, "pain": "6"}, "pain", "whole number"),
    ("checkins", {"at": AT, "pain": 6.5}, "pain", "whole number"),
    ("checkins", {"at": AT, "pain": True}, "pain", "whole number"),
    ("checkins", {"at": AT, "pain": 6, "mood": -1}, "mood", "0 to 10"),
    ("checkins", {"at": "2026-11-26T08:30:00", "pain": 6}, "at", "offset"),
    ("checkins", {"at": "yesterday", "pain": 6}, "at", "moment like"),
    ("checkins", {"at": AT, "pain": 6, "areas": "back"}, "areas", "list of texts"),
    ("checkins", {"at": AT, "pain": 6, "uid": "42"}, "uid", "UUID"),
    ("checkins", {"at": AT, "pain": 6, "colour": "red"}, "colour", "not a field"),
    ("activities", {"at": AT, "name": "walk", "minutes": 0}, "minutes", "1 to 1440"),
    ("activities", {"at": AT, "name": "walk", "minutes": 1441}, "minutes", "1 to 1440"),
    ("activities", {"at": AT, "name": "", "minutes": 5}, "name", "name the activity"),
    ("activities", {"at": AT, "minutes": 5}, "name", "required"),
    ("activities", {"at": AT, "name": "x", "minutes": 5, "paced": "yes"}, "paced", "true or"),
    ("thought_records", {"at": AT, "belief": 101}, "belief", "0 to 100"),
    ("thought_records", {"at": AT, "emotions": [{"name": "Sad", "x": 1}]}, "emotions", "name"),
    (
        "exercise_sessions",
        {"exercise_id": "a", "kind": "b", "started_at": AT, "steps_done": 3, "steps_total": 2},
        "steps_done",
        "cannot be more",
    ),
    ("pacing_plans", {"activity": "w", "baseline": 0, "start_day": "2026-11-01"}, "baseline", "1"),
    ("pacing_plans", {"activity": "w", "baseline": 5, "start_day": "1 Nov"}, "start_day", "date"),
    ("weekly_checks", {"at": AT, "pain": 5, "enjoyment": 4}, "activity", "required"),
    ("goals", {"text": "  "}, "text", "empty"),
    ("course_events", {"course_id": "c", "action": "jump", "at": AT}, "action", "one of start"),
    ("course_events", {"course_id": "c", "action": "week", "at": AT}, "week", "1 to 52"),
    ("course_events", {"course_id": "c", "action": "week", "week": 53, "at": AT}, "week", "1 to"),
    ("course_events", {"course_id": "c", "action": "pause", "week": 2, "at": AT}, "week", "null"),
    ("course_events", {"action": "start", "week": 1, "at": AT}, "course_id", "required"),
]  # fmt: skip


@pytest.mark.parametrize(("section", "record", "field", "words"), BAD_RECORDS)
def test_an_invalid_record_names_its_section_index_and_field(
    home: Path, tmp_path: Path, section: str, record: dict[str, Any], field: str, words: str
) -> None:
    good = {"checkins": {"at": AT, "pain": 5}}.get(section) or None
    records = [good, record] if good else [record]
    path = write(tmp_path / "bad.json", document(**{section: records}))
    db = Database.open(home)
    before = digest(db_path(home))
    with pytest.raises(ImportRecordError) as caught:
        import_file(db, path)
    index = len(records) - 1
    assert caught.value.section == section and caught.value.index == index
    assert caught.value.field == field
    assert f"{section}[{index}]" in caught.value.message and f"'{field}'" in caught.value.message
    assert words in caught.value.message
    assert caught.value.message.endswith("Nothing was imported.")
    assert digest(db_path(home)) == before
    assert sum(table_counts(db_path(home)).values()) == 0


def test_the_first_invalid_record_stops_everything_even_after_valid_ones(
    home: Path, tmp_path: Path
) -> None:
    checkins = [{"at": AT, "pain": n} for n in range(10)] + [{"at": AT, "pain": 12}]
    path = write(tmp_path / "bad.json", document(checkins=checkins))
    with pytest.raises(ImportRecordError, match=r"checkins\[10\] \(record 11\)"):
        import_file(Database.open(home), path)
    assert table_counts(db_path(home))["checkins"] == 0


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("not json", "not valid JSON"),
        ('{"format": "other", "version": 1}', "not a paincoach export"),
        ('{"format": "paincoach-export", "version": 4}', "newer paincoach"),
        ('{"format": "paincoach-export"}', "no version"),
        ('{"format": "paincoach-export", "version": 1, "extra": []}', "'extra' is not"),
        ('{"format": "paincoach-export", "version": 1, "checkins": {}}', "list of records"),
        ('{"format": "paincoach-export", "version": 1, "checkins": [1]}', "object"),
        ('{"format": "paincoach-export", "version": 1, "version": 1}', "appears twice"),
        ('{"format": "paincoach-export", "version": 1, "checkins": [{"at": NaN}]}', "NaN"),
    ],
)
def test_a_file_that_is_not_a_usable_export_is_refused(
    home: Path, tmp_path: Path, text: str, words: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportRecordError, match=words):
        import_file(Database.open(home), path)


def test_a_file_that_is_not_utf8_is_refused(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b'{"format": "\xff"}')
    with pytest.raises(ImportRecordError, match="not UTF-8"):
        import_file(Database.open(home), path)


def test_an_import_is_one_immediate_transaction_however_many_batches(
    home: Path, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "mine.json",
        document(
            checkins=[{"at": AT, "pain": n % 11} for n in range(2 * BATCH + 1)],
            activities=[{"at": AT, "name": "w", "minutes": 5}],
        ),
    )
    db = Database.open(home)
    with sql_trace(db) as statements:
        report = import_file(db, path)
    writing = [t for t in transactions(statements) if any(is_write(s) for s in t)]
    assert len(writing) == 1 and writing[0][0] == "BEGIN IMMEDIATE"
    assert report.added == {"checkins": 2 * BATCH + 1, "activities": 1}


def test_an_imported_plan_meeting_an_active_plan_is_kept_stopped(
    home: Path, tmp_path: Path
) -> None:
    plan = {"activity": "Walk", "baseline": 10, "start_day": "2026-11-01"}
    db = Database.open(home)
    import_file(db, write(tmp_path / "one.json", document(pacing_plans=[plan])))
    report = import_file(
        db, write(tmp_path / "two.json", document(pacing_plans=[dict(plan, activity="walk")]))
    )
    assert report.added["pacing_plans"] == 1 and report.plans_made_inactive == 1
    plans = export_document(db)["pacing_plans"]
    assert sorted(p["active"] for p in plans) == [False, True]


def test_imported_names_take_the_journals_spelling_or_the_files_first(
    home: Path, tmp_path: Path
) -> None:
    from paincoach.journal.service import Journal
    from tests.storage_support import activity, checkin

    journal = Journal(Database.open(home))
    journal.add_checkin(checkin(areas=("Lower back",), tags=("cold",)))
    journal.add_activity(activity("Walk"))
    checkins = [
        {"at": AT, "pain": 4, "areas": ["lower back", "Knee"], "tags": ["COLD", "Straße"]},
        {"at": AT, "pain": 5, "areas": ["KNEE"], "tags": ["STRASSE"]},
    ]
    activities = [
        {"at": AT, "name": "walk", "minutes": 10},
        {"at": AT, "name": "Swim", "minutes": 5},
    ]
    plans = [{"activity": "SWIM", "baseline": 10, "start_day": "2026-11-01"}]
    import_file(
        journal.db,
        write(
            tmp_path / "names.json",
            document(checkins=checkins, activities=activities, pacing_plans=plans),
        ),
    )
    found = export_document(journal.db)
    assert sorted((c["areas"], c["tags"]) for c in found["checkins"]) == [
        (["Knee"], ["Straße"]),
        (["Lower back"], ["cold"]),  # the journal's own
        (["Lower back", "Knee"], ["cold", "Straße"]),
    ]
    assert sorted(a["name"] for a in found["activities"]) == ["Swim", "Walk", "Walk"]
    assert [p["activity"] for p in found["pacing_plans"]] == ["Swim"]


def test_a_flare_plan_is_added_only_when_there_is_none(home: Path, tmp_path: Path) -> None:
    plan = {"helps": ["heat"], "tell": "Sam", "drop": [], "signs": ["stiff"]}
    db = Database.open(home)
    first = import_file(db, write(tmp_path / "a.json", document(flare_plan=plan)))
    second = import_file(
        db, write(tmp_path / "b.json", {**document(), "flare_plan": dict(plan, tell="Jo")})
    )
    assert (first.flare_plan, second.flare_plan) == ("added", "kept yours")
    assert export_document(db)["flare_plan"]["tell"] == "Sam"
    with pytest.raises(ImportRecordError, match="flare_plan, field 'colour'"):
        import_file(db, write(tmp_path / "c.json", document(flare_plan={"colour": "red"})))


notes = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=40
).map(str.rstrip)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.integers(0, 10), st.none() | st.integers(0, 10), notes), min_size=1, max_size=5
    )
)
def test_any_checkins_survive_a_round_trip(tmp_path: Path, entries: list[Any]) -> None:
    from tests.storage_support import checkin, open_journal

    source = tmp_path / f"src-{abs(hash(str(entries)))}"
    journal = open_journal(source)
    for pain, mood, note in entries:
        journal.add_checkin(checkin(pain=pain, mood=mood, note=note))
    first = export_document(journal.db)
    path = source / "export.json"
    path.write_text(export_text(journal.db), encoding="utf-8")
    target = Database.open(source / "target")
    import_file(target, path)
    assert normalised(export_document(target)) == normalised(first)


def test_a_problem_after_many_written_batches_still_leaves_nothing(
    home: Path, tmp_path: Path
) -> None:
    good = [{"at": AT, "pain": n % 11} for n in range(2 * BATCH + 5)]
    db = Database.open(home)
    before = digest(db_path(home))
    bad_record = write(tmp_path / "a.json", document(checkins=[*good, {"at": AT, "pain": 11}]))
    with pytest.raises(ImportRecordError, match=rf"checkins\[{2 * BATCH + 5}\]"):
        import_file(db, bad_record)
    cut = tmp_path / "b.json"
    cut.write_text(json.dumps(document(checkins=good))[:-3], encoding="utf-8")
    with pytest.raises(ImportRecordError, match="not valid JSON"):
        import_file(db, cut)
    late_header = tmp_path / "c.json"
    late_header.write_text(json.dumps({"checkins": good, "format": "other"}), encoding="utf-8")
    with pytest.raises(ImportRecordError, match="not a paincoach export"):
        import_file(db, late_header)
    assert digest(db_path(home)) == before
    assert sum(table_counts(db_path(home)).values()) == 0


def test_sections_out_of_export_order_are_merged_as_in_order(home: Path, tmp_path: Path) -> None:
    uids = [f"00000000-0000-4000-8000-00000000000{n}" for n in range(4)]
    plans = [{"uid": uids[0], "activity": "SWIM", "baseline": 10, "start_day": "2026-11-01"}]
    activities = [{"uid": uids[1], "at": AT, "name": "Swim", "minutes": 5}]
    checkins = [
        {"uid": uids[2], "at": AT, "pain": 4, "tags": ["Cold"]},
        {"uid": uids[3], "at": AT, "pain": 5, "tags": ["cold"]},
    ]
    path = tmp_path / "reordered.json"
    path.write_text(
        json.dumps(
            {"pacing_plans": plans, "checkins": checkins, "activities": activities, **document()}
        ),
        encoding="utf-8",
    )
    db = Database.open(home)
    report = import_file(db, path)
    assert report.added == {"checkins": 2, "activities": 1, "pacing_plans": 1}  # export order
    found = export_document(db)
    assert [p["activity"] for p in found["pacing_plans"]] == ["Swim"]  # the activity's spelling
    assert sorted(c["tags"] for c in found["checkins"]) == [["Cold"], ["Cold"]]
    again = import_file(db, path)
    assert again.total_added == 0 and again.skipped == report.added


def test_course_steps_import_and_say_where_the_person_is(home: Path, tmp_path: Path) -> None:
    course = {"course_id": "eight-weeks"}
    steps: list[dict[str, Any]] = [
        {**course, "action": "start", "week": 1, "at": "2026-11-02T19:00:00+00:00"},
        {**course, "action": "week", "week": 3, "at": "2026-11-16T19:00:00+00:00"},
        {**course, "action": "pause", "week": None, "at": AT},
    ]
    for index, step in enumerate(steps):
        step["uid"] = f"00000000-0000-0000-0000-00000000000{index}"
    path = write(tmp_path / "course.json", document(course_events=steps))
    db = Database.open(home)
    import_file(db, path)
    from paincoach.exercises.loader import load_library
    from paincoach.practice.course import Courses

    view = Courses(db, lambda: load_library(None), home).view()
    assert view is not None and (view.state, view.week) == ("paused", 3)
    import_file(db, path)  # the same file again: its uids are there, nothing is added twice
    assert table_counts(db_path(home))["course_events"] == 3
