"""Unit tests of paincoach.exercises (the content engine)."""
