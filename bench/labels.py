"""What the benchmark reports, by key (shared by run.py and compare.py): the pairs timed
against a baseline, the figures that must not grow with the journal, the key presses."""

from __future__ import annotations

#: (label, figure, baseline, its label, strict baseline) for each whole-process ratio. The
#: strict baseline gives the libraries paincoach's own conditions: the collector paused (and
#: frozen before exit) as paincoach's entry point does, and, for the imports, no interpreter
#: exit (about 90 ms of a bare `python -c` is the exit's last collection).
PAIRS = [
    ("app: first frame", "first_frame", "hello_first_frame", "hello-world first frame",
     "hello_first_frame_paused"),
    ("app: Today with its data", "today_data", "import_textual_sqlmodel",
     "`import textual.app, sqlmodel`", "import_textual_sqlmodel_stamped"),
    ("`paincoach log`", "log", "import_sqlmodel", "`import sqlmodel`", "import_sqlmodel_paused"),
    ("`paincoach today`", "today", "import_sqlmodel", "`import sqlmodel`",
     "import_sqlmodel_paused"),
    ("`paincoach week`", "week", "import_sqlmodel", "`import sqlmodel`", "import_sqlmodel_paused"),
]  # fmt: skip

GROWTH = ("first_frame", "today_data", "log", "today", "week")

KEY_LABELS = {
    "checkin": "`c` on Today → check-in dialog drawn",
    "week": "`[` on Week → the week before drawn with its figures",
    "history_page": "Ctrl+End in History → next 30 days drawn",
    "history_down": "↓ in History → cursor moved",
}
