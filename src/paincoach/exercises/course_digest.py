"""Made from data/courses/ by `python -m paincoach.exercises.course_derive`.

Do not edit: the tests fail when this is not what the files give (then run it).
"""

SOURCES: tuple[tuple[str, int, int], ...] = (("eight-weeks.toml", 2167, 3122037672),)
COURSES: tuple[tuple[str, str, tuple[tuple[str, tuple[str, ...]], ...]], ...] = (
    (
        "eight-weeks",
        "Eight weeks of skills for living with pain",
        (
            ("how pain protects you; set one goal", ("pain-protector", "smart-goal")),
            (
                "why pacing helps; find your amount",
                ("why-pacing-helps", "pacing-plan", "pacing-session"),
            ),
            (
                "the pain cycle; try relaxed breathing",
                ("pain-stress-sleep-mood", "breathing-relaxed-3min", "pmr-short"),
            ),
            (
                "thoughts and pain; notice your own",
                ("thoughts-and-pain", "noticing-pain-thoughts", "thought-record"),
            ),
            (
                "doing what matters; plan something nice",
                ("what-matters", "pleasant-activities", "values-activities"),
            ),
            ("sleep and pain; plan your wake time", ("sleep-and-pain", "sleep-with-pain")),
            (
                "pain and people; plan what to say",
                ("pain-and-people", "explaining-my-pain", "saying-no"),
            ),
            ("flare-ups pass; write your plans", ("flare-ups-pass", "flare-plan", "setback-plan")),
        ),
    ),
)
