"""Practice: exercise sessions, thought records, pacing plans, goals and the flare-up plan."""
