"""Unit tests of paincoach.safety."""
