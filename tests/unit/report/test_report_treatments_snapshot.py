"""A snapshot of the report's treatment sections (issue 16, item 7): the Markdown the
clinician reads, compared whole with `tests/unit/report/expected/treatments.md`.

After an intended change, write the file again with
`PAINCOACH_UPDATE_EXPECTED=1 pytest tests/unit/report/test_report_treatments_snapshot.py`,
then read the difference before committing it.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from paincoach.db.engine import Database
from paincoach.report import markdown as report_markdown
from paincoach.report.build import build_report
from tests.review_support import MON
from tests.support import NOW
from tests.unit.review.treatment_support import treated_week

EXPECTED = Path(__file__).parent / "expected" / "treatments.md"
KEPT = ("## Treatments", "## As-needed days", "## Relief")


def treatment_sections(markdown: str) -> str:
    """The report's treatment sections, from their headings to the next section's."""
    parts = markdown.split("\n## ")
    kept = [f"## {part}" for part in parts[1:] if f"## {part}".startswith(KEPT)]
    return "\n".join(kept).rstrip() + "\n"


def test_the_treatment_sections_read_as_the_clinician_sees_them(home: Path) -> None:
    db = Database.open(home)
    treated_week(db)
    report = build_report(db, MON - timedelta(days=7), MON + timedelta(days=6), now=NOW)
    found = treatment_sections(report_markdown.render(report))
    assert found.count("## ") == 3, found
    if os.environ.get("PAINCOACH_UPDATE_EXPECTED"):
        EXPECTED.write_text(found, encoding="utf-8")
    assert found == EXPECTED.read_text(encoding="utf-8")
